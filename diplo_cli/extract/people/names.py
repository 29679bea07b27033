"""People stage: Doc → the persons the article names, one record per individual.

Owns finding name mentions (repairing the model: a known name is a person whatever its entity
label; a demonym or country tagged PERSON is not), clustering them ("Mishustin" ~ "Mikhail
Mishustin"), and each person's title, country and organization from the words around a mention:
"Russian Prime Minister Mikhail Mishustin", "President of the Republic of Kazakhstan Kassym-Jomart
Tokayev", "Sergey Lavrov, Russia's foreign minister,", "his Kazakh counterpart Olzhas Bektenov".
Titles, countries and organizations are read by roles.py. Does not decide who met or spoke.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from diplo_cli.extract import docindex, lexicon
from diplo_cli.extract.countries import countries, country_after_of, places
from diplo_cli.extract.people.headline import headline_roles
from diplo_cli.extract.people.implied import implied_roles
from diplo_cli.extract.people.officials import OfficeHolders, with_archive_countries
from diplo_cli.extract.people.pledges import pledged_countries
from diplo_cli.extract.people.roles import (
    inherit_counterpart_titles,
    is_title_word,
    merge,
    organizations,
    role_of,
    spaced_dash,
)
from diplo_cli.records import Person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NOT_NAME_ENTITIES = {"GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT",
                     "LAW", "LANGUAGE"}
NOT_NAMES = {"President", "Minister", "Prime", "Mr", "Mrs", "Ms", "Dr", "Excellency", "Majesty", "Highness",
             "Hon", "Hon.", "Rt", "Rt.", "H.E."}  # honorifics: "Hon Ana Soto", "Rt Hon Ana Soto", "H.E. Ana Soto"
# honorifics the words after which are a name the model may miss ("Hon Dr Ana Soto", "Dr Ng Eng Hen")
HONORIFICS = {"Dr", "Dr.", "Hon", "Hon.", "Mr", "Mrs", "Ms"}


def resolve_people(doc: Doc, home_country: str | None = None, date: str | None = None,
                   officials: OfficeHolders | None = None) -> tuple[Person, ...]:
    """Persons in order of first mention, each with every mention, title, country and organization.

    ``home_country``: the ISO code the user says the article is written from (--home-country), the
    country of the state officials whose country the text leaves unsaid (see implied.py). ``date``: the
    article's (ISO), at which the office holders other articles name (``officials``, default the shipped
    table: officials.py) give a country."""
    spans = _name_spans(doc)
    named = {t.i for span in spans for t in span}
    clusters = _cluster(spans)
    roles = [merge([role_of(m, named) for m in cluster]) for cluster in clusters]
    people: list[Person] = []
    kept = [(c, r) for c, r in zip(clusters, roles, strict=True) if not _organization_name(c)]
    for n, (cluster, role) in enumerate(kept, start=1):
        cluster.sort(key=lambda m: m.start)
        forms = list(dict.fromkeys(m.text for m in cluster))
        name = max(forms, key=lambda f: len(_name_words_text(f)))
        people.append(Person(
            id=f"p{n}", name=name, title=role.title,
            country=role.country.name if role.country else None,
            country_code=role.country.code if role.country else None,
            organization=role.organization,
            aliases=tuple(f for f in forms if f != name),
            mentions=tuple((m.start_char, m.end_char) for m in cluster),
        ))
    titled = headline_roles(doc, inherit_counterpart_titles(tuple(people), [r for _, r in kept]))
    titled = pledged_countries(doc, with_archive_countries(titled, date, officials))
    counterparts = {p.id for p, (_, role) in zip(titled, kept, strict=True) if role.counterpart}
    return implied_roles(doc, titled, counterparts, home_country)


# ---------------------------------------------------------------- mentions


def _name_spans(doc: Doc) -> list[Span]:
    """PERSON entities that are names, plus every other occurrence of a name form they use."""
    found: dict[tuple[int, int], Span] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name = _strip_titles(ent)
        if name is None or _no_one(name):
            continue
        found[(name.start, name.end)] = name
    taken = bytearray(len(doc))  # 1 for the tokens of the names found so far

    def take(span: Span) -> None:
        found[(span.start, span.end)] = span
        taken[span.start:span.end] = b"\x01" * len(span)

    for span in list(found.values()):
        take(span)
    for span in _titled_names(doc) + _appositive_titled(doc):  # "Indian PM Ravi Menon": the model missed it
        if not any(taken[span.start:span.end]):
            take(span)
    forms = {tuple(t.text for t in s) for s in found.values()}
    forms |= {(s[-1].text,) for s in found.values() if len(s) > 1}  # surname alone
    forms |= _family_names_first(list(found.values()))
    words = [t.text for t in doc]
    firsts = {f[0] for f in forms}
    for n in sorted({len(f) for f in forms}, reverse=True):
        for i in range(len(words) - n + 1):
            if words[i] in firsts and tuple(words[i:i + n]) in forms and not (taken[i] or taken[i + n - 1]):
                take(doc[i:i + n])
    return sorted(map(_with_given_names, found.values()), key=lambda s: s.start)


def _no_one(ent: Span) -> bool:
    """Words the model tags PERSON that name no one:
    - a country, demonym or capital ("Kazakh"), or no capitalised name word;
    - a place: listed among places, ending in a place or institution word, or in a place context
      ("the Kherson region", "in Kherson");
    - a lower-case word inside ("the Order of St Andrew");
    - a storm: starting with or right after a storm word ("Cyclone Gabrielle", "Tropical Storm Barry");
    - one word that is: digits or capitals ("COVID-19"), tagged a place or organisation as often
      elsewhere, put in a place context elsewhere in the article ("to protect Donbass" ... "in
      Donbass"), a town or region of data/places.txt, or a common word ("Children")."""
    index = countries()
    if index.lookup(ent.text) or ent.text in index.by_capital or not _name_words(ent) or _in_place_list(ent) \
            or _names_no_one(ent[-1]) or _has_common_word(ent) or _place_context(ent.doc, ent.start, ent.end) \
            or _storm(ent):
        return True
    if len(ent) > 1:
        return False
    word = ent[0]
    placed_elsewhere = word.text in _article_words(ent.doc)[1]
    return _not_a_name_word(word) or _mostly_not_a_person(ent) or placed_elsewhere or _place_name(word) \
        or _common_word(word)


def _storm(ent: Span) -> bool:
    """"Cyclone Gabrielle", "Hurricane Ida", "Typhoon Haiyan", "Tropical Storm Barry": a storm's name,
    also alone once the article has named the storm ("Hurricane Ida ... Ida made landfall")."""
    storm = lexicon.name_words("storm")
    if ent[0].lower_ in storm or ent.start > 0 and ent.doc[ent.start - 1].lower_ in storm:
        return True
    return len(ent) == 1 and ent[0].text in _storm_names(ent.doc)


def _storm_names(doc: Doc) -> frozenset[str]:
    """The words right after a storm word in the article ("Ida" of "Hurricane Ida"), worked out once per Doc."""
    key = "diplo.storm_names"
    if key not in doc.user_data:
        storm = lexicon.name_words("storm")
        doc.user_data[key] = frozenset(doc[t.i + 1].text for t in doc[:-1]
                                       if t.lower_ in storm and doc[t.i + 1].lower_ not in storm)
    return doc.user_data[key]


def _has_common_word(ent: Span) -> bool:
    """"the Order of St Andrew": a lower-case word inside, other than a particle ("von der") or a
    hyphenated part ("Chan-o-cha"), marks a title, award or institution, not a name."""
    doc = ent.doc
    return any(t.is_lower and t.lower_ not in lexicon.name_words("particle") and not _hyphenated(doc, t.i) for t in ent)


def _hyphenated(doc: Doc, i: int) -> bool:
    """A word joined by a hyphen, with no space, to the word before or after it ("o" in "Chan-o-cha")."""
    before = i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
    after = i + 1 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_
    return before or after


def _place_context(doc: Doc, start: int, end: int) -> bool:
    """Whether words stand before a place word ("the Kherson region") or right after a preposition
    of place, not in the possessive ("in Kherson", "on Twitter"; not "in Putin's words")."""
    after = doc[end] if end < len(doc) else None
    if after is not None and after.lower_ in lexicon.name_words("place"):
        return True
    return start > 0 and doc[start - 1].lower_ in lexicon.name_words("place_preposition") \
        and not (after is not None and after.text in ("'s", "’s"))


def _article_words(doc: Doc) -> tuple[frozenset[str], frozenset[str]]:
    """(every word of the article as written, the words it puts in a place context), worked out
    once per Doc."""
    key = "diplo.article_words"
    if key not in doc.user_data:
        placed = frozenset(t.text for t in doc if _place_context(doc, t.i, t.i + 1))
        doc.user_data[key] = (frozenset(t.text for t in doc), placed)
    return doc.user_data[key]


def _place_name(word: Token) -> bool:
    """"Kherson", "Donbass": a one-word name that is a town, city or region (data/places.txt),
    unless a title or "Mr" comes right before it ("Mr Obama": Obama is also a town in Japan)."""
    before = word.doc[word.i - 1] if word.i > 0 else None
    return word.text in places() and not (before is not None and (before.text.rstrip(".") in NOT_NAMES
                                                                   or is_title_word(before)))


def _common_word(word: Token) -> bool:
    """"Children", "Law", "Delegation", "Gazprombank": a one-word name the article also writes in
    lower case is a common word, and one ending in an institution word is a body."""
    low = word.lower_
    if any(low.endswith(head) and len(low) > len(head) + 2 for head in lexicon.name_words("institution")):
        return True
    return low in _article_words(word.doc)[0]


def _not_a_name_word(t: Token) -> bool:
    """A one-word "name" with digits or in capitals ("COVID-19", "COVID"): no person."""
    return not t.is_alpha or t.is_upper and len(t) > 1


def _mostly_not_a_person(ent: Span) -> bool:
    """"Kherson", "Bucha", "Twitter": a one-word name the model tags as a place or organisation at
    least as often as a person in the same article is not a person."""
    labels = docindex.labels_of(ent.doc, ent.text)
    other = sum(label in ("GPE", "LOC", "ORG", "FAC", "NORP", "PRODUCT") for label in labels)
    return other > 0 and other >= labels.count("PERSON")


def _family_names_first(names: list[Span]) -> set[tuple[str, ...]]:
    """"Kishida Fumio" ... "Kishida met": in names written family name first, the first word alone
    is the person too. Taken only when no other name in the article starts with that word (two
    Sergeis keep "Sergei" from meaning either)."""
    firsts: dict[str, set[str]] = {}
    for span in names:
        if len(span) >= 2 and span[0].text[:1].isupper() and span[0].is_alpha:
            firsts.setdefault(span[0].text, set()).add(span.text)
    return {(word,) for word, full in firsts.items() if len(full) == 1}


def _organization_name(cluster: list[Span]) -> bool:
    """"SpaceX CEO Elon Musk": a one-word name that modifies a title is the employer, not a person."""
    if any(len(m) > 1 for m in cluster):
        return False
    doc = cluster[0].doc
    return any(m.end < len(doc) and is_title_word(doc[m.end]) and doc[m.end].text[:1].isupper() for m in cluster)


def _in_place_list(ent: Span) -> bool:
    """"Kyiv, Bila Tserkva, Mariupol and Kharkiv": a name listed among places is a place."""
    root = ent.root
    linked = [t for t in (root.head, *root.children) if t.dep_ == "conj" or root.dep_ == "conj" and t is root.head]
    places = [t for t in linked if t.ent_type_ in ("GPE", "LOC")]
    return len(places) >= 1 and len(places) * 2 >= len(linked)


def _with_given_names(span: Span) -> Span:
    """"Murat Kumpilov" when the model tagged only "Kumpilov", "Antony J. Blinken" when only "J.
    Blinken": capitalised words right before a name that modify it are its given names, unless they
    are a place, title or country ("Head of the Republic of Adygea Murat Kumpilov" → "Murat Kumpilov")."""
    doc = span.doc
    start = span.start
    # only a surname alone lacks its given name, with or without initials ("J. Blinken" of "Antony J. Blinken")
    while start > 0 and sum(not _initial(t) for t in doc[start:span.end]) < 2:
        t = doc[start - 1]
        if not (t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha and t.dep_ == "compound"
                and span.start <= t.head.i < span.end and t.ent_type_ not in NOT_NAME_ENTITIES | {"NORP"}
                and not is_title_word(t) and t.text not in NOT_NAMES and not countries().lookup(t.text)
                and t.text not in organizations() and not _portfolio(doc, t.i)):
            break
        start -= 1
    return doc[start:span.end]


def _initial(t: Token) -> bool:
    """"J." in "Antony J. Blinken"."""
    return len(t.text) == 2 and t.text[0].isupper() and t.text[1] == "."


def _titled_names(doc: Doc) -> list[Span]:
    """Proper nouns right after a title word are a name ("PM Ravi Menon", "Chancellor Feldmann"),
    also after the title's country ("President of the Republic of South Africa Cyril Ramaphosa"),
    and after an honorific or a run of them ("Hon Dr Ana Soto", "Dr Ng Eng Hen")."""
    out = []
    for t in doc:
        if t.text in HONORIFICS and (t.i == 0 or doc[t.i - 1].text not in NOT_NAMES):  # "Hon Dr Ana Soto"
            first = t.i + 1
            while first < len(doc) and doc[first].text in NOT_NAMES:
                first += 1
            after_country = False
        elif not is_title_word(t) or not t.text[:1].isupper():
            continue
        else:
            first = _after_country(doc, t.i + 1)
            after_country = first > t.i + 1
        end = first
        words = 0
        while end < len(doc) and words < 3 and _name_word_after_title(doc[end], after_country=after_country):
            end += 1
            words += 1
            if _hyphen_joins(doc, end):  # "Kassym-Jomart Tokayev"
                end += 1
        if end > first and not (end < len(doc) and doc[end].text in ("'s", "’s")):
            out.append(doc[first:end])
        elif (after := _name_after_institution(doc, t.i + 1)) is not None:
            out.append(after)
    return out


def _appositive_titled(doc: Doc) -> list[Span]:
    """Two or three capitalised proper nouns the model tags a place or body, followed by a comma and a
    title that is theirs ("met today with Tomas Pojar, National Security Advisor to the Prime Minister",
    tagged GPE): a name. Not a known country, capital or place, and not an item of a list whose next
    title is the next name's ("St Petersburg, General Director of KAMAZ Sergey Kogogin")."""
    out = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" or not 2 <= len(ent) <= 3 or ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
            continue
        if not all(t.pos_ == "PROPN" and t.is_alpha and t.is_title for t in ent) or _in_place_list(ent) \
                or countries().lookup(ent.text) or ent.text in countries().by_capital:
            continue
        run = []
        for t in doc[ent.end + 1:ent.end + 12]:
            if t.is_punct or t.is_space:
                break
            run.append(t)
        capitalised = [t for t in run[:5] if t.text[:1].isupper()]
        if any(is_title_word(t) for t in capitalised) and all(t.ent_type_ != "PERSON" for t in run):
            out.append(ent)
    return out


def _name_after_institution(doc: Doc, i: int) -> Span | None:
    """"Deputy Chairman of the Security Council Dmitry Medvedev": after "of" + an institution whose
    last word is an institution noun, the two or three capitalised words before the run ends."""
    if i >= len(doc) or doc[i].lower_ != "of":
        return None
    j = i + 1
    while j < len(doc) and (doc[j].text[:1].isupper() or doc[j].lower_ in ("of", "the", "for")
                            or doc[j].lower_ == "and" and j + 1 < len(doc) and doc[j + 1].text[:1].isupper()):
        j += 1
    cut = max((k for k in range(i + 1, j) if doc[k].lower_ in lexicon.name_words("institution")), default=None)
    if cut is None or not 2 <= j - cut - 1 <= 3:
        return None
    name = doc[cut + 1:j]
    if all(w.pos_ == "PROPN" and w.is_alpha and not is_title_word(w) and not countries().lookup(w.text)
           for w in name):
        return name
    return None


def _name_word_after_title(w: Token, after_country: bool) -> bool:
    """A word that can be part of a name after a title: a capitalised proper noun that is no title,
    country, organisation, institution or place (the model's place label counts only right after
    the title: after "of the Republic of X" it often swallows the name into the place)."""
    return w.pos_ == "PROPN" and w.text[:1].isupper() and not is_title_word(w) and not countries().lookup(w.text) \
        and w.text not in organizations() and not _names_no_one(w) \
        and (w.ent_type_ not in NOT_NAME_ENTITIES or after_country)


def _names_no_one(w: Token) -> bool:
    """The head word of an institution or place ("General Assembly", "Zeya Bridge")."""
    return w.lower_ in lexicon.name_words("institution") | lexicon.name_words("place")


def _hyphen_joins(doc: Doc, i: int) -> bool:
    """A hyphen at i, with no space around it, between two capitalised words ("Kassym-Jomart")."""
    return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and doc[i + 1].text[:1].isupper() and doc[i + 1].is_alpha


def _after_country(doc: Doc, i: int) -> int:
    """The token after "of [the] COUNTRY" starting at i ("of the Republic of South Africa"), else i."""
    found = country_after_of(doc, i)
    return found[1] if found is not None else i


def _strip_titles(ent: Span) -> Span | None:
    """Keep the name words of a PERSON entity: "President Putin" → "Putin"; "Nikol Pashinyan:" →
    "Nikol Pashinyan" (a name ends in a name word, or its punctuation would become a "surname"), and
    before a word naming an event ("Biden Call" → "Biden", "APEC Meeting" → "APEC"). A dash with
    spaces around it parts list items and headline segments, never a name's words ("Prime Minister
    Ana Soto - New Zealand High Commissioner ...", "Foreign Minister Li Wen - European Union"): the
    first piece with a name is the name."""
    doc = ent.doc
    dash = next((t.i for t in ent if t.i > ent.start and spaced_dash(t)), None)
    if dash is not None:
        first = _strip_titles(doc[ent.start:dash])
        return first if first is not None else _strip_titles(doc[dash + 1:ent.end])
    start, end = ent.start, ent.end
    if end - start > 2 and doc[start].lower_ == "the" and doc[start + 1].text in NOT_NAMES:  # "the Rt Hon Jo Ma"
        start += 1
    while start < end and (doc[start].text in NOT_NAMES or is_title_word(doc[start])
                           or countries().lookup(doc[start].text)):
        start += 1
    if _portfolio(doc, start):  # "Minister of Energy Popescu" tagged "Energy Popescu"; "Minister for Labour"
        start += 1
    while end > start and (not _is_name_word(doc[end - 1]) or doc[end - 1].lower_ in lexicon.name_words("event")):
        end -= 1  # "Nikol Pashinyan:", "Biden Call" (a headline's "Readout of President Biden Call with ...")
    # "Taoiseach Leo Varadkar" tagged "Taoiseach Leo" (the office taken for a given name): the surname after it
    if start > ent.start and end - start == 1 and end == ent.end and end < len(doc) and doc[end].pos_ == "PROPN" \
            and not doc[end].ent_type_ and _is_name_word(doc[end]) and not countries().lookup(doc[end].text) \
            and doc[end].lower_ not in lexicon.name_words("event"):
        end += 1
    # "Ursula von der Leyen" tagged "Ursula von": the particles and the surname after them
    after = end
    while after < len(doc) and doc[after].lower_ in lexicon.name_words("particle"):
        after += 1
    if after > end and after < len(doc) and doc[after].pos_ == "PROPN" and doc[after].text[:1].isupper():
        end = after + 1
    # "Ingrid Solberg-Dahl" tagged only up to the hyphen: take the rest of the hyphenated word
    while end + 1 < len(doc) and end > start and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha:
        end += 2
    return doc[start:end] if end > start else None


def _portfolio(doc: Doc, i: int) -> bool:
    """"Energy" in "Minister of Energy Popescu", "Climate" in "Special Envoy for Climate Kerry": the
    word right after a title's "of" or "for" is the office's portfolio, not a given name."""
    return i >= 2 and doc[i - 1].lower_ in ("of", "for") and is_title_word(doc[i - 2])


def _is_name_word(t: Token) -> bool:
    """A capitalised word that is no title and no headline's capitalised "Of" ("Prime Minister Ana
    Soto Of Chile"), or the end of a hyphenated name ("Chan-o-cha")."""
    if t.i > 0 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_ and t.is_alpha:
        return True
    return t.text[:1].isupper() and t.text not in NOT_NAMES and not is_title_word(t) and t.text not in ("Of", "And")


def _name_words(span: Span) -> tuple[str, ...]:
    return tuple(t.text for t in span if t.text[:1].isupper() and t.text not in NOT_NAMES)


def _name_words_text(form: str) -> list[str]:
    return [w for w in form.split() if w[:1].isupper()]


def _cluster(spans: list[Span]) -> list[list[Span]]:
    """Group name mentions by person, fullest names first, in order of first mention. A short
    form joins the one person whose name contains it; one that fits several ("Sergei" with Sergei
    Lavrov and Sergei Shoigu in the text) is left out rather than given to the wrong one. Words
    match whatever their case: a transcript's speaker label "SECRETARY BLINKEN:" is Antony J. Blinken.

    Each cluster keeps the distinct word sets of its mentions, and an index from a name word to
    the clusters using it gives the only candidates for a new mention (two names can only be one
    person if they share a word), so the cost grows with the mentions, not with their square."""
    clusters: list[list[Span]] = []
    forms: list[set[frozenset[str]]] = []  # per cluster: the word sets of its mentions
    by_word: dict[str, list[int]] = {}  # name word -> clusters with a mention using it
    for span in sorted(spans, key=lambda s: (-len(_name_words(s)), s.start)):
        words = frozenset(w.casefold() for w in _name_words(span))  # "SECRETARY BLINKEN:" is Antony J. Blinken
        candidates = sorted({k for w in words for k in by_word.get(w, ())})
        fits = [k for k in candidates if any(_same_person(words, form) for form in forms[k])]
        if not fits:
            fits = [len(clusters)]
            clusters.append([])
            forms.append(set())
        elif len(fits) > 1:
            continue
        k = fits[0]
        clusters[k].append(span)
        if words not in forms[k]:
            forms[k].add(words)
            for w in words:
                by_word.setdefault(w, []).append(k)
    return sorted(clusters, key=lambda c: min(m.start for m in c))


def _same_person(a: frozenset[str], b: frozenset[str]) -> bool:
    """One name's words contained in the other's ("Bektenov" in "Olzhas Bektenov"), or the two
    differ only in a first name and its short form, initials and suffixes aside ("Joe Biden" and
    "Joseph R. Biden, Jr.", "Dan Kritenbrink" and "Daniel J. Kritenbrink"; not "John F. Kennedy" and
    "Robert F. Kennedy")."""
    if not (a and b):
        return False
    if a <= b or b <= a:
        return True
    a, b = _core(a), _core(b)
    one, two = a - b, b - a
    return bool(a & b) and len(one) == 1 and len(two) == 1 and _short_form(*one, *two)


def _core(words: frozenset[str]) -> frozenset[str]:
    """A name's words without initials ("r.") and suffixes ("jr.")."""
    return frozenset(w for w in words if len(w.rstrip(".")) > 1 and w not in lexicon.name_words("suffix"))


def _short_form(a: str, b: str) -> bool:
    """Whether one first name is the other's short form: a nickname of patterns/name_words.jsonl
    ("joe" for "joseph") or its first three letters or more ("dan" for "daniel")."""
    short, full = sorted((a, b), key=len)
    return len(short) >= 3 and full.startswith(short) or full in _nicknames().get(short, ())


@functools.cache
def _nicknames() -> dict[str, frozenset[str]]:
    return {e["word"]: frozenset(e["full"]) for e in lexicon.entries("name_words") if e.get("kind") == "nickname"}
