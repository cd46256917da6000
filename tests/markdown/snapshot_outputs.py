"""Byte-identity check for changes to jekpy.markdown that must not change output.

Renders many inputs (corpus files, generated posts, kramdown's testcases under
several option sets, the golden inputs, random documents built from Markdown
fragments, random character soup, small pathological inputs) and records the
HTML, or compares it with a recording:

    python tests/markdown/snapshot_outputs.py record /tmp/md-before.pkl   # before
    python tests/markdown/snapshot_outputs.py check /tmp/md-before.pkl    # after

``--random N`` sets the number of random documents (default 6000).  The check
exits 1 and shows the first differences if any output changed.
"""
from __future__ import annotations

import argparse
import glob
import json
import pickle
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
SHARED = ROOT.parent / "shared"  # corpus and conformance data, next to the repository
CONFORMANCE = SHARED / "conformance" / "kramdown"
from gen_site import post as gen_post  # noqa: E402
from markdown_speed import body_of  # noqa: E402

from jekpy.markdown import convert, convert_kramdown, smartify  # noqa: E402

OPTSETS = [
    ("jekyll", None),
    ("jekyll_pbh", {"parse_block_html": True}),
    ("kd", {"input": "kramdown"}),
    ("kd_native", {"input": "kramdown", "parse_block_html": True, "html_to_native": True}),
    ("gfm_hw", {"input": "GFM"}),
    ("gfm_sym", {"input": "GFM", "hard_wrap": False, "entity_output": "symbolic", "auto_ids": False,
                 "gfm_quirks": []}),
    ("gfm_noauto", {"input": "GFM", "hard_wrap": False, "gfm_quirks": ["no_auto_typographic"],
                    "entity_output": "numeric", "smart_quotes": "apos,apos,quot,quot"}),
]

FRAGS = [
    "word", "words here", "Hello", "*em*", "**strong**", "_u_", "__uu__", "***x***", "a*b*c", "snake_case_word",
    "`code`", "``co`de``", "` x `", "[link](http://x.com)", "[ref][r1]", "[r1]", "![img](a.png \"t\")",
    "[a [b] c](u)", "<http://auto.link>", "<me@x.org>", "&amp;", "&copy;", "&#169;", "&#x27;", "&bogus;",
    "\"quoted\"", "'single'", "it's", "'90s", "--", "---", "...", "<<", ">>", " << x >> ", "\\*", "\\\\", "\\|",
    "~~del~~", "~~ no~~", "$$x^2$$", "{::comment}c{:/}", "{::nomarkdown}<b>x</b>{:/}", "{:.cls}", "{: #id}",
    "[^1]", "[^n]", "<span>sp *a*</span>", "<em>x</em>", "<b>b</b>", "<br>", "<img src=\"x\">", "<!-- c -->",
    "<a href=\"u\">a</a>", "<kbd>k</kbd>", "<code>c&lt;</code>", "HTML", "CSS", "  \n", "\\\n", "\t", "  ",
    "é", "日本語", "中文\n字", "<", ">", "&", "\"", "'", "*", "_", "`", "[", "]", "(", ")", "!", "|", ":", "#",
    "{", "}", "\\", "~", "$", "^", "=", "-", "+", ".", "1.", "x_y_z", "**a *b* c**", "*a **b** c*", "_a_b",
    "foo_", "__init__", "a -- b", "a---b", "\"'x'\"", "'\"x\"'", "<del>d</del>", "<sup>1</sup>", "<script>x</script>",
    "<span markdown=\"1\">*m*</span>", "<i>i</i>", "http://x.y/z", "**unclosed", "*also", "[unclosed", "`unclosed",
]
BLOCKS = [
    "# H1", "## Header two {#hid}", "### H3 ###", "Setext\n=====", "Setext2\n-----", "#nospace",
    "- a\n- b\n  - c\n  - d\n- e", "* x\n\n* y", "1. one\n2. two\n\n   para\n3. three", "+ p\n+ q",
    "- [ ] task\n- [x] done", "> quote\n> more\n>\n> > nested", "> lazy\ncontinued",
    "    code block\n    more", "```\nfenced\n```", "```ruby\nputs 1\n```", "~~~ python\nx = 1\n~~~",
    "```js\nvar x = '<a>';\n```", "| a | b |\n|---|:-:|\n| 1 | 2 |\n| 3 | 4 |", "a | b\n--|--\nc | d",
    "| x |\n| y |", "***", "- - -", "___", "term\n: definition\n: def2", "[r1]: http://r1.com \"Title\"",
    "[R2]: <http://r2> 'T2'", "*[HTML]: Hyper Text", "*[CSS]: Style", "[^1]: Footnote *one*.\n\n    more",
    "[^n]: named", "{:toc}", "* toc\n{:toc}", "$$\na = b\n$$", "{::options auto_ids=\"false\" /}",
    "{:ref: .refcls #refid}", "{: .para}", "^", "<div>\nraw *div*\n</div>", "<div markdown=\"1\">\n*md*\n</div>",
    "<div>\n<div>\n<p>nested</p>\n</div>\n</div>", "<table><tr><td>c</td></tr></table>", "<pre>\n  pre\n</pre>",
    "<!-- block comment -->", "<?php x ?>", "<section>\n<h2>h</h2>\n<p>p <em>e</em></p>\n</section>",
    "<ul>\n<li>a</li>\n<li><b>b</b></li>\n</ul>", "<p>para <a href=\"x\">l</a></p>", "<script>\nvar a = 1 < 2;\n</script>",
    "<style>\np { x: 1 }\n</style>", "<details>\n<summary>S</summary>\n\nbody *x*\n</details>",
    "<figure class=\"highlight\"><pre><code class=\"language-bash\" data-lang=\"bash\">x</code></pre></figure>",
    "<div>unclosed", "</div>", "<span>block span</span>", "\t- tabbed", "  indented para", "line  \nbreak",
    "a\nb\nc", "para\n# header after", "para\n- list after", "para\n> quote after", "para\n```\ncode\n```",
    "line\\\nbreak", "* [link](u)\n* `code`", "1. a\n1. b\n\n\n2. c", "- a\n\n  b\n\n- c", "-   x\n    y",
]

def rand_inline(rng: random.Random) -> str:
    n = rng.randint(1, 25)
    out = []
    for _ in range(n):
        f = rng.choice(FRAGS)
        out.append(f)
        out.append(rng.choice([" ", " ", " ", "", "\n"]))
    return "".join(out)

def rand_doc(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 10)):
        r = rng.random()
        if r < 0.45:
            parts.append(rand_inline(rng))
        elif r < 0.9:
            b = rng.choice(BLOCKS)
            if rng.random() < 0.3:
                b = b.replace("x", rand_inline(rng).replace("\n", " "), 1)
            parts.append(b)
        else:
            # nest something in a list / quote / div
            inner = rng.choice(BLOCKS) + "\n\n" + rand_inline(rng)
            kind = rng.randrange(4)
            if kind == 0:
                parts.append("- " + inner.replace("\n", "\n  "))
            elif kind == 1:
                parts.append("> " + inner.replace("\n", "\n> "))
            elif kind == 2:
                parts.append("<div markdown=\"1\">\n" + inner + "\n</div>")
            else:
                parts.append("1. " + inner.replace("\n", "\n   "))
    sep = rng.choice(["\n\n", "\n", "\n\n\n"])
    doc = sep.join(parts)
    if rng.random() < 0.05:
        doc = doc.replace("\n", "\r\n")
    return doc + rng.choice(["", "\n"])

CHARS = list("ab *_`[]()!<>&\"'|\\{}:#$~-+=.^\t\n") + ["\n\n", "    ", "<div>", "</div>", "<span>",
    "{:toc}", "[^1]", "[^1]: x\n", "```\n", "$$", "&amp;", "http://x", "{::comment}", "{:/}", "- ", "> ",
    "1. ", "| ", "<p>", "</p>", "<!--", "-->", "*[a]: b\n", "[a]: u\n", "~~", "é", "  \n"]

def rand_chars(rng: random.Random) -> str:
    return "".join(rng.choice(CHARS) for _ in range(rng.randint(0, 60)))

def cases(n_random: int):
    for p in sorted(glob.glob(str(SHARED / "corpus/**/*.md"), recursive=True)) + \
             sorted(glob.glob(str(SHARED / "corpus/**/*.markdown"), recursive=True)):
        t = body_of(Path(p).read_text(encoding="utf-8", errors="replace"))
        yield ("corpus:" + p, "jekyll", t)
        yield ("corpus:" + p, "kd", t)
    rng = random.Random(7)
    for i in range(100):
        yield (f"gen{i}", "jekyll", body_of(gen_post(rng, i)))
    manifest = Path(CONFORMANCE, "manifest.json")  # absent without ../shared
    man = json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else {"cases": []}
    for c in man["cases"]:
        t = Path(CONFORMANCE, c["text"]).read_text(encoding="utf-8", errors="replace")
        yield ("kc:" + c["id"], ("opts", json.dumps(c["options"])), t)
        yield ("kc:" + c["id"], ("opts", json.dumps(c["upstream_options"])), t)
        yield ("kc:" + c["id"], "jekyll", t)
    for p in sorted(glob.glob(str(ROOT / "tests/markdown/golden/*.md"))):
        t = Path(p).read_text(encoding="utf-8")
        for name, _ in OPTSETS:
            yield ("golden:" + p, name, t)
    rng = random.Random(12345)
    for i in range(n_random):
        d = rand_doc(rng)
        yield (f"rdoc{i}", OPTSETS[i % len(OPTSETS)][0], d)
        if i % 3 == 0:
            yield (f"rdoc{i}", "jekyll", d)
    for i in range(n_random):
        d = rand_chars(rng)
        yield (f"rchar{i}", OPTSETS[i % len(OPTSETS)][0], d)
        if i % 5 == 0:
            yield (f"rchar{i}", "smartify", d)
    patho = {"nl": lambda n: "- " * n + "item\n", "nq": lambda n: ">" * n + " deep\n",
             "ll": lambda n: ("word *em* `code` [link](u) " * (n // 27 + 1))[:n] + "\n",
             "ub": lambda n: "[a " * n + "\n", "us": lambda n: "*a " * n + "\n", "ul": lambda n: "<a " * n + "\n",
             "div": lambda n: "<div>" * n, "em": lambda n: "*a **b _c __d " * n, "lt": lambda n: "<" * n}
    for k, f in patho.items():
        for n in (10, 100, 1000):
            yield (f"patho:{k}:{n}", "jekyll", f(n))

OPTMAP = dict(OPTSETS)

def run(opt, text):
    if opt == "smartify":
        return smartify(text)
    if isinstance(opt, tuple):
        return convert_kramdown(text, json.loads(opt[1]))
    o = OPTMAP[opt]
    if o is None:
        return convert(text)
    return convert_kramdown(text, o) if o.get("input") else convert(text, o)

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("mode", choices=["record", "check"])
    ap.add_argument("path")
    ap.add_argument("--random", type=int, default=6000)
    args = ap.parse_args()
    out = {}
    for i, (key, opt, text) in enumerate(cases(args.random)):
        out[(i, key, str(opt))] = (text, run(opt, text))
    if args.mode == "record":
        with open(args.path, "wb") as f:
            pickle.dump(out, f)
        print(f"recorded {len(out)} outputs")
        return
    with open(args.path, "rb") as f:
        base = pickle.load(f)
    # Matched by (option set, input text), not by position or name: inputs added
    # since the recording (a new golden file) shift the positions of the rest, and
    # the names of corpus inputs hold the checkout's path.
    recorded = {(k[2], text): res for k, (text, res) in base.items()}
    bad = new = 0
    for (_, key, opt), (text, res) in out.items():
        was = recorded.get((opt, text))
        if was is None:
            new += 1
            continue
        if was != res:
            bad += 1
            if bad <= 5:
                print("DIFF", key, opt, repr(text[:300]))
                print(" was:", repr(was[:500]))
                print(" now:", repr(res[:500]))
    print(f"checked {len(out) - new} outputs, {bad} differences"
          f" ({new} inputs not in the recording)")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
