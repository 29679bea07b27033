"""Marks (spans that may overlap) → a tree of properly nested pieces, so each can be one element.

The rule, a sweep over span boundaries: spans are taken in order of start, the longer first, and
for the same characters the outer kind first (meeting, quote, priority, cue, person: a person
inside a quote inside a meeting's sentence). A span that starts inside an open one and ends after
it (they cross) is cut where the open one ends; the rest goes on as a second piece after it, and
so on. So a span that nests is one piece with its exact text, and only crossing spans are split,
always the one that starts later. Pieces carry ``part`` / ``parts`` so a renderer can say so.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from diplo_cli.view.model import RANK, Mark


@dataclass(frozen=True, slots=True)
class Piece:
    """One element to draw: a mark, or a part of a mark cut by a span it crosses."""

    mark: Mark
    start: int
    end: int
    part: int = 1  # 1-based; parts > 1 only for a mark that crosses another
    parts: int = 1
    children: tuple[Piece, ...] = ()


@dataclass(slots=True)
class _Open:
    index: int  # which mark; -1 for the root
    start: int
    end: int
    children: list[_Open]


def nest(marks: Iterable[Mark], start: int, end: int) -> tuple[Piece, ...]:
    """The pieces of ``marks`` within [start, end), nested; marks must lie within it."""
    marks = list(marks)
    queue = [(m.start, -m.end, RANK[m.kind], i) for i, m in enumerate(marks)]
    heapq.heapify(queue)
    root = _Open(-1, start, end, [])
    stack = [root]
    while queue:
        s, neg_end, rank, i = heapq.heappop(queue)
        e = -neg_end
        while len(stack) > 1 and stack[-1].end <= s:
            stack.pop()
        top = stack[-1]
        if e > top.end:  # crosses the span that holds it: cut at its end, the rest waits its turn
            heapq.heappush(queue, (top.end, -e, rank, i))
            e = top.end
        node = _Open(i, s, e, [])
        top.children.append(node)
        stack.append(node)
    counts: dict[int, int] = {}
    _count(root, counts)
    seen: dict[int, int] = {}
    return tuple(_freeze(c, marks, counts, seen) for c in root.children)


def _count(node: _Open, counts: dict[int, int]) -> None:
    for c in node.children:
        counts[c.index] = counts.get(c.index, 0) + 1
        _count(c, counts)


def _freeze(node: _Open, marks: list[Mark], counts: dict[int, int], seen: dict[int, int]) -> Piece:
    seen[node.index] = part = seen.get(node.index, 0) + 1
    children = tuple(_freeze(c, marks, counts, seen) for c in node.children)
    return Piece(marks[node.index], node.start, node.end, part, counts[node.index], children)


def events(pieces: tuple[Piece, ...], start: int, end: int) -> Iterator[tuple[str, int, int, Piece | None]]:
    """Walk the tree in text order: ("text", s, e, None), ("open", s, e, piece), ("close", s, e, piece)."""
    at = start
    for p in pieces:
        if p.start > at:
            yield "text", at, p.start, None
        yield "open", p.start, p.end, p
        yield from events(p.children, p.start, p.end)
        yield "close", p.start, p.end, p
        at = p.end
    if end > at:
        yield "text", at, end, None
