"""Ruby's ``Array#sort!`` order for comparisons that are not a total order.

MRI on Linux sorts with glibc's ``qsort_r``, a top-down merge sort (stable).
When the comparison is consistent any stable sort gives the same result, but
Jekyll compares documents by date and falls back to the path when one of them
has no date yet, which is not transitive: the result then depends on the
algorithm, so this module follows the same splits and merges.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

__all__ = ["merge_sort"]


def merge_sort(items: list[T], cmp: Callable[[T, T], int]) -> list[T]:
    """A new list with ``items`` ordered as glibc's merge sort orders them with ``cmp``.

    The list is halved (the first half gets ``n // 2`` items), both halves are
    sorted, and the merge takes from the first half while ``cmp(left, right) <= 0``.
    """
    n = len(items)
    if n <= 1:
        return list(items)
    half = n // 2
    left = merge_sort(items[:half], cmp)
    right = merge_sort(items[half:], cmp)
    out: list[T] = []
    i = j = 0
    while i < len(left) and j < len(right):
        if cmp(left[i], right[j]) <= 0:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out
