"""Priorities: one row per cue family, each a sentence written for the test → (holder, text, source)."""

from __future__ import annotations

import pytest

from diplo_cli.extract import extract
from diplo_cli.io.sources import make_article


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
    ('"Sanctions must stay in place," Minister Elif Demir said.',
     ("Elif Demir", "Sanctions must stay in place", "quote")),                              # modal in a quote
    ('"The court ruled against us, so parliament must meet at once," Minister Elif Demir said.',
     ("Elif Demir", "parliament must meet at once", "quote")),                              # the modal's own clause
    ('"We must open the border," Minister Elif Demir said.',
     ("Elif Demir", "open the border", "quote")),  # the speaker's "we" left out
    ("Governor Pablo Ortega promised he would rebuild the bridge.",
     ("Pablo Ortega", "rebuild the bridge", "reported")),                                   # promise + would-clause
    ("Minister Kofi Mensah expressed confidence that the two banks will make every effort to cut fees.",
     ("Kofi Mensah", "cut fees", "reported")),                                              # speech verb above
    ('"We need more doctors to keep the clinics open," Minister Elif Demir said.',
     ("Elif Demir", "more doctors", "quote")),                                              # need: the object first
    ("Governor Pablo Ortega said that he was ready to continue the work.",
     ("Pablo Ortega", "continue the work", "reported")),                                    # "continue" is a goal here
    ("Every effort will be made to finish the bridge, Minister Elif Demir said.",
     ("Elif Demir", "finish the bridge", "reported")),                                      # passive "effort was made"
    ("Minister Elif Demir welcomed President Ana Ruiz's initiative to build new schools.",
     ("Ana Ruiz", "build new schools", "reported")),                                        # whose initiative
])
def test_cue_families(nlp, text, expect):
    assert expect in priorities_of(nlp, text)


@pytest.mark.parametrize("text, holder", [
    ("Russia is ready to resume the grain deal.", "Russia"),
    ("Beijing is ready to resume the grain deal.", "China"),          # a capital speaks for its country
])
def test_countries_and_capitals_hold_priorities(nlp, text, holder):
    assert (holder, "resume the grain deal", "reported") in priorities_of(nlp, text)


@pytest.mark.parametrize("text, holder", [
    ('"We are ready to cut fees," the ministry said.', ("the ministry", "organization")),
    ('"We are ready to cut fees," the actress said.', ("the actress", "person")),     # a person noun
])
def test_unnamed_speakers_are_typed_by_their_noun(nlp, text, holder):
    article = make_article("t", "t", text)
    result = extract(article, next(iter(nlp.pipe([text]))))
    assert [(p.holder.name, p.holder.type) for p in result.priorities] == [holder]


def test_according_to_names_the_holder(nlp):
    text = "Minister Elif Demir met the press. According to Elif Demir, Chile is ready to export more copper."
    assert ("Elif Demir", "export more copper", "reported") in priorities_of(nlp, text)


def test_a_narrators_we_is_the_country_it_speaks_for(nlp):
    text = ("Ukraine thanks its partners. Ukraine will rebuild. Ukrainian cities will rise again.\n\n"
            "We will restore every school in Ukraine.")
    assert ("Ukraine", "restore every school in Ukraine", "reported") in priorities_of(nlp, text)


def test_agreed_by_both_sides_goes_to_each_participant(nlp):
    text = ("President Ana Ruiz held talks with Chancellor Lena Brandt in Madrid.\n\n"
            "It was agreed to maintain regular contact.")
    holders = {h for h, t, _ in priorities_of(nlp, text) if t == "maintain regular contact"}
    assert holders == {"Ana Ruiz", "Lena Brandt"}


@pytest.mark.parametrize("text", [
    "Trade between the two countries grew by 10 percent last year.",               # a plain fact
    '"I want to say that I am grateful," Minister Elif Demir said.',               # wanting to say is no goal
    "The residents of the city need clean water, the report says.",                # others' needs, not a stance
    "The rain will stop by Friday.",                                                # "will" without "we"
    '"If we stay united, we will win," Minister Elif Demir said.',                 # a forecast under a condition
    "Minister Elif Demir said she is not ready to sign the deal.",                   # denied readiness
])
def test_no_priority(nlp, text):
    assert priorities_of(nlp, text) == []
