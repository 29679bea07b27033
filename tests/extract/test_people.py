"""People: one row per rule, each a sentence written for the test → (name, title, country code)."""

from __future__ import annotations

import pytest

from diplo_cli.extract.countries import countries
from diplo_cli.extract.people import resolve_people


def people_of(nlp, text):
    return [(p.name, p.title, p.country_code, p.organization) for p in resolve_people(nlp(text))]


@pytest.mark.parametrize("text, expect", [
    # "Island" is no country's name: an office of island affairs keeps its word and states no country
    ("Pacific Island Affairs Minister Ana Fale spoke.", [("Ana Fale", "Pacific Island Affairs Minister", None, None)]),
    # demonym + title premodifiers
    ("Russian Prime Minister Mikhail Petrov arrived.", [("Mikhail Petrov", "Prime Minister", "RU", None)]),
    # an appositive ends at a finite verb and at the end of its line (a headline's "X, Y discuss ...")
    ("Sergei Morozov, reporters hear G20 Secretary speak in Moscow.", [("Sergei Morozov", None, None, None)]),
    ("By Sergei Morozov, Moscow\n\nThe NATO Secretary General met reporters on Monday.",
     [("Sergei Morozov", None, None, None)]),
    # a country's name of several words is no part of the title, even tagged PERSON by the model
    ("Pakistan PM Shehbaz Akram met Sri Lanka's President Ravi Perera on Monday.",
     [("Shehbaz Akram", "Prime Minister", "PK", None), ("Ravi Perera", "President", "LK", None)]),
    ("United States President Tom Hale arrived.", [("Tom Hale", "President", "US", None)]),
    # a title only one state has gives that state when no word states one
    ("External Affairs Minister Ravi Menon arrived.", [("Ravi Menon", "External Affairs Minister", "IN", None)]),
    ("Chancellor of the Exchequer Tom Hale arrived.", [("Tom Hale", "Chancellor of the Exchequer", "GB", None)]),
    # ... with its portfolio and a rank before it
    ("Acting Assistant Secretary of State for African Affairs Tom Hale arrived.",
     [("Tom Hale", "Acting Assistant Secretary of State for African Affairs", "US", None)]),
    # Kremlin style "President of the Republic of X"
    ("President of the Republic of Kazakhstan Nurlan Abenov held talks.", [("Nurlan Abenov", "President", "KZ", None)]),
    # appositive with possessive country and lower-case title
    ("Sergei Morozov, Russia's foreign minister, spoke first.", [("Sergei Morozov", "Foreign Minister", "RU", None)]),
    # counterpart inherits the other side's title; its demonym gives the country
    ("Prime Minister Mikhail Petrov met his Kazakh counterpart Olzhas Bekov.",
     [("Mikhail Petrov", "Prime Minister", None, None), ("Olzhas Bekov", "Prime Minister", "KZ", None)]),
    # ... also after a comma: "his Kazakh counterpart, Olzhas Bekov,"
    ("Prime Minister Mikhail Petrov will host his Kazakh counterpart, Olzhas Bekov, in Omsk.",
     [("Mikhail Petrov", "Prime Minister", None, None), ("Olzhas Bekov", "Prime Minister", "KZ", None)]),
    # an honorific between the office and the name is no part of the title
    ("Assistant Secretary of State Dr. Ana Soto and Prime Minister Sir Tom Hale spoke.",
     [("Ana Soto", "Assistant Secretary of State", "US", None), ("Tom Hale", "Prime Minister", None, None)]),
    # ... nor does a title run over a dash with spaces (list items)
    ("The ministers present: - Chile Foreign Minister Tomas Araya - Peru Minister of Trade Maria Lopez - Bolivia "
     "Minister of Defence Juan Mamani.",
     [("Tomas Araya", "Foreign Minister", "CL", None), ("Maria Lopez", "Minister of Trade", "PE", None),
      ("Juan Mamani", "Minister of Defence", "BO", None)]),
    # ... but a dash between two offices joins them into one title
    ("Deputy Prime Minister - Minister of Trade Maria Lopez arrived.",
     [("Maria Lopez", "Deputy Prime Minister - Minister of Trade", None, None)]),
    # "Taoiseach" is an office, not a first name (and the surname the model left out of "Taoiseach Leo" is the name's)
    ("President Ana Soto welcomed Taoiseach Sean Murphy of Ireland to the White House today.",
     [("Ana Soto", "President", None, None), ("Sean Murphy", "Taoiseach", "IE", None)]),
    # a headline's capitalised "Of" ends the name before it
    ("Readout of President Ana Soto's Meeting with Prime Minister Maria Lopez Of Sweden\n\nPresident Ana Soto met "
     "today with Prime Minister Maria Lopez of Sweden.",
     [("Ana Soto", "President", None, None), ("Maria Lopez", "Prime Minister", "SE", None)]),
    # abbreviations expand to the full title
    ("Indian PM Ravi Menon landed in Tokyo.", [("Ravi Menon", "Prime Minister", "IN", None)]),
    # short country forms
    ("U.S. Secretary of State John Miller arrived.", [("John Miller", "Secretary of State", "US", None)]),
    # officials of international bodies: organization, no country
    ("UN Secretary-General Carlos Ortega called for calm.",
     [("Carlos Ortega", "Secretary-General", None, "United Nations")]),
    # companies: organization
    ("Gazprom CEO Ivan Sokolov signed the deal.", [("Ivan Sokolov", "CEO", None, "Gazprom")]),
    # only the office's head noun marks a title: "Secretary of State" does not make "State" one
    ("State Duma deputies and Moscow State University students welcomed the Supreme State Council.", []),
    # a title ending in "s" keeps it
    ("Deputy Minister for Foreign Affairs Anna Berg arrived.",
     [("Anna Berg", "Deputy Minister for Foreign Affairs", None, None)]),
    # "of the Republic of X" is cut only when X is a country: a region's head keeps it
    ("Head of the Republic of Karelia Ivan Zotov opened the plant.",
     [("Ivan Zotov", "Head of the Republic of Karelia", None, None)]),
    # the name after the title's country, which the model tends to swallow into a place
    ("President of the Republic of South Africa Thabo Ngema met the press.",
     [("Thabo Ngema", "President", "ZA", None)]),
    # a title with a comma inside it
    ("Special Presidential Representative for Energy, Ecology and Transport Oleg Ivanov spoke.",
     [("Oleg Ivanov", "Special Presidential Representative for Energy, Ecology and Transport", None, None)]),
    # two titled people joined by "and": each keeps his own title
    ("Minister of Health of Chile Tomas Araya and UN Secretary-General Carlos Ortega met.",
     [("Tomas Araya", "Minister of Health", "CL", None),
      ("Carlos Ortega", "Secretary-General", None, "United Nations")]),
    # an office with "of" + institution before the name ("Deputy Chairman of the Security Council X")
    ("Deputy Chairman of the Security Council Pavel Orlov spoke, and Minister Anna Berg listened.",
     [("Pavel Orlov", "Deputy Chairman of the Security Council", None, None), ("Anna Berg", "Minister", None, None)]),
    # a comma that ends a list item is not inside the next title
    ("The talks were attended by Secretary Anna Berg, Chief of Staff of the Office Pavel Orlov and others.",
     [("Anna Berg", "Secretary", None, None), ("Pavel Orlov", "Chief of Staff of the Office", None, None)]),
    # a hyphenated given name after the title's country
    ("President of Kazakhstan Daniyar-Kairat Seitov met the press.",
     [("Daniyar-Kairat Seitov", "President", "KZ", None)]),
    # a capital in the possessive stands for its state
    ("Beijing's envoy Li Wen arrived in Kabul.", [("Li Wen", "Envoy", "CN", None)]),
    # military ranks are titles, not given names
    ("The award went to Captain Serhiy Bondar.", [("Serhiy Bondar", "Captain", None, None)]),
    # a demonym inside the title names the body, so the title keeps it
    ("Ivan Petrov, the head of the Russian Central Bank, spoke.",
     [("Ivan Petrov", "Head of the Russian Central Bank", "RU", None)]),
    # a country name the tokenizer splits at a hyphen
    ("President of Guinea-Bissau Amadou Balde spoke.", [("Amadou Balde", "President", "GW", None)]),
    # the country after the name
    ("The letter reached President Tomas Araya of Chile.", [("Tomas Araya", "President", "CL", None)]),
    # a title starts at its first office word, even when a longer one follows
    ("Head of the Office of the President Oleh Marchenko spoke.",
     [("Oleh Marchenko", "Head of the Office of the President", None, None)]),
    # no title or country stated: none invented
    ("Anna Berg wrote a book.", [("Anna Berg", None, None, None)]),
    # "Premier" is its own office (China's, Niue's), not a Prime Minister's
    ("Chinese Premier Zhou Ming arrived.", [("Zhou Ming", "Premier", "CN", None)]),
    ("Chinese Vice Premier Liu Chen arrived.", [("Liu Chen", "Vice Premier", "CN", None)]),
    # an adviser's office, in either spelling
    ("Indian National Security Adviser Ravi Menon called.", [("Ravi Menon", "National Security Advisor", "IN", None)]),
    ("Chinese State Councilor Wang Lei spoke.", [("Wang Lei", "State Councilor", "CN", None)]),
    # a headline word is no part of the title after it
    ("Readout of President Daniel Novak's Call with Chancellor Karl Weber of Austria",
     [("Daniel Novak", "President", None, None), ("Karl Weber", "Chancellor", "AT", None)]),
    # an envoy is posted to the host: the country or body after "to" is not the envoy's
    ("The session was chaired by U.S. Ambassador to Chile Walter Brennan, who was in Washington.",
     [("Walter Brennan", "Ambassador to Chile", "US", None)]),
    ("The U.S. Ambassador to the United Nations Walter Brennan spoke.",
     [("Walter Brennan", "Ambassador to the United Nations", "US", None)]),
    # a country's name written with a curly apostrophe
    ("The letter reached President Li Wen of the People’s Republic of China.",
     [("Li Wen", "President", "CN", None)]),
    # a title, a comma, then the name ("Minister of Defence, Walter Brennan, left")
    ("Minister of Defence, Walter Brennan, left for Chile.", [("Walter Brennan", "Minister of Defence", None, None)]),
    ("Chile's Foreign Minister designate, Tomas Araya, arrived.",
     [("Tomas Araya", "Foreign Minister designate", "CL", None)]),
    # ... not a list of names, where the word before the comma is a name
    ("The guests were Prime Minister Ana Soto, Walter Brennan and Li Wen.",
     [("Ana Soto", "Prime Minister", None, None), ("Walter Brennan", None, None, None), ("Li Wen", None, None, None)]),
    # an honorific is no part of the name
    ("The talks were led by Hon Walter Brennan and Rt Hon Ana Soto.",
     [("Walter Brennan", None, None, None), ("Ana Soto", None, None, None)]),
    # "the" before an honorific is no part of the name either, not a lower-case word that makes it no name
    ("Mr Key will travel with the former Prime Minister, the Rt Hon Ana Soto.",
     [("Key", None, None, None), ("Ana Soto", None, None, None)]),
    # "Administrator" is a title: the name after it is found and titled
    ("NASA Administrator Walter Brennan and Administrator Ana Soto spoke.",
     [("Walter Brennan", "NASA Administrator", None, None), ("Ana Soto", "Administrator", None, None)]),
    # a name's suffix is no appositive, and no title starts with it
    ("Walter Brennan, Jr.'s call with Prime Minister Ali Khan was brief.",
     [("Walter Brennan", None, None, None), ("Ali Khan", "Prime Minister", None, None)]),
    # the country a sentence is set in ("While in Chile Mr Brennan will ...") is a place, not the person's
    ("While in Chile Mr Walter Brennan will meet farmers.", [("Walter Brennan", None, None, None)]),
    ("Next week in the United States Ms Ana Soto will meet investors.",
     [("Ana Soto", None, None, None)]),
    # agency copy's lower-case titles: the office's modifiers are part of it, and so is the demonym
    ("He met Chilean agriculture minister Tomas Araya in Lima.",
     [("Tomas Araya", "Agriculture Minister", "CL", None)]),
    ("The talks ended, Peruvian foreign ministry spokesperson Maria Lopez said.",
     [("Maria Lopez", "Foreign Ministry Spokesperson", "PE", None)]),
    # ... also after a quote, where the tagger calls "ministry" a proper noun
    ('"We oppose this," foreign ministry spokesperson Lin Wei told a news briefing.',
     [("Lin Wei", "Foreign Ministry Spokesperson", None, None)]),
    # ... but not a word of time or praise, and not a lower-case word before a capitalised title
    ("He met former president Ana Soto.", [("Ana Soto", "President", None, None)]),
    ("The delegation met presidential candidate Senator Walter Brennan.",
     [("Walter Brennan", "Senator", None, None)]),
    # an adviser's title; an appositive ends where the next name's title starts
    ("Homeland Security Adviser Ana Soto met Li Wen.",
     [("Ana Soto", "Homeland Security Advisor", None, None), ("Li Wen", None, None, None)]),
    ("The talks ended. Ali Khan, a senior adviser to President Ana Soto, spoke.",
     [("Ali Khan", "Advisor", None, None), ("Ana Soto", "President", None, None)]),
    # a courtesy between the title and the name is no part of the title
    ("The talks ended. Foreign Minister Dr. Walter Brennan met Li Wen in Lima.",
     [("Walter Brennan", "Foreign Minister", None, None), ("Li Wen", None, None, None)]),
    ("The talks ended. Minister of Health Hon Walter Brennan spoke.",
     [("Walter Brennan", "Minister of Health", None, None)]),
    # a name the model tags a place, with its title after a comma; the appositive reads to the country
    ("Walter Brennan met today with Tomas Novak, National Security Advisor to the Prime Minister of the Czech "
     "Republic.", [("Walter Brennan", None, None, None),
                   ("Tomas Novak", "National Security Advisor to the Prime Minister", "CZ", None)]),
    # a sentence-opening adverb is no part of a title
    ("The talks ended. So Chilean opposition leader Tomas Araya spoke.",
     [("Tomas Araya", "Opposition Leader", "CL", None)]),
])
def test_title_country_organization(nlp, text, expect):
    assert people_of(nlp, text) == expect


def test_surname_mentions_join_the_full_name_whatever_the_label(nlp):
    text = ("Prime Minister Mikhail Mishustin met Olzhas Bektenov. Mishustin said trade grew. "
            "Mishustin and Bektenov signed a plan.")
    (mishustin, bektenov) = resolve_people(nlp(text))
    assert mishustin.name == "Mikhail Mishustin" and mishustin.aliases == ("Mishustin",)
    assert len(mishustin.mentions) == 3 and len(bektenov.mentions) == 2
    for s, e in mishustin.mentions:
        assert text[s:e] in ("Mikhail Mishustin", "Mishustin")


def test_punctuation_the_model_puts_inside_a_name_is_not_a_name():
    """"Nikol Pashinyan:" tagged PERSON must not make ":" (its last token) a surname found everywhere."""
    from conftest import make_doc

    words = ["Nikol", "Pashinyan", ":", "We", "won", ".", "Pashinyan", "left", ":", "fine", "."]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON"] + ["O"] * 8
    (person,) = resolve_people(make_doc(words, ents=ents))
    assert (person.name, person.aliases, len(person.mentions)) == ("Nikol Pashinyan", ("Pashinyan",), 2)


def test_a_name_cut_at_a_hyphen_by_the_model_is_joined_back():
    from conftest import make_doc

    words = ["Minister", "Ingrid", "Solberg", "-", "Dahl", "wrote", "."]
    spaces = [True, True, False, False, True, False, False]
    (person,) = resolve_people(make_doc(words, spaces=spaces, ents=["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"]))
    assert (person.name, person.mentions) == ("Ingrid Solberg-Dahl", ((9, 28),))


def test_a_hyphenated_name_keeps_its_lower_case_end():
    from conftest import make_doc

    words = ["Prayuth", "Chan", "-", "o", "-", "cha", "spoke", "."]
    spaces = [True, False, False, False, False, True, False, False]
    (person,) = resolve_people(make_doc(words, spaces=spaces, ents=["B-PERSON"] + ["I-PERSON"] * 5 + ["O", "O"]))
    assert person.name == "Prayuth Chan-o-cha"


def test_family_name_first_forms_join_the_full_name(nlp):
    people = resolve_people(nlp("Prime Minister Tanaka Haruki arrived in Hanoi. Tanaka met the press."))
    assert [(p.name, p.aliases, len(p.mentions)) for p in people] == [("Tanaka Haruki", ("Tanaka",), 2)]


@pytest.mark.parametrize("text, names", [
    # a dash with spaces parts list items: no name runs over it
    ("Taking part were: - Trade Minister Ana Soto - Chile Foreign Minister Tomas Araya - Peru Minister Rosa Quispe",
     ["Ana Soto", "Tomas Araya", "Rosa Quispe"]),
    # a nickname and the full first name, initials and suffix aside: one person
    ("President Joseph T. Walden, Jr. met the press. Joe Walden said the talks went well.", ["Joseph T. Walden"]),
    # a first name that begins the other ("Dan" of "Daniel"): one person
    ("Ambassador Daniel K. Orwell arrived. Dan Orwell spoke first.", ["Daniel K. Orwell"]),
    # two first names of no such kin, the same surname: two people
    ("Robert T. Walden met John T. Walden in Boston.", ["Robert T. Walden", "John T. Walden"]),
])
def test_short_first_names_join_the_full_name(nlp, text, names):
    assert [p.name for p in resolve_people(nlp(text))] == names


def test_a_shared_first_word_joins_nobody(nlp):
    people = resolve_people(nlp("Sergei Lavrov and Sergei Shoigu arrived. Sergei waved."))
    assert sorted(p.name for p in people) == ["Sergei Lavrov", "Sergei Shoigu"]
    assert all(len(p.mentions) == 1 for p in people)


def test_institutions_and_places_tagged_person_are_not_people(nlp):
    text = "The meeting of the United Nations General Assembly opened. Ministers crossed the Zeya Bridge."
    assert [p.name for p in resolve_people(nlp(text))] == []


def test_demonyms_and_countries_are_not_people(nlp):
    names = [p.name for p in resolve_people(nlp("The Russian and Kazakh presidents met. Kazakh officials agreed."))]
    assert "Kazakh" not in names and "Russian" not in names


@pytest.mark.parametrize("form, code", [("Kazakh", "KZ"), ("Türkiye", "TR"), ("U.S.", "US"), ("Emirati", "AE"),
                                        ("Lao", "LA"), ("Sri Lankan", "LK"), ("Russia's", "RU"), ("the UK", "GB"),
                                        ("chad", None), ("us", None),
                                        ("American", "US"), ("French", "FR"), ("Indian", "IN"),  # not territories
                                        ("Norwegian", "NO"), ("Chinese", "CN"),
                                        # spellings that are English words or names ("Pacific Island Affairs")
                                        ("Island", None), ("Mann", None), ("Dominique", None),
                                        ("Argentine", "AR"), ("Nepali", "NP"), ("Timorese", "TL")])  # agency forms
def test_country_lookup(form, code):
    c = countries().lookup(form)
    assert (c.code if c else None) == code


@pytest.mark.parametrize("words, ents, names", [
    # a lower-case word inside marks an award or institution, and its "the" never becomes a name
    (["He", "received", "the", "Order", "of", "St", "Andrew", "from", "the", "President", "."],
     ["O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O", "O"], []),
    # digits or capitals: no one-word name
    (["COVID-19", "spread", "and", "COVID", "stayed", "."], ["B-PERSON", "O", "O", "B-PERSON", "O", "O"], []),
    # a name before a place word is a place
    (["Troops", "left", "the", "Velykodar", "region", "."], ["O", "O", "O", "B-PERSON", "O", "O"], []),
    # ... and so is the same word elsewhere in the article
    (["Guns", "hit", "Velykodar", ".", "People", "in", "Velykodar", "hid", "."],
     ["O", "O", "B-PERSON", "O", "O", "O", "O", "O", "O"], []),
    # a one-word name the model tags as an organisation at least as often is not a person
    (["Zorvex", "said", "so", ",", "and", "Zorvex", "shares", "fell", "."],
     ["B-PERSON", "O", "O", "O", "O", "B-ORG", "O", "O", "O"], []),
    # a word the article also writes in lower case is a common word ("Children" ... "children")
    (["Children", "wrote", ".", "The", "children", "waited", "."], ["B-PERSON", "O", "O", "O", "O", "O", "O"], []),
    # a name ending in a body's, a place's or a vessel's word is none ("Zorvex Railway", "Dry Cargo Ship")
    (["The", "Zorvex", "Railway", "and", "the", "Velna", "Lakes", "gained", "."],
     ["O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O"], []),
    (["They", "seized", "the", "Velna", "Tanker", "."], ["O", "O", "O", "B-PERSON", "I-PERSON", "O"], []),
    # a word ending in an institution word is a body ("Gazprombank")
    (["Gazprombank", "lent", "money", "."], ["B-PERSON", "O", "O", "O"], []),
    # the portfolio after a title's "for" / "of" is no one ("Minister for Labour")
    (["He", "met", "the", "Minister", "for", "Labour", "."], ["O", "O", "O", "O", "O", "B-PERSON", "O"], []),
    # a town or region from the places list (data/places.txt) is no person
    (["Shelling", "of", "Kherson", "went", "on", "."], ["O", "O", "B-PERSON", "O", "O", "O"], []),
    # a storm's name is no one ("Cyclone Velna", "Tropical Storm Zorvex")
    (["Cyclone", "Velna", "hit", "Fiji", "."], ["B-PERSON", "I-PERSON", "O", "B-GPE", "O"], []),
    (["Tropical", "Storm", "Zorvex", "grew", ".", "Zorvex", "hit", "Fiji", "."],
     ["O", "O", "B-PERSON", "O", "O", "B-PERSON", "O", "B-GPE", "O"], []),
    # ... unless "Mr" or a title says it is one ("Obama" is also a town in Japan)
    (["Mr", "Obama", "spoke", "."], ["B-PERSON", "I-PERSON", "O", "O"], ["Obama"]),
])
def test_words_the_model_tags_person_that_are_no_one(words, ents, names):
    from conftest import make_doc

    assert [p.name for p in resolve_people(make_doc(words, ents=ents))] == names


def test_an_initial_is_not_a_given_name():
    """"Secretary of State Walter J. Brennan" tagged only "J. Brennan": the given name before the initial is
    the name's, not the title's ("Secretary of State Walter")."""
    from conftest import make_doc

    words = ["Secretary", "of", "State", "Walter", "J.", "Brennan", "spoke", "."]
    ents = ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    pos = ["PROPN", "ADP", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"]
    heads = [5, 0, 1, 5, 5, 6, 6, 6]
    deps = ["compound", "prep", "pobj", "compound", "compound", "nsubj", "ROOT", "punct"]
    (person,) = resolve_people(make_doc(words, ents=ents, pos=pos, heads=heads, deps=deps))
    assert (person.name, person.title) == ("Walter J. Brennan", "Secretary of State")


def test_proper_nouns_after_honorifics_are_a_name_the_model_missed():
    """"Hon Dr Tane Parata", "Dr Lim Boon Heng": untagged, the words after a run of honorifics are the name."""
    from conftest import make_doc

    words = ["Ana", "Soto", "met", "Hon", "Dr", "Tane", "Parata", "and", "Dr", "Lim", "Boon", "Heng", "."]
    pos = ["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN",
           "PROPN", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON"] + ["O"] * 11
    names = [p.name for p in resolve_people(make_doc(words, ents=ents, pos=pos))]
    assert names == ["Ana Soto", "Tane Parata", "Lim Boon Heng"]


def test_a_name_in_capitals_is_the_same_person(nlp):
    """A transcript's speaker label ("SECRETARY BRENNAN:") is a mention of the person named in full above."""
    text = ("Secretary of State Walter Brennan met Foreign Minister Ana Soto in Lima.\n\n"
            "SECRETARY BRENNAN: Good morning, everyone. We had good talks.\n\nFOREIGN MINISTER SOTO: Thank you.")
    assert [(p.name, p.aliases) for p in resolve_people(nlp(text))] == [("Walter Brennan", ("BRENNAN",)),
                                                                       ("Ana Soto", ("SOTO",))]


def test_a_name_ends_before_a_word_naming_an_event():
    """A headline's "Readout of President Soto Call with ...": the model's "Soto Call" is Soto, not a second person."""
    from conftest import make_doc

    words = ["Readout", "of", "President", "Soto", "Call", "with", "Li", "Wen", ".", "Ana", "Soto", "spoke", "."]
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O",
            "O"]
    pos = ["NOUN", "ADP", "PROPN", "PROPN", "PROPN", "ADP", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB",
           "PUNCT"]
    people = resolve_people(make_doc(words, ents=ents, pos=pos))
    assert [(p.name, p.aliases) for p in people] == [("Ana Soto", ("Soto",)), ("Li Wen", ())]


def test_a_room_or_hotel_named_after_someone_is_no_person():
    """A transcript's venue line ("Walter Brennan Room", "Soto Plaza Hotel") tagged PERSON names a place."""
    from conftest import make_doc

    words = ["Walter", "Brennan", "Room", "\n\n", "Ana", "Soto", "spoke", "at", "the", "Soto", "Plaza", "Hotel", "."]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON",
            "I-PERSON", "O"]
    assert [p.name for p in resolve_people(make_doc(words, ents=ents))] == ["Ana Soto"]


def test_the_portfolio_after_a_title_is_no_given_name(nlp):
    """"Special Envoy for Climate Brennan": "Climate" names the office; Brennan is Walter Brennan."""
    text = ("Special Envoy for Climate Brennan’s Travel to Lima\n\n"
            "Special Envoy for Climate Walter Brennan will travel to Lima on Monday.")
    assert [(p.name, p.aliases) for p in resolve_people(nlp(text))] == [("Walter Brennan", ("Brennan",))]


def test_a_name_tagged_a_place_before_its_title_is_a_name():
    """"met with Tomas Novak, National Security Advisor to ...", the name tagged GPE; not a list item whose
    title is the next name's ("Lima, General Director Ana Soto")."""
    from conftest import make_doc

    words = ["He", "met", "Tomas", "Novak", ",", "National", "Security", "Advisor", "to", "the", "President", "."]
    pos = ["PRON", "VERB", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "ADP", "DET", "PROPN", "PUNCT"]
    ents = ["O", "O", "B-GPE", "I-GPE", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O"]
    assert [p.name for p in resolve_people(make_doc(words, ents=ents, pos=pos))] == ["Tomas Novak"]
    words = ["In", "San", "Marcos", ",", "General", "Director", "Ana", "Soto", "spoke", "."]
    pos = ["ADP", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"]
    ents = ["O", "B-GPE", "I-GPE", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    assert [p.name for p in resolve_people(make_doc(words, ents=ents, pos=pos))] == ["Ana Soto"]
