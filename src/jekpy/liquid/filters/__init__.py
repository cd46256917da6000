"""Filter registration: Ruby Liquid 5.4 standard filters and Jekyll 4.3's filters."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import collections, dates, standard, text, urls
from .calling import ruby_filter

if TYPE_CHECKING:
    from liquid import Environment

__all__ = ["register_jekyll_filters", "register_standard_filters"]


def register_standard_filters(env: Environment) -> None:
    """Ruby-behaviour versions of Liquid's standard filters."""
    standard.register(env)


JEKYLL_FILTERS: dict[str, Callable[..., Any]] = {
    "relative_url": urls.relative_url,
    "absolute_url": urls.absolute_url,
    "strip_index": urls.strip_index,
    "date_to_xmlschema": dates.date_to_xmlschema,
    "date_to_rfc822": dates.date_to_rfc822,
    "date_to_string": dates.date_to_string,
    "date_to_long_string": dates.date_to_long_string,
    "where": collections.where,
    "where_exp": collections.where_exp,
    "find": collections.find,
    "find_exp": collections.find_exp,
    "group_by": collections.group_by,
    "group_by_exp": collections.group_by_exp,
    "sort": collections.sort,
    "pop": collections.pop,
    "push": collections.push,
    "shift": collections.shift,
    "unshift": collections.unshift,
    "sample": collections.sample,
    "to_integer": collections.to_integer,
    "jsonify": text.jsonify,
    "xml_escape": text.xml_escape,
    "cgi_escape": text.cgi_escape,
    "uri_escape": text.uri_escape,
    "number_of_words": text.number_of_words,
    "array_to_sentence_string": text.array_to_sentence_string,
    "markdownify": text.markdownify,
    "smartify": text.smartify,
    "slugify": text.slugify,
    "normalize_whitespace": text.normalize_whitespace,
    "inspect": text.inspect,
    "sassify": text.sassify,
    "scssify": text.scssify,
}


def register_jekyll_filters(env: Environment) -> None:
    """Jekyll 4.3's filters (they replace Liquid's ``where``, ``sort`` and ``find``)."""
    for name, func in JEKYLL_FILTERS.items():
        env.add_filter(name, ruby_filter(func))
