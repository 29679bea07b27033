"""The mention index the reference rules read: the same answers as a scan of every mention."""

from __future__ import annotations

import random

import pytest

from diplo_cli.extract.references import Mention, Mentions, by_office, holds_office, person_nouns
from diplo_cli.records import Person

TITLES = ["President", "Prime Minister", "Foreign Minister", "Vice President", None]


def _people(seed: int) -> tuple[Person, ...]:
    """Made-up people with random titles, countries and (possibly nested) mentions."""
    rng = random.Random(seed)
    out = []
    for k in range(rng.randint(0, 8)):
        spans = []
        for _ in range(rng.randint(1, 6)):
            start = rng.randrange(0, 400)
            spans.append((start, start + rng.randint(1, 25)))
        out.append(Person(f"p{k}", f"Person {k}", rng.choice(TITLES), None, rng.choice(["FI", "CL", None]),
                          mentions=tuple(sorted(spans))))
    return tuple(out)


def _all(people: tuple[Person, ...]) -> list[Mention]:
    return sorted((Mention(s, e, p) for p in people for s, e in p.mentions), key=lambda m: m.start)


@pytest.fixture(params=range(30))
def case(request):
    """Made-up people, their mentions as a plain list and as the index, and a random source."""
    people = _people(request.param)
    return people, _all(people), Mentions(_all(people)), random.Random(request.param)


def test_lookups_are_those_of_a_scan(case):
    people, scan, index, rng = case
    for _ in range(40):
        lo = rng.randrange(-5, 430)
        hi = lo + rng.randint(0, 60)
        assert index.starting_in(lo, hi) == [m for m in scan if lo <= m.start < hi]
        assert index.overlapping(lo, hi) == [m for m in scan if m.start < hi and lo < m.end]
        before = [m for m in scan if m.end <= lo]
        assert index.last_before(lo) == (before[-1] if before else None)
    for p in people:
        assert index.first_end(p.id) == min(e for _, e in p.mentions)
    assert index.first_end("nobody") is None
    assert index.people() == list({m.person.id: m.person for m in scan}.values())


def _by_office_scan(noun: str, mentions: list[Mention], before: int, country: str | None) -> Person | None:
    """by_office as it was, a scan of every mention: the answer the index must keep."""
    word = person_nouns().get(noun, noun)

    def holds(p: Person) -> bool:
        return holds_office(p, word) and (country is None or p.country_code == country)

    earlier = [m.person for m in mentions if m.end <= before and holds(m.person)]
    if earlier:
        return earlier[0] if word == "president" else earlier[-1]
    anywhere = {m.person.id: m.person for m in mentions if holds(m.person)}
    return next(iter(anywhere.values())) if len(anywhere) == 1 else None


def test_office_holder_is_that_of_a_scan(case):
    _, scan, index, rng = case
    for _ in range(20):
        noun, country, before = rng.choice(["president", "minister", "premier"]), rng.choice(["FI", None]), \
            rng.randrange(0, 430)
        assert by_office(noun, index, before, country) == _by_office_scan(noun, scan, before, country)
