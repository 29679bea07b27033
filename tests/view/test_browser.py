"""The page in a real browser (headless Chromium from the system packages): it renders (a screenshot that is
not blank), the DOM holds every span as one element with its exact text, and clicking a person lights up
their mentions.

Skipped when chromium is not installed (apt-get install chromium), unless DIPLO_REQUIRE_BROWSER is set,
as .ci/run sets it: there a missing browser fails instead of hiding the tests.
"""

from __future__ import annotations

import os
from collections import Counter

import pytest
from chromium import Chromium, find_chromium, png_pixels
from pages import check_spans, golden_records, record_spans

from diplo_cli.view.html import page
from diplo_cli.view.model import view_of

CHROMIUM = find_chromium()
if CHROMIUM is None and os.environ.get("DIPLO_REQUIRE_BROWSER"):
    raise RuntimeError("DIPLO_REQUIRE_BROWSER is set but chromium is not installed: apt-get install chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium); "
                                                        ".ci/run installs it and runs these tests")
GOLDEN = golden_records()
WIDTH, HEIGHT = 1200, 800

ELEMENTS = """JSON.stringify(Array.from(document.querySelectorAll("[data-kind]"), function (e) {
  var a = {text: e.textContent, section: e.closest("section").id};
  for (var i = 0; i < e.attributes.length; i++) a[e.attributes[i].name] = e.attributes[i].value;
  return a; }))"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    folder = tmp_path_factory.mktemp("page")
    html = folder / "show.html"
    html.write_text("".join(page(view_of(r, t) for r, t in GOLDEN)), encoding="utf-8")
    assert CHROMIUM is not None
    with Chromium(CHROMIUM) as chromium:
        yield chromium, chromium.open(html.as_uri(), WIDTH, HEIGHT), folder


def test_the_page_renders_and_is_not_blank(browser):
    chromium, tab, folder = browser
    png = chromium.screenshot(tab)
    (folder / "screenshot.png").write_bytes(png)
    width, height, rows = png_pixels(png)
    assert (width, height) == (WIDTH, HEIGHT)
    channels = len(rows[0]) // width
    pixels = Counter(row[i:i + 3] for row in rows[::4] for i in range(0, len(row), channels * 4))
    background, count = pixels.most_common(1)[0]
    assert count < 0.97 * sum(pixels.values()), "the screenshot is one colour"
    assert len(pixels) > 50, f"only {len(pixels)} colours: nothing is drawn"


def test_a_dom_query_counts_the_quote_elements(browser):
    chromium, tab, _ = browser
    quotes = sum(1 for r, _ in GOLDEN for kind, _, _ in record_spans(r) if kind == "quote")
    assert quotes == sum(len({(q["start"], q["end"]) for q in r["quotes"]}) for r, _ in GOLDEN) > 0
    assert chromium.evaluate(tab, 'document.querySelectorAll("[data-kind=quote]").length') == quotes


def test_every_span_is_one_element_with_its_exact_text_in_the_browser(browser):
    import json

    chromium, tab, _ = browser
    elements = json.loads(chromium.evaluate(tab, ELEMENTS))
    for n, (record, text) in enumerate(GOLDEN, start=1):
        check_spans([e for e in elements if e["section"] == f"a{n}"], record, text)


def test_a_quote_names_its_speaker_on_hover(browser):
    chromium, tab, _ = browser
    title = chromium.evaluate(tab, 'document.querySelector("#a2 [data-kind=quote]").title')
    record = GOLDEN[1][0]
    assert record["quotes"][0]["speaker"]["name"] in title


def test_clicking_a_person_lights_up_all_their_mentions(browser):
    chromium, tab, _ = browser
    record = GOLDEN[1][0]
    person = record["people"][0]["id"]
    mentions = sum(1 for (kind, _, _), links in record_spans(record).items()
                   if kind == "person" and ("person", person) in links)
    lit = 'document.querySelectorAll("#a2 [data-kind=person].focus").length'
    click = f'document.querySelector("#a2 [data-kind=person][data-person~={person}]").click()'
    assert chromium.evaluate(tab, lit) == 0
    chromium.evaluate(tab, click)
    assert chromium.evaluate(tab, lit) == mentions > 1
    assert chromium.evaluate(tab, 'document.querySelectorAll("#a1 .focus").length') == 0  # that article only
    chromium.evaluate(tab, click)
    assert chromium.evaluate(tab, lit) == 0
