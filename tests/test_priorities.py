"""Priorities: one row per cue family, each a sentence written for the test → (holder, text, source)."""

from __future__ import annotations

import pytest

from diplo_cli.extract import extract
from diplo_cli.sources import make_article


def priorities_of(nlp, text):
    article = make_article("t", "t", text)
    doc = next(iter(nlp.pipe([text])))
    return [(p.holder.name, p.text, p.source) for p in extract(article, doc).priorities]


@pytest.mark.parametrize("text, expect", [
    ('"We give priority to cleaner ports," Minister Elif Demir said.',
     ("Elif Demir", "cleaner ports", "quote")),                                             # give priority to
    ("President Ana Ruiz said that her government pays special attention to rural schools.",
     ("Ana Ruiz", "rural schools", "reported")),                                           # pay attention to
    ("Chancellor Lena Brandt said she is ready to expand rail links with Poland.",
     ("Lena Brandt", "expand rail links with Poland", "reported")),                         # ready to
    ("Prime Minister Carla Mendes said their main task is to finish the bridge by 2027.",
     ("Carla Mendes", "finish the bridge by 2027", "reported")),                            # main task is to
    ("President Omar Haddad called for an immediate ceasefire.",
     ("Omar Haddad", "an immediate ceasefire", "reported")),                                # call for
    ("Minister Kofi Mensah stressed the need to reform the customs service.",
     ("Kofi Mensah", "reform the customs service", "reported")),                            # stress the need to
    ('"It is important to keep the border open," Governor Pablo Ortega said.',
     ("Pablo Ortega", "keep the border open", "quote")),                                    # it is important to
    ("Prime Minister Carla Mendes will make every effort to implement the agreements.",
     ("Carla Mendes", "implement the agreements", "reported")),                             # make every effort to
])
def test_cue_families(nlp, text, expect):
    assert expect in priorities_of(nlp, text)


def test_agreed_by_both_sides_goes_to_each_participant(nlp):
    text = ("President Ana Ruiz held talks with Chancellor Lena Brandt in Madrid.\n\n"
            "It was agreed to maintain regular contact.")
    holders = {h for h, t, _ in priorities_of(nlp, text) if t == "maintain regular contact"}
    assert holders == {"Ana Ruiz", "Lena Brandt"}


@pytest.mark.parametrize("text", [
    "Trade between the two countries grew by 10 percent last year.",               # a plain fact
    "Minister Elif Demir said she is not ready to sign the deal.",                   # denied readiness
])
def test_no_priority(nlp, text):
    assert priorities_of(nlp, text) == []
