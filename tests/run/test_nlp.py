"""Model loading: the tokenizer rules and sentence starts diplo adds to the pipeline's own."""

from __future__ import annotations

import pytest

from diplo_cli.run.nlp import _lines_start_sentences


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


@pytest.mark.parametrize("sizes, size, max_chars, expect", [
    # at most `size` pieces a group
    ([5, 5, 5, 5, 5], 2, 100, [[5, 5], [5, 5], [5]]),
    # ... and at most `max_chars` characters, past the first piece
    ([40, 40, 40, 10], 10, 90, [[40, 40], [40, 10]]),
    # a piece longer than max_chars goes alone
    ([200, 5, 5], 10, 90, [[200], [5, 5]]),
    ([], 3, 10, []),
])
def test_windows_are_sent_to_the_parser_in_bounded_groups(sizes, size, max_chars, expect):
    from diplo_cli.run.nlp import _piece_length, batched

    pieces = [("x" * n, k) for k, n in enumerate(sizes)]
    groups = list(batched(pieces, size, max_chars, length=_piece_length))
    assert [[len(text) for text, _ in g] for g in groups] == expect
    assert [p for g in groups for p in g] == pieces


def test_windows_keep_parts_that_join_back_and_read_context_around_them():
    from diplo_cli.run.nlp import windows

    text = "".join(f"Paragraph {k} tells of talks on trade and ports.\n\n" for k in range(200))
    parts = windows(text, 1_000, margin=120)
    assert "".join(text[start:end] for _, start, end, _ in parts) == text
    assert parts[0][0] == 0 and parts[-1][3] == len(text)
    for lo, start, _, _ in parts[1:]:
        assert start - lo >= 120 and (lo == 0 or text[lo - 1] == "\n")  # context from a line start
    for _, _, end, hi in parts[:-1]:
        assert hi - end >= 120


def test_a_cut_inside_a_word_gets_no_context():
    from diplo_cli.run.nlp import windows

    text = "x" * 2_500
    parts = windows(text, 1_000, margin=120)
    assert [(lo, hi) for lo, _, _, hi in parts] == [(start, end) for _, start, end, _ in parts]


@pytest.mark.parametrize("text, starts", [
    # a line that ends a sentence: the next line starts one
    ("Kapoor said in a post on X.\n\nOtieno thanked India.", ["Otieno"]),
    ('"We are ready," she said.\nThe talks began.', ["The"]),
    ('He said: "We are ready."\n\nThe talks began.', ["The"]),
    # a wire lead: its dateline is a sentence, and so is the lead after it
    ("Talks in Quito\n\nQUITO, March 7 (Wire) - President Ana Ruiz met Omar Haddad.", ["QUITO", "President"]),
    # a headline, a label or a colon: left to the parser, which reads them with the next line
    ("Minister to visit Chile\n\nThe Minister will travel.", []),
    ("The below is attributable to Spokesperson Ana Soto:\n\nThe Secretary met.", []),
])
def test_a_line_that_ends_a_sentence_ends_it(nlp, text, starts):
    doc = _lines_start_sentences(nlp.make_doc(text))
    assert [t.text for t in doc[1:] if t.is_sent_start] == starts
