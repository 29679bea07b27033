"""The offset map from the normalised text back to the text as read, and the edits that build it.

An edit replaces ``text[a:b]`` with a (usually whitespace) string. The map is one int per
normalised character (the raw index it came from) plus a last entry, the raw length, so that
spans of the normalised text map to spans of the file: start → ``raw_of[start]``, end →
``raw_of[end - 1] + 1``. Replaced characters map to the start of what they replace. ``cuts`` are
the normalised positions where a furniture line was dropped: a span over one would, in the file,
take in the furniture, so it keeps its longer side (``inside``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

OFFSETS_KEY = "diplo_text.raw_offsets"  # Doc.user_data key of the RawOffsets (not a "diplo." cache key)

Edit = tuple[int, int, str]  # replace text[a:b] with the string


@dataclass(frozen=True, slots=True)
class RawOffsets:
    """Normalised index → raw index; ``raw_of`` is None when the text was not changed."""

    raw_of: tuple[int, ...] | None = None
    cuts: tuple[int, ...] = ()

    def start(self, i: int) -> int:
        return i if self.raw_of is None else self.raw_of[i]

    def end(self, e: int) -> int:
        if self.raw_of is None:
            return e
        return self.raw_of[e - 1] + 1 if e > 0 else 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A half-open span of the normalised text → the same words in the raw text."""
        s = self.start(start)
        return (s, max(s, self.end(end))) if end > start else (s, s)

    def inside(self, start: int, end: int) -> tuple[int, int]:
        """The longest part of a normalised span that crosses no cut (the span itself if none)."""
        inner = [c for c in self.cuts if start < c < end]
        if not inner:
            return start, end
        bounds = [start, *inner, end]
        return max(zip(bounds, bounds[1:], strict=False), key=lambda p: p[1] - p[0])


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[int] | None]:
    """The edited text and, per character of it (plus one for its end), the index in ``text`` it
    comes from; (text, None) when there is no edit. Edits must be sorted and not overlap."""
    out: list[str] = []
    raw_of: list[int] = []
    pos = 0
    for a, b, repl in edits:
        out.append(text[pos:a])
        raw_of.extend(range(pos, a))
        out.append(repl)
        raw_of.extend([a] * len(repl))
        pos = b
    if not out:  # no edit
        return text, None
    out.append(text[pos:])
    raw_of.extend(range(pos, len(text) + 1))
    return "".join(out), raw_of


def compose(outer: list[int] | None, inner: list[int] | None) -> list[int] | None:
    """The map of two edit passes: ``inner`` maps into the text ``outer`` maps into the file."""
    if inner is None:
        return outer
    if outer is None:
        return inner
    return [outer[j] for j in inner]
