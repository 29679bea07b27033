"""Pledges and messages: the country a person speaks for, from what they commit or convey.

"Secretary Blinken reiterated that the United States remains committed to ...", "Volodymyr Zelenskyy
noted that Ukraine is ready to ...", "Kapoor said India was committed to ...": an official states
their own country's readiness, never another's. "He conveyed the good wishes of Prime Minister Ana
Soto": a messenger carries their own leader's words, so the two serve one country. Gives that
country to a person whose country no word states. Reads two clause patterns; implied.py reads the
rest of the article.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from diplo_cli.extract.countries import Country, countries, country_spans
from diplo_cli.extract.references import PRONOUNS, SUBJECT_DEPS, Mentions, mentions_of, named_by, refer
from diplo_cli.records import Person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CONVEYING = {"convey", "send", "forward", "pass", "deliver", "extend", "relay"}  # not "accept", "receive"
MESSAGES = {"greeting", "greetings", "wish", "wishes", "regards", "message", "invitation", "letter"}
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
    stated = {p.id: countries().by_code[p.country_code] for p in people if p.country_code and p.organization is None}
    for messenger, sender in _messages(doc, mentions):
        for one, other in ((messenger, sender), (sender, messenger)):
            if other.id in stated and one.id not in stated:
                given.setdefault(one.id, set()).add(stated[other.id])
    out = []
    for p in people:
        found = given.get(p.id, set())
        if len(found) == 1 and p.country is None and p.organization is None:
            (country,) = found
            p = replace(p, country=country.name, country_code=country.code)
        out.append(p)
    return tuple(out)


def _messages(doc: Doc, mentions: Mentions) -> list[tuple[Person, Person]]:
    """(messenger, sender) of "X conveyed the greetings of / passed on a message from President Y",
    the messenger named or an office ("The Minister conveyed"), not a pronoun."""
    out = []
    for t in doc:
        if t.lemma_.lower() not in MESSAGES or t.dep_ != "dobj" or t.head.lemma_ not in CONVEYING:
            continue
        prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "from")), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        subject = next((c for c in t.head.children if c.dep_ in SUBJECT_DEPS), None)
        if obj is None or subject is None or subject.lower_ in PRONOUNS:
            continue  # "He conveyed": the pronoun's person is too often the one met, named last
        sender, messenger = named_by(obj, mentions), refer(doc, subject, mentions)
        if sender is not None and messenger is not None and sender.person.id != messenger.id:
            out.append((messenger, sender.person))
    return out


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

