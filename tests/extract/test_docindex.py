"""The per-Doc lookups: the same answers as spaCy's own attributes, found by bisection."""

from __future__ import annotations

import pytest
from conftest import make_doc

from diplo_cli.extract import docindex

WORDS = ["Ana", "Ruiz", "met", "Bo", "Chan", "in", "Oslo", "today", "and", "Oslo", "thanked", "Ruiz"]
ENTS = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "B-DATE", "O", "B-ORG", "O", "B-PERSON"]


@pytest.fixture
def doc():
    return make_doc(WORDS, ents=ENTS)


@pytest.mark.parametrize("start, end", [(0, 12), (1, 12), (0, 4), (3, 7), (6, 8), (2, 3), (11, 12)])
def test_entities_in_a_span_are_spacys_span_ents(doc, start, end):
    span = doc[start:end]
    assert [(e.start, e.end) for e in docindex.entities_in(span)] == [(e.start, e.end) for e in span.ents]


def test_entity_at_a_token(doc):
    assert [e.text if e is not None else None for e in map(docindex.entity_at, doc)] == [
        "Ana Ruiz", "Ana Ruiz", None, "Bo Chan", "Bo Chan", None, "Oslo", "today", None, "Oslo", None, "Ruiz"]


def test_labels_of_every_entity_written_so(doc):
    assert docindex.labels_of(doc, "Oslo") == ["GPE", "ORG"]
    assert docindex.labels_of(doc, "Lima") == []


@pytest.mark.parametrize("i", range(12))
@pytest.mark.parametrize("n", [1, 2, 6])
def test_sentences_before_a_token_are_the_last_n_that_end_by_it(i, n):
    from spacy.tokens import Doc

    base = make_doc(WORDS)
    doc = Doc(base.vocab, words=WORDS, sent_starts=[k in (0, 3, 5, 8, 11) for k in range(len(WORDS))])
    want = [(s.start, s.end) for s in doc.sents if s.end <= i][-n:]
    assert [(s.start, s.end) for s in docindex.sentences_before(doc, i, n)] == want
    assert docindex.sentence_index(doc[i]) == [s.start for s in doc.sents].index(doc[i].sent.start)
