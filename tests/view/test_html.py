"""The HTML page: every span of the samples' output one element of the right kind with its exact text;
escaping; a self-contained page."""

from __future__ import annotations

import re

import pytest
from pages import check_spans, golden_records, span_elements

from diplo_cli.view.html import page, section
from diplo_cli.view.model import view_of

GOLDEN = golden_records()


@pytest.mark.parametrize("record, text", GOLDEN, ids=[r["id"] for r, _ in GOLDEN])
def test_every_span_of_a_sample_is_one_element_with_its_exact_text(record, text):
    check_spans(span_elements(section(view_of(record, text), "a1")), record, text)


def test_the_page_has_a_section_per_article_and_nothing_from_outside():
    html = "".join(page(view_of(r, t) for r, t in GOLDEN))
    assert html.count('<section class="article"') == len(GOLDEN)
    assert not re.search(r"""(src=|<link|@import|url\(|https?:)""", html)
    assert html.count("<script>") == 1
    script = html.split("<script>")[1].split("</script>")[0]
    assert len(script.strip().splitlines()) <= 8


def _record(text: str, **lists) -> dict:
    base = {"schema_version": 1, "id": "t", "source": "t.txt", "date": None, "people": [], "meetings": [],
            "quotes": [], "priorities": [], "errors": []}
    return {**base, **lists}


def _person(pid: str, name: str, *mentions: tuple[int, int]) -> dict:
    return {"id": pid, "name": name, "title": None, "country": None, "country_code": None, "organization": None,
            "aliases": [], "mentions": [list(m) for m in mentions]}


def test_text_and_attributes_are_escaped():
    text = 'Ann <b>&"x\' said: "<script>alert(1)</script>"\r\n'
    start = text.index("<script>")
    quote = {"kind": "direct", "text": text[start:start + 25], "start": start, "end": start + 25,
             "speaker": {"id": None, "name": 'The "<i>" office', "mention": {"text": "Ann", "start": 0, "end": 3}},
             "cue": None}
    html = section(view_of(_record(text, quotes=[quote]), text), "a1")
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    (mention, element) = span_elements(html)
    assert element["text"] == "<script>alert(1)</script>" and 'The "<i>" office' in element["title"]
    assert "&#13;" in html  # a carriage return survives the HTML parser as a reference


def test_crossing_spans_are_cut_and_say_so():
    text = "Ann said: we met in Rome. It went well."
    quote = {"kind": "indirect", "text": text[10:30], "start": 10, "end": 30, "speaker": None, "cue": None}
    meeting = {"id": "m1", "kind": "in_person", "status": "held", "participants": [], "host": None,
               "location": None, "date": None, "date_text": None,
               "evidence": {"text": text[0:25], "start": 0, "end": 25}}
    elements = span_elements(section(view_of(_record(text, quotes=[quote], meetings=[meeting]), text), "a1"))
    parts = [(e["data-kind"], e.get("data-part"), e["text"]) for e in elements]
    assert parts == [("meeting", None, text[0:25]), ("quote", "1/2", text[10:25]), ("quote", "2/2", text[25:30])]
    assert {(e["data-start"], e["data-end"]) for e in elements if e["data-kind"] == "quote"} == {("10", "30")}


def test_the_dateline_is_not_drawn_but_offsets_stay_those_of_the_file():
    text = " date 2025-01-02 Ann Lee spoke.\n"
    view = view_of(_record(text, people=[_person("p1", "Ann Lee", (17, 24))]), text)
    html = section(view, "a1")
    assert "date 2025" not in html.split('<div class="text">')[1]
    (el,) = span_elements(html)
    assert (el["data-start"], el["text"]) == ("17", "Ann Lee")
