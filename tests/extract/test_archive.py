"""Mining an archive for office holders: one row per form, sentences written for the test."""

from __future__ import annotations

import pytest

from diplo_cli.extract.people.archive import mine_office_holders


def _mined(*texts: str, date: str = "2024-03-01") -> dict[str, tuple[str, str]]:
    return {r["name"]: (r["country_code"], r["office"]) for r in mine_office_holders((t, date) for t in texts)}


@pytest.mark.parametrize("text, expect", [
    # a demonym or a country before the office, and "of COUNTRY" after it
    ("Talks began.\nPeruvian Foreign Minister Rosa Quispe arrived.", {"Rosa Quispe": ("PE", "Foreign Minister")}),
    ("Talks began.\nU.S. Secretary of State Dana Whitfield spoke.", {"Dana Whitfield": ("US", "Secretary of State")}),
    ("Talks began.\nPresident of Ghana Kofi Mensah Boateng spoke.", {"Kofi Mensah Boateng": ("GH", "President")}),
    ("Talks began.\nNorway's Prime Minister Ola Berg spoke.", {"Ola Berg": ("NO", "Prime Minister")}),
    # initials belong to the name, a suffix does not
    ("Talks began.\nU.S. President Walter Q. Brennan Jr. spoke.", {"Walter Q. Brennan": ("US", "President")}),
    # two office holders in one sentence: the first one's words do not hide the second
    ("Talks began.\nPeruvian President Ana Quispe met Chilean Foreign Minister Luis Vera.",
     {"Ana Quispe": ("PE", "President"), "Luis Vera": ("CL", "Foreign Minister")}),
    # "of the DEMONYM ..." is a body's office ("President of the Chilean Senate Luis Vera"), and a
    # demonym inside a compound is not one ("Bissau-Guinean" is not "Guinean")
    ("Talks began.\nPresident of the Chilean Senate Luis Vera spoke.", {}),
    ("Talks began.\nBissau-Guinean President Ana Mendes spoke.", {}),
    # an ambassador "to" a country is not that country's
    ("Talks began.\nU.S. Ambassador to Chile Mark Hollis spoke.", {}),
    # one word is no name
    ("Talks began.\nPeruvian President Quispe spoke.", {}),
])
def test_forms_that_state_an_office_holder_country(text, expect):
    assert _mined(text) == expect


def test_a_title_case_headline_is_not_read():
    # headline words run into the name ("Rosa Quispe Before Their Meeting")
    assert _mined("Peruvian Foreign Minister Rosa Quispe Before Their Meeting In Lima\nThey met.") == {}


def test_a_name_two_countries_claim_is_left_out():
    texts = ["Talks began.\nChilean Minister Luis Vera spoke."] * 2 + ["Talks began.\nPeruvian Minister Luis Vera."]
    assert _mined(*texts) == {}


def test_a_row_counts_articles_and_the_dates_seen():
    rows = mine_office_holders([("Talks began.\nPeruvian Foreign Minister Rosa Quispe spoke.", "2024-03-01"),
                                ("Talks began.\nPeruvian Foreign Minister Rosa Quispe left.", "2023-01-05"),
                                ("Talks began.\nPeruvian Foreign Minister Rosa Quispe rested.", None)])
    assert rows == [{"name": "Rosa Quispe", "country": "Peru", "country_code": "PE", "office": "Foreign Minister",
                     "first_seen": "2023-01-05", "last_seen": "2024-03-01", "articles": 3}]
