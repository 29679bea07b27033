"""The runner: batches, over-long articles, failure isolation."""

from __future__ import annotations

import pytest

from diplo_cli.io.sources import make_article
from diplo_cli.run import pipeline
from diplo_cli.run.pipeline import Extractor

TEXT = (" date 2025-01-01 Chilean President Tomas Araya met Portuguese President Helena Vasconcelos in Lisbon.\n\n"
        "Araya said the talks were useful.\n\nVasconcelos thanked Araya.\n")


def test_article_longer_than_max_length_is_parsed_in_chunks(nlp):
    whole = Extractor(nlp=nlp).results([make_article("a", "a", TEXT)])[0]
    saved = nlp.max_length
    nlp.max_length = 60
    try:
        chunked = Extractor(nlp=nlp).results([make_article("a", "a", TEXT)])[0]
    finally:
        nlp.max_length = saved
    assert chunked.errors == () and chunked.people
    for person in chunked.people:
        assert all(TEXT[s:e] in (person.name, *person.aliases) for s, e in person.mentions)
    assert [p.name for p in chunked.people] == [p.name for p in whole.people]


def test_a_failing_article_fails_alone(nlp, monkeypatch):
    real = pipeline.extract

    def flaky(article, doc):
        if article.id == "bad":
            raise RuntimeError("boom")
        return real(article, doc)

    monkeypatch.setattr(pipeline, "extract", flaky)
    results = Extractor(nlp=nlp).results([make_article(i, i, TEXT) for i in ("a", "bad", "c")])
    assert [r.failed for r in results] == [False, True, False]
    assert "internal error during extraction (RuntimeError: boom)" in results[1].errors[0]


def test_a_doc_that_breaks_the_parser_fails_alone(nlp, monkeypatch):
    real = pipeline.parse

    def fragile(nlp_, articles):
        if any(a.id == "bad" for a in articles):
            raise ValueError("parser broke")
        return real(nlp_, articles)

    monkeypatch.setattr(pipeline, "parse", fragile)
    results = Extractor(nlp=nlp).results([make_article(i, i, TEXT) for i in ("a", "bad", "c")])
    assert [r.failed for r in results] == [False, True, False]
    assert "during parsing" in results[1].errors[0]


@pytest.mark.parametrize("size, max_chars, lengths, expect", [
    (1, 1000, [5, 5, 5], [[0], [1], [2]]),
    (2, 1000, [5, 5, 5], [[0, 1], [2]]),
    (5, 1000, [5, 5, 5], [[0, 1, 2]]),
    (5, 12, [5, 5, 5], [[0, 1], [2]]),            # the character budget closes a batch
    (5, 12, [50, 5, 5], [[0], [1, 2]]),           # a long article goes alone, never split or dropped
])
def test_batched(size, max_chars, lengths, expect):
    articles = [make_article(str(i), str(i), "x" * n) for i, n in enumerate(lengths)]
    got = [[int(a.id) for a in batch] for batch in pipeline.batched(articles, size, max_chars)]
    assert got == expect
