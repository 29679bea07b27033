"""Overlapping spans → nested pieces: one piece per span unless two spans cross (then the later is cut)."""

from __future__ import annotations

import pytest

from diplo_cli.view.model import Mark
from diplo_cli.view.nest import Piece, events, nest


def _shape(pieces: tuple[Piece, ...]) -> list:
    """Pieces as (kind, start, end[, part/parts], [children]) for readable expectations."""
    out = []
    for p in pieces:
        head = (p.mark.kind, p.start, p.end) + ((f"{p.part}/{p.parts}",) if p.parts > 1 else ())
        out.append((*head, _shape(p.children)) if p.children else head)
    return out


@pytest.mark.parametrize("marks, expected", [
    # a person inside a quote inside a meeting's sentence
    ([Mark("person", 12, 17), Mark("meeting", 0, 40), Mark("quote", 10, 30)],
     [("meeting", 0, 40, [("quote", 10, 30, [("person", 12, 17)])])]),
    # the same characters: the outer kind holds the inner (meeting, quote, priority, cue, person)
    ([Mark("priority", 5, 9), Mark("quote", 5, 9), Mark("person", 5, 9)],
     [("quote", 5, 9, [("priority", 5, 9, [("person", 5, 9)])])]),
    # same start: the longer span holds the shorter
    ([Mark("priority", 0, 4), Mark("priority", 0, 9)], [("priority", 0, 9, [("priority", 0, 4)])]),
    # side by side, touching: neither holds the other
    ([Mark("quote", 0, 5), Mark("meeting", 5, 9)], [("quote", 0, 5), ("meeting", 5, 9)]),
    # crossing: the span that starts later is cut where the open one ends, the rest follows it
    ([Mark("quote", 0, 10), Mark("meeting", 6, 20)],
     [("quote", 0, 10, [("meeting", 6, 10, "1/2")]), ("meeting", 10, 20, "2/2")]),
    # a span crossing two nested ones is cut at each end it crosses
    ([Mark("meeting", 0, 10), Mark("quote", 2, 8), Mark("priority", 6, 14)],
     [("meeting", 0, 10, [("quote", 2, 8, [("priority", 6, 8, "1/3")]), ("priority", 8, 10, "2/3")]),
      ("priority", 10, 14, "3/3")]),
    # an empty span holds nothing; at the start of another it lies inside it, at its end after it
    ([Mark("cue", 3, 3), Mark("person", 3, 5), Mark("cue", 5, 5)],
     [("person", 3, 5, [("cue", 3, 3)]), ("cue", 5, 5)]),
])
def test_nesting(marks, expected):
    assert _shape(nest(marks, 0, 40)) == expected


def test_events_cover_the_text_once_in_order():
    marks = [Mark("meeting", 2, 12), Mark("quote", 4, 8), Mark("person", 10, 16)]
    texts = [(s, e) for kind, s, e, _ in events(nest(marks, 0, 20), 0, 20) if kind == "text"]
    covered = [i for s, e in texts for i in range(s, e)]
    assert covered == list(range(20))
    opened = [(kind, p.mark.kind) for kind, _, _, p in events(nest(marks, 0, 20), 0, 20) if p]
    assert opened.count(("open", "person")) == opened.count(("close", "person")) == 2  # cut at the meeting's end
