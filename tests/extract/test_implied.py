"""Implied roles: one row per rule, each a text written for the test → {name: (title, country code)}."""

from __future__ import annotations

import pytest

from diplo_cli.extract.people import resolve_people


def roles_of(nlp, text, home=None):
    return {p.name: (p.title, p.country_code) for p in resolve_people(nlp(text), home)}


@pytest.mark.parametrize("text, expect", [
    # an office named with a country, as a subject, is the lead person, who had no title or country
    ("Anna Berg had a telephone conversation with President of France Claire Dubois. The talks were frank. "
     "The President of Russia informed his counterpart about the situation.",
     {"Anna Berg": ("President", "RU"), "Claire Dubois": ("President", "FR")}),
    # ... not as an object: that office may be held by someone never named
    ("Anna Berg met Claire Dubois in Paris. Anna Berg said she hoped to welcome the President of Brazil soon.",
     {"Anna Berg": (None, None), "Claire Dubois": (None, None)}),
    # ... nor inside what the lead says: "X stated that the President of Russia must ..." is someone else
    ("President Anna Berg spoke to reporters. Anna Berg stated that the President of Russia must end the war.",
     {"Anna Berg": ("President", None)}),
    # the lead is an official of a stated country: officials with no country stated serve it too
    ("President of Ukraine Oleh Marchenko held a meeting with the Government. "
     "Defence Minister Ivan Koval and Foreign Minister Petro Savchuk took part.",
     {"Oleh Marchenko": ("President", "UA"), "Ivan Koval": ("Defence Minister", "UA"),
      "Petro Savchuk": ("Foreign Minister", "UA")}),
    # ... but not someone in the office the lead already holds: a state has one President
    ("President of Ukraine Oleh Marchenko met the press. He said that President Tomas Araya would visit soon. "
     "Defence Minister Ivan Koval attended.",
     {"Oleh Marchenko": ("President", "UA"), "Tomas Araya": ("President", None),
      "Ivan Koval": ("Defence Minister", "UA")}),
    # ... nor an official of an international body
    ("President of Ukraine Oleh Marchenko met President of the International Judo Federation Marco Rossi.",
     {"Oleh Marchenko": ("President", "UA"), "Marco Rossi": ("President of the International Judo Federation", None)}),
    # two people share the lead sentence's subject: no one side is the article's own
    ("President of Ukraine Oleh Marchenko and Chancellor of Austria Karl Huber discussed trade. "
     "Defence Minister Ivan Koval attended.",
     {"Oleh Marchenko": ("President", "UA"), "Karl Huber": ("Chancellor", "AT"),
      "Ivan Koval": ("Defence Minister", None)}),
    # a lead who is no state official gives no side ("Writer" is no office)
    ("Writer Anna Berg of Norway met Defence Minister Ivan Koval.",
     {"Anna Berg": (None, "NO"), "Ivan Koval": ("Defence Minister", None)}),
    # the office alone ("the President"), with no one named holding it, is the untitled lead too
    ("Anna Berg held a meeting with Governor Ivan Zotov. Ivan Zotov updated the President on the budget.",
     {"Anna Berg": ("President", None), "Ivan Zotov": ("Governor", None)}),
    # ... not when the lead is the subject of that clause: "Anna Berg met the President" is someone else
    ("Anna Berg arrived in Kyiv. Anna Berg met the President on Monday.", {"Anna Berg": (None, None)}),
    # "the Russian leader" says the country, not the office
    ("Anna Berg had a call with President of France Claire Dubois. The Russian leader thanked her for the talks.",
     {"Anna Berg": (None, "RU"), "Claire Dubois": ("President", "FR")}),
    # a pair of countries over a relationship names both sides: the one not the counterpart's is the lead's,
    # and the officials with no country are the lead's too
    ("Anna Berg had a telephone conversation with President of France Claire Dubois. They discussed "
     "Russian-French relations. Foreign Minister Ivan Koval took part.",
     {"Anna Berg": (None, "RU"), "Claire Dubois": ("President", "FR"), "Ivan Koval": ("Foreign Minister", "RU")}),
    # ... not when the pair is the counterpart's country and a third, nor over a border
    ("Anna Berg had a call with Prime Minister of Armenia Aram Sargsyan. They discussed Armenian-Turkish "
     "relations and the Armenian-Azerbaijani border.",
     {"Anna Berg": (None, None), "Aram Sargsyan": ("Prime Minister", "AM")}),
    # "his Italian counterpart" with no name: the person last named who is not "his"
    ("Head of the Office of the President of Ukraine Oleh Marchenko met with Ambassador Marco Rossi. "
     "Oleh Marchenko informed his Italian counterpart about the situation at the front.",
     {"Oleh Marchenko": ("Head of the Office of the President", "UA"), "Marco Rossi": ("Ambassador", "IT")}),
    # a release that never names its own side: the country it names clearly most often is its lead's
    ("Trade Minister Anna Berg will lead a delegation next week. New Zealand exporters want new markets, "
     "and New Zealand farmers agree. The talks matter to New Zealand.",
     {"Anna Berg": ("Trade Minister", "NZ")}),
    # ... unless the lead sentence travels there: a visitor is never given the country visited
    ("Trade Minister Anna Berg will visit New Zealand next week. New Zealand exporters want new markets, "
     "and New Zealand farmers agree.",
     {"Anna Berg": ("Trade Minister", None)}),
    # ... nor the countries it leaves for or travels on to: the release's own is the one named most after them
    ("Trade Minister Anna Berg leaves for Chile today before travelling on to Peru and Bolivia. Chile and Peru "
     "matter to New Zealand exporters, and New Zealand farmers agree. Chile is a market for New Zealand.",
     {"Anna Berg": ("Trade Minister", "NZ")}),
    # the country the lead goes back to is the lead's own, though another country is named more
    ("Defence Minister Anna Berg leaves today for a meeting in Ankara. The mission in Afghanistan matters, "
     "Afghanistan needs help and Afghanistan is far. She will visit troops before returning to New Zealand.",
     {"Anna Berg": ("Defence Minister", "NZ")}),
    # ... not one she says she looks forward to returning to: a visit again
    ("Trade Minister Anna Berg leaves today for talks in Dubai. \"I look forward to returning to the United Arab "
     "Emirates,\" she said. The United Arab Emirates and New Zealand agree.",
     {"Anna Berg": ("Trade Minister", None)}),
    # a country someone else named travels to is not set aside as the lead's destination
    ("Foreign Minister Anna Berg welcomed news that Secretary of State Tom Hale will visit New Zealand. "
     "The United States and the United States Congress agree. The United States is a partner.",
     {"Anna Berg": ("Foreign Minister", None), "Tom Hale": ("Secretary of State", None)}),
    # the parser joins the headline to the lead: the person opening the body's line is the lead
    ("Minister travels to Peru, Chile and Bolivia\n\nTrade Minister Anna Berg is attending a forum in Lima "
     "this week. New Zealand exporters want new markets, and New Zealand farmers agree with New Zealand firms.",
     {"Anna Berg": ("Trade Minister", "NZ")}),
    # the people the lead calls on are the other side
    ("Prime Minister Anna Berg of New Zealand arrives in London on Monday. She will also call on the "
     "Chancellor of the Exchequer, Tom Hale, and the Home Secretary, Rita Vance.",
     {"Anna Berg": ("Prime Minister", "NZ"), "Tom Hale": ("Chancellor of the Exchequer", "GB"),  # UK's office
      "Rita Vance": ("Home Secretary", None)}),
    # ... but not the people the lead has calls with: a government calls its own governors too
    ("President Anna Berg of Chile held separate calls with Governor Tom Hale after the storm.",
     {"Anna Berg": ("President", "CL"), "Tom Hale": ("Governor", "CL")}),
    # ... and so are the people a sentence set in another country names: the hosts of the one country visited
    ("Foreign Minister Anna Berg of New Zealand will travel to Chile next week. While in Chile, Ms Berg will hold "
     "talks with Interior Minister Tom Hale.",
     {"Anna Berg": ("Foreign Minister", "NZ"), "Tom Hale": ("Interior Minister", "CL")}),
    # a head of state other than the lead is not given the own side (a host's is often named without one)
    ("Prime Minister Anna Berg of New Zealand will attend the state funeral of King Tom Hale next week. "
     "Defence Minister Ivan Koval will go with her.",
     {"Anna Berg": ("Prime Minister", "NZ"), "Tom Hale": ("King", None), "Ivan Koval": ("Defence Minister", "NZ")}),
    # a lead that is an office with no name, whose officials stated serve one country: its own meeting
    ("The President held a meeting with members of the Security Council. Defence Minister of Russia Ivan Koval "
     "reported on the exercises. Taking part were Prime Minister Petro Savchuk and Interior Minister Oleh Marchenko.",
     {"Ivan Koval": ("Defence Minister", "RU"), "Petro Savchuk": ("Prime Minister", "RU"),
      "Oleh Marchenko": ("Interior Minister", "RU")}),
    # ... not when a second country is someone's (a bilateral meeting)
    ("The President held talks with Prime Minister of Armenia Aram Sargsyan. Defence Minister of Russia Ivan Koval "
     "took part, as did Interior Minister Oleh Marchenko.",
     {"Aram Sargsyan": ("Prime Minister", "AM"), "Ivan Koval": ("Defence Minister", "RU"),
      "Oleh Marchenko": ("Interior Minister", None)}),
    # the person the lead meets is the other side, not the lead's own
    ("President of Ukraine Oleh Marchenko will travel next week. He will meet Prime Minister Karl Huber in "
     "Vienna. Defence Minister Ivan Koval will accompany him.",
     {"Oleh Marchenko": ("President", "UA"), "Karl Huber": ("Prime Minister", None),
      "Ivan Koval": ("Defence Minister", "UA")}),
    # a delegation's members serve the delegation's country
    ("The two sides met in Vienna. The Austrian delegation included Deputy Minister of Justice Karl Huber "
     "and Deputy Central Bank Governor Anna Berg.",
     {"Karl Huber": ("Deputy Minister of Justice", "AT"), "Anna Berg": ("Deputy Central Bank Governor", "AT")}),
    # the officials the lead meets on a trip to one country are that country's
    ("Trade Minister Ana Ruiz paid an official visit to Peru on Monday. During the visit, Ruiz met Foreign "
     "Minister Jorge Salas.", {"Ana Ruiz": ("Trade Minister", None), "Jorge Salas": ("Foreign Minister", "PE")}),
    # ... not on a trip of several legs
    ("Trade Minister Ana Ruiz will travel to Peru and Chile next week. Ruiz will meet Foreign Minister Jorge "
     "Salas.", {"Ana Ruiz": ("Trade Minister", None), "Jorge Salas": ("Foreign Minister", None)}),
    # the release's voice: a colleague of the own side named apart from the lead vetoes nothing
    ("Trade Minister Ana Ruiz will visit Peru next week. Her visit follows one there by Chilean Foreign Minister "
     "Jorge Salas in May. Chile and Peru are close partners, and Chile's exporters see new chances, Ruiz said. "
     "Chile will also host the forum.",
     {"Ana Ruiz": ("Trade Minister", "CL"), "Jorge Salas": ("Foreign Minister", "CL")}),
    # ... one the lead meets does: the lead may be that country's visitor
    ("Trade Minister Ana Ruiz will visit Peru next week, where she will meet Chilean Foreign Minister Jorge "
     "Salas. Chile and Peru are close partners, and Chile's exporters see new chances, Ruiz said. Chile will "
     "also host the forum.", {"Ana Ruiz": ("Trade Minister", None), "Jorge Salas": ("Foreign Minister", "CL")}),
    # the release's voice is not the country its lead speaks about ("says Japan has the chance to")
    ("Trade Minister Ana Ruiz says Japan has the chance to explain its aid. Japan must act, Japan must "
     "listen, and Japan must explain, Ruiz said.", {"Ana Ruiz": ("Trade Minister", None)}),
    # a pledge in reported speech names the speaker's own country ("said India was committed to")
    ("Trade Minister Ana Ruiz met business leaders on Monday. Ruiz said Chile was committed to free trade.",
     {"Ana Ruiz": ("Trade Minister", "CL")}),
    ("Trade Minister Ana Ruiz met business leaders on Monday. She stressed that Chile stands ready to help.",
     {"Ana Ruiz": ("Trade Minister", "CL")}),
    # ... not a stated country's, nor what a country's people are ready for
    ("Peruvian Trade Minister Ana Ruiz met business leaders. Ruiz said Chile was ready to talk.",
     {"Ana Ruiz": ("Trade Minister", "PE")}),
    ("Trade Minister Ana Ruiz met business leaders on Monday. Ruiz said Chile's exporters were ready to grow.",
     {"Ana Ruiz": ("Trade Minister", None)}),
    # a messenger and the leader whose greetings they convey serve one country
    ("Foreign Minister Ana Ruiz met President Li Wen in Beijing. Ruiz conveyed the warm wishes of Chilean "
     "President Jorge Salas.", {"Ana Ruiz": ("Foreign Minister", "CL"), "Li Wen": ("President", None),
                                "Jorge Salas": ("President", "CL")}),
    # ... not one who accepts an invitation: it comes from the other side
    ("Foreign Minister Ana Ruiz met President Li Wen in Beijing. Ruiz accepted an invitation from Chilean "
     "President Jorge Salas.", {"Ana Ruiz": ("Foreign Minister", None), "Li Wen": ("President", None),
                                "Jorge Salas": ("President", "CL")}),
    # the headline's office with a country goes to the lead's subject who holds it, with no country said
    ("Peruvian Trade Minister visits Chile\n\nTrade Minister Ana Ruiz on Monday met business leaders in Santiago.",
     {"Ana Ruiz": ("Trade Minister", "PE")}),
    # ... after a wire's dateline, and with the title when the lead states none ("PM": Prime Minister)
    ("Peruvian PM to visit Chile\n\nLIMA, May 2 (Reuters) - Luis Torres will travel to Santiago next week.",
     {"Luis Torres": ("Prime Minister", "PE")}),
    # ... not when the lead names that country again: the headline's office is someone else's
    ("Peruvian PM to visit Chile\n\nPrime Minister Ana Ruiz said today that her Peruvian counterpart, Luis "
     "Torres, would arrive on Monday.",
     {"Ana Ruiz": ("Prime Minister", None), "Luis Torres": ("Prime Minister", "PE")}),
    # ... nor when the lead holds another office, nor for a list of countries
    ("Peruvian PM to visit Chile\n\nTrade Minister Ana Ruiz said the visit would be short.",
     {"Ana Ruiz": ("Trade Minister", None)}),
    ("Chile and Peru trade ministers meet\n\nTrade Minister Ana Ruiz said the talks would be short.",
     {"Ana Ruiz": ("Trade Minister", None)}),
])
def test_implied_roles(nlp, text, expect):
    assert roles_of(nlp, text) == expect


def test_the_users_home_country_takes_the_lead_persons_place(nlp):
    text = "Writer Anna Berg met Defence Minister Ivan Koval and President Tomas Araya of Chile."
    assert roles_of(nlp, text, "UA") == {"Anna Berg": (None, None), "Ivan Koval": ("Defence Minister", "UA"),
                                         "Tomas Araya": ("President", "CL")}
