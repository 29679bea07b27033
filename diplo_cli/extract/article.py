"""The one orchestrator: Article + Doc → ArticleResult, calling the stages in order.

people → quotes(people) → meetings(people, quotes) → priorities(quotes, people, meetings). Each stage returns new
frozen records; none changes an earlier result. People come first (not after quotes, as an
early sketch had it) because quote speakers and meeting participants refer to person ids.
The stages work in the offsets of the normalised text the Doc was made from (diplo_cli.text);
their results are mapped back to the file's offsets here, once, at the end, and each span's
``text`` becomes the file's characters at its offsets (a person's name stays as read).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from diplo_cli.extract import docindex
from diplo_cli.extract.meetings import detect_meetings
from diplo_cli.extract.people import resolve_people
from diplo_cli.extract.priorities import find_priorities
from diplo_cli.extract.quotes import find_quotes
from diplo_cli.records import Article, ArticleResult, Priority, Quote, TextSpan
from diplo_cli.text.offsets import OFFSETS_KEY, RawOffsets

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from diplo_cli.extract.people.officials import OfficeHolders


def extract(article: Article, doc: Doc, officials: OfficeHolders | None = None) -> ArticleResult:
    """Run every stage on one parsed article. ``officials``: the office-holder tables to use (default:
    the shipped one)."""
    try:
        people = resolve_people(doc, article.home_country, article.date, officials)
        quotes = find_quotes(doc, people)
        meetings = detect_meetings(doc, article, people, quotes)
        priorities = find_priorities(doc, quotes, people, meetings, article.home_country, article.body_start)
    finally:
        docindex.release(doc)  # the cached spans point back at the Doc: let both be freed
    raw = doc.user_data.get(OFFSETS_KEY)
    if raw is not None and raw.raw_of is not None:
        back = _Back(raw, doc.text if raw.cuts else "", article.text)
        people = tuple(replace(p, mentions=tuple(raw.span(s, e) for s, e in p.mentions)) for p in people)
        quotes = tuple(back.quote(q) for q in quotes)
        meetings = tuple(replace(m, evidence=back.span(m.evidence)) for m in meetings)
        priorities = tuple(back.priority(p) for p in priorities)
    return ArticleResult(article, people, meetings, quotes, priorities, errors=article.warnings)


class _Back:
    """Records in the offsets of the normalised text → in the file's, with each span's text the
    file's characters at its offsets (SCHEMA.md: ``text[start:end]`` gives back exactly the span;
    in a wrapped or CRLF file they differ from what was read in whitespace only). A span over a
    dropped furniture line ("Headline\n\n[By Jane Doe\n\n]The ministers met.") keeps its longer
    side."""

    def __init__(self, raw: RawOffsets, text: str, file_text: str) -> None:
        self.raw, self.text, self.file_text = raw, text, file_text

    def _cut(self, text: str, start: int, end: int) -> tuple[str, int, int]:
        s, e = self.raw.inside(start, end)
        if (s, e) != (start, end) and self.text[start:end] == text:
            part = self.text[s:e]
            s, e = s + len(part) - len(part.lstrip()), e - len(part) + len(part.rstrip())
        start, end = self.raw.span(s, e)
        return self.file_text[start:end], start, end

    def span(self, span: TextSpan) -> TextSpan:
        text, start, end = self._cut(span.text, span.start, span.end)
        return TextSpan(text, start, end)

    def quote(self, q: Quote) -> Quote:
        text, start, end = self._cut(q.text, q.start, q.end)
        speaker = q.speaker and replace(q.speaker, mention=self.span(q.speaker.mention))
        return replace(q, text=text, start=start, end=end, speaker=speaker, cue=q.cue and self.span(q.cue))

    def priority(self, p: Priority) -> Priority:
        text, start, end = self._cut(p.text, p.start, p.end)
        return replace(p, text=text, start=start, end=end, cue=self.span(p.cue))


def failed(article: Article, reason: str) -> ArticleResult:
    """The result of an article that could not be processed: empty lists, the reason in errors."""
    return ArticleResult(article, errors=(*article.warnings, reason), failed=True)
