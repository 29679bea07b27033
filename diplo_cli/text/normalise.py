"""The article as saved → the text spaCy reads, keeping the map back to the file (offsets.py).

In order: CRLF and CR become LF; runs of spaces and tabs inside a line become one space, spaces at
line ends go; hard-wrapped lines of a paragraph are joined; page-furniture lines are dropped
(furniture.py: after the joining, so that a headline wrapped over two lines is one); sentences run
together without a space ("relations.The") get one. A clean file (one line a paragraph, single
spaces) comes out unchanged, so its parse is the one it always had.
"""

from __future__ import annotations

import re

from diplo_cli.text.furniture import furniture_lines
from diplo_cli.text.offsets import Edit, RawOffsets, apply_edits, compose

LINE_END = re.compile(r"\r\n?")
SPACES = re.compile(r"[ \t]*\n[ \t]*|[ \t]{2,}|\t")
LINE = re.compile(r"[^\n]+")
LIST_ITEM = re.compile(r"\s*(?:[-*•–—]\s|\d{1,2}[.)]\s|\(?[a-z]\)\s)")
ITEM_END = re.compile(r"[.!?:;\"”’)]$")
MAX_WRAP = 120  # a hard-wrapped text's lines are at most this long (email, markdown, terminals: 70-100)
MIN_WRAP = 40
# "relations.The", 'ties."The', 'said."There': a sentence end glued to a capitalised word. Two
# lower-case letters before the stop leave "U.S.The", "e.g.The", initials and decimals alone.
RUN_TOGETHER = re.compile(r"(?<=[a-z]{2})([.!?])([\"“”]?)(?=[A-Z][a-z])")


def normalise(text: str, keep: int = 0) -> tuple[str, RawOffsets]:
    """The text to parse and its map back to ``text`` (the identity when nothing changed).

    ``text[:keep]`` (the blanked dateline header) is left as it is, so offsets below ``keep`` are the file's.
    """
    out, raw_of = apply_edits(text, _line_ends(text))  # CR → LF keeps lengths before ``keep``: none there
    dropped = False
    for rule in (_spaces, _wrapped_lines, _furniture, _run_together):
        edits = [e for e in rule(out) if e[0] >= keep]
        dropped = dropped or (rule is _furniture and bool(edits))
        out, inner = apply_edits(out, edits)
        raw_of = compose(raw_of, inner)
    if raw_of is None:
        return out, RawOffsets()
    return out, RawOffsets(tuple(raw_of), _cuts(text, raw_of) if dropped else ())


def _cuts(text: str, raw_of: list[int]) -> tuple[int, ...]:
    """Normalised positions after which more than whitespace of the file was left out."""
    return tuple(i for i in range(1, len(raw_of) - 1)
                 if raw_of[i] - raw_of[i - 1] > 1 and text[raw_of[i - 1] + 1:raw_of[i]].strip())


def _line_ends(text: str) -> list[Edit]:
    return [(m.start(), m.end(), "\n") for m in LINE_END.finditer(text)] if "\r" in text else []


def _spaces(text: str) -> list[Edit]:
    """Runs of spaces → one space; spaces around a line break go ("end.  \\n  Next" → "end.\\nNext")."""
    edits = []
    for m in SPACES.finditer(text):
        repl = "\n" if "\n" in m.group() else " "
        if m.group() != repl:
            edits.append((m.start(), m.end(), repl))
    return edits


def _furniture(text: str) -> list[Edit]:
    """Drop each furniture line with the line breaks after it."""
    edits = []
    for start, end in furniture_lines(text):
        stop = end
        while stop < len(text) and text[stop] == "\n":
            stop += 1
        edits.append((start, stop, ""))
    return edits


def _wrapped_lines(text: str) -> list[Edit]:
    """Join the lines of a hard-wrapped paragraph. A text is hard-wrapped when most lines followed
    by another line are ones a greedy wrap at the width of the longest of them would have broken
    (the next line's first word would not have fitted); only such lines are joined, so a heading,
    a short line or a line before a list item keeps its line break."""
    if "\n" not in text:
        return []
    spans = [(m.start(), m.end()) for m in LINE.finditer(text)]
    inner = [(a, b, c, d) for (a, b), (c, d) in zip(spans, spans[1:], strict=False) if b + 1 == c]
    widths = [b - a for a, b, _, _ in inner if b - a <= MAX_WRAP]
    if len(widths) < 2 or max(widths) < MIN_WRAP:
        return []
    width = max(widths)
    joins = [b for a, b, c, d in inner if _was_wrapped(text, a, b, c, d, width)]
    if len(joins) < 2 or len(joins) < 0.6 * len(inner):
        return []
    return [(b, b + 1, " ") for b in joins]


def _was_wrapped(text: str, a: int, b: int, c: int, d: int, width: int) -> bool:
    nxt = text[c:d]
    if b - a > width or (LIST_ITEM.match(nxt) and ITEM_END.search(text, a, b)):
        return False  # a list item after a line that ends one; "aims\n- in particular" is a wrap
    first_word = len(nxt.split(" ", 1)[0])
    return (b - a) + 1 + first_word > width


def _run_together(text: str) -> list[Edit]:
    """A space after a sentence end glued to the next sentence. With a closing quotation mark
    between, the space goes after it ('ties."The'); before an opening one ('said."There') nothing
    is put in: that is how quotes are attributed ('Petrov said."The talks were useful."' keeps
    its speaker and cue only so). Straight marks are told apart by how many came before in the
    paragraph."""
    edits = []
    for m in RUN_TOGETHER.finditer(text):
        word_start = text.rfind(" ", 0, m.start()) + 1
        word = text[word_start:m.start()]
        if "/" in word or "@" in word or "www" in word.lower() or "." in word:
            continue  # a URL or an address: "www.You", "example.com/News"
        mark = m.group(2)
        if mark:
            para = max(text.rfind("\n", 0, m.start()), 0)
            if mark == "“" or (mark == '"' and text.count('"', para, m.end(1)) % 2 == 0):
                continue  # an opening mark
        edits.append((m.end(), m.end(), " "))
    return edits
