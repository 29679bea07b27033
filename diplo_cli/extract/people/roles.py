"""Roles: the title, country and organization the words around a name give a person.

Reads premodifiers ("Russian Prime Minister Mikhail Mishustin"), the "President of the Republic of
X" form, appositives ("Sergey Lavrov, Russia's foreign minister,") and "counterpart", which
inherits the other side's title. Titles and organisations come from patterns/; countries from
extract/countries.py. names.py finds the names and calls these.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplo_cli.extract import lexicon
from diplo_cli.extract.countries import Country, countries, country_after_of, country_spans
from diplo_cli.records import Person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CONNECTORS = {"of", "the", "and", "for", "'s", "’s", "-"}
# honorifics between an office and the name ("Minister of Health Hon Dr Ana Soto", "Prime Minister Sir
# Ana Soto", "the Right Honourable"): the name's, never the title's end
HONORIFIC_WORDS = {"Dr", "Dr.", "Hon", "Hon.", "Rt", "Rt.", "Sir", "Dame", "H.E.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms",
                   "Ms.", "Prof.", "Right", "Honourable", "Honorable", "the"}
DESIGNATE = {"designate", "elect"}  # "Foreign Minister designate", "President elect": still the title
RANKS = {"acting", "principal", "deputy"}  # before an office: "Acting Assistant Secretary of State"


@dataclass(frozen=True, slots=True)
class Role:
    title: str | None = None
    country: Country | None = None
    organization: str | None = None
    counterpart: bool = False


@functools.cache
def titles() -> tuple[dict[str, str], list[str], frozenset[str]]:
    """(abbreviation → full title, lower-case titles longest first, words that mark a title)."""
    expand: dict[str, str] = {}
    heads: list[str] = []
    for e in lexicon.entries("titles"):
        heads.append(e["title"].lower())
        for a in e.get("abbr", []):
            expand[a] = e["title"]
    # the head noun marks a title: "secretary" in "secretary of state" (not "state": "State Duma")
    title_words = frozenset(h.split(" of ")[0].split()[-1] for h in heads)
    return expand, sorted(heads, key=len, reverse=True), title_words


@functools.cache
def organizations() -> dict[str, tuple[str, bool]]:
    out = {}
    for e in lexicon.entries("organizations"):
        for form in (e["name"], *e.get("aliases", [])):
            out[form] = (e["name"], e.get("international", True))
    return out


def title_country(title: str) -> Country | None:
    """The one state whose office a title is (titles.jsonl "country": "Taoiseach" → Ireland), also with
    its portfolio and ranks before it ("Acting Assistant Secretary of State for African Affairs")."""
    words = title.lower().split()
    forms = [" ".join(words)]
    while len(words) > 1 and words[0] in RANKS:
        words = words[1:]
        forms.append(" ".join(words))
    for e in lexicon.entries("titles"):
        office = e["title"].lower()
        if e.get("country") and any(f == office or f.startswith(office + " for ") for f in forms):
            return countries().by_code[e["country"]]
    return None


def serves_a_state(title: str) -> bool:
    """Not a CEO's or a pope's office (titles.jsonl marks those "state": false)."""
    low = title.lower()
    return not any(re.search(rf"(?<!\w){re.escape(e['title'].lower())}(?!\w)", low)
                   for e in lexicon.entries("titles") if e.get("state") is False)


def leader_kind(title: str) -> str | None:
    """"state" for a head of state's title ("President", "King"), "government" for a head of
    government's ("Prime Minister", "Chancellor"): titles.jsonl "leader"; None for any other
    ("Vice President")."""
    low = title.lower()
    return next((e["leader"] for e in lexicon.entries("titles") if e.get("leader") and low == e["title"].lower()), None)


def is_title_word(t: Token) -> bool:
    expand, _, title_words = titles()
    return t.text in expand or t.lower_ in title_words


def role_of(name: Span, named: set[int]) -> Role:
    """Title, country and organization stated next to one mention of a name. ``named``: the tokens
    of all name mentions, where the run of title words before this name stops ("President of
    Ukraine Volodymyr Zelenskyy and UN Secretary-General António Guterres": Guterres' title is
    "UN Secretary-General", not Zelenskyy's words too); and at a headline word ("Readout of
    President Ana Soto's Call": "President", not "Readout President") or a name's suffix ("Walter
    Brennan, Jr. Vice President Ana Soto": "Vice President"). "Walter Brennan, Jr.'s Call with Prime
    Minister Soto" is no appositive: Brennan is not the Prime Minister. A title may end in a comma
    before the name ("Minister of Defence, Paul East, leaves")."""
    doc = name.doc
    end = name.start
    if _title_then_comma(doc, end, named):  # "Minister of Defence, Paul East, leaves"
        end -= 1
    left = doc[_run_start(doc, end, name.start, named):end]
    role = _read_role(left)
    after = country_after_of(doc, name.end)  # "President Erdogan of Turkey"
    if after is not None and role.country is None:
        role = Role(role.title, after[0], role.organization, role.counterpart)
    if role.title is None:  # appositive: "Sergey Lavrov, Russia's foreign minister," (up to a name:
        # "Ali Khan, an adviser to President Ana Soto," is an adviser, not "President Ana Soto")
        j = name.end
        if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ not in lexicon.name_words("suffix"):
            k = j + 1
            while k < len(doc) and doc[k].text not in (",", ".", ";") and k not in named and k - j < 12 \
                    and "\n" not in doc[k].text and not _clause_verb(doc, j + 1, k):
                k += 1
            if k < len(doc) and k in named:  # the next name's own title is not this one's
                k = _run_start(doc, k, k, named)
            while k > j + 1 and (doc[k - 1].lower_ in CONNECTORS or doc[k - 1].lower_ == "to"):
                k -= 1  # "an adviser to": "Adviser"
            role = merge([role, _read_role(doc[j + 1:k])])
    return role


def _clause_verb(doc: Doc, start: int, k: int) -> bool:
    """A finite verb at ``k`` ends an appositive that began at ``start``: "Lavrov, Brazilian counterpart
    discuss G20 agenda" (a headline's list) is no "counterpart discuss G20" of Lavrov's; not inside a
    relative clause ("Ana Soto, who is the trade minister,")."""
    return doc[k].tag_ in ("VBZ", "VBP", "VBD") and not any(
        doc[m].lower_ in ("who", "which", "that", "whose") for m in range(start, k))


def spaced_dash(t: Token) -> bool:
    """A dash with a space on each side ("Ana Soto - Li Wen"), unlike a hyphen inside a word."""
    return t.text in ("-", "–", "—") and bool(t.whitespace_) and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)


def _run_start(doc: Doc, end: int, name_start: int, named: set[int]) -> int:
    """Where the run of title-like words that ends at ``end`` starts: not before a dash with spaces
    around it, which parts list items ("... Retno Marsudi - Korea Minister of Foreign Affairs Li Wen"),
    unless an office word ends the part before it ("Deputy Prime Minister - Minister for Trade")."""
    i = end
    while i > 0 and not doc[i].is_sent_start:
        t = doc[i - 1]
        if t.i in named or spaced_dash(t) and not is_title_word(doc[t.i - 1]) \
                or t.lower_ in lexicon.name_words("headline") | lexicon.name_words("suffix") \
                or not (t.text[:1].isupper() or t.lower_ in CONNECTORS | DESIGNATE or is_title_word(t)
                        or _posted_to(t) or t.lower_ == "counterpart" or _comma_in_title(t, name_start, named)
                        or _office_modifier(t, doc[i])) \
                or t.is_sent_start and t.pos_ in ("ADV", "CCONJ", "SCONJ", "PRON") \
                or t.ent_type_ == "PERSON" and not is_title_word(t) and t.lower_ not in DESIGNATE \
                and not countries().lookup(t.text) and not _in_country_name(t):
            break
        i -= 1
    return i


def _in_country_name(t: Token) -> bool:
    """A word of a country's name of several words, which the model may tag PERSON ("Sri Lanka's
    President Ranil Wickremesinghe")."""
    i = t.i - 1 if t.text in ("'s", "’s") else t.i  # its possessive too
    return any(start <= i < end for start, found in country_spans(t.doc).items() if start >= i - 3
               for end, _ in found[:1])


def _office_modifier(t: Token, after: Token) -> bool:
    """A lower-case noun or adjective that names the office the title word after it holds, as agency
    copy writes it ("Australian agriculture minister Warren Truss", "Greek government spokesman",
    "Chinese foreign ministry spokesperson"): part of the title, so the demonym before it is read
    too. A noun, or an adjective that names a branch of government (name_words "office_adjective"):
    not a verb, a determiner or a word of time or praise ("met trade minister X", "the visiting
    minister", "former president", "a prominent leader")."""
    if not (t.is_alpha and t.is_lower and after.is_lower and t.head.i > t.i):
        return False  # "presidential candidate Senator Ted Cruz": a capitalised title is whole
    if not (t.pos_ in ("NOUN", "PROPN") and t.dep_ == "compound" or t.lower_ in lexicon.name_words("office_adjective")):
        return False  # "former", "current", "prominent" say nothing of the office; a lower-case PROPN is a noun
    return is_title_word(after) or _office_modifier(after, after.doc[after.i + 1])


def _title_then_comma(doc: Doc, start: int, named: set[int]) -> bool:
    """"Australia's Foreign Minister designate, Bob Carr, will arrive": a title, then a comma, then the
    name (not a list of names: "Prime Minister Ana Soto, Walter Brennan and ..." ends in a name);
    "will host his Chilean counterpart, Ana Soto, in": the counterpart's country is the name's."""
    if start < 2 or doc[start - 1].text != "," or start - 2 in named:
        return False
    before = doc[start - 2]
    if before.lower_ == "counterpart":
        return True
    if not (before.lower_ in DESIGNATE or before.text[:1].isupper() and before.is_alpha):
        return False
    run = doc[_run_start(doc, start - 1, start, named):start - 1]
    return any(is_title_word(t) and t.text[:1].isupper() for t in run)


def _posted_to(t: Token) -> bool:
    """"to" after an envoy's title ("U.S. Ambassador to Chile Walter Brennan"): part of the title;
    not before another title ("an adviser to President Ana Soto": hers is "President")."""
    doc = t.doc
    return t.lower_ == "to" and t.i > 0 and is_title_word(doc[t.i - 1]) \
        and not (t.i + 1 < len(doc) and is_title_word(doc[t.i + 1]))


def _comma_in_title(t: Token, name_start: int, named: set[int]) -> bool:
    """"Special Presidential Representative for Environmental Protection, Ecology and Transport
    Sergei Ivanov": a comma in an enumeration ("A, B and C") between capitalised title words, not
    one that ends a list item ("... Dmitry Medvedev, Chief of Staff ... Anton Vaino")."""
    doc = t.doc
    between = doc[t.i + 1:name_start]
    return t.text == "," and 0 < t.i < len(doc) - 1 and t.i - 1 not in named \
        and doc[t.i - 1].text[:1].isupper() and doc[t.i + 1].text[:1].isupper() \
        and any(w.lower_ in ("and", "&") for w in between) and not any(w.text == "," for w in between)


def role_in(words: Span) -> Role:
    """The title, country and organization a run of words states ("Indian External Affairs Minister")."""
    return _read_role(words)


def _read_role(words: Span) -> Role:
    text = words.text.strip()
    if not text:
        return Role()
    counterpart = bool(re.search(r"\bcounterpart\b", text))
    organization = None
    for form, (org, _international) in organizations().items():
        # not the body an envoy is posted to ("U.S. Ambassador to the United Nations")
        if re.search(rf"(?<!\w)(?<!\bto )(?<!\bto the ){re.escape(form)}(?!\w)", text):
            organization = org
            break
    country = _country_in(words)
    return Role(_title_in(text, _premodifiers(words)), country, organization, counterpart)


def _premodifiers(words: Span) -> frozenset[str]:
    """The lower-case office modifiers of a title ("agriculture" in "Australian agriculture minister"),
    when they follow the start of the words, a capitalised word or a possessive: in "a prominent civil
    rights leader" the office is not named, and no word is kept."""
    doc = words.doc
    out = set()
    for t in words:
        if t.i + 1 < len(doc) and _office_modifier(t, doc[t.i + 1]):
            before = doc[t.i - 1] if t.i > words.start else None
            if before is None or before.text[:1].isupper() or before.text in ("'s", "’s") or before.lower_ in out:
                out.add(t.lower_)
    return frozenset(out)


def _country_in(words: Span) -> Country | None:
    """The country the words name: the longest name or demonym, leftmost first, but not a host
    ("Ambassador to Chile"), or a capital standing for its state in the possessive ("Beijing's envoy Li
    Wen")."""
    spans = country_spans(words.doc)
    inside = [(end - start, -start, country) for start in range(words.start, words.end)
              for end, country in spans.get(start, ()) if end <= words.end and not _host(words.doc, start)]
    if inside:
        return max(inside, key=lambda x: x[:2])[2]
    index = countries()
    tokens = [t.text for t in words]
    for i in range(len(tokens) - 1):
        if tokens[i + 1] in ("'s", "’s") and tokens[i] in index.by_capital:
            return index.by_capital[tokens[i]]
    return None


def _host(doc: Doc, start: int) -> bool:
    """"Ambassador to Chile", "Ambassador to the United Nations": the country an envoy is posted to is
    the host, not the envoy's. So is the place a sentence is set in ("While in Australia Mr Sutton
    will meet", "In the United States Helen Clark will also meet"): a country's name after "in" is
    where the person is, not whom they serve (a demonym after "in" still is: "in Russian President
    Putin's words")."""
    i = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
    if i > 0 and doc[i - 1].lower_ == "in":
        return doc[start].text not in countries().demonyms
    return i > 0 and doc[i - 1].lower_ == "to"


def title_of(office: str) -> str | None:
    """The full title an office noun names ("premier" → "Prime Minister", "president" →
    "President"); None for "head of state", which names no one title."""
    return None if " of " in office else _title_in(office)


def _title_in(text: str, premodifiers: frozenset[str] = frozenset()) -> str | None:
    """The office in a run of words, in full words, without the country or organization.
    ``premodifiers``: lower-case office modifiers of the words ("agriculture minister"), which stay in
    the title ("Agriculture Minister"); of the other words before the office only capitalised ones do."""
    expand, heads, _ = titles()
    for abbr, full in expand.items():
        text = re.sub(rf"(?<!\w){re.escape(abbr)}(?!\w)", full, text)
    low = text.lower()
    found = [m for head in heads if (m := re.search(rf"(?<!\w){re.escape(head)}(?!\w)", low))]
    if not found:
        return None
    # the first office word starts the title ("Head of the Office of the President" is a head's
    # title, not a president's); at one place the longest ("Deputy Prime Minister")
    start = min(found, key=lambda m: (m.start(), -m.end())).start()
    # "President of the Republic of South Africa" → "President"; "Minister of Foreign Affairs" stays
    title = _without_country(text[start:])
    prefix = _without_country_names(text[:start].split())
    keep = [w for w in prefix if (w[:1].isupper() or w in premodifiers)
            and not countries().lookup(w)
            and w.removesuffix("'s").removesuffix("’s") not in countries().by_capital
            and w not in organizations() and w.lower() not in CONNECTORS]
    title = " ".join([*keep, title]).strip(" ,-")
    title = re.sub(r"\s*['’]s$", "", title).strip(" ,-'’")
    words = title.split()
    while words and words[-1] in HONORIFIC_WORDS:  # "Assistant Secretary of State Dr. Ana Soto": "Dr." is hers
        words.pop()
    return _title_case(" ".join(words)) if words else None


def _without_country_names(words: list[str]) -> list[str]:
    """The words without the country names of several words among them ("Sri Lanka's President":
    "President")."""
    out: list[str] = []
    i = 0
    while i < len(words):
        n = next((n for n in (3, 2) if i + n <= len(words) and countries().lookup(" ".join(words[i:i + n]))), 1)
        if n == 1:
            out.append(words[i])
        i += n
    return out


def _without_country(title: str) -> str:
    """"President of the Republic of South Africa" → "President"; "Head of the Republic of Adygea"
    stays (Adygea is no country), and so do "Minister of Foreign Affairs" and "Head of the Russian
    Central Bank" (the demonym names the bank, not the office's country)."""
    for m in re.finditer(r"\s+of\s+(?:the\s+)?", title):
        rest = title[m.end():].split()
        for n in range(min(len(rest), countries().longest + 2), 0, -1):
            words = " ".join(rest[:n]).strip(",")
            if countries().lookup(words) is not None and (n == len(rest) or not rest[n][:1].isupper()
                                                         or not _modifies(words)):
                return title[:m.start()]
    return title


def _modifies(country_words: str) -> bool:
    """A demonym or possessive, which names the body after it ("Russian Railways", "Russia's
    Security Council"), not a country name before another word ("Russia President")."""
    return country_words in countries().demonyms or country_words.endswith(("'s", "’s"))


def _title_case(title: str) -> str:
    """"foreign minister" → "Foreign Minister" (the article's own words otherwise)."""
    small = {"of", "the", "and", "for", "on", "in", "to", *DESIGNATE}
    return " ".join(w if w in small or not w.islower() else w.capitalize() for w in title.split())


def merge(roles: list[Role]) -> Role:
    """First stated value of each field across a person's mentions; the country of a title only one
    state has ("External Affairs Minister S. Jaishankar" serves India) when no word states one."""
    title = next((r.title for r in roles if r.title), None)
    country = next((r.country for r in roles if r.country), None)
    organization = next((r.organization for r in roles if r.organization), None)
    if country is None and organization is None and title is not None:
        country = title_country(title)
    counterpart = any(r.counterpart for r in roles)
    return Role(title, None if organization and organizations().get(organization, ("", False))[1] else country,
                 organization, counterpart)


def inherit_counterpart_titles(people: tuple[Person, ...], roles: list[Role]) -> tuple[Person, ...]:
    """"his Kazakh counterpart Olzhas Bektenov" takes the title of the person he is the counterpart of:
    the nearest titled person mentioned before him."""
    out = list(people)
    for k, (p, role) in enumerate(zip(people, roles, strict=True)):
        if not role.counterpart or p.title:
            continue
        first = p.mentions[0][0]
        before = [q for q in people if q is not p and q.title and q.mentions[0][0] < first]
        if before:
            other = max(before, key=lambda q: max(s for s, _ in q.mentions if s < first))
            out[k] = Person(p.id, p.name, other.title, p.country, p.country_code, p.organization, p.aliases,
                            p.mentions)
    return tuple(out)
