"""Model loading: the tokenizer rules diplo adds to the pipeline's own."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expect", [
    # a quotation mark glued to the sentence before it is a token of its own
    ('said."There', ["said", ".", '"', "There"]),
    # ... and a colon glued to the quotation mark after it
    ('said:"We', ["said", ":", '"', "We"]),
    # curly marks too
    ("talks.\u201cWe", ["talks", ".", "\u201c", "We"]),
    # an abbreviation keeps its dots
    ('U.S."The', ["U.S.", '"', "The"]),
])
def test_glued_quotation_marks_are_split(nlp, text, expect):
    assert [t.text for t in nlp.tokenizer(text)] == expect
