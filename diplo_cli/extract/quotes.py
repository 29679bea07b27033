"""Quotes stage: Doc + people → direct and reported speech, each with its speaker.

Quotation marks are paired by text/quote_marks.py (tolerant: an unbalanced mark costs at most that
one quote); this owns speech cues (patterns/speech_cues.jsonl) and speaker attribution (subject of the cue; pronouns and
titles resolved to the nearest salient person; paragraph continuation). Does not create people.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from diplo_cli.extract import docindex, lexicon
from diplo_cli.extract.docindex import sentence_of, sentences
from diplo_cli.extract.references import (
    PRONOUNS,
    SUBJECT_DEPS,
    Mention,
    Mentions,
    antecedent,
    indefinite,
    mentions_of,
    named_by,
    noun_phrase,
    office,
    refer,
)
from diplo_cli.records import Person, Quote, Speaker, TextSpan
from diplo_cli.text.quote_marks import CLOSERS, OPENERS, STRAIGHT, quote_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MARKUP = re.compile(r"[()\[\]{}<>@#*=|/\\]")
# A dash after the closing mark, on the same line or on a line of its own below, signs the quote.
SIGNATURE = re.compile(r"[.!?,]?[”»\"]?[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*){0,2}[―—–][ \t\u00a0]*")
SIGNER = re.compile(r"[A-Z][^,\n\d]{1,80}")  # a described signer: "Joint statement of the United States"
# ---------------------------------------------------------------- quotation marks


def looks_like_title(words: str) -> bool:
    """"Argo", "The Art of the Deal": a short capitalised name in quotes is a title, not speech."""
    tokens = words.split()
    if not tokens or len(tokens) > 8 or words[-1] in ".!?":
        return False
    small = {"a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "with", "by", "or"}
    return all(t[0].isupper() or not t[0].isalpha() or t in small for t in tokens)


# ---------------------------------------------------------------- the stage


def find_quotes(doc: Doc, people: tuple[Person, ...]) -> tuple[Quote, ...]:
    """Direct quotes (inside quotation marks) and reported speech ("X said that ..."), in text order."""
    text = docindex.text(doc)
    body = len(text) - len(text.lstrip())
    spans = [s for s in quote_spans(text, body) if not looks_like_title(text[s[0]:s[1]])]
    mentions = mentions_of(people)
    quoted = _Coverage(spans)
    out: list[Quote] = []
    previous: Quote | None = None
    for start, end in spans:
        cue = _find_cue(doc, start, end, quoted)
        speaker = _speaker(doc, cue, mentions, quoted) if cue is not None else None
        if speaker is None:
            speaker = _signed(doc, end, mentions)
        if speaker is None and cue is None:
            speaker = _embedding_subject(doc, start, mentions, quoted)
        if speaker is None and cue is None and previous is not None and previous.speaker \
                and _paragraphs_apart(text, previous.end, start) <= 1:
            speaker = previous.speaker  # a quote with no cue continues the previous speaker's paragraph
        q = Quote("direct", text[start:end], start, end, speaker, _cue_span(doc, cue))
        if out and out[-1].speaker is None and speaker is not None and _runs_on(text, out[-1].end):
            # "First paragraph ... \n\n"Second paragraph," she said: the first part is hers too
            out[-1] = Quote("direct", out[-1].text, out[-1].start, out[-1].end, speaker, None)
        out.append(q)
        previous = q
    reported = _reported(doc, quoted, mentions)
    out = _release_speaker(text, body, out, reported, mentions)
    out.extend(reported)
    return tuple(sorted(out, key=lambda q: q.start))


def _release_speaker(text: str, body: int, quotes: list[Quote], reported: list[Quote],
                     mentions: Mentions) -> list[Quote]:
    """A release that quotes its minister throughout: a quotation paragraph with no cue and no
    speaker before it is the one person the article's attributed quotations give ("Mr Key says"
    once, then paragraph after paragraph in quotation marks), else the one person its reported
    speech gives ("Mr Sutton said the commission ..."), or, when nobody is attributed, the titled
    person the release's headline or lead names ("Prime Minister Helen Clark joins ... \n\n"The
    summit brings together ..."), unless the quotations name that person ("I will tell Mr Lamy")."""
    speakers = {q.speaker.id: q.speaker for q in quotes if q.speaker is not None and q.cue is not None}
    if not speakers:
        speakers = {q.speaker.id: q.speaker for q in reported if q.speaker is not None}
    lead = next((m for m in mentions if m.start >= body), None)
    if lead is not None and any(q.start <= m.start < q.end for q in quotes for m in mentions
                                if m.person == lead.person):
        lead = None
    paragraphs = [m.end() for m in re.finditer(r"[^\n]+", text[body:])][:2]  # the headline and the lead
    first_paragraph_end = body + paragraphs[-1] if paragraphs else -1
    if len(speakers) == 1 and None not in speakers:
        speaker: Speaker | None = next(iter(speakers.values()))
    elif not speakers and lead is not None and lead.person.title is not None \
            and (first_paragraph_end < 0 or lead.start < first_paragraph_end):
        speaker = _said_by(text, lead)
    else:
        return quotes
    out = []
    for q in quotes:
        paragraph = q.start - 1 == body or text[max(q.start - 2, 0):q.start - 1] in ("\n", "")
        if q.speaker is None and q.cue is None and paragraph and len(q.text.split()) >= 4:
            q = Quote(q.kind, q.text, q.start, q.end, speaker, None)
        out.append(q)
    return out


class _Coverage:
    """Which characters are inside a quotation."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.spans = spans

    def covers(self, i: int) -> bool:
        k = bisect_right(self.starts, i) - 1
        return k >= 0 and self.spans[k][0] <= i < self.spans[k][1] + 1


def _signed(doc: Doc, end: int, mentions: Mentions) -> Speaker | None:
    """"...a real disgrace." ― Azucena Gonzalez: a dash after the closing mark, on the same line or
    on the line below, signs the quote when the signature ends its line (not 'the "printing press" –
    uncontrolled emission of ...'): the person it names ("– Secretary Ana Ruiz, May 28, 2021",
    "—The mayor of Tarvik, Ana Ruiz"), else its words up to a comma ("– Joint statement of Chile and
    Peru, March 11")."""
    text = docindex.text(doc)
    m = SIGNATURE.match(text, end)
    if m is None:
        return None
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    if line_end - m.end() > (120 if "\n" in m.group() else 60):
        return None  # the sentence goes on after a dash ('the "printing press" – uncontrolled ...')
    near = mentions.starting_in(m.end(), line_end)
    if near:
        return _said_by(text, near[0])
    words = SIGNER.match(text, m.end())
    if words is None or not 1 <= len(words.group().split()) <= 12:
        return None
    phrase = words.group().rstrip()
    return Speaker(None, phrase, TextSpan(phrase, words.start(), words.start() + len(phrase)))


def _embedding_subject(doc: Doc, start: int, mentions: Mentions, quoted: _Coverage) -> Speaker | None:
    """'Interior Minister Ana Ruiz called the attack "an act of barbarity."', 'Ruiz described the
    plan as "a surrender"': a quotation inside a sentence, with no speech verb, gives the words of
    the person the sentence is about: the named subject of the verb it hangs under, or "he"/"she"
    resolved to a person. Not a quotation that opens its sentence, nor one under an unnamed subject
    ('The leaders condemned the decision to recognise the regions as "independent."', 'The court
    found his advice "was made ..."': the subject of "found", not of the quoted clause)."""
    first = doc.char_span(start, start, alignment_mode="expand")
    if first is None or first.start >= len(doc):
        return None
    t = doc[first.start]
    sent = sentence_of(t)
    if not any(not w.is_punct and not w.is_space for w in doc[sent.start:t.i]):
        return _colon_subject(doc, t, mentions, quoted)
    verb = t  # the first verb above the quotation's words, outside them
    while (verb.pos_ not in ("VERB", "AUX") or quoted.covers(verb.idx)) and verb.head.i != verb.i \
            and sent.start <= verb.head.i < sent.end:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or quoted.covers(verb.idx):
        return _colon_subject(doc, t, mentions, quoted)  # the quoted clause is the parse's root
    subj = _subject(verb, quoted)
    if subj is None or subj.i >= t.i or quoted.covers(subj.idx):
        return None
    named = _named_subject(subj, mentions)
    text = docindex.text(doc)
    if named is not None:
        return _said_by(text, named)
    if subj.lower_ in ("he", "she"):
        person = antecedent(doc, subj, mentions)
        if person is not None:
            return Speaker(person.id, person.name, TextSpan(subj.text, subj.idx, subj.idx + len(subj.text)))
    return None


def _colon_subject(doc: Doc, first: Token, mentions: Mentions, quoted: _Coverage) -> Speaker | None:
    """'Governor Ana Ruiz offered to diversify the economy: "Our exports ..."': a quotation opening
    its sentence after a colon that ends a sentence in the same paragraph, with no speech verb, gives
    the words of that sentence's named subject (or "he"/"she" resolved to a person); not an unnamed
    subject ('The agenda was clear: "..."') and not when the colon sentence is itself in quotes."""
    i = first.i - 1
    while i >= 0 and doc[i].is_punct and doc[i].text != ":" and "\n" not in doc[i].text:
        i -= 1  # the opening mark(s)
    if i < 1 or doc[i].text != ":" or quoted.covers(doc[i - 1].idx):
        return None
    lo = sentence_of(doc[i - 1]).start
    clause = range(lo, i)  # the words before the colon: their own verb, whatever the parse hangs it under
    verb = next((w for w in doc[lo:i] if w.pos_ in ("VERB", "AUX") and (w.head.i not in clause or w.head.i == w.i)
                 and not quoted.covers(w.idx)), None)
    if verb is None:
        return None
    subj = _subject(verb, quoted)
    if subj is None or subj.i not in clause:
        return None
    named = _named_subject(subj, mentions)
    if named is not None:
        return _said_by(docindex.text(doc), named)
    if subj.lower_ in ("he", "she"):
        person = antecedent(doc, subj, mentions)
        if person is not None:
            return Speaker(person.id, person.name, TextSpan(subj.text, subj.idx, subj.idx + len(subj.text)))
    return None


def _runs_on(text: str, end: int) -> bool:
    """A quote with no closing mark before its paragraph ends runs on into the next paragraph."""
    rest = text[end:end + 3].lstrip(" ,")
    return not rest or rest[0] in "\r\n"


def _paragraphs_apart(text: str, a: int, b: int) -> int:
    return len(re.findall(r"\n\s*", text[a:b]))


def _speech_verbs() -> frozenset[str]:
    return lexicon.words("speech_cues", "verb")


def _document_nouns() -> frozenset[str]:
    """Subject nouns that speak for their sender ("The message reads, in part: ...")."""
    return lexicon.words("speech_cues", "document")


def _text_nouns() -> frozenset[str]:
    """Subject nouns of written texts that speak as themselves ("the article reads: ...")."""
    return lexicon.words("speech_cues", "text")


def _find_cue(doc: Doc, start: int, end: int, quoted: _Coverage) -> Token | None:
    """The speech cue of a quote: first in the words after it up to the sentence end (", he said"),
    then in the words before it back to the previous sentence end or quote ("Lavrov said: ")."""
    after = doc.char_span(end, end, alignment_mode="expand")
    before = doc.char_span(start, start, alignment_mode="expand")
    tokens_after = _frame(doc, after.start, +1, quoted) if after is not None else []
    tokens_after = _split_at_sentence(doc, start, end, tokens_after, quoted)
    tokens_before = _frame(doc, before.start - 1, -1, quoted) if before is not None else []
    for tokens in (tokens_after, tokens_before):
        for t in tokens:
            if _is_cue(t):
                return t
    return None


def _split_at_sentence(doc: Doc, start: int, end: int, tokens: list[Token], quoted: _Coverage) -> list[Token]:
    """A quotation that ends its own sentence ('... will go on." Then Smith said ...') is followed by
    a new sentence: its speech verb is this quotation's cue only when it comes at once ('"... go on."
    Smith said.'), reports nothing of its own ('"... go on." Sources say she ...') and its sentence
    does not lead into another quotation ('"... go on." Smith added: "..."'), else the cue is looked
    for before the quotation."""
    text = docindex.text(doc)
    if not text[start:end].rstrip(" ])").endswith((".", "!", "?", ".[.", "[.")):
        return tokens
    words = [t for t in tokens if not t.is_punct]
    if not words or not words[0].text[:1].isupper():
        return tokens
    near = [t for t in tokens if t.i - tokens[0].i < 5] if tokens else []
    return [t for t in near if not any(start_ > t.idx for start_ in _quotes_in(t.sent, quoted))
            and not any(c.dep_ == "ccomp" and c.i > t.i for c in t.children)]  # "Sources say she ..." reports its own


def _quotes_in(sent: Span, quoted: _Coverage) -> list[int]:
    """Where the quotations that open inside a sentence start (by bisection: no scan of all quotes)."""
    return quoted.starts[bisect_left(quoted.starts, sent.start_char):bisect_left(quoted.starts, sent.end_char)]


def _frame(doc: Doc, i: int, step: int, quoted: _Coverage) -> list[Token]:
    """Tokens outside quotes next to a quote, in reading order away from it, within the paragraph."""
    out: list[Token] = []
    while 0 <= i < len(doc):
        t = doc[i]
        if "\n" in t.text and step < 0 and all(x.is_punct for x in out) and i > 0 and doc[i - 1].text == ":":
            i += step  # "The Times reports:\n\n"...": a colon ending the paragraph before introduces it
            continue
        if "\n" in t.text or quoted.covers(t.idx) and not t.is_punct:
            break  # the paragraph ends, or the next quotation begins
        if step > 0 and t.is_sent_start and out and any(x.text in ".!?" for x in out):
            break
        if step < 0 and t.text in ".!?" and out and not _glued(t, out):
            break
        out.append(t)
        i += step
    return out


def _glued(stop: Token, marks: list[Token]) -> bool:
    """'The minister said."The talks ...': a full stop glued to the opening mark ends the sentence
    that introduces the quotation, so the words before it are still the quotation's frame."""
    return not stop.whitespace_ and all(x.is_punct and not x.whitespace_ for x in marks)


def _negated(t: Token) -> bool:
    """"She did not say whether ...": a denied speech act reports nothing. The "not" must stand just
    before the verb: in '"Probably not," Moore said' it belongs to the quotation."""
    return any(c.dep_ == "neg" and 0 < t.i - c.i <= 2 for c in t.children)


def _is_cue(t: Token) -> bool:
    if _negated(t):
        return False
    if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in _speech_verbs():
        if t.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return False  # "a rally to demand the release": a purpose, not a speech act
        subj = _subject(t)
        if t.lemma_.lower() == "read":  # "The message reads: ..." speaks; "A banner read ..." does not
            noun = subj.lemma_.lower() if subj is not None else ""
            return subj is not None and (noun in _document_nouns() or noun in _text_nouns()
                                         or subj.ent_type_ == "PERSON" or subj.lower_ in IT_PRONOUNS)
        return subj is not None or t.dep_ in ("advcl", "xcomp", "conj")
    return t.lower_ == "according" and any(c.lower_ == "to" for c in t.children)


def _subject(t: Token, quoted: _Coverage | None = None) -> Token | None:
    """The subject of a cue verb. A cue without its own subject ("went on to say", "..., adding
    that", "Expressing that ..., Mishustin said") takes the subject of the nearest speech verb
    above it, else of the nearest verb above it. A word inside a quotation is never the subject
    ('"My reaction, that was outrageous," the strategist said': the parser gives "reaction" too);
    a participle after a noun speaks for the noun ("footage of Hillary Clinton asking, ...")."""
    if t.lower_ == "according":
        to = next((c for c in t.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if t.dep_ == "acl" and t.tag_ == "VBG" and t.head.pos_ in ("PROPN", "NOUN") and t.head.i < t.i:
        return _recorded(t.head) or t.head
    chain = [t]
    while len(chain) < 5 and chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)

    def outside(c: Token) -> bool:
        return not c.is_punct and (quoted is None or not quoted.covers(c.idx))  # a stray mark is no one

    subjects = [(v, _paragraph_subject(v, [c for c in v.children if c.dep_ in SUBJECT_DEPS and outside(c)]))
                for v in chain]
    own = subjects[0][1]
    if own is not None:
        return _recorded(own) or own
    for v, subj in subjects[1:]:
        if subj is not None and v.lemma_.lower() in _speech_verbs():
            return subj
    return next((subj for _, subj in subjects[1:] if subj is not None), None)


def _paragraph_subject(verb: Token, subjects: list[Token]) -> Token | None:
    """The first subject of a verb, preferring one in the verb's own paragraph: a heading above
    the sentence ("Ukraine\n\nThe two sides underscored ...") is parsed as a second subject."""
    doc = verb.doc
    own = [c for c in subjects
           if not any("\n" in doc[k].text_with_ws for k in range(min(c.i, verb.i), max(c.i, verb.i)))]
    # '..." said study co-author Karen Alley': the parser splits the subject at the hyphen; the name speaks
    named = next((c for c in own if c.ent_type_ == "PERSON"), None) if len(own) > 1 else None
    return named or (own[0] if own else subjects[0] if subjects else None)


def _recorded(t: Token) -> Token | None:
    """The person a recording shows speaking: "footage of Senator Ana Ruiz asking, ..." is Ana Ruiz."""
    if t.lemma_.lower() not in lexicon.words("speech_cues", "recording"):
        return None
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None) if of is not None else None


def _cue_span(doc: Doc, cue: Token | None) -> TextSpan | None:
    if cue is None:
        return None
    if cue.lower_ == "according":
        end = cue.idx + len("according to")
        return TextSpan(docindex.text(doc)[cue.idx:end], cue.idx, end)
    return TextSpan(cue.text, cue.idx, cue.idx + len(cue.text))


def _speaker(doc: Doc, cue: Token, mentions: Mentions, quoted: _Coverage) -> Speaker | None:
    subj = _subject(cue, quoted)
    if subj is None:
        return _named_next_to(doc, cue, mentions, quoted)
    text = docindex.text(doc)
    named = _named_subject(subj, mentions)
    if named is None:  # "That day, Putin said" parsed "day" subject; see _ends_subject
        beside = _named_next_to_mention(doc, cue, mentions, quoted)
        if beside is not None and (not _speaks(subj) or _ends_subject(doc, subj, cue, beside)):
            named = beside
    if named is not None:
        return _said_by(text, named)
    phrase = _description(subj)
    mention = TextSpan(phrase.text, phrase.start_char, phrase.end_char)
    if subj.lower_ in IT_PRONOUNS:
        # "It was noted that ...", "it is said": no one; "it said", "It added:" an organisation
        passive = subj.dep_ != "nsubj" or any(c.dep_ == "auxpass" for c in subj.head.children)
        if passive:
            return None
        issued = _issuer(doc, subj, mentions, quoted) if cue.lemma_.lower() == "read" else None
        return issued or _it_speaker(doc, subj, mentions, quoted)  # "... released a statement. It read: ..."
    document = subj.lemma_.lower() in _document_nouns() \
        and not any(e.label_ == "ORG" for e in docindex.entities_in(phrase))
    if document or subj.lemma_.lower() in _text_nouns():
        sender = _sender(subj, mentions, quoted) or _issuer(doc, subj, mentions, quoted)
        if sender is not None:  # "a statement issued by the press office said"; "X issued a statement. ... it read"
            return sender
    if subj.lower_ in PRONOUNS or (office(subj) is not None and not indefinite(subj)) or document:
        # "the chancellor noted": the person with that title; "he said", "the message reads": the salient person
        person = refer(doc, subj, mentions) if not document else antecedent(doc, subj, mentions)
        if person is not None:
            return Speaker(person.id, person.name, mention)
        if subj.lower_ in PRONOUNS or document:
            return None
        # "the actress said", no actress named: the description is the speaker's name
    if subj.pos_ in ("PRON", "DET") or any(MARKUP.search(w.text) for w in phrase):
        return None  # no pronoun, markup or symbols as a speaker ("((es))Spanish language")
    named_org = _organisation_named_before(doc, subj)  # "the ministry said": "the Chilean Foreign Ministry"
    return Speaker(None, named_org or phrase.text, mention)  # an organisation or an unnamed speaker


def _ends_subject(doc: Doc, subj: Token, cue: Token, beside: Mention) -> bool:
    """Whether a person named right before the cue speaks rather than the subject the parser gave:
    the name ends the cue's own subject phrase ("The judge presiding over the trial, Ana Ruiz,
    said"), or the cue follows the name directly ("footage of Ana Ruiz asking"), but not after a
    comma when the subject is another verb's ("He criticised Ruiz, saying ...")."""
    if subj.head.i == cue.i and subj.left_edge.idx <= beside.start:
        return True
    return docindex.text(doc)[beside.end:cue.idx].strip() == ""


def _said_by(text: str, named: Mention) -> Speaker:
    return Speaker(named.person.id, named.person.name, TextSpan(text[named.start:named.end], named.start, named.end))


IT_PRONOUNS = {"it"}


def _speaks(subj: Token) -> bool:
    """Whether a subject can be a speaker at all: a person's words, a pronoun, an office, an
    organisation, a document; not a time ("That day, Putin said") or a thing."""
    if subj.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"):
        return False
    return subj.lemma_.lower() not in ("day", "week", "month", "year", "time", "morning", "evening", "night")


def _named_subject(subj: Token, mentions: Mentions) -> Mention | None:
    """The person a subject names: in its own words ("Russian Prime Minister Mikhail Mishustin"),
    or in apposition anywhere in its phrase ("the director of Amnesty International, Mariela
    Belski, said"; "Another co-author, professor Julian Marshall, said"), never its owner ("Putin's
    spokesman") or someone in a clause about it ("the woman who met Putin")."""
    named = named_by(subj, mentions)
    if named is not None:
        return named
    words = list(subj.subtree)
    starts = {m.start: m for m in mentions.starting_in(words[0].idx, words[-1].idx + 1)}
    for w in words:
        if w.i == subj.i or w.idx not in starts:
            continue
        path, x = [], w
        while x.i != subj.i:
            path.append(x.dep_)
            x = x.head
        if "appos" in path and not set(path) & {"relcl", "acl", "advcl", "ccomp", "xcomp", "poss"}:
            return starts[w.idx]
    return None


NAME_GAP = re.compile(r"[\s,]*(\([^()]{0,24}\))?[\s,]*")


def _named_next_to(doc: Doc, cue: Token, mentions: Mentions, quoted: _Coverage) -> Speaker | None:
    found = _named_next_to_mention(doc, cue, mentions, quoted)
    if found is None:
        return None
    text = docindex.text(doc)
    return _said_by(text, found)


def _named_next_to_mention(doc: Doc, cue: Token, mentions: Mentions, quoted: _Coverage) -> Mention | None:
    """A person named right before the cue ("..., Rep. Elijah Cummings (D-Md.) said") or right
    after it ("said Leslie Wimes"), when the parse gave the cue no subject of its own outside the
    quotation ('"Full panic mode," said Leslie Wimes': the parser's subject is "mode")."""
    text = docindex.text(doc)
    end = cue.idx + len(cue.text)
    for m in mentions.starting_in(cue.idx - NEAR, end + NEAR):
        if quoted.covers(m.start):
            continue
        if m.end <= cue.idx and NAME_GAP.fullmatch(text, m.end, cue.idx):
            return m
        if m.start >= end and text[end:m.start].strip() == "":
            return m
    return None


NEAR = 400  # characters around a cue where a name "right next to" it can start


def _description(subj: Token) -> Span:
    """The words of an unnamed speaker: the noun phrase with its "of" / "from" phrase ("a member of
    the delegation", "An official from TfL"), without clauses."""
    phrase = _own_paragraph(noun_phrase(subj), subj)
    prep = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "at", "in")
                 and c.i == phrase.end), None)
    if prep is None or subj.ent_type_ == "ORG":
        return phrase
    end = max(w.i for w in prep.subtree)
    return subj.doc[phrase.start:end + 1] if end - phrase.start < 12 else phrase


def _own_paragraph(phrase: Span, head: Token) -> Span:
    """A phrase cut to the paragraph of its head, without the quotation marks that open it: the
    parser hangs a heading or the closing mark of the paragraph above under the next sentence's
    subject ("Energy Cooperation\n\nThe two sides underscored", '..."\n\nMinister Ana Ruiz said')."""
    start = phrase.start
    for t in phrase:
        if t.i < head.i and "\n" in t.text_with_ws:
            start = t.i + 1
    while start < head.i and (phrase.doc[start].is_punct or phrase.doc[start].is_space):
        start += 1
    return phrase.doc[start:phrase.end]


def _sender(subj: Token, mentions: Mentions, quoted: _Coverage) -> Speaker | None:
    """Who a document speaks for, when its words say: "a statement issued by the President's press
    office", "a statement from the ministry", "the council's statement"."""
    doc = subj.doc
    agent = None
    for c in subj.children:
        if c.dep_ == "acl":
            by = next((g for g in c.children if g.dep_ == "agent"), None)
            agent = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
        elif c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            agent = next((g for g in c.children if g.dep_ == "pobj"), None)
        elif c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
            agent = c
        if agent is not None:
            break
    if agent is None or agent.pos_ not in ("PROPN", "NOUN"):
        return None
    named = _named_subject(agent, mentions)
    text = docindex.text(doc)
    if named is not None:
        return _said_by(text, named)
    phrase = noun_phrase(agent)
    if any(MARKUP.search(w.text) for w in phrase):
        return None
    return Speaker(None, phrase.text, TextSpan(phrase.text, phrase.start_char, phrase.end_char))


ISSUING = {"issue", "release", "publish", "send", "post", "sign", "adopt", "deliver", "circulate", "distribute"}


def _issuer(doc: Doc, subj: Token, mentions: Mentions, quoted: _Coverage) -> Speaker | None:
    """Who issued the document a definite subject ("the statement read", "It read" for one) speaks
    for, told in the sentences just before: the subject of "The Chilean Foreign Ministry issued a
    statement", "The group said in a statement", or the owner of "In its statement, the group ...".
    A person gives the person; an organisation its name ("the ministry": the one named before)."""
    noun = subj.lemma_.lower()
    own = sentence_of(subj)
    sents = [s for s in sentences(doc) if s.start < own.start][-3:]
    for t in [t for t in doc[own.start:subj.i]][::-1] + [t for s in reversed(sents) for t in reversed(s)]:
        if t.i == subj.i or t.lemma_.lower() not in (noun, "statement", "message", "letter") \
                or quoted.covers(t.idx) or t.pos_ != "NOUN":
            continue
        verb = t.head if t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in ISSUING else None
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "through"):
            verb = t.head.head if t.head.head.pos_ in ("VERB", "AUX") else None
        if verb is None:
            continue
        owner = next((c for c in t.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)  # "the council's"
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)  # "a statement issued by X"
        by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        issuer = owner or by or _paragraph_subject(verb, [c for c in verb.children if c.dep_ == "nsubj"
                                                           and not quoted.covers(c.idx)])
        if issuer is None or issuer.pos_ not in ("PROPN", "NOUN", "PRON") or issuer.lower_ in IT_PRONOUNS:
            return None
        named = _named_subject(issuer, mentions)
        if named is not None:
            return _said_by(docindex.text(doc), named)
        mention = TextSpan(subj.text, subj.idx, subj.idx + len(subj.text))
        if issuer.pos_ == "PRON" or office(issuer) is not None and not indefinite(issuer):
            person = refer(doc, issuer, mentions)  # "He issued a statement", "The President sent a message"
            return Speaker(person.id, person.name, mention) if person is not None else None
        entity = docindex.entity_at(issuer)
        name = entity.text if entity is not None and entity.label_ == "ORG" else \
            _organisation_named_before(doc, issuer) or _description(issuer).text
        return Speaker(None, name, mention)
    return None


def _it_speaker(doc: Doc, it: Token, mentions: Mentions, quoted: _Coverage) -> Speaker | None:
    """ "It said", "It added:" speak for the organisation or document that spoke last ("A statement
    issued by the press office said ... it said" gives the office; "The council said ... It added:"
    the council), else for an organisation that is the subject of a sentence just before. A person
    speaking in between ends it."""
    own = sentence_of(it)
    sents = [s for s in sentences(doc) if s.start < own.start][-4:]
    tokens = [t for t in doc[own.start:it.i]][::-1] + [t for s in reversed(sents) for t in reversed(s)]
    mention = TextSpan(it.text, it.idx, it.idx + len(it.text))
    for t in tokens:
        if quoted.covers(t.idx) or t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in _speech_verbs():
            continue
        subj = _subject(t, quoted)
        if subj is None or subj.lower_ in IT_PRONOUNS:
            continue
        earlier = _speaker(doc, t, mentions, quoted)
        if earlier is None:
            continue
        return Speaker(earlier.id, earlier.name, mention) if earlier.id is None or \
            subj.lemma_.lower() in _document_nouns() else None
    for t in tokens:
        if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.ent_type_ == "ORG" and not quoted.covers(t.idx):
            entity = docindex.entity_at(t)
            if entity is not None:
                return Speaker(None, entity.text, mention)
    return None


def _organisation_named_before(doc: Doc, subj: Token) -> str | None:
    """The organisation a definite common noun names ("the ministry said" after "the Chilean
    Foreign Ministry summoned the envoy"): the last organisation before it whose name ends in that
    word."""
    if subj.pos_ != "NOUN" or subj.tag_ in ("NNS", "NNPS") or not any(c.lower_ == "the" for c in subj.children):
        return None
    if any(c.dep_ in ("amod", "compound", "poss") for c in subj.children):
        return None
    word = subj.lower_
    found = None
    for e in docindex.entities(doc):
        if e.end_char > subj.idx:
            break
        if e.label_ == "ORG" and e[-1].lower_ == word and len(e) > 1:
            found = e
    if found is None:
        return None
    return found.text


def _reported(doc: Doc, quoted: _Coverage, mentions: Mentions) -> list[Quote]:
    """Reported speech outside quotes: a speech verb's content clause ("X said that ..."), its
    "need"/"importance" object ("X stressed the need to ..."), and the clause an "according to X,"
    introduces ("According to him, Ukraine is ready to ...")."""
    out = []
    for t in doc:
        if quoted.covers(t.idx):
            continue
        if t.lower_ == "according" and _is_cue(t):
            content = t.head if t.head.pos_ in ("VERB", "AUX") and t.head.i > t.i else None
        elif t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in _speech_verbs() and not _negated(t):
            content = next((c for c in t.children if c.dep_ == "ccomp" and c.i > t.i), None) or next(
                (c for c in t.children if c.dep_ == "dobj" and c.lemma_.lower() in ("need", "importance", "necessity")),
                None)
        else:
            continue
        if content is None:
            continue
        span = _content_span(doc, content, quoted, after=t)
        if span is None:
            continue
        start, end = span
        out.append(Quote("indirect", docindex.text(doc)[start:end], start, end, _speaker(doc, t, mentions, quoted),
                         _cue_span(doc, t)))
    return out


def _content_span(doc: Doc, head: Token, quoted: _Coverage, after: Token) -> tuple[int, int] | None:
    """The words of reported content: the head's subtree after the cue, without "that", a final
    stop, or words that are mostly a direct quote already taken."""
    source = {w.i for w in after.subtree} if after.lower_ == "according" else set()  # "according to him"
    words = [w for w in head.subtree if w.i > after.i and w.i not in source]
    if not words:
        return None
    outside = [w for w in words if not quoted.covers(w.idx) or w.text in OPENERS + CLOSERS + STRAIGHT]
    if len(outside) < len(words) // 2:
        return None  # mostly a direct quote: already taken
    first, last = min(words, key=lambda w: w.i), max(words, key=lambda w: w.i)
    while first.i < last.i and (first.is_punct or first.dep_ == "mark" and first.lower_ in ("that", "whether", "if")):
        first = doc[first.i + 1]
    while last.i > first.i and (last.is_punct or last.is_space):
        last = doc[last.i - 1]
    return first.idx, last.idx + len(last.text)
