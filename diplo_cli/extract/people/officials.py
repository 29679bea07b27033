"""Office holders across articles: the country other articles state for a person this one leaves unsaid.

Owns the lookup over data/officials.jsonl (scripts/make_officials.py mines it from a news archive: "U.S.
President Joe Biden", "Russian Foreign Minister Sergei Lavrov"). A White House readout never says "U.S.
President Biden"; other publishers do, so "President Biden" in an article dated 2022 serves the United States.
Gives only a country, only to a person with none stated, and only near the dates the name was seen.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, replace
from importlib import resources

import orjson

from diplo_cli.extract.countries import Country, countries
from diplo_cli.records import Person

MARGIN_DAYS = 365 * 2  # how far outside the dates an office holder was seen the archive still answers
SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III"}


@dataclass(frozen=True, slots=True)
class OfficeHolder:
    words: tuple[str, ...]  # the name's words, without initials and suffixes
    country: Country
    office: str
    first_seen: datetime.date | None
    last_seen: datetime.date | None


def with_archive_countries(people: tuple[Person, ...], date: str | None) -> tuple[Person, ...]:
    """People with the archive's country given to those the article states none for. ``date``: the
    article's (ISO); without one the archive is not used, since offices change hands."""
    when = _date(date)
    if when is None:
        return people
    out = []
    for p in people:
        country = None if p.country or p.organization else archive_country(p.name, p.title, when)
        out.append(replace(p, country=country.name, country_code=country.code) if country else p)
    return tuple(out)


def archive_country(name: str, title: str | None, when: datetime.date) -> Country | None:
    """The one country the archive gives a name at a date: "Joseph R. Biden" ~ "Joe Biden" (same surname,
    same initial), "President Biden" (a surname alone, only when the article gives a title) ~ "Joe
    Biden". None when no holder, or holders of two countries, fit."""
    words = name_words(name)
    if not words or len(words) == 1 and title is None:
        return None
    found = {h.country for h in _holders().get(words[-1], ()) + _holders().get(words[0], ())
             if _same_name(words, h, title) and _in_range(h, when)}
    return found.pop() if len(found) == 1 else None


def name_words(name: str) -> tuple[str, ...]:
    """"Joseph R. Biden, Jr." → ("Joseph", "Biden")."""
    return tuple(w for w in re.split(r"[\s,]+", name) if w and w not in SUFFIXES and not re.fullmatch(r"[A-Z]\.", w))


def _same_name(words: tuple[str, ...], holder: OfficeHolder, title: str | None) -> bool:
    """The same surname, and for a fuller name the same first initial ("Joe Biden" ~ "Joseph Biden"), or
    the same words in either order ("Kishida Fumio" ~ "Fumio Kishida"). A single word is the surname, or
    the family name written first when the title shares a word with the office ("Prime Minister
    Kishida" ~ "Kishida Fumio", Prime Minister; "Patriarch Kirill" is not "Kirill Petkov", Prime Minister;
    "Abdullah Abdullah" is not "Abdullah Badawi")."""
    name = holder.words
    if words in (name, name[::-1]):
        return True
    if len(words) == 1 and len(name) >= 2 and words[0] == name[0]:
        return title is not None and bool(_office_words(title) & _office_words(holder.office))
    return words[-1] == name[-1] and (len(words) == 1 or len(name) >= 2 and words[0][:1] == name[0][:1])


def _office_words(title: str) -> set[str]:
    return set(title.lower().replace("-", " ").split()) - {"of", "the", "and", "for"}


def _in_range(holder: OfficeHolder, when: datetime.date) -> bool:
    margin = datetime.timedelta(days=MARGIN_DAYS)
    return holder.first_seen is not None and holder.last_seen is not None \
        and holder.first_seen - margin <= when <= holder.last_seen + margin


def _date(text: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:
        return None


@functools.cache
def _holders() -> dict[str, tuple[OfficeHolder, ...]]:
    raw = resources.files("diplo_cli.extract").joinpath("data").joinpath("officials.jsonl").read_bytes()
    return index_holders(raw.splitlines())


def index_holders(lines: list[bytes]) -> dict[str, tuple[OfficeHolder, ...]]:
    """Office holders of officials.jsonl lines, by each of their name's words."""
    index: dict[str, list[OfficeHolder]] = {}
    for row in map(orjson.loads, lines):
        if "_comment" in row or row["country_code"] not in countries().by_code:
            continue
        holder = OfficeHolder(name_words(row["name"]), countries().by_code[row["country_code"]], row["office"],
                              _date(row["first_seen"]), _date(row["last_seen"]))
        for word in set(holder.words):
            index.setdefault(word, []).append(holder)
    return {word: tuple(holders) for word, holders in index.items()}
