"""Normalisation before parsing: one row per rule, raw text → the text spaCy reads, with its map."""

from __future__ import annotations

import re

import pytest

from diplo_cli.text import normalise
from diplo_cli.text.offsets import apply_edits, compose

WRAPPED = ("The foreign ministers of Freedonia and Sylvania met in the capital on\n"
           "Tuesday to discuss trade, energy and the long border between the two\n"
           "countries, the ministry said in a statement issued after the talks.")
JOINED = " ".join(WRAPPED.split("\n"))


def words_map_back(raw: str) -> None:
    """Every word of the normalised text is the same word at its mapped offsets in the raw text."""
    out, offsets = normalise(raw)
    for m in re.finditer(r"[^\s\"“”]+", out):
        s, e = offsets.span(m.start(), m.end())
        assert raw[s:e] == m.group(), (m.group(), raw[s:e])


@pytest.mark.parametrize("raw, expect", [
    ("Talks began.\r\n\r\nThey ended.", "Talks began.\n\nThey ended."),                  # CRLF
    ("Talks began.\r\rThey ended.", "Talks began.\n\nThey ended."),                      # old Mac CR
    ("Talks began.  They ended.", "Talks began. They ended."),                           # two spaces
    ("Talks\tbegan   today.", "Talks began today."),                                     # tab, space run
    ("Talks began.  \n\n  They ended.", "Talks began.\n\nThey ended."),                  # spaces at line ends
    (WRAPPED + "\n\n" + WRAPPED, JOINED + "\n\n" + JOINED),                              # hard-wrapped lines joined
    ("Trade and energy\n" + WRAPPED + "\n\n" + WRAPPED,                                  # a heading keeps its break
     "Trade and energy\n" + JOINED + "\n\n" + JOINED),
    (WRAPPED + "\n- a list item after a line that ends one.\n\n" + WRAPPED,              # a list item keeps its break
     JOINED + "\n- a list item after a line that ends one.\n\n" + JOINED),
    ("Ties deepened.The two ministers met.", "Ties deepened. The two ministers met."),   # run together
    ('Ties are "good."The ministers met.', 'Ties are "good." The ministers met.'),       # closing mark then glued
    ('The minister said."There is hope," he added.',                                     # opening mark: left
     'The minister said."There is hope," he added.'),
    ("Talks with the U.S.The envoy left.", "Talks with the U.S.The envoy left."),       # abbreviation left alone
    ("See www.Example.org and 3.5 per cent.", "See www.Example.org and 3.5 per cent."),  # URL, decimal left alone
])
def test_normalise(raw, expect):
    assert normalise(raw)[0] == expect
    words_map_back(raw)


def test_a_quote_glued_to_its_cue_keeps_speaker_and_cue(nlp):
    from diplo_cli.extract import extract
    from diplo_cli.io.sources import make_article
    from diplo_cli.run.nlp import parse

    text = 'Foreign Minister Ivan Petrov met his counterpart.The minister said."The talks were useful and frank."'
    article = make_article("t", "t", text)
    (quote,) = extract(article, next(parse(nlp, [article]))).quotes
    assert (quote.text, quote.speaker and quote.speaker.name, quote.cue and quote.cue.text) == \
        ("The talks were useful and frank.", "Ivan Petrov", "said")


def test_a_clean_text_is_left_as_it_is():
    text = "Talks began on Monday.\n\nThe two sides met again on Tuesday."
    out, offsets = normalise(text)
    assert out == text and offsets.raw_of is None


def test_lines_that_are_not_wrapped_are_not_joined():
    text = "Talks began on Monday in the capital of Freedonia.\nThe sides met again on Tuesday.\nA third round is set."
    assert normalise(text)[0] == text


def test_the_kept_head_is_not_touched():
    out, offsets = normalise("     Talks  began.", keep=5)
    assert out == "     Talks began." and offsets.span(11, 16) == (12, 17)


def test_maps_compose():
    text = "a  b\r\nc"
    one, m1 = apply_edits(text, [(1, 3, " ")])
    two, m2 = apply_edits(one, [(3, 5, "\n")])
    both = compose(m1, m2)
    assert two == "a b\nc" and both is not None and [text[i] for i in both[:-1]] == list("a b\rc")
