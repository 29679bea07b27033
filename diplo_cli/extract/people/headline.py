"""The headline's office: the country (and title) a headline gives the person its lead names.

Agency copy and releases put the country in the headline and leave it out of the lead: "Indian
External Affairs Minister visits Kenya" over "External Affairs Minister Anil Kapoor on Wednesday met
Kenyan President ...", "Japanese PM to visit Vietnam" over "Prime Minister Kenji Tanaka will visit
Hanoi". The lead's subject holds that office, so serves that country. Reads only the headline line
and the lead's subject; implied.py reads the rest of the article.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from diplo_cli.extract import docindex
from diplo_cli.extract.countries import Country, country_spans
from diplo_cli.extract.people.roles import CONNECTORS, is_title_word, role_in
from diplo_cli.extract.references import SUBJECT_DEPS, Mentions, mentions_of, named_in, noun_phrase
from diplo_cli.records import Person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

HEADLINE_WORDS = 20  # a longer first line is a paragraph, not a headline


def headline_roles(doc: Doc, people: tuple[Person, ...]) -> tuple[Person, ...]:
    """People with the country (and, when none is stated, the title) of the office a headline names
    with a country and no name, given to the lead's subject when that subject holds the office and
    no country is stated for them. Not when the lead names the headline's country again ("Japanese
    PM to visit\\n\\nPrime Minister Ana Soto said Japanese Prime Minister ... will visit": the
    Japanese one is someone else), nor when another person already holds that country's office."""
    line = _headline(doc)
    if line is None:
        return people
    mentions = mentions_of(people)
    if named_in(line, mentions) is not None:
        return people  # "Japanese PM Li Wen to visit": the name's own title, read by roles.py
    found = _office(line)
    if found is None:
        return people
    title, country = found
    found_lead = _lead_subject(doc, line, mentions)
    if found_lead is None:
        return people
    lead, words = found_lead
    if lead.country is not None or lead.organization is not None \
            or lead.title is not None and not _same_office(title, lead.title):
        return people
    if any(c == country for i in range(words.start, words.end) for _, c in country_spans(doc).get(i, ())[:1]) \
            or any(p.id != lead.id and p.country_code == country.code and p.title and _same_office(title, p.title)
                   for p in people):
        return people
    return tuple(replace(p, country=country.name, country_code=country.code, title=p.title or title)
                 if p.id == lead.id else p for p in people)


def _headline(doc: Doc) -> Span | None:
    """The first line of the text, when it reads as a headline: a short line with no final stop,
    followed by more text."""
    text = docindex.text(doc)
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0 or not text[end:].strip():
        return None
    words = text[start:end].split()
    if not words or len(words) > HEADLINE_WORDS or text[start:end].rstrip().endswith((".", ":", ";")):
        return None
    line = doc.char_span(start, end, alignment_mode="contract")
    return line if line is not None and len(line) else None


def _office(line: Span) -> tuple[str, Country] | None:
    """(title, country) of the one office the headline names with a country before it: "Indian
    External Affairs Minister visits Kenya", "Australia's foreign minister meets ...", "UK Foreign
    Secretary in Delhi", "Japanese Foreign Minister To Visit NZ" (title-case words after the office
    are no part of it); None for two ("Japanese PM meets Australian PM") or for a plural ("Greek,
    Turkish ministers meet"). "his Indonesian counterpart" names no office of its own."""
    doc = line.doc
    spans = country_spans(doc)
    found = []
    i = line.start
    while i < line.end:
        if i not in spans or i > line.start and doc[i - 1].lower_ in ("and", "&", ",", "/"):
            i += 1  # "NZ and UK foreign ministers to meet": a list of countries, each a side
            continue
        end = spans[i][0][0]
        last = None
        j = end
        while j < line.end and j not in spans and (
                doc[j].lower_ in CONNECTORS or doc[j].text[:1].isupper() or is_title_word(doc[j])
                or doc[j].is_lower and doc[j].is_alpha and j + 1 < line.end and is_title_word(doc[j + 1])):
            if is_title_word(doc[j]) and doc[j].tag_ not in ("NNS", "NNPS") and doc[j].lower_ != "counterpart":
                last = j
            j += 1
        if last is not None:
            role = role_in(doc[i:last + 1])
            if role.title and role.country is not None and role.organization is None:
                found.append((role.title, role.country))
        i = max(j, i + 1)
    return found[0] if len(found) == 1 else None


def _lead_subject(doc: Doc, line: Span, mentions: Mentions) -> tuple[Person, Span] | None:
    """The person the lead (the first sentence part after the headline with a verb: not a wire's
    dateline "TOKYO, June 3 (Reuters) -") is about: its first subject, alone ("Ana Soto and Li
    Wen met" is about two), that names a person; else, when the parse joined the lead to the
    headline, the person whose name opens the lead after title words only ("Foreign Minister Ana
    Soto held talks"). With the lead's words."""
    for sentence in docindex.sentences(doc):
        if sentence.end <= line.end:
            continue
        words = doc[max(sentence.start, line.end):sentence.end]
        if not any(t.pos_ in ("VERB", "AUX") for t in words):
            continue
        for t in words:
            if t.dep_ in SUBJECT_DEPS and t.head.i >= words.start:
                if any(w.dep_ == "conj" for w in t.subtree):
                    return None
                found = named_in(noun_phrase(t), mentions)
                return (found.person, words) if found is not None else None
        first = next(iter(mentions.starting_in(words.start_char, words.end_char)), None)
        if first is None:
            return None
        before = [t for t in words if t.idx < first.start and not t.is_space]
        after = next((t for t in words if t.idx >= first.end), None)
        if all(t.text[:1].isupper() or t.lower_ in CONNECTORS for t in before) \
                and not (after is not None and after.lower_ in ("and", "&")):
            return first.person, words
        return None
    return None


def _same_office(title: str, held: str) -> bool:
    """Whether a title names the office the words of the headline's title name: "Foreign Minister" is
    the "Minister for Foreign Affairs", "External Affairs Minister" the "Minister of External Affairs";
    "Prime Minister" is not the "Foreign Minister"."""
    want = {w for w in title.lower().replace("-", " ").split() if w not in CONNECTORS}
    have = {w for w in held.lower().replace("-", " ").split() if w not in CONNECTORS}
    return bool(want) and want <= have | {"affairs"} and bool(want & have)

