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
    ("Minister Kofi Mensah said Ghana was keen to expand rail links with Togo.",
     ("Kofi Mensah", "expand rail links with Togo", "reported")),                       # keen to
    ("Governor Pablo Ortega is eager to attract more solar investment.",
     ("Pablo Ortega", "attract more solar investment", "reported")),                    # eager to
    ("Governor Pablo Ortega hopes to reopen the bridge in May.",
     ("Pablo Ortega", "reopen the bridge in May", "reported")),                         # "hopes": the lemma "hop"
    ("President Ana Ruiz resolved to fight the smuggling of timber.",
     ("Ana Ruiz", "fight the smuggling of timber", "reported")),                        # resolved to
    ("Minister Kofi Mensah said Ghana is taking steps to cut fuel imports.",
     ("Kofi Mensah", "cut fuel imports", "reported")),                                  # taking steps to
    ("Minister Kofi Mensah said the focus of his trip would be on cocoa exports.",
     ("Kofi Mensah", "cocoa exports", "reported")),                                     # the focus will be on X
    ("President Ana Ruiz reaffirmed her resolve to modernise the railways.",
     ("Ana Ruiz", "modernise the railways", "reported")),                               # their resolve to X
])
def test_cue_families(nlp, text, expect):
    assert expect in priorities_of(nlp, text)


@pytest.mark.parametrize("text, holder", [
    ("Russia is ready to resume the grain deal.", "Russia"),
    ("Beijing is ready to resume the grain deal.", "China"),          # a capital speaks for its country
])
def test_countries_and_capitals_hold_priorities(nlp, text, holder):
    assert (holder, "resume the grain deal", "reported") in priorities_of(nlp, text)


@pytest.mark.parametrize("text, expect", [
    ("Ghanaian Foreign Minister Kofi Mensah welcomed Portugal's readiness to fund the new bridge.",
     ("Portugal", "fund the new bridge", "reported")),                 # not the foreign minister's
    ("The Coast Guard Command warned of Russia's intention to close the northern ports.",
     ("Russia", "close the northern ports", "reported")),              # not the command's
])
def test_a_country_holds_the_commitment_it_possesses(nlp, text, expect):
    assert expect in priorities_of(nlp, text)


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


@pytest.mark.parametrize("text, phrase, expect", [
    # agreed by both sides: one priority for each participant of the meeting told
    ("President Ana Ruiz held talks with Chancellor Lena Brandt in Madrid.\n\n"
     "It was agreed to maintain regular contact.", "maintain regular contact", {"Ana Ruiz", "Lena Brandt"}),
    # a joint statement's "we" is both countries
    ("The United States and Chile held their annual dialogue in Lima. The United States and Chile "
     "discussed trade.\n\nWe underline our commitment to open trade.", "open trade", {"United States", "Chile"}),
])
def test_a_joint_priority_goes_to_each_holder(nlp, text, phrase, expect):
    assert {h for h, t, _ in priorities_of(nlp, text) if t == phrase} == expect


@pytest.mark.parametrize("text", [
    "Trade between the two countries grew by 10 percent last year.",               # a plain fact
    '"I want to say that I am grateful," Minister Elif Demir said.',               # wanting to say is no goal
    "The residents of the city need clean water, the report says.",                # others' needs, not a stance
    "The rain will stop by Friday.",                                                # "will" without "we"
    '"If we stay united, we will win," Minister Elif Demir said.',                 # a forecast under a condition
    "Minister Elif Demir said she is not ready to sign the deal.",                   # denied readiness
    "Minister Kofi Mensah said Ghana took steps to cut fuel imports in 2019.",        # steps taken: a fact
    '"We want to commend the rescue teams," Minister Elif Demir said.',              # praise is words, no aim
    '"I will not list every project here," Minister Elif Demir said.',                # a speaker's programme
])
def test_no_priority(nlp, text):
    assert priorities_of(nlp, text) == []


@pytest.mark.parametrize("text, expect", [
    ("President Ana Ruiz reaffirmed her country's commitment to open trade.",
     [("Ana Ruiz", "open trade")]),                                                         # commitment to X
    ("Minister Kofi Mensah voiced support for the new rail corridor.",
     [("Kofi Mensah", "the new rail corridor")]),                                           # support for X
    ("Governor Pablo Ortega underscored the importance of rebuilding the bridge and reopening the market.",
     [("Pablo Ortega", "rebuilding the bridge"), ("Pablo Ortega", "reopening the market")]),  # one per gerund
    ("Governor Pablo Ortega discussed the importance of building and staffing new clinics.",
     [("Pablo Ortega", "building and staffing new clinics")]),                              # one shared object
    ("Minister Kofi Mensah discussed the reforms, including the need to cut red tape.",
     [("Kofi Mensah", "cut red tape")]),                                                    # "including the need"
    ("President Ana Ruiz noted the importance of Chancellor Lena Brandt's support for Porto.",
     [("Ana Ruiz", "Chancellor Lena Brandt's support for Porto")]),                         # "of" is not the holder
    ("Secretary Ann Cole urged continued reforms of the port authority.",
     [("Ann Cole", "continued reforms of the port authority")]),                            # urged + the aim
    ("Secretary Ann Cole urged full respect for the rights of fishermen.",
     [("Ann Cole", "full respect for the rights of fishermen")]),                           # "for X" hung on the verb
    ("Minister Kofi Mensah urged the parties.", []),                                        # whom, not what
    ("Secretary Ann Cole encouraged the council to reopen the schools.",
     [("Ann Cole", "reopen the schools")]),                                                 # encouraged X to
    ("Secretary Ann Cole encouraged the early conclusion of a fisheries code.",
     [("Ann Cole", "the early conclusion of a fisheries code")]),                           # encouraged + the aim
    ("Critics blamed Governor Pablo Ortega for encouraging farmers to burn fields.", []),   # not a finite verb
    ("Governor Pablo Ortega discussed the imperative of cutting port fees.",
     [("Pablo Ortega", "cutting port fees")]),                                              # "imperative" tagged ADJ
    ("Minister Kofi Mensah expressed a strong interest in expanding rail links.",
     [("Kofi Mensah", "expanding rail links")]),                                            # interest in X
    ("President Ana Ruiz places special emphasis on upgrading the ports.",
     [("Ana Ruiz", "upgrading the ports")]),                                                # place emphasis on X
    ("Minister Jim Falk said his visit showed the importance Chile placed on its ties with Peru.",
     [("Jim Falk", "its ties with Peru")]),                                                 # the importance X places on
])
def test_readout_verbs(nlp, text, expect):
    assert [(h, t) for h, t, _ in priorities_of(nlp, text)] == expect


@pytest.mark.parametrize("text, expect", [
    ("Chilean Foreign Minister Rosa Vidal said Chile would continue to fund the new port.",
     [("Rosa Vidal", "continue to fund the new port")]),                    # a reported "will" of her country
    ("Peruvian Trade Minister Luis Soto said Lima will cut tariffs on copper.",
     [("Luis Soto", "cut tariffs on copper")]),                             # its capital
    ("Peruvian Trade Minister Luis Soto said his government would cut tariffs on copper.",
     [("Luis Soto", "cut tariffs on copper")]),                             # "his government"
    ("Chilean Foreign Minister Rosa Vidal said Peru would face higher tariffs.", []),  # another country: a forecast
    ("Chilean Foreign Minister Rosa Vidal stressed that Chile and Peru should open new border posts.",
     [("Chile", "open new border posts"), ("Peru", "open new border posts")]),  # her country with a partner
    ("Chilean Foreign Minister Rosa Vidal said the dollar should stay cheap.", []),  # no side's aim
    ("Chilean Foreign Minister Rosa Vidal said Peru was ready to reopen the border.",
     [("Peru", "reopen the border")]),                                       # another country's, as she tells it
    ("Chilean Foreign Minister Rosa Vidal said Peru must reopen the border.",
     [("Rosa Vidal", "Peru must reopen the border")]),                       # but her demand on it is hers
])
def test_a_speakers_country_is_the_speakers_we(nlp, text, expect):
    assert [(h, t) for h, t, _ in priorities_of(nlp, text)] == expect


@pytest.mark.parametrize("text", [
    "Minister Kofi Mensah thanked the donors for their support for the clinics.",           # thanks, not a stance
    "Minister Kofi Mensah expressed gratitude for the support for the clinics.",
    "Minister Kofi Mensah thanked Governor Pablo Ortega for his initiative to fund the clinics.",
])
def test_support_only_under_a_stance_verb(nlp, text):
    assert priorities_of(nlp, text) == []


MEETING = "President Ana Ruiz met Chancellor Lena Brandt in Lisbon on Monday.\n\n"


@pytest.mark.parametrize("text, phrase", [
    ("The two discussed the importance of cleaner ports.", "cleaner ports"),                # "the two"
    ("The leaders reiterated their commitment to open trade.", "open trade"),               # "the leaders"
    ("President Ruiz and Chancellor Brandt emphasized the need to cut tariffs.", "cut tariffs"),  # A and B
    ("A spokeswoman said the two leaders agreed to reopen the consulates.", "reopen the consulates"),  # not hers
    ("They discussed the region, including the need to end the blockade.", "end the blockade"),  # a meeting of one
    ("The Leaders agreed to reopen the consulates.", "reopen the consulates"),              # a readout's capitals
    ("Ministers agreed to keep the port open.", "keep the port open"),                      # bare, in a statement
    ("Ministers agreed to reopen the consulates.", "reopen the consulates"),                # the same, tagged NNP
    ("The leaders discussed the shared commitment of Spain and Chile to expand rail links.",
     "expand rail links"),                                                                  # "of X to Y" misparsed
    ("The leaders discussed the harbour and other priorities, including the imperative of cutting port fees.",
     "cutting port fees"),                                                                  # a subject far up
    ("The two sides noted the need to enhance air connectivity and resolved to open new consulates.",
     "enhance air connectivity"),                                                           # ends before "resolved"
    ("The two ministers confirmed that they would continue to cooperate on fisheries.",
     "continue to cooperate on fisheries"),                                                 # the sides' "they would"
    ("President Ruiz said the two sides should expand rail links.", "expand rail links"),   # a sides' "should"
    ("The two leaders welcomed the new ferry and looked forward to further expanding rail links.",
     "further expanding rail links"),                                                       # "to" parsed as an aux
])
def test_joint_commitments_go_to_each_participant(nlp, text, phrase):
    holders = {h for h, t, _ in priorities_of(nlp, MEETING + text) if t == phrase}
    assert holders == {"Ana Ruiz", "Lena Brandt"}


def test_people_other_than_the_participants_are_not_joint(nlp):
    text = MEETING + "Business leaders discussed their plans to open new plants."
    assert [h for h, t, _ in priorities_of(nlp, text) if t == "open new plants"] == []


@pytest.mark.parametrize("text, holder", [
    ("Vice President Nora Diaz met President Ivan Petrov in Rome.\n\n"
     "The Vice President emphasized the importance of cleaner ports.", "Nora Diaz"),     # not the President
    ("Secretary Ann Cole hosted Deputy Secretary Tom Reyes in Rome.\n\n"
     "The Secretary emphasized the importance of cleaner ports.", "Ann Cole"),           # not the Deputy Secretary
])
def test_an_office_is_not_the_rank_below_it(nlp, text, holder):
    assert [h for h, t, _ in priorities_of(nlp, text) if t == "cleaner ports"] == [holder]


@pytest.mark.parametrize("text, expect", [
    ("Special Envoy Tim Roe will travel to Oslo next week to advance the peace talks.",
     [("Tim Roe", "advance the peace talks")]),                                             # a trip's aim
    ("Minister Jim Falk is to visit Chile before travelling on to Peru to progress fishing issues.",
     [("Jim Falk", "progress fishing issues")]),
    ("Minister Jim Falk travelled to Paris to advance the talks.", []),                     # a past trip
    ("Minister Jim Falk will travel to Rome to meet his counterpart.", []),                 # the programme
    ('"I will also have a day in Perth," Minister Jim Falk said.', []),                     # an itinerary
    ('"We will be taking the opportunity to discuss fishing quotas," Minister Jim Falk said.', []),
])
def test_trips_told_ahead(nlp, text, expect):
    assert [(h, t) for h, t, _ in priorities_of(nlp, text)] == expect


@pytest.mark.parametrize("text, expect", [
    ("Governor Pablo Ortega stressed the importance of protecting the old harbour, which is the largest in the region.",
     [("Pablo Ortega", "protecting the old harbour")]),                                     # not ", which ..."
    ("Governor Pablo Ortega agreed to keep funding the clinics and committed to building two schools.",
     [("Pablo Ortega", "keep funding the clinics"), ("Pablo Ortega", "building two schools")]),  # two cues
    ("Minister Kofi Mensah conveyed his desire to join the customs union.",
     [("Kofi Mensah", "join the customs union")]),                                          # desire to
    ("Minister Kofi Mensah noted the report on the floods, which underscores the need to rebuild the dams.",
     [("Kofi Mensah", "rebuild the dams")]),                                                # who notes, not "which"
    ("Minister Kofi Mensah stressed the importance of the new port and his commitment to building two schools.",
     [("Kofi Mensah", "the new port"), ("Kofi Mensah", "building two schools")]),          # a second cue noun joined on
    ("Minister Kofi Mensah highlighted his commitment, alongside other donors, to fund the clinics.",
     [("Kofi Mensah", "fund the clinics")]),                                                # an aside before "to"
])
def test_phrase_bounds_and_holders(nlp, text, expect):
    assert [(h, t) for h, t, _ in priorities_of(nlp, text)] == expect


def test_a_transcripts_we_is_the_speaker_of_the_turn(nlp):
    text = ("Secretary Ann Cole met reporters in Rome.\n\n"
            "SECRETARY COLE: We will expand the grain corridor.\n\n"
            "QUESTION: Minister Kofi Mensah promised to close the port. And the embassy?\n\n"
            "MR DUVAL: We will keep funding the clinics.")
    assert [(h, t) for h, t, _ in priorities_of(nlp, text)] == [
        ("Ann Cole", "expand the grain corridor"), ("Mr Duval", "keep funding the clinics")]


@pytest.mark.parametrize("text, expect", [
    ("The United States will continue to stand with Chile. Chile held elections. Chile counted the votes.\n\n"
     "We urge all parties in Chile to respect the result.",
     [("United States", "stand with Chile"), ("United States", "respect the result")]),  # names itself: its release
    ("Chile celebrates today. Chile has a proud history. Chile inspires its neighbours.\n\n"
     "We will continue to support the people of Chile.",
     []),                                                             # the country written to is not the "we"
])
def test_a_releases_we_is_the_government_that_names_itself(nlp, text, expect):
    assert [(h, t) for h, t, _ in priorities_of(nlp, text)] == expect



@pytest.mark.parametrize("text, end", [
    (" date 2025-01-10 Calling for a Peaceful Transition in Chile\n\nThe talks ended.", 59),  # a headline line
    (" date 2025-01-10 The talks ended on Friday.\nThe minister left.", 0),                   # a sentence
    ("Calling for a Peaceful Transition in Chile\n\nThe talks ended.", 0),                  # no dateline header
])
def test_the_headline_after_a_dateline_is_skipped(text, end):
    from diplo_cli.extract.priorities import _headline_end
    from diplo_cli.io.sources import make_article

    assert _headline_end(text, make_article("t", "t", text).body_start) == end


@pytest.mark.parametrize("text", [
    '"We raised the case today and we will continue to do so," Minister Elif Demir said.',   # a pro-form
    "Both sides stressed that they will continue to call for a ceasefire.",                  # no meeting told
    '"Free media today face regimes that seek to silence reporters," Minister Elif Demir said.',  # the regimes' aim
    "Minister Kofi Mensah spoke about armed groups that are seeking to close the river ports.",  # the groups' aim
    '"I will be happy to open the new school," Minister Elif Demir said.',                 # a feeling, not an aim
    '"We will be able to give you an update next week," Minister Elif Demir said.',        # a capacity told
    '"I want to underscore that the port stays open," Minister Elif Demir said.',         # wanting to say it
    '"It is important that the envoy came to Lima first," Minister Elif Demir said.',     # a past fact welcomed
    "Is Minister Kofi Mensah ready to sign the fisheries deal?",                           # asked, not stated
])
def test_no_priority_without_an_aim_or_a_holder(nlp, text):
    assert priorities_of(nlp, text) == []


def test_the_president_of_a_readout_is_the_one_named_first(nlp):
    text = ("President Ana Ruiz spoke with President Ivan Petrov on Monday.\n\n"
            "The President outlined her plan to cut tariffs.")
    assert [h for h, t, _ in priorities_of(nlp, text) if t == "cut tariffs"] == ["Ana Ruiz"]


def test_a_modal_of_saying_states_no_priority(nlp):
    assert priorities_of(nlp, '"I must say that the talks were long," Minister Elif Demir said.') == []


@pytest.mark.parametrize("text, expect", [
    (" date 2025-01-10 Independence Day of Chile\n\nMaria Lopez, Secretary of State\n\n"
     "I congratulate the people of Chile. We will expand student exchanges with Chile.",
     [("Maria Lopez", "expand student exchanges with Chile")]),              # the signer's "we"
    (" date 2025-01-10 Independence Day of Chile\n\nMaria Lopez, Secretary of State\n\n"
     "I congratulate the people of Chile. The United States is committed to deepening our ties with Chile.",
     [("Maria Lopez", "deepening our ties with Chile")]),                    # her government's voice, "our"
    (" date 2025-01-10 Elections in Chile\n\nTom Hale, Department Spokesperson\n\n"
     "The United States will continue to stand with Chile. The United States supports free elections.\n\n"
     "We urge all parties in Chile to respect the result.",
     [("United States", "respect the result")]),                             # a spokesperson signs for the country
])
def test_a_signed_release_is_the_signers(nlp, text, expect):
    assert [(h, t) for h, t, _ in priorities_of(nlp, text)] == expect


@pytest.mark.parametrize("text, expect", [
    ('"The summit also provides an opportunity for me to brief other leaders on trade," Minister Elif Demir said.',
     [("Elif Demir", "brief other leaders on trade")]),                      # the aim an occasion gives
    ("Minister Kofi Mensah said his visit provided an opportunity to build ties with farmers in Accra.",
     [("Kofi Mensah", "build ties with farmers in Accra")]),                 # told after, in reported speech
    ('"The visit is an opportunity to meet the new premier," Minister Elif Demir said.', []),   # a programme
    ('"The visit gives me an opportunity to acknowledge our nurses," Minister Elif Demir said.', []),  # words
    ("President Ana Ruiz's visit is an excellent opportunity to expand our trade ties.", []),  # not the visitor's
])
def test_an_opportunity_an_occasion_gives_is_its_aim(nlp, text, expect):
    assert [(h, t) for h, t, _ in priorities_of(nlp, text)] == expect


@pytest.mark.parametrize("text, expect", [
    ("We, the G5 Trade Ministers of Chile, Peru and Ghana, met today.\n\nWe call on all parties to reopen the port.",
     [("G5 Trade Ministers", "reopen the port")]),                           # a named group's "we", once
    ("We, the leaders of Chile and Peru, met today.\n\nWe call on all parties to reopen the port.",
     [("Chile", "reopen the port"), ("Peru", "reopen the port")]),          # no group named: each country
    ("We, the leaders of Chile, Peru and Ghana, convened today as “the Andes Four”.\n\n"
     "We call on all parties to reopen the port.", [("Andes Four", "reopen the port")]),  # the group it names
    ("The Trio met in Lima. The Trio is stronger than ever and the Trio will grow.\n\n"
     "We, the Trio Leaders, call on all parties to reopen the port.",
     [("Trio Leaders", "reopen the port")]),                                  # a name the text uses on its own
    ("The Trio met in Lima. The Trio is stronger than ever and the Trio will grow.\n\n"
     "We, the Trade Ministers of the Trio, call on all parties to reopen the port.",
     [("Trio Trade Ministers", "reopen the port")]),                          # "of the Trio"
    ("Trio Fellows study in Lima.\n\nWe, the Trio Leaders, met in Lima. The Trio is strong and the Trio will "
     "grow.\n\nWe underscore the importance of reopening the port.",
     [("Trio Leaders", "reopening the port")]),                               # the narrator's "we", not a guess
])
def test_a_named_groups_statement_is_the_groups(nlp, text, expect):
    assert [(h, t) for h, t, _ in priorities_of(nlp, text)] == expect


def test_a_long_aim_stops_before_the_next_verb_joined_on(nlp):
    text = ('"We are doing everything we can to back them, but also to make sure that they have the strongest '
            'possible hand in any talks that may come, and to see that the aid that reaches them from our partners '
            'across the region and beyond arrives on time and in full," Minister Elif Demir said.')
    assert ("Elif Demir", "back them") in [(h, t) for h, t, _ in priorities_of(nlp, text)]


def test_meet_inside_an_aim_is_no_trip(nlp):
    text = ('"Today we call on the council to urgently take steps to reopen the schools, respect the rights of '
            'teachers, and meet the expectations of parents and the world to permit the full return of children to '
            'class," Minister Elif Demir said.')
    assert [t for _, t, _ in priorities_of(nlp, text)] == ["urgently take steps to reopen the schools"]


@pytest.mark.parametrize("text, expect", [
    ("The Andean Forum was formed in 2011 with the aim of facilitating regional trade.",
     [("The Andean Forum", "facilitating regional trade")]),                 # with the aim of
    ('"We share the goal of a free and open Pacific," Minister Elif Demir said.',
     [("Elif Demir", "a free and open Pacific")]),                           # share the goal of
    ("The goal of the meeting was unclear.", []),                            # no stance taken
    ('"Strengthening our ties with Chile is a key priority," Minister Elif Demir said.',
     [("Elif Demir", "Strengthening our ties with Chile")]),                 # X is a priority
    ('"It remains a top priority," Minister Elif Demir said.', []),          # the aim is said before
])
def test_the_goal_a_holder_shares_or_acts_with(nlp, text, expect):
    assert [(h, t) for h, t, _ in priorities_of(nlp, text)] == expect


@pytest.mark.parametrize("text, expect", [
    ("The United States will continue to fund clinics in Chile. The United States supports the courts of Chile.",
     [("United States", "fund clinics in Chile")]),                          # a release's own voice
    ("The United States will help Chile. The United States supports the courts. Chile will continue to grow.",
     []),                                                                    # another country's: a forecast
])
def test_continue_in_a_releases_own_voice(nlp, text, expect):
    assert [(h, t) for h, t, _ in priorities_of(nlp, text)] == expect


@pytest.mark.parametrize("text, expect", [
    ('"I look forward to deepening our trade ties," Minister Elif Demir said.',
     [("Elif Demir", "deepening our trade ties")]),                          # the gerund's aim
    ("Minister Kofi Mensah said he looked forward to working with Ghana to expand rail links.",
     [("Kofi Mensah", "working with Ghana to expand rail links")]),          # working with X to do Y
    ('"I look forward to working with you," Minister Elif Demir said.', []),   # a pleasantry, nothing to do
    ('"We look forward to welcoming the delegation," Minister Elif Demir said.', []),  # a programme
    ('"I look forward to sharing our views on trade," Minister Elif Demir said.', []),  # words, not an aim
])
def test_looking_forward_to_an_aim(nlp, text, expect):
    assert [(h, t) for h, t, _ in priorities_of(nlp, text)] == expect


@pytest.mark.parametrize("seed", range(20))
def test_quote_at_a_character_is_that_of_a_scan(seed):
    """The quote holding a character (direct before reported, then the first), found by bisection."""
    import random

    from diplo_cli.extract.priorities.holders import QuoteAt
    from diplo_cli.records import Quote

    rng = random.Random(seed)
    quotes = []
    for _ in range(rng.randint(0, 12)):
        start = rng.randrange(0, 300)
        quotes.append(Quote(rng.choice(["direct", "indirect"]), "x", start, start + rng.randint(1, 120), None, None))
    quotes.sort(key=lambda q: q.start)
    at = QuoteAt(tuple(quotes))
    for i in range(-2, 430):
        inside = sorted((k for k, q in enumerate(quotes) if q.start <= i < q.end),
                        key=lambda k: quotes[k].kind != "direct")
        assert at(i) == (inside[0] if inside else None)


@pytest.mark.parametrize("seed", range(20))
def test_a_phrase_inside_another_of_its_holder_is_dropped(seed):
    """"called on X to make efforts to stop Y": the longer phrase stays, per holder; the same span twice stays."""
    import random

    from diplo_cli.extract.priorities import _without_nested
    from diplo_cli.records import Holder, Priority, TextSpan

    rng = random.Random(seed)
    holders = [Holder("p1", "Ana Ruiz", "person"), Holder(None, "Chile", "country")]
    found = []
    for _ in range(rng.randint(0, 15)):
        start = rng.randrange(0, 60)
        end = start + rng.randint(1, 30)
        found.append(Priority(rng.choice(holders), "x", start, end, TextSpan("x", 0, 1), "reported"))
    want = [p for p in found if not any(q is not p and q.holder == p.holder and q.start <= p.start and p.end <= q.end
                                        and (q.start, q.end) != (p.start, p.end) for q in found)]
    assert _without_nested(found) == want
