"""Page-furniture lines of web copies: bylines, reading times, photo credits, share and comment
footers, navigation crumbs, the headline repeated as a line of its own.

The rules are data (patterns/furniture.jsonl): each is a regular expression a whole line must
match. A line that reads as a sentence (eight words or more, ending in a full stop) is never
furniture, whatever a rule says.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from diplo_cli.extract.lexicon import entries

LINE = re.compile(r"[^\n]+")
SENTENCE = re.compile(r"(?:\S+\s+){7,}\S*[.!?][\"”’)]?")
MAX_LINE = 200  # furniture is short; a longer line is text


@functools.cache
def _rules() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], tuple[re.Pattern[str], ...]]:
    """((kind, line rule) pairs, headline-suffix rules)."""
    rows = entries("furniture")
    lines = tuple((r["kind"], re.compile(r["pattern"])) for r in rows if r["kind"] != "headline_suffix")
    suffixes = tuple(re.compile(r["pattern"]) for r in rows if r["kind"] == "headline_suffix")
    return lines, suffixes


def furniture_kind(line: str, headline: str | None = None) -> str | None:
    """The kind of furniture a line is (its rule's kind, or "repeated_headline"), else None."""
    line = line.strip()
    if not line or len(line) > MAX_LINE or SENTENCE.fullmatch(line):
        return None
    for kind, rule in _rules()[0]:
        if rule.fullmatch(line):
            return kind
    if headline is not None and _repeats(line, headline):
        return "repeated_headline"
    return None


def furniture_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every furniture line. The first line that no rule takes is the headline
    (never furniture); it is looked for again only if it is a paragraph of its own, and only in
    lines that are one too."""
    headline: str | None = None
    seen_headline = False
    for m in LINE.finditer(text):
        if not m.group().strip():
            continue
        kind = furniture_kind(m.group(), headline if _alone(text, m) else None)
        if kind:
            yield m.start() + len(m.group()) - len(m.group().lstrip()), m.end()
        elif not seen_headline:
            seen_headline = True
            headline = m.group().strip() if _alone(text, m) else None


def _alone(text: str, m: re.Match[str]) -> bool:
    """Whether a line is a paragraph of its own: a blank line (or the text's edge) on both sides."""
    before = text[max(m.start() - 2, 0):m.start()]
    after = text[m.end():m.end() + 2]
    return (m.start() == 0 or before == "\n\n" or not text[:m.start()].strip()) and \
        (m.end() == len(text) or after == "\n\n" or not text[m.end():].strip())


def _repeats(line: str, headline: str) -> bool:
    """The headline again: the same words, or with the publisher after a dash or bar."""
    if _key(line) == _key(headline):
        return True
    _, suffixes = _rules()
    for s in suffixes:
        m = s.search(line)
        if m and m.start() > 0 and _key(line[:m.start()]) == _key(headline):
            return True
    return False


def _key(s: str) -> str:
    return " ".join(s.casefold().split())
