"""Implied roles: the country (and title) the context gives a person whose own mentions state none.

names.py reads the words around each name; this reads the rest of the article, in two steps:
- an office named with no name ("The President of Russia informed his counterpart", "the Kazakh
  premier said", "Murat Kumpilov updated the President") is the article's lead person when nothing
  said of them contradicts it: they serve that country, and hold that office when no title was
  stated; "his Turkish counterpart" is the person last named who is not "his";
- the article's own side: news names the country of foreign officials and leaves its own unsaid
  ("Defence Minister Sergei Shoigu" in a Kremlin readout, "Deputy Prime Minister Mykhailo Fedorov"
  in a Ukrainian one). When the person the lead sentence is about is a state official of a known
  country, a state official with no country stated, who is no one's counterpart and no
  organisation's, serves it; unless the own side already has its head of state (or government)
  and this is another one ("President Erdogan" or "King Felipe" in a readout of the Russian
  President serve other states). The country the user gives (--home-country) takes the lead
  person's place.
No country is given when the text states none: a lead person without a country gives nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from diplo_cli.extract import docindex, lexicon
from diplo_cli.extract.countries import (
    Country,
    clear_first,
    countries,
    country_after_of,
    country_spans,
    named_countries,
)
from diplo_cli.extract.docindex import sentence_index, sentence_of, sentences
from diplo_cli.extract.people.pledges import REPORTING
from diplo_cli.extract.people.roles import leader_kind, serves_a_state, title_of
from diplo_cli.extract.references import (
    SUBJECT_DEPS,
    Mentions,
    antecedent,
    by_office,
    country_word,
    holds_office,
    mentions_of,
    named_in,
    noun_phrase,
    office,
    person_nouns,
    refer,
)
from diplo_cli.records import Person
from diplo_cli.text.quote_marks import quote_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

COUNTERPART_SENTENCES = 3  # how far back "his Turkish counterpart" looks for the person met
NAME_GAP = 4  # words between an office phrase and a name that is its holder's ("..., His Majesty Salman")
VAGUE_TITLES = {"leader"}  # "the Russian leader" says which country, not which office
DEPARTING = {"leave", "depart", "head", "fly", "set"}  # "leaves for Chile": Chile is where the lead goes
MEETING_VERBS = {"meet", "host"}  # "meet / host X": X is the other side (_met_by); "call" only as "call on X"
# person nouns that say nothing of the office held ("a Russian official", "his Kazakh counterpart")
VAGUE_NOUNS = {"counterpart", "official", "deputy", "diplomat", "envoy", "head", "representative"}


def implied_roles(doc: Doc, people: tuple[Person, ...], counterparts: set[str],
                  home_country: str | None = None) -> tuple[Person, ...]:
    """People with the countries (and titles) that offices named elsewhere and the article's own side
    give them. ``counterparts``: ids of people introduced as someone's counterpart (never the own
    side); ``home_country``: the ISO code the user gives, used instead of the lead person's country."""
    lead = _lead_person(doc, people)
    people = _office_references(doc, people, lead)
    people = _delegation_members(doc, people)
    lead = next((p for p in people if lead is not None and p.id == lead.id), None)
    paired = _paired_country(doc, people, lead)
    if paired is not None:
        people = tuple(replace(p, country=paired.name, country_code=paired.code) if p is lead else p for p in people)
    home = countries().by_code[home_country] if home_country else _lead_country(lead, paired)
    if home is None and lead is not None and lead.country is None and lead.title and serves_a_state(lead.title):
        home = _voice_country(doc, people, lead)
        if home is not None:
            people = tuple(replace(p, country=home.name, country_code=home.code) if p.id == lead.id else p
                           for p in people)
    if home is None and lead is None and _office_leads(doc):
        home = _colleagues_country(people)
    people = _hosts_visited(doc, people, lead)
    if home is None:
        return people
    held = {kind for p in people if p.country_code == home.code and p.title
            if (kind := leader_kind(p.title)) is not None}
    if paired is not None:
        held.add("state")  # the lead speaks for its state in the relationship: another President is the other side
    lead = next((p for p in people if lead is not None and p.id == lead.id), None)
    met = _met_by(doc, people, lead) if lead is not None and lead.country_code == home.code else set()
    # a head of state other than the lead is left alone: a release names its own with its country (or
    # officials.py knows it) and a host's often without ("the state funeral of King Ana", "the election of
    # President Li Wen" in a release of another state's Prime Minister or Vice President)
    others = counterparts | met | _abroad(doc, people, lead, home) \
        | {p.id for p in people if p.title and leader_kind(p.title) == "state" and (lead is None or p.id != lead.id)}
    return tuple(replace(p, country=home.name, country_code=home.code)
                 if p.id not in others and _unsaid_official(p, held) else p for p in people)


def _hosts_visited(doc: Doc, people: tuple[Person, ...], lead: Person | None) -> tuple[Person, ...]:
    """The one country the lead's trip goes to, given to the state officials the lead meets there with no
    country said ("Minister Ana Soto paid an official visit to Singapore ... called on Prime Minister Lee
    and held talks with Foreign Minister Tan"): the hosts. Not when the trip has several legs."""
    if lead is None:
        return people
    visited = _destinations(doc, people, lead)
    if len(visited) != 1:
        return people
    (host,) = visited
    met = _met_by(doc, people, lead)
    return tuple(replace(p, country=host.name, country_code=host.code)
                 if p.id in met and _unsaid_official(p, set()) else p for p in people)


def _met_by(doc: Doc, people: tuple[Person, ...], lead: Person | None) -> set[str]:
    """Ids of the people the lead meets ("He will meet President Ana Soto", "where he will meet with
    Foreign Minister Li Wen", "will also call on Chancellor of the Exchequer, Ana Soto, and ...", "as
    well as meeting with Agriculture Minister Li Wen", "will host Ana Soto"): the other side, never the
    lead's own (when the lead is of the own side)."""
    if lead is None:
        return set()
    mentions = mentions_of(people)
    out = set()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or m.person.id == lead.id:
            continue
        t = span.root
        while t.head.i != t.i and (t.dep_ in ("appos", "conj", "compound")  # "call on the Chancellor, Ana Soto"
                                   or t.dep_ == "pobj" and t.head.lower_ == "including"):  # "leaders, including"
            t = t.head.head if t.dep_ == "pobj" else t.head
        verb = _meeting_verb(t)
        if verb is None:
            continue
        subjects = _nearest_subjects(verb)
        if any((found := refer(doc, c, mentions)) is not None and found.id == lead.id for c in subjects):
            out.add(m.person.id)
    return out


def _abroad(doc: Doc, people: tuple[Person, ...], lead: Person | None, home: Country) -> set[str]:
    """Ids of the people a sentence set in another country names ("While in Chile, Mr Soto will hold
    talks with Foreign Minister Li Wen", "In Lima, she will meet ..."): the hosts, never the own side;
    the lead, who travels there, excepted."""
    spans = country_spans(doc)
    out = set()
    for sentence in sentences(doc):
        words = [t for t in sentence if not t.is_space][:4]
        k = 1 if words and words[0].lower_ in ("while", "when") else 0
        if len(words) <= k + 1 or words[k].lower_ != "in":
            continue
        j = words[k].i + 2 if words[k + 1].lower_ == "the" else words[k].i + 1
        if j in spans and doc[j].text not in countries().demonyms:
            where: Country | None = spans[j][0][1]
        else:  # "In Canberra, Mr Soto will ...": a capital names its country
            where = countries().by_capital.get(doc[j].text) if j < len(doc) else None
        if where is None or where == home:
            continue
        out |= {p.id for p in people if (lead is None or p.id != lead.id)
                and any(sentence.start_char <= a < sentence.end_char for a, _ in p.mentions)}
    return out


def _meeting_verb(t: Token) -> Token | None:
    """The word that has ``t`` as the one met: "meet / host t", "meet / meeting / talks with t",
    "call on t"; None otherwise (nor "a meeting with t": the Kremlin's President holds his working
    meetings with his own governors)."""
    if t.dep_ == "dobj" and (t.head.lemma_ in MEETING_VERBS
                             or t.head.lemma_ == "call" and any(c.lower_ == "on" for c in t.head.children)):
        return t.head  # "call on the Chancellor, Ana Soto" (parsed as an object); not "called Governor Li Wen"
    if t.dep_ != "pobj":
        return None
    prep = t.head
    while prep.dep_ == "conj" and prep.head.dep_ == "prep":  # "talks with Ana Soto, and with Li Wen"
        prep = prep.head
    word = prep.head
    if prep.lower_ == "with" and (word.lemma_ in MEETING_VERBS or word.lower_ == "talks") \
            or prep.lower_ == "on" and word.lemma_ == "call":
        return word
    return None


def _lead_country(lead: Person | None, paired: Country | None) -> Country | None:
    """The country the lead speaks for: the side a country pair gives, or the stated country of a
    lead who is a state official (not a writer or a company head)."""
    if paired is not None:
        return paired
    if lead is not None and lead.country_code and lead.title and serves_a_state(lead.title):
        return countries().by_code[lead.country_code]
    return None


def _voice_country(doc: Doc, people: tuple[Person, ...], lead: Person) -> Country | None:
    """The country a release speaks for when its lead official's is unsaid: the one the lead goes
    back to ("... before returning to New Zealand on Friday"), else the one the text names clearly
    most often once the lead's destinations are set aside ("Trade Minister Ana Soto will visit Chile
    ... New Zealand exporters ... New Zealand's relationship with Chile": a visitor is never given the
    country visited), unless someone else serves it (the lead may be the visitor of its official:
    letting a colleague's country through made foreign leads of that country's readouts). A state
    official the narrator names apart from the lead ("after visits there by Foreign Minister Li
    Wen", "the conference, attended by New Zealand Foreign Minister Li Wen"), whom the lead does not
    meet, is of the own side, and vetoes nothing; someone untitled, or named only in a quotation ("a
    senior Japanese official, Mr Soto, has admitted"), is the one spoken about."""
    away = _destinations(doc, people, lead)
    back = _gone_back_to(doc, people, lead)
    if back is not None and back not in away:
        return back
    spoken = _spoken_of(doc)
    counts = Counter(c for c in named_countries(doc) if c not in away and c not in spoken)
    found = clear_first(counts)
    if found is None:
        return None
    serving = [p for p in people if p.id != lead.id and p.country_code == found.code]
    met = _met_by(doc, people, lead) if serving else set()
    quoted = quote_spans(docindex.text(doc))
    if any(p.id in met or _beside(doc, p, lead) or not (p.title and serves_a_state(p.title))
           or all(any(a <= s < b for a, b in quoted) for s, _ in p.mentions) for p in serving):
        return None
    return found


def _spoken_of(doc: Doc) -> set[Country]:
    """Countries the lead sentence reports something of ("Prime Minister Ana Soto says Japan has the
    opportunity to explain ..."): the one spoken about, not the speaker's (a pledge of one's own,
    "says Chile is committed to", is pledges.py's)."""
    sentence = _lead_sentence(doc)
    if sentence is None:
        return set()
    spans = country_spans(doc)
    out = set()
    for t in sentence:
        if t.dep_ == "ccomp" and t.head.lemma_ in REPORTING:
            for c in t.children:
                if c.dep_ in SUBJECT_DEPS and c.i in spans and c.text not in countries().demonyms:
                    out.add(spans[c.i][0][1])
    return out


def _beside(doc: Doc, person: Person, lead: Person) -> bool:
    """Whether a sentence names both people."""
    def sentences_of(p: Person) -> set[int]:
        return {sentence_index(span[0]) for s, e in p.mentions
                if (span := doc.char_span(s, e, alignment_mode="expand")) is not None and len(span)}
    return bool(sentences_of(person) & sentences_of(lead))


def _office_leads(doc: Doc) -> bool:
    """Whether the lead sentence's subject is an office with no name and no country ("The President
    held a meeting with members of the Security Council", "The Prime Minister chaired a meeting")."""
    sentence = _lead_sentence(doc)
    if sentence is None:
        return False
    return any(t.head.i == sentence.root.i and t.dep_ in SUBJECT_DEPS and office(t) is not None
               and t.ent_type_ != "PERSON" and country_word(noun_phrase(t)) is None
               and country_after_of(doc, t.i + 1) is None
               and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) for t in sentence)


def _colleagues_country(people: tuple[Person, ...]) -> Country | None:
    """The one country the state officials of an article led by an unnamed office are stated (or
    known by officials.py) to serve: "The President held a meeting ... Defence Minister Ana Soto
    reported ..." with Soto Russia's is a government's meeting of its own officials; None when a
    second country is anyone's (a bilateral meeting)."""
    stated = {p.country_code for p in people if p.country_code}
    if len(stated) != 1 or not any(p.title and serves_a_state(p.title) for p in people if p.country_code):
        return None
    return countries().by_code[stated.pop()]


def _gone_back_to(doc: Doc, people: tuple[Person, ...], lead: Person) -> Country | None:
    """The country the lead returns to ("Ana Soto returns to Chile on Friday", "He will then visit
    Lima before returning to Chile", "on her return to Chile"): the lead's own; not one someone
    else returns to ("Chilean diplomats will return to Peru"), nor in a quotation (the narrator tells the
    itinerary; a minister "looking forward to returning to Peru" visits it again)."""
    spans = country_spans(doc)
    mentions = mentions_of(people)
    quoted = quote_spans(docindex.text(doc))
    for t in doc:
        if t.lemma_ != "return" or t.i + 2 >= len(doc) or doc[t.i + 1].lower_ != "to" \
                or any(a <= t.idx < b for a, b in quoted):  # "I look forward to returning to Peru": a visit again
            continue
        j = t.i + 3 if doc[t.i + 2].lower_ == "the" else t.i + 2
        if j not in spans:
            continue
        owners = [c for c in t.children if c.dep_ == "poss"] if t.pos_ == "NOUN" else _nearest_subjects(t)
        if owners and all((who := refer(doc, c, mentions)) is not None and who.id == lead.id for c in owners):
            return spans[j][0][1]
    return None


def _destinations(doc: Doc, people: tuple[Person, ...], lead: Person | None) -> set[Country]:
    """Countries the lead sentence sends the lead (or someone unnamed) to ("Forum ministers to visit
    Chile", "Minister arrives in Chile", "leaves for Chile", "travels to Peru, Chile and Bolivia"): a
    visitor is never given the country visited. Not where another named person goes ("Ana Soto
    welcomed news that President Li Wen will visit Chile": Chile may be Soto's own)."""
    sentence = _lead_sentence(doc)
    if sentence is None:
        return set()
    mentions = mentions_of(people)
    out: dict[int, Country] = {}  # the last token of each destination's name → the country
    for i in range(sentence.start, sentence.end):
        for end, country in country_spans(doc).get(i, ())[:1]:
            j = i - 1 if i > 0 and doc[i - 1].lower_ == "the" else i
            before = doc[j - 1] if j > 0 else None
            last = doc[end - 1]
            if before is not None and (before.lower_ in lexicon.name_words("destination")
                                       or before.lower_ == "for" and before.head.lemma_ in DEPARTING) \
                    and not _someone_elses(before, mentions, lead) \
                    or last.dep_ == "conj" and any(w.i in out for w in last.head.subtree if w.i <= last.head.i):
                out[last.i] = country
    return set(out.values())


def _someone_elses(t: Token, mentions: Mentions, lead: Person | None) -> bool:
    """Whether the nearest clause above ``t`` with a subject has a named person other than the lead
    as that subject."""
    subjects = [refer(t.doc, c, mentions) for c in _nearest_subjects(t)]
    return any(p is not None and (lead is None or p.id != lead.id) for p in subjects)


def _nearest_subjects(t: Token) -> list[Token]:
    """The subjects of the nearest clause at or above ``t`` that has one ("He will then visit Lima
    before returning to Chile": "He" for "returning")."""
    verb = next((v for v in (t, *t.ancestors) if any(c.dep_ in SUBJECT_DEPS for c in v.children)), None)
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS] if verb is not None else []


def _unsaid_official(person: Person, held: set[str]) -> bool:
    """A state official with no country or organisation stated, in no leader's office the own side
    already holds (``held``: "state", "government"), and of no international body."""
    title = person.title
    if not title or person.country or person.organization:
        return False
    return serves_a_state(title) and leader_kind(title) not in held and not _international(title)


def _international(title: str) -> bool:
    """"President of the International Olympic Committee": an office of a body no state owns."""
    low = f" {title.lower()} "
    return any(f" {w} " in low for w in lexicon.name_words("international"))



# ---------------------------------------------------------------- offices named without a name


def _office_references(doc: Doc, people: tuple[Person, ...], lead: Person | None) -> tuple[Person, ...]:
    """"The President of Russia informed his counterpart": the person that office refers to serves
    Russia (and is a President, when no title was stated). A person two such references give
    different countries or titles gets none."""
    mentions = mentions_of(people)
    given: dict[str, tuple[Country | None, str | None]] = {}
    clashes: set[str] = set()
    for t in doc:
        found = _office_phrase(t, mentions)
        if found is not None:
            noun, country = found
            person = _referent(t, noun, country, mentions, lead)
            title = None if noun in VAGUE_TITLES else title_of(noun)
        else:
            country = _counterpart_country(t)
            person, title = (_counterpart(t, mentions), None) if country is not None else (None, None)
        if person is None:
            continue
        before = given.setdefault(person.id, (country, title))
        if country is not None and before[0] not in (None, country) or title and before[1] not in (None, title):
            clashes.add(person.id)
        given[person.id] = (before[0] or country, before[1] or title)
    out = []
    for p in people:
        if p.id in given and p.id not in clashes:
            country, title = given[p.id]
            if country is not None:
                p = replace(p, country=country.name, country_code=country.code)
            p = replace(p, title=p.title or title)
        out.append(p)
    return tuple(out)


def _office_phrase(t: Token, mentions: Mentions) -> tuple[str, Country | None] | None:
    """(office noun, country or None) when a token heads a definite, singular office phrase that
    names no person: "The President of Russia noted", "the Kazakh premier said", "Russia's leader
    added", "Murat Kumpilov updated the President" (without a country, only "the" and the office:
    not "the deputy chair", "the Prosecutor-General", "the Chairman of a company"). With a
    country, only as the subject of its clause: an object is often someone never named ("we will
    be glad to see the President of Brazil"). Not a name's own title ("the President of Turkey,
    Recep Tayyip Erdogan", "King of Saudi Arabia His Majesty Salman"): a person named in or right
    after the phrase takes it from roles.py."""
    if t.pos_ not in ("NOUN", "PROPN") or t.tag_ not in ("NN", "NNP") \
            or t.dep_ not in (*SUBJECT_DEPS, "dobj", "pobj", "dative") \
            or not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in t.children):
        return None
    noun = office(t)
    if noun is None or noun in VAGUE_NOUNS:
        return None
    doc = t.doc
    phrase = noun_phrase(t)
    end = phrase.end
    code = country_word(phrase)
    country = countries().by_code[code] if code else None
    after = country_after_of(doc, t.i + len(noun.split()) if " of " in noun else t.i + 1)
    if after is not None:
        country = country or after[0]
        end = after[1]
    if country is not None and t.dep_ not in SUBJECT_DEPS or any(c.dep_ == "appos" for c in t.children) \
            or country is None and (any(w.dep_ not in ("det", "poss") for w in phrase if w.i != t.i)
                                    or any(c.dep_ == "prep" for c in t.children)) \
            or named_in(doc[phrase.start:min(end + NAME_GAP, len(doc))], mentions) is not None:
        return None
    return noun, country


def _referent(t: Token, noun: str, country: Country | None, mentions: Mentions,
              lead: Person | None) -> Person | None:
    """The person an office phrase refers to: the article's lead person, when nothing said of them
    contradicts it ("Vladimir Putin had a call with President Macron. ... The President of Russia
    informed his counterpart"; "Vladimir Putin met Governor Ivan Zotov. Zotov updated the
    President"):
    - with a country: the lead's country is that one or not known yet, the lead's title (if any) has
      the office's word, and no one with that office serves that country;
    - without one: the lead has no title and no one named holds the office.
    Anyone else may be someone never named ("The Prime Minister of Romania paid a visit" in an
    article about Boris Johnson), so gets nothing; so does the lead when a clause the phrase sits
    in has the lead as its subject ("Zelenskyy stated that the President of Russia must ...",
    "Anna Berg met the President": someone else)."""
    if lead is None or not _named_before(lead, mentions, t.idx) \
            or _said_by(t, lead, mentions):
        return None
    word = person_nouns().get(noun, noun)
    if country is None:
        held = any(holds_office(p, word) for p in mentions.people())
        return lead if lead.title is None and not held else None
    if lead.country_code not in (None, country.code) or by_office(noun, mentions, before=t.idx, country=country.code):
        return None
    return lead if lead.title is None or holds_office(lead, word) else None


def _named_before(person: Person, mentions: Mentions, pos: int) -> bool:
    """Whether a mention of ``person`` ends at or before ``pos``."""
    first = mentions.first_end(person.id)
    return first is not None and first <= pos


def _counterpart_country(t: Token) -> Country | None:
    """The country in "his Turkish counterpart" (a counterpart phrase with no name)."""
    if t.lower_ != "counterpart" or not any(c.dep_ == "poss" for c in t.children):
        return None
    code = country_word(noun_phrase(t))
    return countries().by_code[code] if code else None


def _counterpart(t: Token, mentions: Mentions) -> Person | None:
    """The person "his Turkish counterpart" is: the one named last before it, within the last few
    sentences, who is not the "his" ("Andriy Yermak met with Ambassador İbrahim Kalın. Andriy
    Yermak informed his Turkish counterpart"); None when that person's country is known, or when
    a name follows (the name's own title, read by roles.py)."""
    doc = t.doc
    if named_in(doc[t.i:min(t.i + NAME_GAP, len(doc))], mentions) is not None:
        return None
    poss = next(c for c in t.children if c.dep_ == "poss")
    owner = antecedent(doc, poss, mentions)
    since = sentences(doc)[max(0, sentence_index(t) - COUNTERPART_SENTENCES)].start_char
    before = [m.person for m in mentions.starting_in(since, t.idx) if m.end <= t.idx and m.person != owner]
    if not before or before[-1].country is not None:
        return None
    return before[-1]


def _said_by(t: Token, person: Person, mentions: Mentions) -> bool:
    """Whether a clause ``t`` sits in has ``person`` as its subject ("he stressed that ... t", "he
    met t"); the clause ``t`` is the subject of does not count."""
    verbs = list(t.head.ancestors) if t.dep_ in SUBJECT_DEPS else [t.head, *t.head.ancestors]
    for verb in verbs:
        for subject in (c for c in verb.children if c.dep_ in SUBJECT_DEPS):
            if refer(t.doc, subject, mentions) == person:
                return True
    return False


# ---------------------------------------------------------------- delegations

DELEGATION_VERBS = {"include", "comprise", "consist"}


def _delegation_members(doc: Doc, people: tuple[Person, ...]) -> tuple[Person, ...]:
    """"The Armenian delegation included Deputy Minister of Justice Ana Soto, ...": the people the
    sentence lists after the verb serve the delegation's country, when their own words state no
    country or organisation."""
    spans = country_spans(doc)
    given: dict[str, Country] = {}
    for t in doc:
        if t.lower_ != "delegation" or t.dep_ not in SUBJECT_DEPS or t.head.lemma_ not in DELEGATION_VERBS:
            continue
        country = next((c for start, found in spans.items() for end, c in found[:1] if end == t.i), None)
        if country is None:
            continue
        verb, sentence = t.head, sentence_of(t)
        for p in people:
            if p.country is None and p.organization is None and any(
                    doc[verb.i].idx < s and e <= sentence.end_char for s, e in p.mentions):
                given.setdefault(p.id, country)
    return tuple(replace(p, country=given[p.id].name, country_code=given[p.id].code) if p.id in given else p
                 for p in people)


# ---------------------------------------------------------------- the article's own side


def _paired_country(doc: Doc, people: tuple[Person, ...], lead: Person | None) -> Country | None:
    """"Vladimir Putin had a call with President of France Emmanuel Macron. ... Russian-French
    relations": the pair names the two sides of a relationship, the French one is Macron's, named
    in the lead sentence with Putin, so Putin, whose country is unsaid, is Russia's. Only when the
    article pairs just these two countries, over a relationship ("relations", "talks"; not a
    "border"), the other country is no one's, and the article names it more than any third."""
    if lead is None or lead.country_code is not None:
        return None
    pairs = _country_pairs(doc)
    if len(pairs) != 1:
        return None
    sentence = _lead_sentence(doc)
    if sentence is None:
        return None
    beside = {p.country_code for p in people if p.id != lead.id and p.country_code
              and any(sentence.start_char <= s < sentence.end_char for s, _ in p.mentions)}
    others = {p.country_code for p in people if p.id != lead.id and p.country_code}
    one, two = tuple(next(iter(pairs)))
    side = two if one.code in beside else one if two.code in beside else None
    if side is None or side.code in others:
        return None
    # the lead's country is the one the article names most after the counterpart's: in "Armenian-
    # Turkish relations", in a Putin-Pashinyan readout, Turkey is a third side Russia outnumbers
    counts = Counter(c for found in country_spans(doc).values() for _, c in found[:1] if c.code not in beside)
    ranked = counts.most_common(2)
    return side if ranked[0][0] == side and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]) else None


def _country_pairs(doc: Doc) -> set[frozenset[Country]]:
    """The pairs of countries the Doc joins by a hyphen before a relationship noun ("Russian-French
    relations", "Russia–Azerbaijan talks", "Russian-Chinese comprehensive strategic partnership")."""
    spans = country_spans(doc)
    relation = lexicon.name_words("bilateral")
    pairs = set()
    for found in spans.values():
        end, first = found[0]
        if end + 1 >= len(doc) or doc[end].text not in ("-", "–") or doc[end - 1].whitespace_:
            continue
        for second_end, second in spans.get(end + 1, [])[:1]:
            noun = doc[second_end - 1]
            for _ in range(4):  # up the modifiers and conjuncts to the noun they describe
                if noun.pos_ == "NOUN" or noun.head is noun:
                    break
                noun = noun.head
            if second != first and noun.pos_ == "NOUN" and noun.lemma_.lower() in relation:
                pairs.add(frozenset((first, second)))
    return pairs


def _lead_person(doc: Doc, people: tuple[Person, ...]) -> Person | None:
    """The person the lead sentence is about: its subject ("Vladimir Putin held talks", "The
    President held a meeting"), or the agent of a passive ("This was stated by President Volodymyr
    Zelenskyy"); no one when two people share the subject."""
    lead = _lead_sentence(doc)
    if lead is None:
        return None
    mentions = mentions_of(people)
    for t in lead:
        if t.head.i == lead.root.i and t.dep_ in SUBJECT_DEPS or t.dep_ == "pobj" and t.head.dep_ == "agent" \
                and t.head.head.i == lead.root.i:
            if _joined(t):
                break
            person = _named_in_subject(t, mentions) or refer(doc, t, mentions)
            if person is not None:
                return person
    return _line_opener(lead, mentions)


def _line_opener(lead: Span, mentions: Mentions) -> Person | None:
    """"Minister to visit Chile\n\nTrade Minister Ana Soto, leaves today ...": the parser joined the
    headline to the lead sentence and the body's subject is lost in the parse (hung under the headline's
    verb, or the headline's "PM" taken for the subject); the person is then
    the one whose name opens the body's line, after title words only ("Minister of Trade,"), and
    alone (not "Ana Soto and Li Wen")."""
    doc = lead.doc
    breaks = [t.i for t in lead if t.is_space and "\n" in t.text and t.i < lead.end - 1]
    if not breaks:
        return None
    line = breaks[-1] + 1
    first = next((m for m in mentions.starting_in(doc[line].idx, lead.end_char)), None)
    if first is None:
        return None
    words = [t for t in doc[line:lead.end] if t.idx < first.start]
    after = next((t for t in doc[line:lead.end] if t.idx >= first.end), None)
    if any(not (t.is_title or t.is_upper or t.text == "," or t.lower_ in ("of", "the", "for")) for t in words) \
            or after is not None and after.lower_ in ("and", "&"):
        return None
    return first.person


def _named_in_subject(t: Token, mentions: Mentions) -> Person | None:
    """The person named in a subject's own words, up to a clause or comma: "President of Ukraine
    Oleh Marchenko" (parsed with the name under "of")."""
    end = next((w.i for w in t.subtree if w.i > t.i and (w.pos_ in ("VERB", "AUX") or w.text == ",")),
               t.right_edge.i + 1)
    found = named_in(t.doc[t.left_edge.i:end], mentions)
    return found.person if found is not None else None


def _joined(t: Token) -> bool:
    """"President Zelenskyy and Chancellor of Austria Karl Nehammer discussed": the subject is one of
    two (by the parse, or by an "and" before the name's title words, which the parse often misses)."""
    if any(w.dep_ == "conj" for w in t.subtree):
        return True
    i = noun_phrase(t).start - 1
    while i > 0 and (t.doc[i].text[:1].isupper() or t.doc[i].lower_ in ("of", "the")):
        i -= 1
    return i >= 0 and t.doc[i].lower_ in ("and", "&")


def _lead_sentence(doc: Doc) -> Span | None:
    """The first sentence with words (the blanked dateline is none); None for a Doc with no
    sentence boundaries (a pipeline without a parser)."""
    if not doc.has_annotation("SENT_START"):
        return None
    return next((s for s in sentences(doc) if any(t.is_alpha for t in s)), None)
