"""Helpers for the view tests: the spans a record claims, and the span elements of a rendered page."""

from __future__ import annotations

from html.parser import HTMLParser

import orjson
from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"


def golden_records() -> list[tuple[dict, str]]:
    """(record, text of its sample) for every golden file: the samples' `diplo extract` output."""
    out = []
    for path in sorted(GOLDEN.glob("*.json")):
        record = orjson.loads(path.read_bytes())
        out.append((record, (ROOT / record["source"]).read_text(encoding="utf-8")))
    return out


def record_spans(record: dict) -> dict[tuple[str, int, int], set[tuple[str, str]]]:
    """Every span the record claims, as (data-kind, start, end) → the (attribute, id) links it must carry."""
    spans: dict[tuple[str, int, int], set[tuple[str, str]]] = {}

    def add(kind: str, start: int, end: int, *links: tuple[str, str | None]) -> None:
        spans.setdefault((kind, start, end), set()).update((k, v) for k, v in links if v is not None)

    for p in record["people"]:
        for s, e in p["mentions"]:
            add("person", s, e, ("person", p["id"]))
    for q in record["quotes"]:
        sid = q["speaker"]["id"] if q["speaker"] else None
        add("quote", q["start"], q["end"], ("speaker", sid))
        if q["cue"]:
            add("cue", q["cue"]["start"], q["cue"]["end"], ("speaker", sid))
        if q["speaker"]:
            m = q["speaker"]["mention"]
            add("person", m["start"], m["end"], ("person", sid))
    for m in record["meetings"]:
        add("meeting", m["evidence"]["start"], m["evidence"]["end"], ("meeting", m["id"]))
    for p in record["priorities"]:
        add("priority", p["start"], p["end"], ("holder", p["holder"]["id"]))
        add("cue", p["cue"]["start"], p["cue"]["end"], ("holder", p["holder"]["id"]))
    return spans


class SpanElements(HTMLParser):
    """Collects every <span data-kind> of a page: its attributes and its whole text (children included)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self._open: list[dict | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "span":
            return
        a = dict(attrs)
        element = {**a, "text": ""} if "data-kind" in a else None
        if element is not None:
            self.elements.append(element)
        self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for element in self._open:
            if element is not None:
                element["text"] += data


def span_elements(page: str) -> list[dict]:
    parser = SpanElements()
    parser.feed(page)
    parser.close()
    return parser.elements


def check_spans(elements: list[dict], record: dict, text: str) -> None:
    """Each span of the record is exactly one element of its data-kind, exact offsets and text, with its links."""
    expected = record_spans(record)
    found: dict[tuple[str, int, int], list[dict]] = {}
    for el in elements:
        found.setdefault((el["data-kind"], int(el["data-start"]), int(el["data-end"])), []).append(el)
    assert set(found) == set(expected)
    for key, links in expected.items():
        (el,) = found[key]  # one element: not split, not doubled
        kind, start, end = key
        assert el["text"] == text[start:end], key
        assert "data-part" not in el
        for name, value in links:
            assert value in el[f"data-{name}"].split(), (key, name)
