"""Reading inputs: dateline rule, decoding, chunking of over-long texts (one row per rule)."""

from __future__ import annotations

import pytest

from diplo_cli.io.sources import decode, make_article, split_dateline
from diplo_cli.run.nlp import chunk_text, nlp_text


@pytest.mark.parametrize("text, date, body", [
    (" date 2024-03-04 Russian Prime Minister spoke.", "2024-03-04", "Russian Prime Minister spoke."),
    ("date 2024-03-04 Leading space is optional.", "2024-03-04", "Leading space is optional."),
    (" date 2024-03-04 \nBody on the next line.", "2024-03-04", "\nBody on the next line."),
    (" date 2024-03-04\r\nCRLF body.", "2024-03-04", "\r\nCRLF body."),
    ("The date 2024-03-04 is not a header.", None, "The date 2024-03-04 is not a header."),
    (" date 2024-03-041 is not a date.", None, " date 2024-03-041 is not a date."),
    (" date 2024-02-30 Impossible dates are dropped.", None, "Impossible dates are dropped."),
])
def test_dateline(text, date, body):
    got_date, start, _ = split_dateline(text)
    assert (got_date, text[start:]) == (date, body)


def test_dateline_is_blanked_for_the_model_with_offsets_kept():
    a = make_article("x", "x", " date 2024-03-04 Talks began.")
    assert nlp_text(a) == " " * 17 + "Talks began." and len(nlp_text(a)) == len(a.text)


@pytest.mark.parametrize("data, encoding, expect", [
    (b"\xef\xbb\xbfHello", "utf-8", "Hello"),
    ("Caf\u00e9".encode("utf-16"), "utf-16", "Caf\u00e9"),
    (b"ok\x00", "utf-8", ValueError("binary file, not text (NUL byte at byte 2)")),
    (b"abc\xff", "utf-8", ValueError("not valid UTF-8 text at byte 3")),
])
def test_decode(data, encoding, expect):
    if isinstance(expect, Exception):
        with pytest.raises(ValueError, match=str(expect.args[0]).replace("(", r"\(").replace(")", r"\)")):
            decode(data, encoding)
    else:
        assert decode(data, encoding) == expect


@pytest.mark.parametrize("max_length", [7, 12, 30, 1000])
def test_chunks_join_back_exactly_and_prefer_paragraphs(max_length):
    text = "First para one.\n\nSecond para two words.\nThird line here.\n\nEnd."
    chunks = chunk_text(text, max_length)
    assert "".join(chunks) == text and all(len(c) <= max_length for c in chunks)
    if max_length == 30:
        assert chunks[0] == "First para one.\n\n"


def test_a_paragraph_longer_than_a_chunk_is_cut_at_a_sentence_end():
    text = "The ministers met in Oslo. They spoke of trade and energy. \"We agree,\" she said. Talks end today."
    chunks = chunk_text(text, 70)
    assert "".join(chunks) == text
    assert chunks[0] == "The ministers met in Oslo. They spoke of trade and energy. "
