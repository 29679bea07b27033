"""Office holders across articles: one row per rule, names and dates written for the test."""

from __future__ import annotations

import datetime

import orjson
import pytest

from diplo_cli.extract.people import officials, resolve_people

ROWS = [
    {"name": "Walter Q. Brennan", "country_code": "US", "first_seen": "2020-01-01", "last_seen": "2022-12-31"},
    {"name": "Tanaka Haruki", "office": "Prime Minister", "country_code": "JP", "first_seen": "2021-01-01",
     "last_seen": "2021-12-31"},
    {"name": "Olga Marsh", "country_code": "GB", "first_seen": "2021-01-01", "last_seen": "2021-12-31"},
    {"name": "Peter Marsh", "country_code": "AU", "first_seen": "2021-01-01", "last_seen": "2021-12-31"},
]


@pytest.fixture(autouse=True)
def archive(monkeypatch):
    rows = [{"country": "", "office": "President", "articles": 2, **r} for r in ROWS]
    index = officials.index_holders([orjson.dumps(r) for r in rows])
    monkeypatch.setattr(officials, "_holders", lambda: index)


@pytest.mark.parametrize("name, title, date, expect", [
    # the full name, initials and suffixes aside, and a short given name with the same initial
    ("Walter Q. Brennan, Jr.", None, "2022-06-01", "US"),
    ("Walt Brennan", None, "2022-06-01", "US"),
    # a surname alone only when the article gives the person a title ("President Brennan")
    ("Brennan", "President", "2022-06-01", "US"),
    ("Brennan", None, "2022-06-01", None),
    # a name written family name first, in either order
    ("Tanaka Haruki", None, "2021-06-01", "JP"),
    ("Haruki Tanaka", None, "2021-06-01", "JP"),
    # a family name written first, alone, when the title fits the office ("Prime Minister Tanaka")
    ("Tanaka", "Prime Minister", "2021-06-01", "JP"),
    # ... not a given name with another office ("Patriarch Walter" is not President Walter Brennan)
    ("Walter", "Patriarch", "2022-06-01", None),
    ("Brennan Brennan", None, "2022-06-01", None),
    # far from the dates seen: offices change hands
    ("Walter Brennan", None, "2010-06-01", None),
    # a surname two countries' holders share gives neither
    ("Marsh", "Minister", "2021-06-01", None),
    ("Olga Marsh", None, "2021-06-01", "GB"),
])
def test_archive_country(name, title, date, expect):
    found = officials.archive_country(name, title, datetime.date.fromisoformat(date))
    assert (found.code if found else None) == expect


def test_archive_gives_the_lead_its_country_and_the_home_side_follows(nlp):
    # a release that never names its own side: the archive knows the lead, implied.py does the rest
    text = "President Brennan met Foreign Minister Ali Khan of Pakistan. Vice President Mona Reyes joined the talks."
    got = {p.name: p.country_code for p in resolve_people(nlp(text), date="2022-03-01")}
    assert got == {"Brennan": "US", "Mona Reyes": "US", "Ali Khan": "PK"}
    undated = {p.name: p.country_code for p in resolve_people(nlp(text))}
    assert undated["Brennan"] is None
