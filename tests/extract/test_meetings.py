"""Meetings and dates: one row per rule, each a sentence written for the test → the meetings found."""

from __future__ import annotations

import pytest

from diplo_cli.extract import extract
from diplo_cli.extract.meetings.dates import resolve_date
from diplo_cli.io.sources import make_article

DATE = "2024-03-07"  # a Thursday


def meetings_of(nlp, text, date=DATE):
    article = make_article("t", "t", text, None, date)
    doc = next(iter(nlp.pipe([text])))
    result = extract(article, doc)
    names = {p.id: p.name for p in result.people}
    return [{"kind": m.kind, "status": m.status, "people": sorted(names[i] for i in m.participants),
             "host": names.get(m.host), "location": m.location, "date": m.date} for m in result.meetings]


def one(nlp, text, **want):
    found = meetings_of(nlp, text)
    assert len(found) == 1, found
    for key, value in want.items():
        assert found[0][key] == value, (key, found[0])


# ---- cue, participants and kind


@pytest.mark.parametrize("text, people, kind", [
    ("Indonesian President Arif Wibowo met with Malaysian Prime Minister Nurul Hakim in Jakarta.",
     ["Arif Wibowo", "Nurul Hakim"], "in_person"),                                         # verb + "with"
    ("Chancellor Lena Brandt held talks with President Omar Haddad.", ["Lena Brandt", "Omar Haddad"], "in_person"),
    ("Prime Minister Carla Mendes had a telephone conversation with President Ivan Petrov.",
     ["Carla Mendes", "Ivan Petrov"], "call"),                                              # medium word → call
    ("President Ana Ruiz held a meeting with Governor Pablo Ortega via videoconference.",
     ["Ana Ruiz", "Pablo Ortega"], "call"),                                                 # "via videoconference"
    ("Foreign Minister Kofi Mensah spoke with his Ghanaian counterpart Yaw Boateng.",
     ["Kofi Mensah", "Yaw Boateng"], "call"),                                               # "spoke with" → call
    ("Leaders of the region gathered in Tashkent for a summit hosted by President Timur Karimov.",
     ["Timur Karimov"], "summit"),
    ("Japanese Prime Minister Haruto Sato paid a courtesy call on King Frederik at the palace.",
     ["Frederik", "Haruto Sato"], "in_person"),                                             # courtesy call is a visit
])
def test_cue_people_and_kind(nlp, text, people, kind):
    one(nlp, text, people=people, kind=kind)


@pytest.mark.parametrize("text", [
    "Minister Elif Demir received a letter from the ambassador.",                    # receive needs a person
    "President Ana Ruiz held a press conference after the vote.",                    # public event
    "The Security Council extended the mission, Ambassador Tom Hale said.",          # a council not attended
    "President Ana Ruiz said during a meeting with media representatives that talks would go on.",
    "Prime Minister Carla Mendes did not meet President Ivan Petrov in Geneva.",     # denied
    "Chancellor Lena Brandt has no plans to meet President Omar Haddad.",
    "President Omar Haddad invited Chancellor Lena Brandt to visit Cairo.",          # an invitation is no meeting
    "President Omar Haddad is ready for talks with Chancellor Lena Brandt.",         # readiness is no meeting
    "Trade between the two countries grew by 10 percent last year.",
    "The rebels said they would meet President Omar Haddad if he lifted the curfew.",  # a condition
    "The rebels demanded the removal of President Omar Haddad at the talks.",        # the object is no party
    "President Omar Haddad said ten million people visit the portal every day.",     # a visit to no place
    "President Omar Haddad hopes to welcome Norway into the union soon.",            # a country is no guest
    "President Omar Haddad will meet domestic demand for grain with new imports.",   # a goal met, no meeting
    '"I look forward to welcoming Mr Holm to Norway," Minister Tom Hale said.',      # a wish is no meeting
    "The plan of Minister Tom Hale was met with protests in the capital.",            # a reception, no meeting
    'Senator Ann Lee called President Tom Hale a "decent man" on Sunday.',             # a name, no phone call
    "Senator Ann Lee spoke with Reuters on Tuesday about the budget.",                # an interview, no meeting
    "In an online news briefing, the director, Dr Sara Flora, gave the new figures.",  # a press event
    "Did Minister Tom Hale speak with President Rosa Diaz about the plan?",          # a question
    "Reuters spoke with President Rosa Diaz by phone on Monday.",                       # an interview
])
def test_no_meeting(nlp, text):
    assert meetings_of(nlp, text) == []


# ---- status, host, location, date


@pytest.mark.parametrize("text, want", [
    ("Chinese President Li Wen will visit Hanoi next week.", {"status": "planned", "location": "Hanoi"}),
    ("President Ana Ruiz is scheduled to meet Chancellor Lena Brandt on Monday.",
     {"status": "planned", "date": "2024-03-11"}),                                        # planned weekday: ahead
    ("President Ana Ruiz met Chancellor Lena Brandt on Monday.", {"status": "held", "date": "2024-03-04"}),
    ("President Ana Ruiz met Chancellor Lena Brandt on Thursday.", {"date": "2024-03-07"}),  # the dateline day
    ("President Ana Ruiz met Chancellor Lena Brandt on Dec. 4.", {"date": "2023-12-04"}),   # nearest Dec. 4
    ("President Ana Ruiz met Chancellor Lena Brandt in April.", {"date": None}),            # a month: no day
    ("Emir Khalid Al Thani received Foreign Minister Ivan Petrov in Doha.",
     {"host": "Khalid Al Thani", "location": "Doha"}),                                      # receive → host
    ("Prime Minister Carla Mendes said during her meeting with her visiting Kenyan counterpart Ruth Achieng "
     "in the capital Lisbon that ties were strong.",
     {"host": "Carla Mendes", "location": "Lisbon", "people": ["Carla Mendes", "Ruth Achieng"]}),
    ("President Ana Ruiz and King Frederik met on the sidelines of the G20 summit in Rio.",
     {"kind": "in_person", "location": "Rio"}),                                             # summit is the venue
    ("Vice President Ana Ruiz met today with Chancellor Lena Brandt of Austria in Vienna.",
     {"location": "Vienna"}),                                                               # place on the guest
    ("Today, President Ana Ruiz welcomed President Omar Haddad of Egypt to the White House.",
     {"location": "White House"}),                                                          # welcomed ... to
    ("President Ana Ruiz met with President Omar Haddad of Egypt on the margins of the G20.",
     {"location": "G20"}),                                                                  # the forum, no city
    ("President Ana Ruiz and Senator Tom Hale met in the Oval Office.", {"location": "Oval Office"}),
    ("President Ana Ruiz hosted King Frederik at the Amalienborg Palace in Copenhagen.",
     {"location": "Amalienborg Palace, Copenhagen"}),                                      # a venue and its city
    ("President Ana Ruiz met Chancellor Lena Brandt at the NATO summit.",
     {"kind": "in_person", "location": "NATO summit"}),                                     # the summit is the place
    ("President Ana Ruiz held talks with Chancellor Lena Brandt in the Kenyan capital.",
     {"location": "Nairobi"}),                                                              # "the X capital"
    ("President Ana Ruiz met Chancellor Lena Brandt at the French embassy.", {"location": None}),  # no place
    ("Prime Minister Tom Hale met with Chile’s President Rosa Diaz for the first time on Monday in Santiago.",
     {"location": "Santiago", "date": "2024-03-04"}),                                       # place on "time"
    ("Advisor Tom Hale met today at the White House with Minister Lena Brandt of Austria.",
     {"people": ["Lena Brandt", "Tom Hale"], "location": "White House"}),                  # "with" on the place
    ("President Ana Ruiz met with President Omar Haddad of the Arab Republic of Egypt (ARE), Chair of the Arab "
     "League (AL) on the margins of the G20.", {"location": "G20"}),                        # sidelines anywhere
    ("Minister Tom Hale to meet new Danish counterpart\n\nMinister Tom Hale will meet his new Danish counterpart, "
     "Lars Holm, in Oslo this afternoon.",
     {"status": "planned", "people": ["Lars Holm", "Tom Hale"], "date": "2024-03-07"}),    # headline "X to meet"
    ("President Ana Ruiz spoke this morning with Chancellor Lena Brandt.", {"date": "2024-03-07"}),  # TIME words
    ("Aid for Flood Victims in Chile\n\nYesterday, during a visit to Santiago, Minister Tom Hale met Minister Rosa "
     "Diaz.", {"date": "2024-03-06"}),                        # the lead's opening day, parsed under the headline
    ("PM Hale call with President Diaz\n\nPrime Minister Tom Hale spoke with Chilean President Diaz this morning.",
     {"kind": "call", "people": ["Diaz", "Tom Hale"]}),               # the headline's "call" is no "call for"
    ("Minister Tom Hale will attend the Andean Ministerial Meeting in Quito on 14 and 15 June.",
     {"kind": "summit", "status": "planned", "location": "Quito", "date": "2024-06-14"}),  # attends an event
    ("Defence Minister Tom Hale leaves today to attend a meeting of Nordic Defence Ministers in Bergen.",
     {"kind": "summit", "status": "planned", "location": "Bergen"}),                       # leaves to attend
    ("Minister Tom Hale will travel to Lisbon, Portugal to meet his counterpart Rui Costa.",
     {"location": "Lisbon"}),                                                 # the trip's place: "travel to X to meet"
    ("Minister Tom Hale will then travel to Oslo, where he will meet Prime Minister Lars Holm.",
     {"location": "Oslo"}),                                                   # "travel to X, where he will meet"
    ("Minister Tom Hale will travel to Lima on March 12 to meet Minister Rosa Diaz.",
     {"location": "Lima", "date": "2024-03-12"}),                            # the trip's day
    ("Minister Tom Hale will travel to Europe next week to meet Chancellor Lena Brandt.",
     {"location": None}),                                                     # a continent is no place
    ("Minister Tom Hale leaves tomorrow for Lima to meet Minister Rosa Diaz.",
     {"date": None}),                                                         # the day it sets off
    ("Minister Tom Hale leaves for Peru tomorrow for the annual trade talks.\n\nThe talks will be held in Lima on "
     "12 and 13 March.", {"status": "planned", "location": "Lima", "date": "2024-03-12"}),  # the talks' own day
    ("Minister Tom Hale leaves tomorrow on a three-day visit to Peru.",
     {"status": "planned", "date": "2024-03-08"}),                            # a visit starts the day it sets off
    ("In Madrid, Prime Minister Carla Mendes will address the Senate and meet with King Felipe Ortega.",
     {"location": "Madrid"}),                                                 # the place that opens the sentence
    ("While in Tokyo Minister Tom Hale will hold talks with Foreign Minister Rosa Diaz.", {"location": "Tokyo"}),
    ("Minister Tom Hale will discuss trade with Minister Rosa Diaz, as well as meeting with Governor Pablo Ortega.",
     {"status": "planned"}),                                                  # the participle shares "will"
    ("Minister Tom Hale will visit Chile next week.\n\nWhile in Chile, Mr Hale will meet President Rosa Diaz.",
     {"people": ["Rosa Diaz", "Tom Hale"], "location": "Chile"}),            # a meeting told in the visit's place
    ("Minister Tom Hale will attend a meeting of APEC Trade Ministers in Lima.",
     {"kind": "summit"}),                                                     # "Ministers" tagged NNP is plural too
    ("Defence Minister attends Bergen security meeting\n\nDefence Minister Tom Hale leaves today to attend a meeting "
     "of NATO Defence Ministers in Bergen, Norway.",
     {"kind": "summit", "status": "planned"}),                                # the lead's tense, not the headline's
    ("Minister Tom Hale will participate in the Andean Regional Forum in Lima.",
     {"kind": "summit", "status": "planned", "location": "Lima"}),            # a forum attended
    ("Minister Tom Hale will take part in the Oslo Peace Conference on 12 March.",
     {"kind": "summit", "date": "2024-03-12"}),                               # a conference attended, not a call
    ("The meeting will be attended by Minister Tom Hale and Minister Rosa Diaz.",
     {"status": "planned", "people": ["Rosa Diaz", "Tom Hale"]}),             # "will be attended by"
    ("President Ana Ruiz met with Omar Haddad at the invitation of the Ministry of Energy.", {"location": None}),
    ("In Madrid, Prime Minister Carla Mendes will address the Senate, meet with King Felipe Ortega, and visit "
     "the Prado.", {"status": "planned", "people": ["Carla Mendes", "Felipe Ortega"]}),  # conjuncts share "will"
])
def test_status_host_location_date(nlp, text, want):
    one(nlp, text, **want)


@pytest.mark.parametrize("text, place", [
    ("While attending the Andean Summit in Quito, Minister Tom Hale will meet with President Rosa Diaz.", "Quito"),
    ("While attending the Pacific Summit in Apia, Mr Tom Hale will meet with Prime Minister Fiame Mata.", "Apia"),
])  # the two parses the model gives: "while" + a clause, "while" + a participle
def test_a_while_attending_frame_places_the_meeting_and_shares_its_tense(nlp, text, place):
    found = {m["kind"]: m for m in meetings_of(nlp, text)}
    assert found["in_person"]["location"] == place and found["in_person"]["status"] == "planned", found
    assert found["summit"]["people"] == ["Tom Hale"] and found["summit"]["status"] == "planned", found


@pytest.mark.parametrize("text, location", [
    # a wire lead held with no place: the dateline's city
    ("Leaders meet\n\nQUITO, March 7 (Wire) - President Ana Ruiz held talks with President Omar Haddad on "
     "Thursday.", "Quito"),
    # the headline tells the meeting the lead tells again: the lead's dateline places it
    ("Ruiz meets Haddad at trade summit\n\nQUITO, March 7 (Wire) - President Ana Ruiz met President Omar Haddad "
     "on the sidelines of the trade summit on Thursday.", "Quito"),
    # "here", in any paragraph
    ("Leaders meet\n\nQUITO, March 7 (Wire) - Trade was on the agenda.\n\nRuiz said the economy grew.\n\n"
     "President Ana Ruiz met President Omar Haddad here on Thursday.", "Quito"),
    # no "here", and not in the lead: not told
    ("Leaders meet\n\nQUITO, March 7 (Wire) - Trade was on the agenda.\n\nRuiz said the economy grew.\n\n"
     "President Ana Ruiz met President Omar Haddad on Thursday.", None),
    # a place of its own wins; a call has none
    ("Leaders meet\n\nQUITO, March 7 (Wire) - President Ana Ruiz met President Omar Haddad in Lima.", "Lima"),
    ("Leaders meet\n\nQUITO, March 7 (Wire) - President Ana Ruiz spoke by phone with President Omar Haddad.",
     None),
    # the dateline's day is the copy's: the lead's own day dates the meeting
    ("Leaders meet\n\nQUITO, March 7 (Wire) - President Ana Ruiz held talks with President Omar Haddad on "
     "Monday.", "Quito"),
    # no dateline: a capitalised heading with a dash is none
    ("Leaders meet\n\nTRADE - President Ana Ruiz held talks with President Omar Haddad on Thursday.", None),
])
def test_the_dateline_city_places_a_meeting_in_the_lead_or_here(nlp, text, location):
    one(nlp, text, location=location)


def test_a_meeting_told_at_a_time_that_names_no_day_is_not_given_the_leads_day(nlp):
    text = ("Leaders meet\n\nQUITO, March 7 (Wire) - President Ana Ruiz held talks with President Omar Haddad "
            "at the Carondelet Palace on Thursday.\n\nThe two leaders had met earlier this week on the sidelines of "
            "a forum in Lima.")
    dates = {m["location"]: m["date"] for m in meetings_of(nlp, text)}
    assert dates == {"Carondelet Palace": "2024-03-07", "Lima": None}, dates


def test_a_wire_lead_dates_its_meeting_with_its_own_day_not_the_datelines(nlp):
    one(nlp, "Leaders meet\n\nQUITO, March 7 (Wire) - President Ana Ruiz spoke by phone with President Omar "
             "Haddad on Monday.", date="2024-03-04")
    text = ("Leaders agree on trade\n\nQUITO, March 7 (Wire) - President Ana Ruiz and President Omar Haddad "
            "agreed on Tuesday to cut tariffs.\n\nRuiz, on her first visit to Quito, held talks with Haddad.")
    one(nlp, text, date="2024-03-05")


def test_a_wire_dateline_with_no_dash_does_not_date_the_meeting(nlp):
    # "QUITO, March 1 (Wire) President ...": the agency's bracket, then the lead with no dash
    one(nlp, "Minister to travel\n\nQUITO, March 1 (Wire) Foreign Minister Ana Ruiz will visit Lima on Saturday.",
        date="2024-03-09")


def test_a_title_standing_alone_tells_the_meeting_of_the_lead(nlp):
    # the wire dateline makes the title a sentence of its own; the lead's tense and place are the meeting's
    text = ("Ruiz, Haddad hold talks\n\nQUITO, March 7 (Wire) - Foreign Minister Ana Ruiz will hold talks with "
            "Foreign Minister Omar Haddad in Lima next week, her office said.")
    one(nlp, text, status="planned", location="Lima", people=["Ana Ruiz", "Omar Haddad"])


def test_a_visit_dated_by_its_length_takes_the_day_it_starts(nlp):
    one(nlp, "Foreign Minister Ana Ruiz will pay a three-day visit to Lima from Saturday.", date="2024-03-09")


# ---- one meeting per event


def test_later_sentences_enrich_the_meeting(nlp):
    text = ("President Ana Ruiz held talks with Chancellor Lena Brandt on Monday.\n\n"
            "During the talks, the sides discussed energy. The meeting was also attended by "
            "Foreign Minister Pablo Ortega.")
    found = meetings_of(nlp, text)
    assert len(found) == 1
    assert found[0]["people"] == ["Ana Ruiz", "Lena Brandt", "Pablo Ortega"]


def test_the_two_leaders_are_the_pair_told_before(nlp):
    text = ("President Ana Ruiz received Chancellor Lena Brandt in Madrid on Monday.\n\n"
            "The two leaders agreed to hold the next round of consultations in Berlin in May.")
    found = meetings_of(nlp, text)
    assert [m["status"] for m in found] == ["held", "planned"]
    assert found[1]["people"] == ["Ana Ruiz", "Lena Brandt"] and found[1]["location"] == "Berlin"


def test_they_are_the_people_of_the_meeting_told(nlp):
    text = ("Foreign Minister Lina Sato met with Foreign Minister Rosa Diaz of Chile in Tokyo today.\n\n"
            "They also discussed fisheries and the ocean treaty.")
    one(nlp, text, people=["Lina Sato", "Rosa Diaz"], location="Tokyo")


def test_a_later_sentence_with_fewer_people_adds_to_the_meeting_told(nlp):
    text = ("President Ana Ruiz spoke today with Chancellor Lena Brandt.\n\n"
            "President Ruiz and the Chancellor discussed energy prices.")
    one(nlp, text, people=["Ana Ruiz", "Lena Brandt"], kind="call")


def test_a_headline_of_its_own_is_not_the_lead_that_dates_the_meeting(nlp):
    text = ("Ruiz in Lima (4 March).\n\nPresident Ana Ruiz arrived in Lima on Monday.\n\n"
            "Ruiz met President Omar Haddad at the palace.")
    found = meetings_of(nlp, text)
    assert any(m["people"] == ["Ana Ruiz", "Omar Haddad"] and m["date"] == "2024-03-04" for m in found), found


def test_a_call_on_a_leader_is_a_visit_and_its_conjunct_talks_are_part_of_it(nlp):
    text = ("Minister Ravi Das paid an official visit to Lima on Monday.\n\n"
            "During the visit, Das called on President Ana Soto and held talks with Foreign Minister Rosa Diaz.")
    found = meetings_of(nlp, text)
    assert [(m["kind"], m["people"]) for m in found] == [("in_person", ["Ana Soto", "Ravi Das", "Rosa Diaz"])], found


@pytest.mark.parametrize("text, kind", [
    # the bare word "summit" for two leaders of two countries is their bilateral meeting
    ("Chilean President Ana Soto and Peruvian President Tom Hale held their first summit in Lima on Monday.",
     "in_person"),
    # a named or many-sided summit stays one ("the NATO summit", "a trilateral summit")
    ("Chilean President Ana Soto and Peruvian President Tom Hale attended the NATO summit in Lima on Monday.",
     "summit"),
])
def test_a_summit_of_two_states_is_their_meeting(nlp, text, kind):
    one(nlp, text, kind=kind)


def test_a_call_on_an_office_is_a_visit_to_its_holder(nlp):
    text = "Minister Ravi Das will call on the Governor-General, Sir Tom Hale, in Suva on Monday."
    one(nlp, text, kind="in_person", status="planned", people=["Ravi Das", "Tom Hale"])


def test_a_line_opening_on_a_place_of_its_own_is_another_meeting(nlp):
    text = ("Prime Minister Ana Soto will also call on the Chancellor, Tom Hale, next week.\n\n"
            "In Edinburgh, she will address the Assembly and meet with business leaders.")
    found = meetings_of(nlp, text)
    assert [(m["people"], m["location"]) for m in found] == [(["Ana Soto", "Tom Hale"], None),
                                                             (["Ana Soto"], "Edinburgh")], found


@pytest.mark.parametrize("text", [
    "Minister Ravi Das called on President Ana Soto to release the prisoners.",   # an appeal
    "Minister Ravi Das called on the Prime Minister to resign.",                   # an appeal to an office
    "Minister Ravi Das called for talks with President Ana Soto.",                 # a wish
])
def test_a_call_on_someone_to_act_is_no_meeting(nlp, text):
    assert meetings_of(nlp, text) == []


def test_an_office_abbreviation_is_its_holder(nlp):
    text = ("External Affairs Minister Ravi Das paid an official visit to Lima on Monday.\n\n"
            "EAM also met Senior Minister Rosa Diaz.")
    found = meetings_of(nlp, text)
    assert any(m["people"] == ["Ravi Das", "Rosa Diaz"] for m in found), found


def test_the_counterpart_named_later_joins_the_meeting_told(nlp):
    text = ("Foreign Minister Ana Ruiz spoke by phone with her Peruvian counterpart on Monday.\n\n"
            "Ruiz and Jorge Salas discussed ways to reopen the border crossings.")
    one(nlp, text, people=["Ana Ruiz", "Jorge Salas"], kind="call")


def test_to_meet_joined_to_an_agreement_is_planned(nlp):
    text = "The ministers Ana Ruiz and Jorge Salas agreed to keep talking and to meet in Quito next month."
    one(nlp, text, status="planned", location="Quito")


def test_the_trip_told_in_the_present_is_the_planned_visit(nlp):
    text = ("Minister Tom Hale will travel to Chile next week to meet Foreign Minister Rosa Diaz.\n\n"
            "The visit is an opportunity to deepen ties with Chile, Hale says.")
    one(nlp, text, status="planned", people=["Rosa Diaz", "Tom Hale"])


def test_the_headline_and_the_lead_are_one_meeting(nlp):
    text = ("Prime Minister meets with Premier of Tonga\n\n"
            "Prime Minister Tom Hale met with Tonga’s Premier Sione Vaka for the first time on Monday in Wellington.")
    one(nlp, text, people=["Sione Vaka", "Tom Hale"], location="Wellington")


def test_a_meeting_named_after_a_summit_is_not_an_attendance_list(nlp):
    text = "Minister Tom Hale will visit Peru next week.\n\nMr Hale will also attend the Andean Summit Trade " \
           "Ministers meeting in Quito."
    assert [m["location"] for m in meetings_of(nlp, text)] == ["Peru", "Quito"]


def test_attending_a_summit_while_meeting_someone_is_the_summit_too(nlp):
    text = "While attending the Andean Summit in Quito, Minister Tom Hale will meet President Rosa Diaz."
    assert [(m["kind"], m["status"], m["location"]) for m in meetings_of(nlp, text)][0] == (
        "summit", "planned", "Quito")


def test_a_separate_meeting_stays_apart(nlp):
    text = ("Chancellor Lena Brandt hosted the summit, which was attended by President Ana Ruiz and "
            "President Omar Haddad.\n\nOn the sidelines, Ruiz and Haddad held a separate meeting.")
    found = meetings_of(nlp, text)
    assert len(found) == 2
    assert found[1]["people"] == ["Ana Ruiz", "Omar Haddad"]


def test_a_delegation_list_joins_the_meeting_told(nlp):
    text = ("Foreign Minister Kofi Mensah hosted Foreign Minister Omar Haddad in Accra on Monday.\n\n"
            "The Egyptian delegation included Deputy Minister Rosa Diaz and Ambassador Tom Hale.")
    one(nlp, text, people=["Kofi Mensah", "Omar Haddad", "Rosa Diaz", "Tom Hale"], host="Kofi Mensah")


def test_a_programme_includes_parts_of_the_visit(nlp):
    text = ("Foreign Minister Omar Haddad will arrive in Oslo on Friday for a two-day visit.\n\n"
            "Mr Haddad’s programme will include talks with Minister Lars Holm and a meeting with Prime Minister "
            "Tom Hale.")
    one(nlp, text, people=["Lars Holm", "Omar Haddad", "Tom Hale"], location="Oslo", status="planned")


def test_a_programme_named_for_a_city_is_that_leg(nlp):
    text = ("Foreign Minister Omar Haddad will hold talks with Chancellor Lena Brandt in Berlin.\n\n"
            "Mr Haddad’s Paris programme includes a meeting with Foreign Minister Jean Dupont.")
    found = meetings_of(nlp, text)
    assert [(m["people"], m["location"]) for m in found] == [
        (["Lena Brandt", "Omar Haddad"], "Berlin"), (["Jean Dupont", "Omar Haddad"], "Paris")]


def test_lead_sentence_dates_the_meeting(nlp):
    text = ("Prime Minister Carla Mendes on Tuesday praised ties with Kenya.\n\n"
            '"We are friends," Mendes said during her meeting with Kenyan President Ruth Achieng.')
    one(nlp, text, date="2024-03-05")


def test_a_quoted_meeting_elsewhere_is_another_meeting(nlp):
    text = ("President of Chile Tomás Araya held talks with Prime Minister of Norway Ingrid Solberg in Santiago.\n\n"
            '"In May, at our meeting in Oslo, we signed the fisheries accord," Araya said.')
    found = meetings_of(nlp, text)
    assert [(m["location"], m["people"]) for m in found] == [
        ("Santiago", ["Ingrid Solberg", "Tomás Araya"]), ("Oslo", ["Ingrid Solberg", "Tomás Araya"])]


def test_a_quote_can_date_the_meeting_it_tells_of(nlp):
    text = ("During the talks in Nairobi, President of Kenya Ruth Achieng and UN Secretary-General Omar Haddad "
            "discussed the drought.\n\n"
            '"Today, Ms. Achieng and I had the opportunity to discuss this issue," said Omar Haddad.')
    one(nlp, text, date=DATE, location="Nairobi")


def test_a_visit_to_our_country_is_in_the_hosts_country(nlp):
    text = ("President of Chile Tomás Araya held talks with Prime Minister Ingrid Solberg, "
            "who is on a visit to our country.")
    one(nlp, text, location="Chile", host="Tomás Araya")


def test_our_country_is_the_one_the_text_is_about_when_no_speaker_country_is_known(nlp):
    text = ("Chile is rebuilding. Chile thanks its friends, and Chilean towns recover.\n\n"
            "The President recalled that Prime Minister Ingrid Solberg visited our country in May.")
    one(nlp, text, location="Chile", people=["Ingrid Solberg"])


def test_the_first_speaker_of_a_transcript_dates_the_meeting(nlp):
    text = ("President Ana Ruiz held a meeting with Minister Pablo Ortega via videoconference.\n\n"
            "* * * President Ana Ruiz: Good afternoon. Today, I suggest discussing the harvest.")
    one(nlp, text, date=DATE, kind="call")


def test_a_briefing_is_a_meeting_and_joins_the_one_told(nlp):
    one(nlp, "Minister Elif Demir briefed President Ana Ruiz on the talks.", people=["Ana Ruiz", "Elif Demir"])
    text = ("President Ana Ruiz held a working meeting with Governor Pavel Orlov via videoconference.\n\n"
            "Pavel Orlov reported to the President on the harvest.")
    one(nlp, text, people=["Ana Ruiz", "Pavel Orlov"], kind="call")
    assert meetings_of(nlp, "Reuters reported that the talks had failed.") == []


def test_a_transcript_of_two_speakers_is_a_meeting(nlp):
    text = ("Governor Pavel Orlov took office on Monday.\n\n"
            "President Ana Ruiz: Good afternoon, Mr Orlov. Pavel Orlov: Good afternoon, Madam President.")
    one(nlp, text, people=["Ana Ruiz", "Pavel Orlov"], status="held")


def test_each_coordinated_clause_keeps_its_own_day(nlp):
    text = "I have already met Minister Elif Demir, and tomorrow I will meet Minister Kofi Mensah."
    found = {m["people"][0]: (m["status"], m["date"]) for m in meetings_of(nlp, text)}
    assert found == {"Elif Demir": ("held", None), "Kofi Mensah": ("planned", "2024-03-08")}


def test_discussing_needs_company(nlp):
    assert meetings_of(nlp, "Minister Elif Demir discussed the budget on Monday.") == []
    one(nlp, "Minister Elif Demir and Minister Kofi Mensah discussed the budget.",
        people=["Elif Demir", "Kofi Mensah"])


def test_cue_inside_a_quote_is_not_a_meeting(nlp):
    assert meetings_of(nlp, '"We must meet President Omar Haddad soon," Chancellor Lena Brandt said.') == []


# ---- dates: pure rules


@pytest.mark.parametrize("words, base, planned, expect", [
    ("today", "2024-03-07", False, "2024-03-07"),
    ("from 28 April - 2 May", "2024-03-07", True, "2024-04-28"),  # a multi-day event: its first day
    ("yesterday", "2024-03-07", False, "2024-03-06"),
    ("on Thursday", "2024-03-07", False, "2024-03-07"),      # the article's own weekday is that day
    ("Monday", "2024-03-07", False, "2024-03-04"),
    ("Monday", "2024-03-07", True, "2024-03-11"),
    ("next Monday", "2024-03-07", False, "2024-03-11"),
    ("Dec. 4", "2024-03-07", False, "2023-12-04"),           # the nearest Dec. 4, not nine months ahead
    ("4 April", "2024-03-07", False, "2024-04-04"),
    ("March 4, 2020", None, False, "2020-03-04"),            # a full date needs no dateline
    ("Monday", None, False, None),                           # a weekday does
    ("April", "2024-03-07", False, None),
    ("next week", "2024-03-07", False, None),
    ("every Monday", "2024-03-07", False, None),
])
def test_resolve_date(words, base, planned, expect):
    assert resolve_date(words, base, planned) == expect
