"""A record and its text → the view: spans merged per (kind, offsets), records that do not fit refused."""

from __future__ import annotations

import re

import pytest
from test_html import _person, _record

from diplo_cli.view.model import NotARecord, Unfit, view_of

TEXT = "Ann Lee met Bo Chan in Oslo. Lee said talks matter."


def _meeting(mid: str) -> dict:
    return {"id": mid, "kind": "in_person", "status": "held", "participants": [], "host": None, "location": None,
            "date": None, "date_text": None, "evidence": {"text": TEXT[:28], "start": 0, "end": 28}}


def test_two_meetings_told_by_one_sentence_are_one_span_linking_both():
    view = view_of(_record(TEXT, meetings=[_meeting("m1"), _meeting("m2")]), TEXT)
    (mark,) = view.marks
    assert (mark.kind, mark.link("meeting"), mark.label) == ("meeting", "m1 m2", "m1,m2")
    assert [m.id for m in view.meetings] == ["m1", "m2"]


def test_a_speaker_mention_that_is_a_person_mention_is_one_span():
    quote = {"kind": "indirect", "text": "talks matter", "start": 38, "end": 50,
             "speaker": {"id": "p1", "name": "Ann Lee", "mention": {"text": "Lee", "start": 29, "end": 32}},
             "cue": {"text": "said", "start": 33, "end": 37}}
    people = [_person("p1", "Ann Lee", (0, 7), (29, 32)) | {"aliases": ["Lee"]}]
    view = view_of(_record(TEXT, people=people, quotes=[quote]), TEXT)
    assert [(m.kind, m.start) for m in view.marks] == [("person", 0), ("person", 29), ("cue", 33), ("quote", 38)]
    assert {m.colour for m in view.marks} == {view.people[0].colour}


@pytest.mark.parametrize("change, message", [
    ({"people": [_person("p1", "Ann Lee", (0, 6))]}, "people[0].mentions[0] at 0-6 reads 'Ann Le'"),
    ({"people": [_person("p1", "Ann Lee", (40, 90))]}, "lies outside the text"),
    ({"meetings": [_meeting("m1") | {"evidence": {"text": "Ann", "start": 1, "end": 4}}]}, "reads 'nn '"),
])
def test_offsets_that_do_not_fit_the_text_are_refused(change, message):
    with pytest.raises(Unfit, match=re.escape(message)):
        view_of(_record(TEXT, **change), TEXT)


def test_a_name_wrapped_over_a_line_break_fits():
    """A span's text is as diplo read it; in a hard-wrapped file the file's characters differ in
    whitespace only (SCHEMA.md)."""
    text = "Talks began when Ann\r\nLee met Bo Chan in Oslo."
    quote = {"kind": "indirect", "text": "Ann Lee met Bo Chan", "start": 17, "end": 38, "speaker": None, "cue": None}
    view = view_of(_record(text, people=[_person("p1", "Ann Lee", (17, 26))], quotes=[quote]), text)
    assert [(m.kind, m.start, m.end) for m in view.marks] == [("quote", 17, 38), ("person", 17, 26)]
    with pytest.raises(Unfit, match="reads 'Ann"):
        view_of(_record(text, people=[_person("p1", "Ann Lea", (17, 26))]), text)


def test_a_span_in_the_dateline_header_is_refused():
    text = " date 2025-01-02 Ann"
    with pytest.raises(Unfit, match="dateline"):
        view_of(_record(text, people=[_person("p1", "date", (1, 5))]), text)


@pytest.mark.parametrize("record, message", [
    ([1, 2], "the record is not an object"),
    ({"schema_version": 2}, "schema_version is 2"),
    (_record(TEXT) | {"people": None}, "record.people is not a list"),
    (_record(TEXT, quotes=[{"kind": "direct", "text": "x", "start": "3", "end": 4}]), "quotes.0..start"),
    (_record(TEXT, people=[_person("p1", "Ann", (0, 3)) | {"mentions": [[0]]}]), "not a pair of offsets"),
])
def test_json_that_is_no_record_is_refused(record, message):
    with pytest.raises(NotARecord, match=message):
        view_of(record, TEXT)
