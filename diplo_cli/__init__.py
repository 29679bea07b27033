"""diplo: turn English diplomatic news articles into structured JSON.

Public API: ``extract_article(text, ...)`` for one text, the record types, ``__version__``.
spaCy is imported only when an article is extracted, so importing this package is cheap.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from diplo_cli.records import Article, ArticleResult, Holder, Meeting, Person, Priority, Quote, Speaker, TextSpan

__version__ = "0.1.0"

__all__ = ["Article", "ArticleResult", "Holder", "Meeting", "Person", "Priority", "Quote", "Speaker",
           "TextSpan", "__version__", "extract_article", "extract_articles"]


def extract_article(text: str, id: str = "article", date: str | None = None, model: str | None = None,
                    home_country: str | None = None, officials: Sequence[str] = (),
                    shipped_officials: bool = True) -> ArticleResult:
    """Extract one article's meetings, people, quotes and priorities from its text.

    ``date`` (YYYY-MM-DD) is used when the text has no dateline; ``home_country`` (an ISO code or
    a country name) is the country the article is written from, as with ``--home-country``;
    ``officials`` (paths of office-holder tables) and ``shipped_officials`` are ``--officials`` and
    the opposite of ``--no-shipped-officials``. A bad value of any raises ``diplo_cli.errors.UsageError``
    before the model is loaded.
    """
    return next(iter(extract_articles([(id, text)], date=date, model=model, home_country=home_country,
                                      officials=officials, shipped_officials=shipped_officials)))


def extract_articles(items: Iterable[tuple[str, str]], date: str | None = None, model: str | None = None,
                     home_country: str | None = None, officials: Sequence[str] = (),
                     shipped_officials: bool = True) -> Iterator[ArticleResult]:
    """Extract many (id, text) pairs in batches; yields ArticleResult in order (see extract_article)."""
    from diplo_cli.extract.people.officials import read_office_holders
    from diplo_cli.io.sources import make_article, parse_country, parse_iso_date
    from diplo_cli.run.nlp import DEFAULT_MODEL
    from diplo_cli.run.pipeline import Extractor, batched

    default_date = parse_iso_date(date) if date is not None else None  # checked now, not when iterated
    home = parse_country(home_country) if home_country is not None else None
    holders = read_office_holders(officials, shipped_officials) if officials or not shipped_officials else None

    def results() -> Iterator[ArticleResult]:
        extractor = Extractor(model or DEFAULT_MODEL, officials=holders)
        articles = (make_article(i, i, t, None, default_date, home) for i, t in items)
        for batch in batched(articles, 32):
            yield from extractor.results(batch)

    return results()
