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


TOPICS = ["grain exports", "port fees", "power lines", "fishing quotas", "rail freight", "customs checks",
          "student visas", "wind farms", "copper prices", "flood defences", "air routes", "seed banks"]


def _digest() -> str:
    """A made-up digest of more than three parse windows: two ministers named in the first paragraph,
    then hundreds of paragraphs that name nobody, then a quote of one of them by surname alone."""
    lead = ("Finnish Foreign Minister Aino Virtanen met Chilean Foreign Minister Tomas Araya in Helsinki on "
            "Monday.\n\n\"The talks were open and useful,\" Araya said.\n\n")
    filler = "".join(f"Working group {k + 1} reviewed {TOPICS[k % len(TOPICS)]} and the figures for the year, "
                     f"and its report on {TOPICS[(k * 5) % len(TOPICS)]} goes to both governments.\n\n"
                     for k in range(520))
    close = "\"Our two countries will keep working together on energy,\" Virtanen said.\n"
    return " date 2025-03-03 " + lead + filler + close


def test_a_long_article_is_parsed_in_windows_and_read_whole(nlp, monkeypatch):
    """A speaker named in the first window is still the speaker of a quote four windows later, every
    span's text is the file's text at its offsets, and the answer is that of a parse in one piece."""
    from diplo_cli.run import nlp as nlp_module

    text = _digest()
    assert len(nlp_module.chunk_text(text, nlp_module.WINDOW_CHARS)) > 3
    windowed = Extractor(nlp=nlp).results([make_article("d", "d", text)])[0]
    assert windowed.errors == ()
    last = max(windowed.quotes, key=lambda q: q.start)
    assert last.speaker is not None and last.speaker.name == "Aino Virtanen"
    assert last.start > 3 * nlp_module.WINDOW_CHARS
    for q in windowed.quotes:
        assert text[q.start:q.end] == q.text
    for person in windowed.people:
        assert all(text[s:e] in (person.name, *person.aliases) for s, e in person.mentions)
    monkeypatch.setattr(nlp_module, "WINDOW_CHARS", 10 * len(text))
    whole = Extractor(nlp=nlp).results([make_article("d", "d", text)])[0]
    assert windowed.people == whole.people and windowed.quotes == whole.quotes
    assert windowed.meetings == whole.meetings and windowed.priorities == whole.priorities


def test_a_failing_article_fails_alone(nlp, monkeypatch):
    real = pipeline.extract

    def flaky(article, doc, officials=None):
        if article.id == "bad":
            raise RuntimeError("boom")
        return real(article, doc, officials)

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
