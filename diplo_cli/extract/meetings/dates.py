"""Time expressions → ISO dates, resolved against the article's date.

Owns which expressions name a day ("on Monday", "today", "4 December", "March 4, 2024") and how
they resolve. dateparser (English only) reads the words; two rules are ours because its defaults
differ from how news is written: a weekday is the latest such day on or before the article date
(the nearest after it for planned events), and a date without a year is the nearest such date,
not one months away. A month alone, "next week" or "recently" give None: they do not name a day.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0, "this evening": 0,
                 "this afternoon": 0}
YEAR = re.compile(r"\b(1[89]|2[01])\d\d\b")
DAY_NUMBER = re.compile(r"\b\d{1,2}(st|nd|rd|th)?\b")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def names_a_day(words: str) -> bool:
    """A time of day that also names the day: "this morning", "earlier today", "tonight"."""
    return any(re.search(rf"\b{phrase}\b", words.lower()) for phrase in RELATIVE_DAYS)


DURATION = re.compile(r"^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)[- ]"
                      r"(?:day|days|week|weeks|month|months|year|years)(?:-long)?$", re.I)


def is_duration(words: str) -> bool:
    """"a three-day visit", "two days of talks": how long, not which day."""
    return DURATION.match(words.strip()) is not None


def resolve_date(words: str, base: str | None, planned: bool = False) -> str | None:
    """The ISO date a time expression names, or None when it names no single day.

    ``base`` is the article date (ISO) or None; relative words ("Monday", "today") need it.
    """
    text = words.lower().strip()
    base_day = _parse_iso(base)
    for phrase, offset in RELATIVE_DAYS.items():
        if re.search(rf"\b{phrase}\b", text):
            return (base_day + dt.timedelta(days=offset)).isoformat() if base_day else None
    if "day before yesterday" in text:
        return (base_day - dt.timedelta(days=2)).isoformat() if base_day else None
    month = any(re.search(rf"\b{m}[a-z]*\.?(\s|$)", text) for m in MONTHS)
    has_day = month and DAY_NUMBER.search(YEAR.sub("", text)) is not None
    if not has_day:
        weekday = next((i for i, d in enumerate(WEEKDAYS) if d in text), None)
        if weekday is None or base_day is None or re.search(r"\b(every|each)\b", text):
            return None
        return _weekday(base_day, weekday, planned, "next" in text, "last" in text).isoformat()
    return _calendar_date(words, base_day)


def _weekday(base: dt.date, weekday: int, planned: bool, is_next: bool, is_last: bool) -> dt.date:
    """"on Monday": the latest Monday on or before the article date; for planned events the
    nearest one on or after it. "next Monday" is the one after, "last Monday" the one before."""
    back = (base.weekday() - weekday) % 7
    ahead = (weekday - base.weekday()) % 7
    if is_next:
        return base + dt.timedelta(days=ahead or 7)
    if is_last:
        return base - dt.timedelta(days=back or 7)
    return base + dt.timedelta(days=ahead) if planned else base - dt.timedelta(days=back)


def _calendar_date(words: str, base: dt.date | None) -> str | None:
    """"4 December", "Dec. 4", "March 4, 2024": dateparser reads it; a year-less date is the
    nearest such date to the article date (with no article date, it cannot be placed: None)."""
    has_year = YEAR.search(words) is not None
    if not has_year and base is None:
        return None
    found = _parse(first_day(re.sub(r"^(on|by|from|since|until|till|of|between)\s+", "", words.strip(), flags=re.I)))
    if found is None:
        return None
    if has_year:
        return found.isoformat()
    assert base is not None  # no year and no article date returned above
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(found.replace(year=year))
        except ValueError:  # 29 February
            continue
    return min(candidates, key=lambda d: abs((d - base).days)).isoformat() if candidates else None


DAY_RANGE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|and|to)\s*\d{1,2}(?:st|nd|rd|th)?\s+(.*)$")
MONTH_DAY_RANGE = re.compile(r"^([A-Za-z]+\.?\s+\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–)\s*\d{1,2}(?:st|nd|rd|th)?\b(.*)$")


def first_day(words: str) -> str:
    """A multi-day event's first day: "22 and 23 May" → "22 May", "March 22-24" → "March 22",
    "30 May - 2 June" → "30 May"."""
    if m := DAY_RANGE.match(words):
        return f"{m.group(1)} {m.group(2)}"
    if m := MONTH_DAY_RANGE.match(words):
        return f"{m.group(1)}{m.group(2)}"
    return re.split(r"\s+(?:-|–|to|until)\s+", words, maxsplit=1)[0]


@functools.lru_cache(maxsize=4096)
def _parse(words: str) -> dt.date | None:
    import dateparser  # imported on first use: it takes a while, and most articles need it once

    found = dateparser.parse(words, languages=["en"],
                             settings={"REQUIRE_PARTS": ["day", "month"], "RELATIVE_BASE": dt.datetime(2000, 1, 1),
                                       "PREFER_DATES_FROM": "current_period"})
    return found.date() if found is not None else None


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
