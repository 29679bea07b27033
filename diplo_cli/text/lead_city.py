"""The city a wire lead is filed from, its place dateline (not the ` date YYYY-MM-DD ` header):
"MANILA, April 15 (Reuters) -", "WASHINGTON (AP) —", "ISLAMABAD, Apr 05 (APP):", "LISBON, March 3.
/TASS/.", "Lima, May 31 (IANS)", "DAR ES SALAAM --".

Wire copy opens its lead with the city it is filed from; GUIDELINES.md gives a held meeting told
without a place that city, and so "here" and "in the capital". Only the first lines of the body are
read (a web copy may put a section name or a reading time above the lead). A city in capitals is
the dateline when an agency or a date follows it; before a bare dash or colon only when it is a
known place ("ASEAN - the Association ...", "PM WELCOMES US - CHINA SUMMIT"; transcripts label their
speakers "QUESTION:", "MR PRICE:"); a city in title case only with an agency, or a date and a dash
("Lima, May 31 (IANS)"), since "Kyiv - the talks" may be a headline.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import NamedTuple

from diplo_cli.extract.countries import countries, places

LEAD_LINES = 6  # lines after the first (the headline, when there is one) in which the lead is looked for
_CAPS_CITY = r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}"
_TITLE_CITY = r"[A-Z][a-z'’.-]+(?: [A-Z][a-z'’.-]+){0,2}"
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_REGION = rf"(?:,\s*(?!{_MONTHS}\s+\d)[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){{0,2}})?"  # "SOCHI, Russia", "AUSTIN, Texas"
_DATE = rf"(?:,?\s*(?:{_MONTHS}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTHS})\.?)"
_AGENCY = r"(?:\s*\((?:[A-Z][A-Za-z.&-]{1,15})(?: [A-Za-z.&-]+){0,2}\)|\s*/[A-Z][A-Za-z-]{1,10}/\.?)"
_DASH = r"(?:\s*(?:--|[–—:])|\s+-)\s+"  # not a word's hyphen ("COVID-19")
CAPS = re.compile(rf"(?P<city>{_CAPS_CITY}){_REGION}(?P<date>{_DATE})?(?P<agency>{_AGENCY})?(?P<dash>{_DASH})?")
TITLE = re.compile(rf"(?P<city>{_TITLE_CITY}){_REGION}(?P<date>{_DATE})?(?P<agency>{_AGENCY})?(?P<dash>{_DASH})?")


class LeadCity(NamedTuple):
    city: str  # as a place name: "Dar es Salaam" for "DAR ES SALAAM"
    start: int  # the lead line's characters in the text
    end: int
    lead: int  # where the lead's words start, after the dateline ("MANILA, April 15 (Reuters) - ")


def lead_city(text: str) -> LeadCity | None:
    """The city the article's lead is filed from, with the lead line's offsets in ``text``, else None."""
    for m in itertools.islice(re.finditer(r"[^\n]*\S[^\n]*", text), 1 + LEAD_LINES):  # the headline, then the lead
        line = m.group()
        found = _opening(line.strip())
        if found is not None:
            start = m.start() + len(line) - len(line.lstrip())
            return LeadCity(found[0], start, m.end(), start + found[1])
    return None


def opening_length(line: str) -> int:
    """How many characters of the line its dateline takes ("MANILA, April 15 (Reuters) - "), else 0:
    the day it gives is the copy's, not the event's."""
    found = _opening(line)
    return found[1] if found is not None else 0


def _opening(line: str) -> tuple[str, int] | None:
    """(city, length) of a dateline the line opens with, when the lead goes on in sentence case after it
    ("ANNEX – TRANSATLANTIC COOPERATION" is a heading, "QUEENSTOWN 11 December 2004" a speech's place
    line)."""
    m = CAPS.match(line)
    if m and m.group("city").upper() == m.group("city") and re.search(r"\b[a-z]{2,}", line[m.end():]):
        city = _place_name(m.group("city").rstrip(".").strip())
        if city is not None and (m.group("agency") or m.group("date") or m.group("dash") and city in _known()):
            return city, m.end()
    m = TITLE.match(line)
    if m and (m.group("agency") or m.group("date") and m.group("dash")) and re.search(r"\b[a-z]{2,}", line[m.end():]):
        city = m.group("city").rstrip(".")
        return (city, m.end()) if city in _known() else None
    return None


def _place_name(caps: str) -> str | None:
    """"DAR ES SALAAM" → "Dar es Salaam": the known place of that spelling, else the words in title case;
    None for a word that is no place name ("QUESTION", "UPDATE")."""
    if len(caps) < 3 or caps in ("UPDATE", "BREAKING", "EXCLUSIVE", "ANALYSIS", "FACTBOX", "QUESTION"):
        return None
    known = _by_upper().get(caps)
    return known if known is not None else " ".join(w.capitalize() for w in caps.split())


@functools.cache
def _known() -> frozenset[str]:
    return frozenset(places()) | frozenset(countries().by_capital)


@functools.cache
def _by_upper() -> dict[str, str]:
    return {name.upper(): name for name in sorted(_known())}
