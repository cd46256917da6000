"""kramdown's HTML converter (``Kramdown::Converter::Html``) over the element tree."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from . import html as H
from .html import html_attributes
from .ids import IdGenerator, basic_id
from .tree import RUBY_WS, El
from .typography import (
    TYPOGRAPHIC_ENTITIES,
    Entity,
    entity_by_name,
    entity_from_option,
    entity_to_str,
    escape_all,
    escape_text,
)

INDENT = 2
_QUOTE_NAMES = ("lsquo", "rsquo", "ldquo", "rdquo")
_LANGUAGE_CLASS = re.compile(r"\blanguage-(\S+)")
_PLAINTEXT_NAMES = {"plaintext", "text"}
_CJK_BREAK_S = (
    r"([\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3040-\u30ff\u3400-\u4dbf"
    r"\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+)\n"
    r"([\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3040-\u30ff\u3400-\u4dbf"
    r"\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+)"
)


@functools.cache
def _cjk_break() -> re.Pattern[str]:
    """``_CJK_BREAK_S`` compiled on first use (only with ``remove_line_breaks_for_cjk``)."""
    return re.compile(_CJK_BREAK_S)


#: cache: smart_quotes option -> its entities and substitutions (one per option value)
_SMART_QUOTES: dict[tuple[Any, Any], tuple[list[Entity], dict[str, str]]] = {}


def _smart_quotes(spec: Any, entity_output: Any) -> tuple[list[Entity], dict[str, str]]:
    """The smart quote entities of the ``smart_quotes`` option, and the HTML of each
    (c_smart_quote) for the quotes the option defines; cached per option values."""
    try:
        key = (tuple(spec), entity_output)
        cached = _SMART_QUOTES.get(key)
    except TypeError:  # not iterable or not hashable: computed (and failing) below
        key, cached = None, None
    if cached is None:
        quotes = [entity_from_option(q) for q in spec]
        html = {name: entity_to_str(quotes[i], entity_output)
                for i, name in enumerate(_QUOTE_NAMES[: len(quotes)])}
        cached = (quotes, html)
        if key is not None and len(_SMART_QUOTES) < 64:
            _SMART_QUOTES[key] = cached
    return cached


class HtmlConverter:
    """Renders a kramdown element tree as HTML, byte-compatible with kramdown 2.4."""

    def __init__(self, root: El, options: dict[str, Any]) -> None:
        self.root = root
        self.options = options
        self.entity_output = options.get("entity_output")
        self.footnote_start = int(options.get("footnote_nr") or 1)
        self.footnote_counter = self.footnote_start
        self.footnotes: list[list[Any]] = []
        self.footnotes_by_name: dict[str, list[Any]] = {}
        self.footnote_location: str | None = None
        self.toc: list[tuple[int, str, list[El]]] = []
        self.toc_code: tuple[str, dict[str, str], str] | None = None
        self.stack: list[El] = []
        self.highlighter_class = f" highlighter-{options.get('syntax_highlighter')}"
        self.ids = IdGenerator(str(options.get("auto_id_prefix") or ""))
        self.smart_quotes, self.quote_html = _smart_quotes(
            options.get("smart_quotes") or ["lsquo", "rsquo", "ldquo", "rdquo"],
            self.entity_output)
        self._marker_n = 0
        self._hl_plans: dict[tuple[str | None, str], tuple[str | None, str | None, bool]] = {}
        self.cjk = bool(options.get("remove_line_breaks_for_cjk"))
        hl = dict(options.get("syntax_highlighter_opts") or {})
        span_o = dict(hl.pop("span", None) or {})
        block_o = dict(hl.pop("block", None) or {})
        self.hl_span = {**hl, **{str(k): v for k, v in span_o.items()}}
        self.hl_block = {**hl, **{str(k): v for k, v in block_o.items()}}

    # -- dispatch -------------------------------------------------------------------

    def convert(self, el: El, indent: int = -INDENT) -> str:
        meth = _DISPATCH.get(el.type)
        if meth is None:
            return ""
        return meth(self, el, indent)

    def inner(self, el: El, indent: int) -> str:
        # On an exception the whole conversion is abandoned, so the stack needs no cleanup.
        indent += INDENT
        stack = self.stack
        stack.append(el)
        get = _DISPATCH.get
        plain_text = not self.cjk
        parts = []
        for c in el.children:
            ctype = c.type
            if ctype == "text" and plain_text:  # c_text, inlined
                v = c.value
                parts.append(v if "&" not in v and "<" not in v and ">" not in v
                             else escape_text(v))
                continue
            if ctype == "smart_quote":  # c_smart_quote, inlined
                q = self.quote_html.get(c.value)
                if q is not None:
                    parts.append(q)
                    continue
            meth = get(ctype)
            if meth is not None:
                parts.append(meth(self, c, indent))
        stack.pop()
        return "".join(parts)

    def ent(self, name: str) -> str:
        e = entity_by_name(name)
        assert e is not None
        return entity_to_str(e, self.entity_output)

    # -- formatting helpers ---------------------------------------------------------------

    @staticmethod
    def block_html(name: str, attr: dict[str, Any], body: str, indent: int) -> str:
        return f"{' ' * indent}<{name}{html_attributes(attr)}>{body}</{name}>\n"

    @staticmethod
    def indented_block_html(name: str, attr: dict[str, Any], body: str, indent: int) -> str:
        return f"{' ' * indent}<{name}{html_attributes(attr)}>\n{body}{' ' * indent}</{name}>\n"

    @staticmethod
    def span_html(name: str, attr: dict[str, Any], body: str) -> str:
        return f"<{name}{html_attributes(attr)}>{body}</{name}>"

    # -- highlighting ---------------------------------------------------------------------

    def highlight(self, text: str, lang: str | None, kind: str) -> tuple[str | None, str | None]:
        """Return (highlighted html, default_lang) like kramdown's Rouge adapter."""
        key = (lang, kind)
        plan = self._hl_plans.get(key)
        if plan is None:
            plan = self._hl_plans[key] = self._highlight_plan(lang, kind)
        name, default_lang, plain = plan
        if name is None:
            return None, default_lang
        opts = self.hl_span if kind == "span" else self.hl_block
        table = _table_options(opts)
        body: str | None
        if plain and table is None:
            # what jekpy.highlight.highlight gives Rouge's plaintext lexer (most `code`
            # spans), without the call: only &, < and > escaped
            body = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        else:
            from jekpy import highlight as _hl  # imports Pygments: only when code is highlighted

            try:
                if table is None:
                    body = _hl.highlight(text, name)
                else:
                    body = _hl.highlight_table(text, name, **table)
            except Exception:  # noqa: BLE001 - a highlighter failure must not break rendering
                body = None
        if body is None:
            return None, default_lang
        # Rouge's HTMLLegacy formatter: wrapped unless ``wrap`` is false (never for spans).
        if kind == "span" or not _ruby_truthy(opts.get("wrap", True)):
            return body, default_lang
        css = _text(opts.get("css_class") or "highlight")
        return (f'<div class="highlight"><pre class="{css}"><code>{body}</code></pre></div>',
                default_lang)

    def _highlight_plan(self, lang: str | None, kind: str) -> tuple[str | None, str | None, bool]:
        """(the lexer name to highlight with, or None; default_lang; whether that name is
        Rouge's plaintext lexer) for ``lang``/``kind``."""
        name, default_lang = self._highlight_name(lang, kind)
        if name is None:
            return None, default_lang, False
        from jekpy.highlight import rouge_tag  # the name table only, not Pygments

        return name, default_lang, rouge_tag(name) == "plaintext"

    def _highlight_name(self, lang: str | None, kind: str) -> tuple[str | None, str | None]:
        """(the lexer name to highlight with, or None; default_lang) for ``lang``/``kind``."""
        if self.options.get("syntax_highlighter") != "rouge":
            return None, None
        opts = self.hl_span if kind == "span" else self.hl_block
        default_lang = opts.get("default_lang")
        default_lang = str(default_lang) if default_lang else None
        guess = bool(opts.get("guess_lang"))
        if not (lang or default_lang or guess):
            return None, default_lang
        name = lang or default_lang or "plaintext"
        name = name.split("?", 1)[0]
        if name == "guess" or name == "":
            name = "plaintext"
        if opts.get("disable"):
            return None, default_lang
        if name in _PLAINTEXT_NAMES and not guess:
            return None, default_lang
        return name, default_lang

    def add_highlighter_class(self, attr: dict[str, Any], lang: str | None) -> None:
        cls = (attr.get("class") or "") + self.highlighter_class
        cls = cls.lstrip(RUBY_WS)
        if lang:
            m = _LANGUAGE_CLASS.search(cls)
            if m is not None:
                cls = cls[: m.start()] + f"language-{lang}" + cls[m.end() :]
            else:
                cls = f"language-{lang} " + cls
        attr["class"] = cls

    # -- block elements -------------------------------------------------------------------

    def c_root(self, el: El, indent: int) -> str:
        result = self.inner(el, indent)
        fn = self.footnote_content()
        if self.footnote_location is not None:
            result = result.replace(self.footnote_location, fn, 1)
        else:
            result += fn
        if self.toc_code is not None:
            kind, attr, code = self.toc_code
            tree = self.generate_toc_tree(kind, attr)
            text = self.convert(tree, 0) if tree.children else ""
            result = result.replace(code, text, 1)
        return result

    def c_blank(self, el: El, indent: int) -> str:
        return "\n"

    def c_text(self, el: El, indent: int) -> str:
        out = escape_text(el.value)
        if self.cjk:
            prev = None
            while prev != out:
                prev = out
                out = _cjk_break().sub(r"\1\2", out)
        return out

    def c_p(self, el: El, indent: int) -> str:
        if el.options.get("transparent"):
            return self.inner(el, indent)
        children = el.children
        if (len(children) == 1 and children[0].type == "img"
                and "standalone" in ((children[0].options.get("ial") or {}).get("refs") or [])):
            return self.standalone_image(el, indent)
        attr = html_attributes(el.attr) if el.attr else ""
        return f"{' ' * indent}<p{attr}>{self.inner(el, indent)}</p>\n"

    def standalone_image(self, el: El, indent: int) -> str:
        fig = dict(el.attr)
        img = dict(el.children[0].attr)
        if "class" in img and "class" not in fig:
            fig["class"] = img.pop("class")
        if "id" in img and "id" not in fig:
            fig["id"] = img.pop("id")
        pad = " " * (indent + INDENT)
        body = (f"{pad}<img{html_attributes(img)} />\n"
                f"{pad}<figcaption>{img.get('alt', '')}</figcaption>\n")
        return self.indented_block_html("figure", fig, body, indent)

    def c_codeblock(self, el: El, indent: int) -> str:
        attr = dict(el.attr)
        lang = None
        cls = attr.get("class")
        if cls:
            m = re.search(r"\blanguage-(\S+)", cls)
            if m is not None:
                lang = m.group(1)
                cls = re.sub(r"\blanguage-\S+", "", cls, count=1).strip(RUBY_WS)
                if cls:
                    attr["class"] = cls
                else:
                    del attr["class"]
        code, default_lang = self.highlight(el.value, el.options.get("lang") or lang, "block")
        if code is not None:
            self.add_highlighter_class(attr, lang or default_lang)
            return f"{' ' * indent}<div{html_attributes(attr)}>{code}{' ' * indent}</div>\n"
        result = escape_all(el.value)
        if result.endswith("\n"):
            result = result[:-1]
        if re.search(r"\bshow-whitespaces\b", str(el.attr.get("class", ""))):
            def ws(m: re.Match[str]) -> str:
                suffix = "-l" if m.group(1) else ("-r" if m.group(2) else "")
                return "".join(
                    f'<span class="ws-tab{suffix}">\t</span>' if c == "\t"
                    else f'<span class="ws-space{suffix}">&#8901;</span>' for c in m.group(0))
            result = re.sub(r"(^[ \t]+)|([ \t]+$)|([ \t]+)", ws, result, flags=re.M)
        code_attr = {"class": f"language-{lang}"} if lang else {}
        return (f"{' ' * indent}<pre{html_attributes(attr)}><code{html_attributes(code_attr)}>"
                f"{result}\n</code></pre>\n")

    def c_blockquote(self, el: El, indent: int) -> str:
        return self.indented_block_html("blockquote", el.attr, self.inner(el, indent), indent)

    def in_toc(self, el: El) -> bool:
        levels = self.options.get("toc_levels") or []
        return el.options.get("level") in levels and not re.search(
            r"\bno_toc\b", str(el.attr.get("class", "")))

    def c_header(self, el: El, indent: int) -> str:
        attr = dict(el.attr)
        if self.options.get("auto_ids") and attr.get("id") is None:
            attr["id"] = self.ids(el.options.get("raw_text", ""))
        if attr.get("id") is not None and self.in_toc(el):
            self.toc.append((int(el.options["level"]), attr["id"], el.children))
        level = min(max(int(el.options["level"]) + int(self.options.get("header_offset") or 0),
                        1), 6)
        return self.block_html(f"h{level}", attr, self.inner(el, indent), indent)

    def c_hr(self, el: El, indent: int) -> str:
        return f"{' ' * indent}<hr{html_attributes(el.attr)} />\n"

    def _marker(self) -> str:
        self._marker_n += 1
        return f"\x00kramdown-marker-{self._marker_n}\x00"

    def c_ul(self, el: El, indent: int) -> str:
        refs = (el.options.get("ial") or {}).get("refs") or []
        if self.toc_code is None and "toc" in refs:
            code = self._marker()
            self.toc_code = (el.type, el.attr, code)
            return code
        if self.footnote_location is None and "footnotes" in refs:
            self.footnote_location = self._marker()
            return self.footnote_location
        return self.indented_block_html(el.type, el.attr, self.inner(el, indent), indent)

    def c_dl(self, el: El, indent: int) -> str:
        return self.indented_block_html("dl", el.attr, self.inner(el, indent), indent)

    def c_li(self, el: El, indent: int) -> str:
        out = f"{' ' * indent}<{el.type}{html_attributes(el.attr)}>"
        res = self.inner(el, indent)
        if not el.children or (el.children[0].type == "p"
                               and el.children[0].options.get("transparent")):
            out += res + (" " * indent if res.endswith("\n") else "")
        else:
            out += "\n" + res + " " * indent
        return out + f"</{el.type}>\n"

    def c_dt(self, el: El, indent: int) -> str:
        attr = dict(el.attr)
        parent = self.stack[-1] if self.stack else None
        if not attr.get("id") and parent is not None:
            for ref in (parent.options.get("ial") or {}).get("refs") or []:
                m = re.match(r"auto_ids(?:-([\w-]+))?", ref)
                if m is not None:
                    attr["id"] = f"{m.group(1) or ''}{basic_id(el.options.get('raw_text', ''))}"
                    attr["id"] = attr["id"].lstrip(RUBY_WS)
                    break
        return self.block_html("dt", attr, self.inner(el, indent), indent)

    def c_html_element(self, el: El, indent: int) -> str:
        res = self.inner(el, indent)
        name = el.value
        if el.options.get("category") == "span":
            if not res and name in H.ELEMENTS_WITHOUT_BODY:
                return f"<{name}{html_attributes(el.attr)} />"
            return f"<{name}{html_attributes(el.attr)}>{res}</{name}>"
        parent = self.stack[-1] if self.stack else None
        in_raw = (parent is not None and parent.type == "html_element"
                  and parent.options.get("content_model") == "raw")
        out = "" if in_raw else " " * indent
        out += f"<{name}{html_attributes(el.attr)}"
        model = el.options.get("content_model")
        if el.options.get("is_closed") and model == "raw":
            out += " />"
        elif res and model != "block":
            out += f">{res}</{name}>"
        elif res:
            body = res[:-1] if res.endswith("\n") else res
            out += f">\n{body}\n{' ' * indent}</{name}>"
        elif name in H.ELEMENTS_WITHOUT_BODY:
            out += " />"
        else:
            out += f"></{name}>"
        if not in_raw:
            out += "\n"
        return out

    def c_xml_comment(self, el: El, indent: int) -> str:
        parent = self.stack[-1] if self.stack else None
        if el.options.get("category") == "block" and not (
                parent is not None and parent.type == "html_element"
                and parent.options.get("content_model") == "raw"):
            return " " * indent + str(el.value) + "\n"
        return str(el.value)

    def c_table(self, el: El, indent: int) -> str:
        return self.indented_block_html(el.type, el.attr, self.inner(el, indent), indent)

    def c_td(self, el: El, indent: int) -> str:
        res = self.inner(el, indent)
        kind = "th" if len(self.stack) >= 2 and self.stack[-2].type == "thead" else "td"
        attr = el.attr
        align = "default"
        if len(self.stack) >= 3:
            aligns = self.stack[-3].options.get("alignment") or []
            col = el.options.get("col")
            if col is None:
                col = next((i for i, c in enumerate(self.stack[-1].children) if c is el), 0)
            align = aligns[col] if col < len(aligns) else "default"
        if align != "default":
            attr = dict(el.attr)
            attr["style"] = (f"{attr['style']}; " if "style" in attr else "") + f"text-align: {align}"
        return self.block_html(kind, attr, res if res else self.ent("nbsp"), indent)

    def c_comment(self, el: El, indent: int) -> str:
        if el.options.get("category") == "block":
            return f"{' ' * indent}<!-- {el.value} -->\n"
        return f"<!-- {el.value} -->"

    def c_raw(self, el: El, indent: int) -> str:
        types = el.options.get("type")
        if not types or "html" in types:
            return str(el.value) + ("\n" if el.options.get("category") == "block" else "")
        return ""

    def c_math(self, el: El, indent: int) -> str:
        block = el.options.get("category") == "block"
        if self.options.get("math_engine") == "mathjax":
            value = escape_all(el.value)
            if not el.attr:
                return f"\\[{value}\\]\n" if block else f"\\({value}\\)"
            if block:
                return self.block_html("div", el.attr, f"\\[{value}\\]\n", indent)
            return self.span_html("span", el.attr, f"${el.value}$")
        attr = dict(el.attr)
        attr["class"] = f"{attr.get('class', '')} kdmath".lstrip(RUBY_WS)
        if block:
            return self.block_html("div", attr, f"$$\n{el.value}\n$$", indent)
        return self.span_html("span", attr, f"${el.value}$")

    # -- span elements ----------------------------------------------------------------------

    def c_br(self, el: El, indent: int) -> str:
        return "<br />"

    def c_a(self, el: El, indent: int) -> str:
        return f"<a{html_attributes(el.attr)}>{self.inner(el, indent)}</a>"

    def c_img(self, el: El, indent: int) -> str:
        return f"<img{html_attributes(el.attr)} />"

    def c_codespan(self, el: El, indent: int) -> str:
        attr = dict(el.attr)
        lang = None
        cls = attr.get("class")
        m = _LANGUAGE_CLASS.search(str(cls)) if cls else None
        if m is not None:
            lang = m.group(1)
        result, default_lang = self.highlight(el.value, lang, "span")
        if result is not None:
            self.add_highlighter_class(attr, lang or default_lang)
        else:
            result = escape_all(el.value)
        return f"<code{html_attributes(attr)}>{result}</code>"

    def c_footnote(self, el: El, indent: int) -> str:
        repeat = ""
        name = str(self.options.get("footnote_prefix") or "") + el.options["name"]
        fn = self.footnotes_by_name.get(name)
        if fn is not None:
            number = fn[2]
            fn[3] += 1
            repeat = f":{fn[3]}"
        else:
            number = self.footnote_counter
            self.footnote_counter += 1
            fn = [name, el.value, number, 0]
            self.footnotes.append(fn)
            self.footnotes_by_name[name] = fn
        return (f'<sup id="fnref:{name}{repeat}" role="doc-noteref">'
                f'<a href="#fn:{name}" class="footnote" rel="footnote">{number}</a></sup>')

    def c_em(self, el: El, indent: int) -> str:
        name = el.type
        attr = html_attributes(el.attr) if el.attr else ""
        return f"<{name}{attr}>{self.inner(el, indent)}</{name}>"

    def c_entity(self, el: El, indent: int) -> str:
        original = el.options.get("original")
        return entity_to_str(el.value, self.entity_output, str(original) if original else None)

    def c_typographic_sym(self, el: El, indent: int) -> str:
        custom = (self.options.get("typographic_symbols") or {}).get(el.value)
        if custom is not None:
            return escape_text(str(custom))
        return "".join(self.ent(n) for n in TYPOGRAPHIC_ENTITIES[el.value])

    def c_smart_quote(self, el: El, indent: int) -> str:
        idx = {"lsquo": 0, "rsquo": 1, "ldquo": 2, "rdquo": 3}[el.value]
        return entity_to_str(self.smart_quotes[idx], self.entity_output)

    def c_abbreviation(self, el: El, indent: int) -> str:
        title = self.root.options.get("abbrev_defs", {}).get(el.value, "")
        attr = dict(self.root.options.get("abbrev_attr", {}).get(el.value) or {})
        if title:
            attr["title"] = title
        return self.span_html("abbr", attr, el.value)

    # -- TOC and footnotes ------------------------------------------------------------------

    def generate_toc_tree(self, kind: str, attr: dict[str, str]) -> El:
        sections = El(kind, None, dict(attr))
        sections.attr.setdefault("id", "markdown-toc")
        stack: list[El] = []
        for level, hid, children in self.toc:
            li = El("li", level=level)
            li.children.append(El("p", transparent=True))
            a = El("a", None, {"href": f"#{hid}", "id": f"{sections.attr['id']}-{hid}"})
            a.children.extend(_fix_toc_entry([c.deep_copy() for c in children]))
            li.children[-1].children.append(a)
            li.children.append(El(kind))
            while True:
                if not stack:
                    sections.children.append(li)
                    stack.append(li)
                    break
                if stack[-1].options["level"] < level:
                    stack[-1].children[-1].children.append(li)
                    stack.append(li)
                    break
                item = stack.pop()
                if not item.children[-1].children:
                    item.children.pop()
        while stack:
            item = stack.pop()
            if not item.children[-1].children:
                item.children.pop()
        return sections

    def footnote_content(self) -> str:
        if not self.footnotes:
            return ""
        ol = El("ol")
        if self.footnote_start != 1:
            ol.attr["start"] = str(self.footnote_start)
        backlink = str(self.options.get("footnote_backlink", "&#8617;"))
        backlink_text = escape_text(backlink)
        inline = bool(self.options.get("footnote_backlink_inline"))
        nbsp = self.ent("nbsp")
        i = 0
        while i < len(self.footnotes):
            name, data, _, repeat = self.footnotes[i]
            li = El("li", None, {"id": f"fn:{name}", "role": "doc-endnote"})
            li.children = [c.deep_copy() for c in data.children]
            para: El | None = None
            insert_space = False
            if (li.children and li.children[-1].type == "p") or inline:
                parent = li
                while parent.children and parent.children[-1].type not in ("p", "header"):
                    parent = parent.children[-1]
                para = parent.children[-1] if parent.children else None
                insert_space = True
            if para is None:
                para = El("p")
                li.children.append(para)
                insert_space = False
            if backlink:
                fmt = '{}<a href="#fnref:{}" class="reversefootnote" role="doc-backlink">{}</a>'
                para.children.append(El("raw", fmt.format(nbsp if insert_space else "", name,
                                                          backlink_text)))
                for idx in range(1, repeat + 1):
                    para.children.append(El("raw", fmt.format(
                        nbsp, f"{name}:{idx}", f"{backlink_text}<sup>{idx + 1}</sup>")))
            ol.children.append(El("raw", self.convert(li, 4)))
            i += 1
        if not ol.children:
            return ""
        return self.indented_block_html("div", {"class": "footnotes", "role": "doc-endnotes"},
                                        self.convert(ol, 2), 0)


def _fix_toc_entry(elements: list[El]) -> list[El]:
    def remove_fn(els: list[El]) -> list[El]:
        out = []
        for c in els:
            c.children = remove_fn(c.children)
            if c.type != "footnote":
                out.append(c)
        return out

    def unwrap(els: list[El]) -> list[El]:
        out: list[El] = []
        for c in els:
            c.children = unwrap(c.children)
            if c.type == "a":
                out.extend(c.children)
            else:
                out.append(c)
        return out

    return unwrap(remove_fn(elements))


# Element type -> converter method (the ``c_<type>`` methods of HtmlConverter).
# Element types sharing another's method are listed in _ALIASES rather than as class-level
# aliases (``c_ol = c_ul``), which a mypyc-compiled class would treat as attributes.
_ALIASES = (("ol", "ul"), ("dd", "li"), ("xml_pi", "xml_comment"), ("thead", "table"),
            ("tbody", "table"), ("tfoot", "table"), ("tr", "table"), ("strong", "em"))
_DISPATCH: dict[str, Callable[[HtmlConverter, El, int], str]] = {
    name[2:]: getattr(HtmlConverter, name) for name in dir(HtmlConverter) if name.startswith("c_")
}
_DISPATCH.update({alias: _DISPATCH[target] for alias, target in _ALIASES})


def _text(value: object) -> str:
    """An option value as Ruby would interpolate it into HTML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _ruby_truthy(value: object) -> bool:
    return value is not None and value is not False


def _table_options(opts: dict[str, Any]) -> dict[str, Any] | None:
    """The ``HTMLTable`` options Rouge takes from kramdown's ``syntax_highlighter_opts``
    when ``line_numbers`` is set (``None`` when it is not)."""
    if not _ruby_truthy(opts.get("line_numbers")):
        return None
    start = opts.get("start_line", 1)
    try:
        start_line = int(start)
    except (TypeError, ValueError):
        start_line = 1
    return {
        "start_line": start_line,
        "line_format": _text(opts.get("line_format", "%i")),
        "table_class": _text(opts.get("table_class", "rouge-table")),
        "gutter_class": _text(opts.get("gutter_class", "rouge-gutter")),
        "code_class": _text(opts.get("code_class", "rouge-code")),
    }
