"""Generate a synthetic Jekyll blog for benchmarks: N posts with code, includes, tags."""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

HUGO_TEMPLATES = Path(__file__).resolve().parent / "hugo"

LAYOUT_DEFAULT = """<!DOCTYPE html>
<html><head><title>{{ page.title | escape }} - {{ site.title }}</title></head>
<body>{% include header.html %}
<main>{{ content }}</main>
<footer>{{ site.author }}</footer></body></html>
"""
LAYOUT_POST = """---
layout: default
---
<article><h1>{{ page.title }}</h1>
<p class="meta">{{ page.date | date_to_string }} {% for t in page.tags %}<a href="/tags/#{{ t | slugify }}">{{ t }}</a> {% endfor %}</p>
{{ content }}
{% if page.previous %}<a href="{{ page.previous.url }}">prev</a>{% endif %}
{% if page.next %}<a href="{{ page.next.url }}">next</a>{% endif %}
</article>
"""
HEADER = """<header><a href="{{ "/" | relative_url }}">{{ site.title }}</a>
<nav>{% for p in site.pages %}{% if p.title %}<a href="{{ p.url }}">{{ p.title }}</a>{% endif %}{% endfor %}</nav></header>
"""
NOTE = """<div class="note">{{ include.text | markdownify }}</div>"""
INDEX = """---
layout: default
title: Home
---
<ul>{% for post in site.posts limit: 50 %}<li><a href="{{ post.url }}">{{ post.title }}</a> {{ post.excerpt | strip_html | truncatewords: 20 }}</li>{% endfor %}</ul>
"""
TAGS = """---
layout: default
title: Tags
---
{% for tag in site.tags %}<h2 id="{{ tag[0] | slugify }}">{{ tag[0] }}</h2><ul>{% for p in tag[1] %}<li>{{ p.title }}</li>{% endfor %}</ul>{% endfor %}
"""
WORDS = ["jekyll", "liquid", "markdown", "kramdown", "rouge", "python", "static", "site", "generator", "build", "render", "template", "layout", "include", "draft", "post", "page", "permalink", "excerpt", "feed", "tag", "category"]
TAG_POOL = ["python", "jekyll", "web", "notes", "ml", "tools", "howto", "ruby"]


def paragraph(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(30, 80))]
    words[0] = words[0].capitalize()
    i = rng.randrange(3, len(words) - 3)
    words[i] = f"*{words[i]}*"
    words[i + 2] = f"`{words[i + 2]}`"
    return " ".join(words) + "."


CODE = '''```python
def render(post, site):
    """Render a post: Liquid, Markdown, layouts."""
    body = liquid(post.body, site)  # tags first
    return layout(markdown(body), post["layout"])
```'''

HIGHLIGHT = """{% highlight ruby %}
def hello(name)
  puts "Hello, #{name}!"
end
{% endhighlight %}"""


def post(rng: random.Random, i: int) -> str:
    tags = rng.sample(TAG_POOL, 2)
    parts = [paragraph(rng) for _ in range(rng.randint(3, 6))]
    parts.insert(2, f"## Section {i}")
    parts.insert(3, CODE)
    parts.append('{% include note.html text="A *note* with a [link](https://example.com)." %}')
    parts.append("- item one\n- item two\n  - nested")
    if i % 3 == 0:
        parts.append(HIGHLIGHT)
    return (
        f"---\nlayout: post\ntitle: \"Post number {i}\"\ntags: [{', '.join(tags)}]\n---\n"
        + "\n\n".join(parts)
        + "\n"
    )


def generate(dest: Path, n: int, seed: int = 42) -> Path:
    rng = random.Random(seed)
    for d in ("_posts", "_layouts", "_includes"):
        (dest / d).mkdir(parents=True, exist_ok=True)
    (dest / "_config.yml").write_text(
        "title: Bench\nauthor: jekpy\nurl: https://example.com\ntime: 2024-01-01 00:00:00 +0000\n",
        encoding="utf-8",
    )
    (dest / "_layouts" / "default.html").write_text(LAYOUT_DEFAULT, encoding="utf-8")
    (dest / "_layouts" / "post.html").write_text(LAYOUT_POST, encoding="utf-8")
    (dest / "_includes" / "header.html").write_text(HEADER, encoding="utf-8")
    (dest / "_includes" / "note.html").write_text(NOTE, encoding="utf-8")
    (dest / "index.html").write_text(INDEX, encoding="utf-8")
    (dest / "tags.html").write_text(TAGS, encoding="utf-8")
    for i in range(n):
        year, month, mday = _post_date(i)
        name = f"{year}-{month:02d}-{mday:02d}-post-{i}.md"
        (dest / "_posts" / name).write_text(post(rng, i), encoding="utf-8")
    return dest


def _post_date(i: int) -> tuple[int, int, int]:
    year = 2010 + i // 365
    day = i % 365
    return year, day // 28 % 12 + 1, day % 28 + 1


_INCLUDE_NOTE = re.compile(r'\{% include note\.html text="([^"]*)" %\}')
_HIGHLIGHT = re.compile(r"\{% highlight (\w+) %\}\n(.*?)\{% endhighlight %\}", re.S)
_FRONT = re.compile(r'\A---\nlayout: post\ntitle: "([^"]*)"\ntags: \[([^\]]*)\]\n---\n')


def to_hugo(text: str, date: tuple[int, int, int], slug: str) -> str:
    """One generated post in Hugo's syntax: the include becomes the ``note``
    shortcode, ``{% highlight %}`` Hugo's ``highlight`` shortcode."""
    m = _FRONT.match(text)
    assert m is not None
    tags = ", ".join(f'"{t.strip()}"' for t in m.group(2).split(","))
    front = (
        f'---\ntitle: "{m.group(1)}"\ndate: {date[0]:04d}-{date[1]:02d}-{date[2]:02d}T00:00:00Z\n'
        f"slug: {slug}\ntags: [{tags}]\n---\n"
    )
    body = text[m.end():]
    body = _INCLUDE_NOTE.sub(lambda n: '{{< note text="' + n.group(1) + '" >}}', body)
    body = _HIGHLIGHT.sub(lambda h: "{{< highlight " + h.group(1) + " >}}\n" + h.group(2) + "{{< /highlight >}}", body)
    return front + body


def generate_hugo(dest: Path, n: int, seed: int = 42) -> Path:
    """The same blog as :func:`generate` (same posts, same seed) as a Hugo site,
    with the layouts of ``benchmarks/hugo/`` (see its README)."""
    rng = random.Random(seed)
    shutil.copytree(HUGO_TEMPLATES / "layouts", dest / "layouts")
    shutil.copy(HUGO_TEMPLATES / "config.toml", dest / "config.toml")
    posts = dest / "content" / "posts"
    posts.mkdir(parents=True)
    (dest / "content" / "_index.md").write_text("---\ntitle: Home\n---\n", encoding="utf-8")
    (dest / "content" / "tags-list.md").write_text(
        "---\ntitle: Tags\ntype: page\nlayout: tags\nurl: /tags.html\n---\n", encoding="utf-8"
    )
    for i in range(n):
        date = _post_date(i)
        name = f"{date[0]}-{date[1]:02d}-{date[2]:02d}-post-{i}.md"
        (posts / name).write_text(to_hugo(post(rng, i), date, f"post-{i}"), encoding="utf-8")
    return dest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dest", type=Path)
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--hugo", action="store_true", help="write the Hugo version of the blog")
    args = ap.parse_args()
    if args.hugo:
        generate_hugo(args.dest, args.n)
    else:
        generate(args.dest, args.n)


if __name__ == "__main__":
    main()
