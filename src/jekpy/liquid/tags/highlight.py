"""Jekyll's ``{% highlight lang [linenos] %}`` block (``tags/highlight.rb``)."""

from __future__ import annotations

import html
import io
import re
from typing import TextIO

from liquid.ast import BlockNode, Node
from liquid.exceptions import LiquidInterrupt
from liquid.parser import get_parser
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_TAG, Token

from liquid import RenderContext

from .. import ruby
from ..errors import JekyllTagError

__all__ = ["HighlightTag", "parse_highlight_markup"]

SYNTAX = re.compile(
    r"^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|\"([0-9]+\s)*[0-9]+\"))?)*)$", re.M | re.ASCII
)
OPTIONS = re.compile(r"(?:\w=\"[^\"]*\"|\w=\w|\w)+", re.ASCII)
LINE_TERMINATORS = re.compile(r"\A[\n\r]+|[\n\r]+\Z")


def parse_highlight_markup(markup: str) -> tuple[str, dict[str, object]]:
    """Language (lower case) and options, or raise Jekyll's syntax error."""
    match = SYNTAX.search(markup.strip())
    if not match:
        raise ValueError(markup)
    lang = match.group(1).lower()
    options: dict[str, object] = {}
    for opt in OPTIONS.findall(match.group(2) or ""):
        key, _, value = opt.partition("=")
        if not _:
            options[key] = True
        elif '"' in value:
            options[key] = value.replace('"', "").split()
        else:
            options[key] = value
    if options.get("linenos") is True:
        options["linenos"] = "inline"
    return lang, options


class HighlightNode(Node):
    """A parsed highlight block."""

    __slots__ = ("lang", "options", "body")

    def __init__(self, token: Token, lang: str, options: dict[str, object], body: BlockNode):
        super().__init__(token)
        self.lang = lang
        self.options = options
        self.body = body
        self.blank = False

    @property
    def ruby_block_body(self) -> BlockNode:
        """The body, for Ruby's blank-block rule (``HighlightBlock`` is a ``Block``)."""
        return self.body

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        buf = io.StringIO()
        try:
            self.body.render(context, buf)
        except LiquidInterrupt as interrupt:
            # Ruby's body stops at a break/continue; the block still prints what it
            # has, then the interrupt reaches the enclosing loop.
            self._write(context, buf, buffer)
            raise interrupt from None
        return self._write(context, buf, buffer)

    def _write(self, context: RenderContext, buf: io.StringIO, buffer: TextIO) -> int:
        code = LINE_TERMINATORS.sub("", buf.getvalue())
        prefix = context.resolve("highlighter_prefix", default=None)
        suffix = context.resolve("highlighter_suffix", default=None)
        hooks = getattr(context.env, "hooks", None)
        highlighter = "rouge"
        if hooks is not None:
            highlighter = hooks.config.get("highlighter", "rouge")
        if highlighter in ("rouge", "pygments"):
            from jekpy.highlight import highlight_tag

            out = highlight_tag(code, self.lang, linenos=bool(self.options.get("linenos")))
        else:
            body = html.escape(code, quote=True).replace("&#x27;", "&#39;").strip()
            out = (
                f'<figure class="highlight"><pre><code class="language-'
                f'{self.lang.replace("+", "-")}" data-lang="{self.lang}">{body}</code></pre></figure>'
            )
        pre = "" if prefix is None or _undefined(prefix) else ruby.to_s(prefix)
        post = "" if suffix is None or _undefined(suffix) else ruby.to_s(suffix)
        return buffer.write(pre + out + post)

    def children(self, *_args: object, **_kwargs: object) -> list[object]:  # type: ignore[override]
        return []


def _undefined(value: object) -> bool:
    from liquid.undefined import Undefined

    return isinstance(value, Undefined)


class HighlightTag(Tag):
    """``{% highlight python linenos %}...{% endhighlight %}``."""

    name = "highlight"
    end = "endhighlight"
    block = True

    def parse(self, stream: TokenStream) -> Node:
        token = stream.eat(TOKEN_TAG)
        markup = ""
        if stream.current.kind == TOKEN_EXPRESSION:
            markup = stream.current.value
            next(stream)
        try:
            lang, options = parse_highlight_markup(markup)
        except ValueError:
            raise JekyllTagError(
                " ".join(
                    "Syntax Error in tag 'highlight' while parsing the following markup: "
                    f"{markup} Valid syntax: highlight <lang> [linenos]".split()
                ),
                token=token,
            ) from None
        body = get_parser(self.env).parse_block(stream, (self.end, TOKEN_EOF))
        stream.expect(TOKEN_TAG, value=self.end)
        return HighlightNode(token, lang, options, body)
