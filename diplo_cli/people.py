"""People stage: Doc → the persons the article names, one record per individual.

Owns clustering name mentions ("Mishustin" ~ "Mikhail Mishustin") and, later, titles and
countries. Does not decide who met or spoke: meetings and quotes refer to these ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .records import Person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def resolve_people(doc: Doc) -> tuple[Person, ...]:
    """Cluster PERSON entities into persons, fullest name first, in order of first mention."""
    clusters: list[list[Span]] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        words = _name_words(ent)
        if not words:
            continue
        for cluster in clusters:
            if any(_same_person(words, _name_words(m)) for m in cluster):
                cluster.append(ent)
                break
        else:
            clusters.append([ent])
    people = []
    for n, cluster in enumerate(clusters, start=1):
        forms = sorted({m.text for m in cluster}, key=lambda f: (-len(f.split()), cluster_index(cluster, f)))
        people.append(Person(
            id=f"p{n}",
            name=forms[0],
            aliases=tuple(forms[1:]),
            mentions=tuple((m.start_char, m.end_char) for m in cluster),
        ))
    return tuple(people)


def cluster_index(cluster: list[Span], form: str) -> int:
    return next(i for i, m in enumerate(cluster) if m.text == form)


def _name_words(span: Span) -> tuple[str, ...]:
    return tuple(t.text for t in span if t.is_alpha and t.text[0].isupper())


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One name's words contained in the other's ("Bektenov" in "Olzhas Bektenov")."""
    sa, sb = set(a), set(b)
    return sa <= sb or sb <= sa
