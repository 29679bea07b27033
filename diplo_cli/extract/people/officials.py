"""Office holders across articles: the country other articles state for a person this one leaves unsaid.

Owns the lookup over an office-holder table: the shipped data/officials.jsonl and the tables a user mines
from an archive (`diplo officials`, see archive.py: "U.S. President Joe Biden", "Russian Foreign Minister
Sergei Lavrov"). A White House readout never says "U.S. President Biden"; other publishers do, so "President
Biden" in an article dated 2022 serves the United States. Gives only a country, only to a person with none
stated, and only near the dates the name was seen.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources

import orjson

from diplo_cli.errors import UsageError
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


@dataclass(frozen=True, slots=True)
class OfficeHolders:
    """One or more office-holder tables, indexed by each word of the holders' names."""

    by_word: dict[str, tuple[OfficeHolder, ...]]
    sources: tuple[str, ...] = ()  # the tables read, for messages ("shipped" for data/officials.jsonl)

    def __len__(self) -> int:
        return len({h for holders in self.by_word.values() for h in holders})


NO_HOLDERS = OfficeHolders({})


def with_archive_countries(people: tuple[Person, ...], date: str | None,
                           holders: OfficeHolders | None = None) -> tuple[Person, ...]:
    """People with the archive's country given to those the article states none for. ``date``: the
    article's (ISO); without one the archive is not used, since offices change hands. ``holders``:
    the tables to use (default: the shipped one)."""
    when = _date(date)
    table = shipped_holders() if holders is None else holders
    if when is None or not table.by_word:
        return people
    out = []
    for p in people:
        country = None if p.country or p.organization else archive_country(p.name, p.title, when, table)
        out.append(replace(p, country=country.name, country_code=country.code) if country else p)
    return tuple(out)


def archive_country(name: str, title: str | None, when: datetime.date,
                    holders: OfficeHolders | None = None) -> Country | None:
    """The one country the archive gives a name at a date: "Joseph R. Biden" ~ "Joe Biden" (same surname,
    same initial), "President Biden" (a surname alone, only when the article gives a title) ~ "Joe
    Biden". None when no holder, or holders of two countries, fit (also across two tables)."""
    words = name_words(name)
    if not words or len(words) == 1 and title is None:
        return None
    index = (shipped_holders() if holders is None else holders).by_word
    found = {h.country for h in index.get(words[-1], ()) + index.get(words[0], ())
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
def shipped_holders() -> OfficeHolders:
    """The table diplo ships (data/officials.jsonl, mined from the shared corpus less the dev gold)."""
    raw = resources.files("diplo_cli.extract").joinpath("data").joinpath("officials.jsonl").read_bytes()
    return OfficeHolders(index_holders(raw.splitlines()), ("shipped",))


def read_office_holders(paths: Sequence[str], shipped: bool = True) -> OfficeHolders:
    """The tables of ``paths`` (JSON lines as `diplo officials` writes them), with the shipped one unless
    ``shipped`` is False. A holder two tables give different countries is ambiguous, as within one table.

    Raises UsageError naming the file and line of a table that cannot be read."""
    rows: list[bytes] = []
    for path in paths:
        try:
            with open(path, "rb") as f:
                lines = f.read().splitlines()
        except OSError as e:
            raise UsageError(f"--officials {path}: cannot read it ({e.strerror or e})") from None
        _check_rows(path, lines)
        rows.extend(lines)
    index = index_holders(rows)
    if shipped:
        for word, holders in shipped_holders().by_word.items():
            index[word] = holders + index.get(word, ())
    return OfficeHolders(index, ("shipped",) * shipped + tuple(paths))


def _check_rows(path: str, lines: Iterable[bytes]) -> None:
    """Every line of a table is a holder row (or the "_comment" line) with a known country code."""
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = orjson.loads(line)
        except orjson.JSONDecodeError as e:
            raise UsageError(f"--officials {path}: line {n} is not JSON ({e})") from None
        if not isinstance(row, dict):
            raise UsageError(f"--officials {path}: line {n} is not a JSON object") from None
        if "_comment" in row:
            continue
        missing = [k for k in ("name", "country_code") if not isinstance(row.get(k), str) or not row[k].strip()]
        if missing:
            raise UsageError(f"--officials {path}: line {n} has no {' or '.join(missing)} (see diplo officials)")
        if row["country_code"] not in countries().by_code:
            raise UsageError(f"--officials {path}: line {n}: unknown country code {row['country_code']!r}")
        for key in ("first_seen", "last_seen"):
            if row.get(key) is not None and (not isinstance(row[key], str) or _date(row[key]) is None):
                raise UsageError(f"--officials {path}: line {n}: {key} {row[key]!r} is not a YYYY-MM-DD date")


def index_holders(lines: list[bytes]) -> dict[str, tuple[OfficeHolder, ...]]:
    """Office holders of officials.jsonl lines, by each of their name's words."""
    index: dict[str, list[OfficeHolder]] = {}
    for row in (orjson.loads(line) for line in lines if line.strip()):
        if "_comment" in row or row["country_code"] not in countries().by_code:
            continue
        holder = OfficeHolder(name_words(row["name"]), countries().by_code[row["country_code"]],
                              row.get("office") or "", _date(row.get("first_seen")), _date(row.get("last_seen")))
        for word in set(holder.words):
            index.setdefault(word, []).append(holder)
    return {word: tuple(holders) for word, holders in index.items()}
