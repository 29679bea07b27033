"""`diplo show`: every input form and option, and every bad input (a message and an exit code, no traceback)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from conftest import ROOT, run_diplo_on_terminal
from test_cli import ARTICLE, write

SAMPLE = "samples/official_visit.txt"
GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.json"))


@pytest.fixture
def saved(tmp_path, monkeypatch) -> Path:
    """The samples' extract output as a JSON-lines file (the golden records), read from the project folder."""
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"".join(orjson.dumps(orjson.loads(g.read_bytes())) + b"\n" for g in GOLDEN))
    return out


def _sections(html: str) -> list[str]:
    return [s.split('"', 1)[0] for s in html.split('<section class="article" id="a')[1:]]


# ---------------------------------------------------------------- what it reads


def test_an_article_is_shown_as_plain_text_on_stdout(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    r = cli("show", SAMPLE)
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ""
    assert "official_visit · samples/official_visit.txt · 2025-05-14" in r.stdout
    assert "[m1 Portuguese President [p1 Helena Vasconcelos] on Tuesday received" in r.stdout
    assert "Meetings" in r.stdout and "Priorities" in r.stdout and "\x1b" not in r.stdout


def test_stdin_is_one_article_with_dash_or_when_piped(cli):
    for args in (("show", "-"), ("show",)):
        r = cli(*args, input=ARTICLE)
        assert r.exit_code == 0, r.stderr
        assert "stdin · - · 2025-05-14" in r.stdout and "[p2 Helena Vasconcelos]" in r.stdout


def test_folders_and_glob_as_for_extract(cli, tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "sub" / "b.md", ARTICLE)
    assert cli("show", str(tmp_path)).stdout.count("Tomas Araya]") == 1
    r = cli("show", "--glob", "*.md", str(tmp_path))
    assert " b · " in r.stdout and " a · " not in r.stdout


def test_jsonl_records_each_shown(cli, tmp_path):
    feed = write(tmp_path / "feed.jsonl", orjson.dumps({"id": "one", "text": ARTICLE}).decode() + "\n"
                 + orjson.dumps({"id": "two", "text": "Ana Lima met Rui Costa.", "date": "2024-01-02"}).decode())
    r = cli("show", "--jsonl", str(feed))
    assert r.exit_code == 0, r.stderr
    assert f"one · {feed}:1 · 2025-05-14" in r.stdout and f"two · {feed}:2 · 2024-01-02" in r.stdout


def test_date_encoding_and_home_country_as_for_extract(cli, tmp_path):
    f = write(tmp_path / "a.txt", "Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Moscow."
              .replace("Wang", "Wäng").encode("latin-1"))
    r = cli("show", str(f), "--date", "2022-03-01", "--encoding", "latin-1", "--home-country", "RU")
    assert r.exit_code == 0, r.stderr
    assert "a · " + str(f) + " · 2022-03-01" in r.stdout and "Wäng Yi" in r.stdout
    assert "Russia" in r.stdout  # Lavrov's country, unsaid, from --home-country
    assert "Russia" not in cli("show", str(f), "--encoding", "latin-1").stdout


def test_officials_tables_as_for_extract(cli, tmp_path):
    table = write(tmp_path / "t.jsonl", orjson.dumps({"name": "Pavel Orlov", "country_code": "RU",
                                                      "first_seen": "2025-01-01", "last_seen": "2025-12-31"}).decode())
    f = write(tmp_path / "a.txt", " date 2025-05-14 Interior Minister Pavel Orlov met President Claire Dubois.\n")
    r = cli("show", str(f), "--no-color", "--officials", str(table), "--no-shipped-officials")
    assert r.exit_code == 0, r.stderr
    assert "Russia" in r.stdout and "Russia" not in cli("show", str(f), "--no-color").stdout
    bad = write(tmp_path / "bad.jsonl", "{no json")
    r = cli("show", str(f), "--officials", str(bad))
    assert r.exit_code == 2 and "line 1 is not JSON" in r.stderr


@pytest.mark.parametrize("args, message", [
    (["--date", "2022-02-30"], "invalid date"),
    (["--encoding", "no-such"], "unknown encoding"),
    (["--home-country", "Atlantis"], "unknown country"),
    (["--model", "no_such_model"], "no_such_model"),
])
def test_bad_reading_options_are_usage_errors(cli, tmp_path, args, message):
    r = cli("show", str(write(tmp_path / "a.txt", ARTICLE)), *args)
    assert r.exit_code == 2 and message in r.stderr and r.stdout == ""


def test_missing_path_and_stdin_twice_are_usage_errors(cli, tmp_path):
    r = cli("show", str(tmp_path / "nope.txt"))
    assert r.exit_code == 2 and "no such file" in r.stderr
    assert cli("show", "-", "-", input="x").exit_code == 2


def test_no_input_on_a_terminal_is_a_usage_error():
    r = run_diplo_on_terminal("show")
    assert r.returncode == 2 and b"no input" in r.stderr and b"Traceback" not in r.stderr


def test_an_article_that_fails_is_reported_and_the_rest_shown(cli, tmp_path):
    bad = write(tmp_path / "a.txt", b"\x00\x01binary")
    good = write(tmp_path / "b.txt", ARTICLE)
    r = cli("show", str(bad), str(good))
    assert r.exit_code == 1
    assert f"diplo: {bad}: binary file" in r.stderr
    assert "not shown: binary file" in r.stdout and "[p1 Tomas Araya]" in r.stdout


# ---------------------------------------------------------------- the HTML page


def test_html_writes_one_page_with_a_section_per_article(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "show.html"
    r = cli("show", "samples/", "--html", str(out))
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "" and f"wrote {out} ({len(GOLDEN)} articles)" in r.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and len(_sections(html)) == len(GOLDEN)
    assert cli("show", SAMPLE, "--html", str(out), "-q").stderr == ""
    assert len(_sections(out.read_text(encoding="utf-8"))) == 1


def test_html_dash_writes_the_page_to_stdout(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    r = cli("show", SAMPLE, "--html", "-")
    assert r.exit_code == 0 and r.stdout.startswith("<!doctype html>") and r.stderr == ""


def test_html_into_a_missing_folder_is_a_usage_error(cli, tmp_path, saved):
    r = cli("show", "--from", str(saved), "--html", str(tmp_path / "no" / "show.html"))
    assert r.exit_code == 2 and "cannot write" in r.stderr
    assert list(tmp_path.iterdir()) == [saved]  # no page, no temporary file left


# ---------------------------------------------------------------- --from: saved results


def test_from_draws_saved_records_exactly_as_a_fresh_run(cli, saved):
    fresh = cli("show", "samples/", "--html", "-").stdout
    again = cli("show", "--from", str(saved), "--html", "-")
    assert again.exit_code == 0, again.stderr
    assert again.stdout == fresh


def test_from_stdin(cli, saved):
    r = cli("show", "--from", "-", input=saved.read_bytes())
    assert r.exit_code == 0 and r.stdout.count("samples/") >= len(GOLDEN)


def test_from_a_jsonl_input_reads_the_record_text_again(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "feed.jsonl", orjson.dumps({"id": "one", "text": ARTICLE}).decode() + "\n")
    out = cli("extract", "--jsonl", "feed.jsonl").stdout
    r = cli("show", "--from", "-", input=out)
    assert r.exit_code == 0, r.stderr
    assert "one · feed.jsonl:1" in r.stdout and "[p1 Tomas Araya]" in r.stdout


@pytest.mark.parametrize("line, message", [
    ("{not json", "out.jsonl:2: not a JSON line"),
    ("[1, 2]", "out.jsonl:2: JSON line is a list, not a diplo extract record"),
    ('{"id": "x", "source": "samples/summit.txt"}', "not a diplo extract record"),
    ('{"schema_version": 1, "id": "x", "source": "-"}', "read from stdin and its text was not kept"),
    ('{"schema_version": 1, "id": "x", "source": "gone/x.txt"}', "source file not found: gone/x.txt"),
])
def test_from_bad_lines_are_reported_and_the_rest_shown(cli, saved, line, message):
    lines = saved.read_text().splitlines()
    saved.write_text("\n".join([lines[0], line, *lines[1:]]) + "\n")
    r = cli("show", "--from", str(saved), "--html", "-")
    assert r.exit_code == 1
    assert message in r.stderr and "Traceback" not in r.stderr
    assert len(_sections(r.stdout)) == len(GOLDEN) + 1 and "not shown: " in r.stdout


def test_from_a_source_changed_since_extract_is_reported(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    f = write(tmp_path / "a.txt", ARTICLE)
    out = cli("extract", "a.txt").stdout
    f.write_text(ARTICLE.replace("Chilean", "Chile's"))
    r = cli("show", "--from", "-", input=out)
    assert r.exit_code == 1
    assert "diplo: a.txt: the text does not fit the record: meetings[0].evidence at 17-101 reads" in r.stderr
    assert "(was a.txt changed after diplo extract ran?)" in r.stderr


@pytest.mark.parametrize("extra", [["samples/summit.txt"], ["--model", "x"], ["--jsonl"], ["--glob", "*"],
                                   ["--date", "2024-01-01"], ["--home-country", "RU"]])
def test_from_with_options_for_extracting_is_a_usage_error(cli, saved, extra):
    r = cli("show", "--from", str(saved), *extra)
    assert r.exit_code == 2 and "--from shows saved records" in r.stderr


def test_from_a_missing_file_is_a_usage_error(cli, tmp_path):
    r = cli("show", "--from", str(tmp_path / "nope.jsonl"))
    assert r.exit_code == 2 and "--from" in r.stderr and "No such file" in r.stderr


# ---------------------------------------------------------------- colour and pager


def test_colour_on_a_terminal_and_no_color_for_plain_text(cli, saved):
    env = {"FORCE_COLOR": "1", "COLUMNS": "100"}
    coloured = cli.runner.invoke(_app(), ["show", "--from", str(saved), "--no-pager"], env=env).stdout
    assert "\x1b[" in coloured and "[p1 Helena Vasconcelos]" not in coloured
    plain = cli.runner.invoke(_app(), ["show", "--from", str(saved), "--no-pager", "--no-color"], env=env).stdout
    assert "\x1b" not in plain and "[p1 Helena Vasconcelos]" in plain


def test_each_article_opens_in_the_pager_on_a_terminal(saved, tmp_path):
    log = tmp_path / "paged.txt"
    primary, secondary = pty.openpty()
    env = {**os.environ, "PAGER": f"cat >> {log}; echo '<<end of page>>' >> {log}", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    env.pop("LESS", None)
    try:
        r = subprocess.run([sys.executable, "-m", "diplo_cli", "show", "--from", str(saved)], stdin=secondary,
                           stdout=secondary, stderr=subprocess.PIPE, env=env, cwd=ROOT, timeout=60)
    finally:
        os.close(primary)
        os.close(secondary)
    assert r.returncode == 0, r.stderr
    paged = log.read_text()
    assert paged.count("<<end of page>>") == len(GOLDEN) and "\x1b[" in paged


def test_a_closed_pipe_ends_quietly(saved):
    r = subprocess.run(f"{sys.executable} -m diplo_cli show --from {saved} | head -1", shell=True, cwd=ROOT,
                       capture_output=True, timeout=60, executable="/bin/bash")
    assert r.stdout.count(b"\n") == 1 and r.stderr == b"", r.stderr


def test_show_never_imports_spacy_for_saved_records(saved):
    code = (f"import sys; from diplo_cli.cli import app; sys.argv = ['diplo', 'show', '--from', {str(saved)!r}]\n"
            "try: app()\nexcept SystemExit: pass\nprint('spacy' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=60)
    assert r.stdout.strip().splitlines()[-1] == b"False"


def _app():
    from diplo_cli.cli import app

    return app
