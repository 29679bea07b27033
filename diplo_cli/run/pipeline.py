"""Run articles through spaCy and the stages, in one process or in N worker processes.

Owns batching, per-article failure isolation and parallelism. Workers load the model once,
parse and extract, and send back finished output lines (bytes), never Docs. Work is fed through
a bounded window of batches, so memory does not grow with the number of articles, and results
come back in input order. Does not read inputs or write output: that is sources and cli.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplo_cli.errors import DiploError
from diplo_cli.extract import extract, failed
from diplo_cli.io.serialize import to_line
from diplo_cli.records import Article, ArticleResult
from diplo_cli.run.nlp import DEFAULT_MODEL, batched, load_model, parse

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from diplo_cli.extract.people.officials import OfficeHolders

DEFAULT_BATCH_SIZE = 32
WINDOW_PER_JOB = 2  # batches in flight per worker: enough to keep every core busy


@dataclass(frozen=True, slots=True)
class RunOptions:
    model: str = DEFAULT_MODEL
    jobs: int = 1
    batch_size: int = DEFAULT_BATCH_SIZE
    pretty: bool = False
    officials: OfficeHolders | None = None  # office-holder tables (--officials); None: the shipped one


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the writer needs of one processed article: its line and what to tell the user."""

    id: str
    source: str
    line: bytes
    failed: bool
    messages: tuple[str, ...]  # the article's errors and warnings, for stderr


class Extractor:
    """One process's model plus the per-batch work: parse, extract, serialize."""

    def __init__(self, model: str = DEFAULT_MODEL, pretty: bool = False, nlp: Language | None = None,
                 officials: OfficeHolders | None = None) -> None:
        self.nlp = nlp if nlp is not None else load_model(model)
        self.pretty = pretty
        self.officials = officials

    def results(self, articles: list[Article]) -> list[ArticleResult]:
        """Results for a batch, in order; an article that breaks parsing or a stage fails alone."""
        readable = [a for a in articles if a.error is None]
        docs = iter(self._parse(readable))
        out = []
        for a in articles:
            if a.error is not None:
                out.append(failed(a, a.error))
                continue
            doc = next(docs)
            if isinstance(doc, str):
                out.append(failed(a, doc))
                continue
            try:
                out.append(extract(a, doc, self.officials))
            except Exception as e:  # noqa: BLE001 - one article's bug must not cost the batch
                out.append(failed(a, _internal_error("extraction", e)))
        return out

    def _parse(self, articles: list[Article]) -> list[Doc | str]:
        """A Doc per article, or the reason it could not be parsed: one that breaks the parser fails alone."""
        try:
            return list(parse(self.nlp, articles))
        except Exception:  # noqa: BLE001 - parse again one by one to find the article that breaks it
            out: list[Doc | str] = []
            for a in articles:
                try:
                    out.append(next(parse(self.nlp, [a])))
                except Exception as e:  # noqa: BLE001
                    out.append(_internal_error("parsing", e))
            return out

    def outcomes(self, articles: list[Article]) -> list[Outcome]:
        return [
            Outcome(r.article.id, r.article.source, to_line(r, self.pretty), r.failed, r.errors)
            for r in self.results(articles)
        ]


def _internal_error(stage: str, e: Exception) -> str:
    return f"internal error during {stage} ({type(e).__name__}: {e}); please report this article"


def run(articles: Iterable[Article], opts: RunOptions) -> Iterator[Outcome]:
    """Process articles lazily and yield one Outcome per article, in input order."""
    if opts.jobs <= 1:
        extractor = Extractor(opts.model, opts.pretty, officials=opts.officials)
        for batch in batched(articles, opts.batch_size):
            yield from extractor.outcomes(batch)
        return
    yield from _run_parallel(articles, opts)


# ---------------------------------------------------------------- worker processes

_extractor: Extractor | None = None
_load_error: DiploError | None = None
PARENT_POLL_SECONDS = 0.5
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _init_worker(model: str, pretty: bool, parent: int, kernel_watch: bool,
                 officials: OfficeHolders | None = None) -> None:
    global _extractor, _load_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    _die_with_parent(parent, kernel_watch)
    try:
        _extractor = Extractor(model, pretty, officials=officials)
    except DiploError as e:
        _load_error = e


def _die_with_parent(parent: int, kernel_watch: bool) -> None:
    """A worker whose parent is gone (SIGKILL, SIGTERM, a crash) exits at once, instead of parsing
    on for nobody while holding the caller's stderr open.

    On Linux the kernel sends SIGKILL when the parent dies (PR_SET_PDEATHSIG), but only when the
    thread that started the worker was the parent's main thread (the signal follows that thread);
    everywhere, a daemon thread checks every half second that the parent is still ours.
    """
    if kernel_watch and sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # it died before we could ask
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="diplo-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)  # no clean-up to do: the parent has the lines; nothing of ours is half-written


def _work(batch: list[Article]) -> list[Outcome]:
    if _extractor is None:
        raise _load_error or DiploError("worker has no model")
    return _extractor.outcomes(batch)


def _run_parallel(articles: Iterable[Article], opts: RunOptions) -> Iterator[Outcome]:
    import multiprocessing

    # spawn, not fork: the parent may run a progress thread, and forked threads can deadlock.
    ctx = multiprocessing.get_context("spawn")
    main = threading.current_thread() is threading.main_thread()  # the workers start from this thread
    pool = ProcessPoolExecutor(opts.jobs, mp_context=ctx, initializer=_init_worker,
                               initargs=(opts.model, opts.pretty, os.getpid(), main, opts.officials))
    pending: deque[Future[list[Outcome]]] = deque()
    try:
        for batch in batched(articles, opts.batch_size):
            pending.append(pool.submit(_work, batch))
            if len(pending) >= opts.jobs * WINDOW_PER_JOB:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BrokenProcessPool:
        raise DiploError("a worker process died (out of memory?); the lines written so far are complete: "
                         "rerun with -o FILE --resume to go on") from None
    finally:
        for f in pending:
            f.cancel()
        _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop workers now (Ctrl-C, broken pipe, error) or after they finish (normal end)."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
    else:
        for p in list((getattr(pool, "_processes", None) or {}).values()):
            p.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
