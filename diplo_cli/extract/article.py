"""The one orchestrator: Article + Doc → ArticleResult, calling the stages in order.

people → quotes(people) → meetings(people, quotes) → priorities(quotes, people, meetings). Each stage returns new
frozen records; none changes an earlier result. People come first (not after quotes, as an
early sketch had it) because quote speakers and meeting participants refer to person ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplo_cli.extract import docindex
from diplo_cli.extract.meetings import detect_meetings
from diplo_cli.extract.people import resolve_people
from diplo_cli.extract.priorities import find_priorities
from diplo_cli.extract.quotes import find_quotes
from diplo_cli.records import Article, ArticleResult

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract(article: Article, doc: Doc) -> ArticleResult:
    """Run every stage on one parsed article."""
    try:
        people = resolve_people(doc, article.home_country)
        quotes = find_quotes(doc, people)
        meetings = detect_meetings(doc, article, people, quotes)
        priorities = find_priorities(doc, quotes, people, meetings, article.home_country, article.body_start)
    finally:
        docindex.release(doc)  # the cached spans point back at the Doc: let both be freed
    return ArticleResult(article, people, meetings, quotes, priorities, errors=article.warnings)


def failed(article: Article, reason: str) -> ArticleResult:
    """The result of an article that could not be processed: empty lists, the reason in errors."""
    return ArticleResult(article, errors=(*article.warnings, reason), failed=True)
