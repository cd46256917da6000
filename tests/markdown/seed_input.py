"""The seed post's body as Jekyll hands it to kramdown (after Liquid)."""

from __future__ import annotations

FIGURE = (
    '\n<figure class="highlight"><pre><code class="language-bash" data-lang="bash">'
    "</code></pre></figure>\n"
)


def seed_body(post: str) -> str:
    """Strip the front matter; render the two Liquid constructs the seed uses.

    ``{% include JB/setup %}`` renders to "" and an empty
    ``{% highlight bash %}{% endhighlight %}`` to Jekyll's empty figure.
    """
    body = post.split("---\n", 2)[2]
    body = body.replace("{% include JB/setup %}", "")
    return body.replace("{% highlight bash %}\n{% endhighlight %}", FIGURE)
