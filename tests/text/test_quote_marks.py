"""Quotation-mark pairing: one row per rule of text/quote_marks.py, sentences written for the test."""

from __future__ import annotations

import pytest

from diplo_cli.text.quote_marks import quote_spans


@pytest.mark.parametrize("text, expect", [
    ('He said "we are ready" today.', ["we are ready"]),
    ("He said “we are ready” today.", ["we are ready"]),
    ('"We are ready," he said, "to go on."', ["We are ready", "to go on."]),            # split by attribution
    ('"First part.\n\n"Second part," she said.', ["First part.", "Second part"]),       # spans two paragraphs
    ('An "open mark never closes.\n\nNext "fine" one.', ["fine"]),                      # unbalanced costs one quote
    ('Lavrov said: "The talks were useful."', ["The talks were useful."]),             # colon quote
    ('"Outer \'inner\' words here," he said.', ["Outer 'inner' words here"]),           # nested single marks kept
])
def test_quote_spans(text, expect):
    assert [text[s:e] for s, e in quote_spans(text)] == expect
