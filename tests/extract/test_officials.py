"""Office holders across articles: one row per rule, names and dates written for the test."""

from __future__ import annotations

import datetime

import orjson
import pytest

from diplo_cli.errors import UsageError
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
    table = officials.OfficeHolders(officials.index_holders([orjson.dumps(r) for r in rows]), ("shipped",))
    monkeypatch.setattr(officials, "shipped_holders", lambda: table)


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


def _table(tmp_path, name, *rows):
    path = tmp_path / name
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    return str(path)


def test_a_user_table_adds_to_the_shipped_one(tmp_path):
    mine = _table(tmp_path, "mine.jsonl", {"_comment": "mined here"},
                  {"name": "Ines Duarte", "country_code": "PT", "first_seen": "2024-01-01", "last_seen": "2024-12-31"})
    when = datetime.date(2024, 6, 1)
    both = officials.read_office_holders([mine])
    assert officials.archive_country("Ines Duarte", None, when, both).code == "PT"
    assert officials.archive_country("Walter Brennan", None, datetime.date(2022, 6, 1), both).code == "US"
    only = officials.read_office_holders([mine], shipped=False)
    assert officials.archive_country("Walter Brennan", None, datetime.date(2022, 6, 1), only) is None
    assert len(only) == 1 and only.sources == (mine,)
    # no table at all: the archive gives nothing
    assert officials.archive_country("Ines Duarte", None, when, officials.read_office_holders([], False)) is None


def test_a_name_two_tables_give_different_countries_gives_neither(tmp_path):
    other = _table(tmp_path, "other.jsonl", {"name": "Walter Brennan", "country_code": "CA",
                                             "first_seen": "2022-01-01", "last_seen": "2022-12-31"})
    table = officials.read_office_holders([other])
    assert officials.archive_country("Walter Brennan", None, datetime.date(2022, 6, 1), table) is None


@pytest.mark.parametrize("line, message", [
    (b"not json", "line 1 is not JSON"),
    (b"[1, 2]", "line 1 is not a JSON object"),
    (b'{"country_code": "PT"}', "line 1 has no name"),
    (b'{"name": "Ines Duarte", "country_code": "XX"}', "unknown country code 'XX'"),
    (b'{"name": "Ines Duarte", "country_code": "PT", "first_seen": "June 2024"}', "first_seen 'June 2024'"),
])
def test_a_table_that_cannot_be_read_is_a_usage_error_naming_file_and_line(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(line + b"\n")
    with pytest.raises(UsageError, match=message):
        officials.read_office_holders([str(path)])


def test_a_missing_table_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="cannot read it"):
        officials.read_office_holders([str(tmp_path / "none.jsonl")])
