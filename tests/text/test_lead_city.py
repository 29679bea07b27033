"""Wire leads' place datelines: one row per form of the opening, and lines that only look like one."""

from __future__ import annotations

import pytest

from diplo_cli.text.lead_city import lead_city


@pytest.mark.parametrize("line, city", [
    ("QUITO, March 7 (Wire) - President Ana Ruiz met", "Quito"),                 # city, date, agency, dash
    ("QUITO (Wire) — The president said", "Quito"),                               # agency only
    ("QUITO, Ecuador, Mar. 7 (Wire) -- The talks began", "Quito"),               # with a country or state
    ("QUITO, 7 March. /Wire/. The minister said", "Quito"),                      # day first, /AGENCY/
    ("QUITO: The minister said on Monday", "Quito"),                              # a known place before a colon
    ("SAN JOSE - The minister said", "San Jose"),                                 # two words, bare dash
    ("Quito, March 7 (Wire) The minister said", "Quito"),                         # title case with an agency
    ("QUESTION: Thank you, Mr Spokesman.", None),                                 # a transcript's label
    ("TRADE - the talks went on", None),                                          # not a known place
    ("COVID-19 Global Action Plan met today", None),                              # a word's hyphen, no date
    ("QUITO – TRADE AND INVESTMENT", None),                                       # a heading: no lead follows
    ("Quito - the talks went on", None),                                          # title case needs more
])
def test_lead_city(line, city):
    found = lead_city(line)
    assert (found.city if found is not None else None) == city
