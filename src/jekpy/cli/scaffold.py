"""``jekpy new``: the files of a new site, with layouts of jekpy's own.

The site needs no theme gem, no network and no Ruby: it builds and serves as it
is (its one plugin, ``jekyll-feed``, is built into jekpy).  ``--blank`` gives the
bare folder structure with a single layout.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..errors import ConfigError

__all__ = ["new_site"]

_CONFIG = """\
# Site settings: read once when the build starts (restart `jekpy serve` after editing).
# Pages reach every value as {{{{ site.KEY }}}}.
title: {title}
email: you@example.com
description: >-
  A short description of the site, used in the page head and in the feed.
  Edit it in _config.yml.
baseurl: "" # the sub-path the site lives under, e.g. /blog
url: "" # scheme and host, e.g. https://example.com
author: Your Name

# Build settings
markdown: kramdown
permalink: /:year/:month/:day/:title:output_ext
plugins:
  - jekyll-feed

# Files kept out of the site
exclude:
  - README.md
"""

_HEAD = """\
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  {%- if page.title %}
  <title>{{ page.title | escape }} | {{ site.title | escape }}</title>
  {%- else %}
  <title>{{ site.title | escape }}</title>
  {%- endif %}
  <meta name="description" content="{{ page.excerpt | default: site.description | strip_html | normalize_whitespace | truncate: 160 | escape }}">
  <link rel="stylesheet" href="{{ "/assets/css/site.css" | relative_url }}">
  {%- feed_meta %}
</head>
"""

_HEADER = """\
<header class="masthead">
  <a class="site-name" href="{{ "/" | relative_url }}">{{ site.title | escape }}</a>
  <nav>
    {%- assign nav_pages = site.pages | where_exp: "p", "p.title" | sort: "nav_order" %}
    {%- for p in nav_pages %}
    {%- unless p.url == "/" or p.url contains "404" %}
    <a href="{{ p.url | relative_url }}">{{ p.title | escape }}</a>
    {%- endunless %}
    {%- endfor %}
  </nav>
</header>
"""

_FOOTER = """\
<footer class="colophon">
  <p>{{ site.title | escape }}{% if site.author %} &middot; {{ site.author | escape }}{% endif %}</p>
  <p><a href="{{ "/feed.xml" | relative_url }}">Subscribe (Atom feed)</a></p>
</footer>
"""

_DEFAULT = """\
<!DOCTYPE html>
<html lang="{{ page.lang | default: site.lang | default: "en" }}">
{%- include head.html %}
<body>
{%- include header.html %}
<main class="content">
{{ content }}
</main>
{%- include footer.html %}
</body>
</html>
"""

_PAGE = """\
---
layout: default
---
<article class="page">
  <h1>{{ page.title | escape }}</h1>
  {{ content }}
</article>
"""

_POST = """\
---
layout: default
---
<article class="post">
  <header>
    <h1>{{ page.title | escape }}</h1>
    <p class="meta"><time datetime="{{ page.date | date_to_xmlschema }}">{{ page.date | date: "%B %-d, %Y" }}</time>
    {%- if page.author %} &middot; {{ page.author | escape }}{% endif %}</p>
  </header>
  {{ content }}
  {%- if page.previous or page.next %}
  <nav class="pager">
    {%- if page.previous %}<a href="{{ page.previous.url | relative_url }}">&larr; {{ page.previous.title | escape }}</a>{% endif %}
    {%- if page.next %}<a href="{{ page.next.url | relative_url }}">{{ page.next.title | escape }} &rarr;</a>{% endif %}
  </nav>
  {%- endif %}
</article>
"""

_HOME = """\
---
layout: default
---
{{ content }}
{%- if site.posts.size > 0 %}
<h2>Posts</h2>
<ul class="posts">
  {%- for post in site.posts %}
  <li>
    <time datetime="{{ post.date | date_to_xmlschema }}">{{ post.date | date: "%Y-%m-%d" }}</time>
    <a href="{{ post.url | relative_url }}">{{ post.title | escape }}</a>
  </li>
  {%- endfor %}
</ul>
{%- endif %}
"""

_CSS = """\
/* The site's style sheet: plain CSS, edit freely. */
:root { --text: #1d1f21; --muted: #5f6368; --accent: #0b62a3; --rule: #e3e5e8; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 44rem; padding: 0 1.25rem; color: var(--text);
       font: 1.05rem/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; }
a { color: var(--accent); }
.masthead { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline;
            border-bottom: 1px solid var(--rule); padding: 1rem 0; }
.masthead .site-name { font-weight: 700; font-size: 1.2rem; text-decoration: none; color: var(--text); }
.masthead nav a { margin-left: 1rem; }
.content { padding: 1.5rem 0 2rem; }
.meta, .posts time, .colophon { color: var(--muted); font-size: 0.9rem; }
.posts { list-style: none; padding: 0; }
.posts li { margin: 0.4rem 0; }
.posts time { display: inline-block; min-width: 6.5rem; }
.pager { display: flex; justify-content: space-between; border-top: 1px solid var(--rule);
         margin-top: 2rem; padding-top: 1rem; }
pre { overflow-x: auto; padding: 0.75rem; background: #f6f8fa; border-radius: 4px; }
.colophon { border-top: 1px solid var(--rule); padding: 1rem 0 2rem; }
"""

_INDEX = """\
---
layout: home
title: Home
---
Welcome! This site was made by `jekpy new`. Edit `index.md` to change this text,
and add posts to `_posts/`.
"""

_ABOUT = """\
---
layout: page
title: About
permalink: /about/
nav_order: 1
---
Tell your readers who you are and what this site is about.

The layouts live in `_layouts/`, the shared pieces of every page in `_includes/`,
and the style sheet in `assets/css/site.css`.
"""

_NOT_FOUND = """\
---
permalink: /404.html
layout: page
title: Page not found
---
<p>Nothing lives at this address. Try the <a href="{{ "/" | relative_url }}">home page</a>.</p>
"""

_POST_BODY = """\
---
layout: post
title: "Welcome to your new site"
tags: [welcome]
---
This is your first post. It lives in `_posts/{name}`: a post's file name starts
with its date, then its title, then the extension of its markup.

Build the site with `jekpy build` (the result is written to `_site/`) or preview it
with `jekpy serve`, which rebuilds and reloads the page whenever you save a file.

Code is highlighted as Jekyll does it:

{{% highlight python %}}
def greet(name):
    return f"Hello, {{name}}!"
{{% endhighlight %}}

Read [the jekpy documentation](https://pypi.org/project/jekpy/) to go further.
"""

_GITIGNORE = """\
_site/
.sass-cache/
.jekyll-cache/
.jekyll-metadata
"""

_BLANK_CONFIG = """\
# Site settings ({{{{ site.KEY }}}} in templates)
title: {title}
description: ""
baseurl: ""
url: ""
"""

_BLANK_DEFAULT = """\
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{% if page.title %}{{ page.title | escape }} | {% endif %}{{ site.title | escape }}</title>
  <link rel="stylesheet" href="{{ "/assets/css/main.css" | relative_url }}">
</head>
<body>
{{ content }}
</body>
</html>
"""

_BLANK_SASS = """\
// Shared Sass partial: imported by assets/css/main.scss
body { margin: 2rem auto; max-width: 40rem; font-family: sans-serif; line-height: 1.5; }
"""

_BLANK_MAIN = """\
---
---
@import "base";
"""

_BLANK_INDEX = """\
---
layout: default
title: Home
---
# {{ site.title }}

An empty site made by `jekpy new --blank`.
"""


def _files(title: str, blank: bool, today: dt.date) -> dict[str, str]:
    if blank:
        return {
            "_config.yml": _BLANK_CONFIG.format(title=title),
            "_layouts/default.html": _BLANK_DEFAULT,
            "_sass/base.scss": _BLANK_SASS,
            "assets/css/main.scss": _BLANK_MAIN,
            "index.md": _BLANK_INDEX,
            "_data/.keep": "",
            "_drafts/.keep": "",
            "_includes/.keep": "",
            "_posts/.keep": "",
        }
    post = f"{today:%Y-%m-%d}-welcome.md"
    return {
        "_config.yml": _CONFIG.format(title=title),
        "_includes/head.html": _HEAD,
        "_includes/header.html": _HEADER,
        "_includes/footer.html": _FOOTER,
        "_layouts/default.html": _DEFAULT,
        "_layouts/page.html": _PAGE,
        "_layouts/post.html": _POST,
        "_layouts/home.html": _HOME,
        "assets/css/site.css": _CSS,
        "index.md": _INDEX,
        "about.md": _ABOUT,
        "404.html": _NOT_FOUND,
        f"_posts/{post}": _POST_BODY.format(name=post),
        ".gitignore": _GITIGNORE,
    }


def _yaml_title(name: str) -> str:
    """A YAML scalar for the site title made from the folder name."""
    words = name.replace("-", " ").replace("_", " ").strip() or "My site"
    title = words[:1].upper() + words[1:]
    return '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'


def new_site(path: str | Path, *, blank: bool = False, force: bool = False,
             today: dt.date | None = None) -> list[Path]:
    """Write a new site into ``path`` (created when missing) and return the files written.

    Raises :class:`ConfigError` when ``path`` exists and is not empty (unless ``force``)
    or is a file.
    """
    root = Path(path).expanduser().absolute()
    if root.exists() and not root.is_dir():
        raise ConfigError(f"{root} exists and is not a folder", hint="choose another path")
    if root.is_dir() and any(root.iterdir()) and not force:
        raise ConfigError(
            f"Conflict: {root} exists and is not empty.",
            hint="choose an empty or new folder, or pass --force to write into it anyway",
        )
    files = _files(_yaml_title(root.name), blank, today or dt.date.today())
    written: list[Path] = []
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".jekpy-{target.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
        written.append(target)
    return written
