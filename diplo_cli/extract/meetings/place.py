"""Where a meeting is: the place phrase of a cue's clause → a city, venue, forum or country.

Owns "in the capital Moscow", "at the White House", "a visit to Ankara", "welcomed X to the White House",
"on the margins of the G20", "in the Danish capital" (Copenhagen), "While in Tokyo, ..." opening a sentence, and
where "our country" is written.
Who the people are and when it happened is clause.py's; whose "our country" it is, join.py's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplo_cli.extract import docindex
from diplo_cli.extract.countries import countries
from diplo_cli.extract.meetings.cues import FRAME_WORDS, cue_kind, hosts, with_objects, word_list

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PLACE_LABELS = {"GPE", "FAC", "LOC"}


def meeting_place(t: Token, verb: Token | None) -> str | None:
    """"in the capital Moscow", "at the Kremlin", "visit to Ankara", "on the sidelines of the G20
    summit in Bali": the first place named in a place phrase of the cue or its verb (not in a
    person's phrase: "talks with the Prime Minister of Bulgaria" are not in Bulgaria)."""
    if t.lemma_.lower() == "visit" and t.pos_ == "VERB":  # "will visit Hanoi"
        target = next((c for c in t.children if c.dep_ == "dobj"), None)
        if target is not None and (target.ent_type_ in PLACE_LABELS or _known_place(target.text)):
            ent = docindex.entity_at(target)
            return (ent.text if ent is not None else target.text).removeprefix("the ")
    objects = [c for c in verb.children if c.dep_ == "dobj"] if verb is not None else []
    # "received Araya at the Belém Palace", "met with Chancellor Scholz of Germany in Munich": the
    # phrase may hang on the guest
    guests = with_objects(t) + (with_objects(verb) if verb is not None and verb is not t else [])
    # "a meeting of NATO Defence Ministers in Istanbul": the phrase hangs on the members
    members = [o for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    # "met with Premier Tagelagi for the first time on Monday in Wellington": the place hangs on "time"
    times = [o for c in (verb.children if verb is not None else ()) if c.dep_ == "prep"
             for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in word_list("time_phrase")]
    for node in (t, verb, *objects, *guests, *members, *times):
        if node is None:
            continue
        for c in node.children:
            if c.dep_ != "prep" or not _place_phrase(node, c):
                continue
            words = [w for w in c.subtree if not any(a.lower_ == "with" for a in w.ancestors if a.i > c.i)]
            for w in words:
                ent = docindex.entity_at(w) if w.ent_iob_ == "B" else None
                if ent is not None and ent.text in countries().demonyms:
                    capital = _capital_named(ent)  # "in the Danish capital" is Copenhagen; "Danish" is no place
                    if capital is not None:
                        return capital
                    continue
                if ent is not None and (ent.label_ in PLACE_LABELS or _known_place(ent.text)):
                    return _with_city(ent)
            venue = _venue_named(t, c)
            if venue is not None:
                return venue
    # "met with President X of the DRC, Chair of the African Union, on the margins of the G20": the
    # sidelines phrase may hang anywhere in the clause
    for w in (verb or t).subtree:
        if w.dep_ == "prep" and w.lower_ == "on" and _place_phrase(w.head, w):
            venue = _venue_named(t, w)
            if venue is not None:
                return venue
    for frame in _frames(verb or t):  # "While attending the Pacific Alliance Summit in Lima, Peru, he will meet X"
        place = meeting_place(frame, frame)
        if place is not None:
            return place
    trip = trip_of(t, verb)
    return _destination(trip) if trip is not None else None


FRAME_OPENERS = FRAME_WORDS


def line_place(t: Token) -> str | None:
    """"While in Tokyo, the Secretary will meet ...", "In Wales, she will address the Assembly, meet with ...":
    a place phrase that opens the cue's sentence (or its line, when the parser joined a headline to it) sets
    where everything the sentence tells happens, whatever the parse hangs it on."""
    doc = t.doc
    start = t.sent.start
    for w in doc[start:t.i]:
        if "\n" in w.text:
            start = w.i + 1  # the cue's own line
    words = [w for w in doc[start:t.i] if not w.is_space]
    if words and words[0].lower_ in FRAME_OPENERS:
        words = words[1:]
    if len(words) < 2 or words[0].lower_ != "in":
        return None
    first = words[2] if words[1].lower_ == "the" and len(words) > 2 else words[1]
    ent = docindex.entity_at(first)
    if ent is None or ent.start not in (words[1].i, first.i) or ent.end > t.i:
        return None
    if not (ent.label_ in PLACE_LABELS or _known_place(ent.text)) or ent.text in countries().demonyms:
        return None
    return ent.text.removeprefix("the ")


def _frames(verb: Token) -> list[Token]:
    """The "while attending X" / "when visiting X" clauses of a verb (parsed as a clause or as "while" + a
    participle): where they happen, the verb happens."""
    out = []
    for c in verb.children:
        if c.dep_ == "advcl" and c.i > 0 and c.doc[c.i - 1].lower_ in FRAME_OPENERS:
            out.append(c)  # "while" may hang on the clause or on the verb above it
        elif c.dep_ == "prep" and c.lower_ in FRAME_OPENERS:
            out.extend(p for p in c.children if p.dep_ == "pcomp")
    return [c for c in out if c.lemma_.lower() in ("attend", "visit")]


def trip_of(t: Token, verb: Token | None) -> Token | None:
    """The trip verb whose purpose the cue is: "will travel to Riga, Latvia, to meet X", "heads to Zagreb
    where he will meet X", "travels to Moscow from 30 May to hold talks": the trip's place and day are
    the meeting's."""
    node = verb or t
    if node.dep_ in ("advcl", "xcomp") and node.head.lemma_.lower() in word_list("depart"):
        return node.head
    if node.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in node.children):
        up = node.head  # "to Oslo, where she will meet"; "to Lima this week, where he will meet"
        for _ in range(3):
            if up.lemma_.lower() in word_list("depart") and up.pos_ in ("VERB", "AUX"):
                return up
            if up.head is up:
                break
            up = up.head
    return None


def _destination(trip: Token) -> str | None:
    """The first place of the trip's "to" phrase ("travel to Rome and Matera, Italy" is Rome)."""
    for c in trip.children:
        if c.dep_ != "prep" or c.lower_ != "to":
            continue
        for o in c.children:
            if o.dep_ != "pobj":
                continue
            ent = docindex.entity_at(o)
            if ent is not None and (ent.label_ == "GPE" or _known_place(ent.text)):
                return ent.text.removeprefix("the ")  # not a continent ("travel to Europe to visit X")
            if _known_place(o.text):
                return o.text
    return None


def _venue_named(cue: Token, prep: Token) -> str | None:
    """A building or forum the model tags ORG or EVENT, when it is the place phrase's own object: "at
    the White House", "on the margins of the G20", "in the Oval Office" (a venue word after "in": not
    "engagement in the Single Economic Market"; not "at the invitation of the Ministry")."""
    heads = [o for o in prep.children if o.dep_ == "pobj"]
    for o in list(heads):
        if o.lemma_.lower() in word_list("sideline"):
            heads += [g for of in o.children if of.dep_ == "prep" and of.lower_ == "of"
                      for g in of.children if g.dep_ == "pobj"]
    for o in heads:
        ent = docindex.entity_at(o)
        if ent is None or ent.label_ not in ("ORG", "EVENT") or ent.root.i != o.i or ent.start <= cue.i < ent.end:
            continue  # not "attend the Mines Ministers Summit": the summit is not its own place
        if prep.lower_ == "in" and ent[-1].lemma_.lower() not in word_list("venue"):
            continue
        return _with_city(ent)
    for o in heads:  # "met X at the NATO summit": the forum, named by its compound
        names = [c for c in o.children if c.dep_ == "compound" and c.ent_type_ in ("ORG", "EVENT", "GPE", "NORP")]
        if prep.lower_ != "in" and names and cue_kind(o) == "summit" and not names[0].i <= cue.i <= o.i:
            return o.doc[names[0].i:o.i + 1].text
    return None


def _with_city(venue: Span) -> str:
    """A building with the city it stands in, when the phrase says it: "at the Elysee Palace in Paris" →
    "Elysee Palace, Paris" (GUIDELINES.md: the city or the venue as stated); a city alone is itself."""
    name = venue.text.removeprefix("the ")
    if venue.label_ not in ("FAC", "ORG", "EVENT"):
        return name
    for c in venue.root.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            city = next((docindex.entity_at(o) for o in c.children if o.dep_ == "pobj"), None)
            if city is not None and (city.label_ == "GPE" or _known_place(city.text)):
                return f"{name}, {city.text}"
    return name


def our_country_at(t: Token, verb: Token | None) -> int | None:
    """"a visit to our country", "visited our state": the place is the speaker's own country, which
    join.py works out from who speaks; this gives where the words are."""
    for node in (t, verb):
        if node is None:
            continue
        places = [c for c in node.children if c.dep_ == "dobj" and node.lemma_.lower() == "visit"]
        places += [o for c in node.children if c.dep_ == "prep" and _place_phrase(node, c) for o in c.children
                   if o.dep_ == "pobj"]
        for p in places:
            if p.lemma_.lower() in word_list("homeland") and any(c.lower_ == "our" for c in p.children):
                return p.i
    return None


def _capital_named(demonym: Span) -> str | None:
    """"the Kenyan capital" → Nairobi (the first capital the country table gives); None when the demonym
    does not qualify "capital" or the capital is named after it ("the Indian capital city of New Delhi")."""
    head = demonym.root.head
    if head.lemma_.lower() != "capital" or any(c.dep_ in ("appos", "prep") or c.ent_type_ == "GPE"
                                               for c in head.children):
        return None
    country = countries().lookup(demonym.text)
    return next((city for city, c in countries().by_capital.items() if c == country), None)


def _known_place(words: str) -> bool:
    """A country or capital the model mislabelled ("in Kyiv" tagged PERSON)."""
    return words in countries().by_capital or countries().lookup(words) is not None


def _place_phrase(node: Token, prep: Token) -> bool:
    word = prep.lower_
    if word in ("in", "at"):
        return True
    if word == "to":  # "a visit to Ankara", "welcomed President Herzog to the White House"
        return node.lemma_.lower() == "visit" or hosts(node)
    if word == "on":  # "on the sidelines of the summit in Bali"
        return any(o.lemma_.lower() in word_list("sideline") for o in prep.children)
    return False
