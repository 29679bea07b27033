"""Page furniture: one row per rule of patterns/furniture.jsonl, lines written for the test."""

from __future__ import annotations

import pytest

from diplo_cli.extract.lexicon import entries
from diplo_cli.text import normalise
from diplo_cli.text.furniture import furniture_kind

HEADLINE = "Freedonia and Sylvania agree on border talks"


@pytest.mark.parametrize("line, kind", [
    ("By Jane Q. Doe and Ali Roe", "byline"),
    ("Globe Wire Staff", "staff_byline"),
    ("(Reporting by Ana Lopez in Lima; Writing by Ben Smith; Editing by Carla Jones)", "credits"),
    ("4 Min Read", "reading_time"),
    ("— Photo: Example Agency / Jo Bloggs —", "photo_credit"),
    ("Image copyright Getty Images", "image_credit"),
    ("Share on Facebook SHARE", "share_footer"),
    ("No comments: Post a Comment", "comment_footer"),
    ("Read full story", "read_more"),
    ("Home > World > Asia-Pacific", "crumbs"),
    ("Home World NewsWorld", "crumbs_glued"),
])
def test_furniture_line(line, kind):
    assert furniture_kind(line) == kind


@pytest.mark.parametrize("line", [
    HEADLINE,
    HEADLINE + " - Example Times",
])
def test_repeated_headline(line):
    assert furniture_kind(line, HEADLINE) == "repeated_headline"


@pytest.mark.parametrize("line", [
    "By contrast, the talks on the border made no progress at all.",           # a sentence opening with "By"
    "By the end of the visit, both sides had signed three agreements.",
    "Home Secretary Jane Doe",                                                  # not navigation
    "Reporting by the ministry",                                                # no name credited
    "Share prices rose after the talks",
    "Photo opportunities were arranged for the press after the talks ended.",   # a real sentence
    "Read more about the agreement on the ministry's website, the spokesman said today.",
    "Freedonia and Sylvania agree on border talks, the minister told parliament.",  # the headline in a sentence
])
def test_a_real_line_is_never_furniture(line):
    assert furniture_kind(line, HEADLINE) is None


def test_every_rule_has_a_row():
    kinds = {r["kind"] for r in entries("furniture")} - {"headline_suffix"}
    assert kinds <= {kind for _, kind in test_furniture_line.pytestmark[0].args[1]}


def test_furniture_lines_are_dropped_and_offsets_kept():
    raw = f"{HEADLINE}\n\nBy Jane Doe\n\n4 Min Read\n\nThe ministers met.\n\nShare on Facebook SHARE\n"
    out, offsets = normalise(raw)
    assert out == f"{HEADLINE}\n\nThe ministers met.\n\n"
    i = out.index("ministers")
    assert raw[slice(*offsets.span(i, i + 9))] == "ministers"


def test_a_span_over_a_dropped_line_keeps_its_longer_side():
    raw = f"{HEADLINE}\n\nBy Jane Doe\n\nThe ministers met in the capital of Freedonia on Monday.\n"
    out, offsets = normalise(raw)
    sentence = out.index("The ministers")
    assert offsets.cuts == (sentence,)
    assert offsets.inside(0, len(out) - 1) == (sentence, len(out) - 1)
    assert offsets.inside(sentence, len(out)) == (sentence, len(out))
