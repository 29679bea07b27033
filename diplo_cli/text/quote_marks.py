"""Quotation-mark pairing: the spans of the words inside each pair of double quotation marks.

Tolerant: an unbalanced mark costs at most its own quote. A text rule, with no parse, so that the
quotes stage and the people stage (implied.py: what is inside a quote is the speaker's voice) read
the same spans.
"""

from __future__ import annotations

import re

OPENERS, CLOSERS, STRAIGHT = "“«„", "”»", '"'


def quote_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of double quotation marks, in text order.

    Works paragraph by paragraph (a line is a paragraph). A quote that is still open at the end
    of a paragraph continues when the next paragraph opens with a quotation mark (the convention
    for a quotation over several paragraphs); that paragraph's piece is its own span. Otherwise an
    unpaired mark is dropped and costs only its own quote.
    """
    spans: list[tuple[int, int]] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[start:])]
    for n, (ps, pe) in enumerate(paragraphs):
        ps, pe = ps + start, pe + start
        open_at: int | None = None
        for m in re.finditer(r"[\"“”«»„]", text[ps:pe]):
            i = ps + m.start()
            if _is_opener(text, i, ps, open_at is not None):
                open_at = i + 1  # a new opener while open: the earlier mark was unbalanced
            elif open_at is not None:
                spans.append((open_at, i))
                open_at = None
        if open_at is not None and n + 1 < len(paragraphs):
            nxt = paragraphs[n + 1][0] + start
            if text[nxt:nxt + 1] in OPENERS + STRAIGHT:
                spans.append((open_at, pe))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s]


def _is_opener(text: str, i: int, para_start: int, is_open: bool) -> bool:
    mark = text[i]
    if mark in OPENERS:
        return True
    if mark in CLOSERS:
        return False
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-:" or i == para_start:
        return not (is_open and (after.isspace() or after in ".,;:!?)"))
    if after.isspace() or after in ".,;:!?)":
        return False
    return not is_open  # word"word: toggle


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop surrounding spaces and a comma before the closing mark; keep a final . ? !"""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return (start, end) if end > start else None
