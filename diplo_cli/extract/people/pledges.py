"""Pledges: the country a person commits in reported speech is the one they speak for.

"Secretary Blinken reiterated that the United States remains committed to ...", "Volodymyr Zelenskyy
noted that Ukraine is ready to ...", "Kapoor said India was committed to ...": an official states
their own country's readiness, never another's. Gives that country to a person whose country no
word states. Reads one clause pattern; implied.py reads the rest of the article.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from diplo_cli.extract.countries import Country, countries, country_spans
from diplo_cli.extract.references import SUBJECT_DEPS, mentions_of, refer
from diplo_cli.records import Person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

REPORTING = {"say", "note", "stress", "reiterate", "emphasize", "emphasise", "underline", "underscore",
             "assure", "affirm", "reaffirm", "confirm", "state", "add", "tell", "declare"}
COMMITTED = {"committed", "ready", "determined", "prepared", "willing"}  # "remains committed", "stands ready"
LINKS = {"be", "remain", "stand", "continue"}


def pledged_countries(doc: Doc, people: tuple[Person, ...]) -> tuple[Person, ...]:
    """People with the country their reported pledges name, when no word states theirs; a person
    two pledges give different countries gets none."""
    mentions = mentions_of(people)
    given: dict[str, set[Country]] = {}
    for t in doc:
        country = _pledged(t)
        if country is None:
            continue
        for subject in (c for c in t.head.children if c.dep_ in SUBJECT_DEPS):
            person = refer(doc, subject, mentions)
            if person is not None:
                given.setdefault(person.id, set()).add(country)
    out = []
    for p in people:
        found = given.get(p.id, set())
        if len(found) == 1 and p.country is None and p.organization is None:
            (country,) = found
            p = replace(p, country=country.name, country_code=country.code)
        out.append(p)
    return tuple(out)


def _pledged(t: Token) -> Country | None:
    """The country a reported clause headed by ``t`` commits ("... that Ukraine is ready", "...
    the United States stands ready"), when a reporting verb governs it; else None. Only a country's
    name as the subject: "the Ukrainian side" and "our country" are read elsewhere."""
    if t.dep_ != "ccomp" or t.head.lemma_ not in REPORTING:
        return None
    passive = t.lower_ in COMMITTED and any(c.dep_ == "auxpass" for c in t.children)  # "India was committed"
    if not passive and (t.lemma_ not in LINKS or not any(
            c.dep_ in ("acomp", "oprd") and c.lower_ in COMMITTED
            or c.dep_ == "xcomp" and (c.lower_ in COMMITTED or any(g.lower_ in COMMITTED for g in c.children))
            for c in t.children)):
        return None
    subject = next((c for c in t.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    words = [w for w in subject.subtree if w.lower_ != "the"]
    if not words:
        return None
    spans = country_spans(doc := t.doc)
    found = spans.get(words[0].i, [])
    if not found or found[0][0] != words[-1].i + 1 or doc[words[0].i].text in countries().demonyms:
        return None
    return found[0][1]

