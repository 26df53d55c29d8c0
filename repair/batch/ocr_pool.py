"""``repair batch``'s automatic OCR self-training on the batch's worker processes (issues 12, 14).

The self-training's two first passes (:mod:`repair.batch.ocr_auto`) read every document
(the garble gate's count) and repair the garbled ones once (the cross-fit's and the
learning's first pass).  Both are a function of one document at a time, so they are
mapped over ``--jobs`` processes like the repair itself: where processes are forked,
the parent loads the resources once (:func:`warm_detect`, :func:`warm_repair`) and every
process shares them copy-on-write; the documents go out in consecutive chunks of about
``task_words`` words and their answers come back in corpus order, so the pooled pass is
the single-process one, answer for answer (``tests/test_batch_ocrpool57.py``).

A first pass's answer is a :class:`FirstPass`, the part of the repair result the
learning and the cross-fit read (the repaired text and each edit's original and
substitutions): small to send between processes and to keep for a whole sample.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, TypeVar

#: ``repair batch --jobs N`` (local engine) runs the automatic self-training's count pass
#: and the first pass of the part of the sample it learns past the judged documents
#: (``ocr_auto.POOL_JUDGED``: the judged ones too) on N processes (off: in the batch's
#: parent, one document after another, as before session 57).  The answers are the same
#: either way (tested: the learned table and verdict byte for byte; SMH dev's outputs,
#: reports and tables identical to main's).  Session 57, batchpool, SMH dev ``-j 2``
#: with the 2 cores shared by ~8 other processes (load 8-12), single runs: ICDAR-only
#: tables (unknown, all 61 garbled pages learned) learning pass 74 s wall / 14.4 s CPU
#: in one process against 80 s / 15.1 s pooled (judged pass pooled too); shipped tables
#: (known) 116 -> 141 s wall, 33.7 -> 41.3 s CPU with the judged pass pooled (the repair
#: workers lose the memos it filled), 128 s / 35.9 s with the count alone pooled; the
#: count and learning passes alone, one process vs pooled unjudged half, alternated:
#: 41.0 / 47.1 s against 48.3 / 51.7 s wall.  No gain measurable on this host, so off.
POOL_FIRST_PASS = False
#: ``repair batch --jobs N`` (local engine) runs the garble gate's count pass on N
#: processes even with :data:`POOL_FIRST_PASS` off (off: in the batch's parent).  The
#: count reads every document once with a cheap detection and leaves no memo the repair
#: workers would miss (its answers are booleans, the same either way:
#: ``tests/test_batch_ocrpool57.py``), and on a large corpus it is the longest serial
#: phase before the repair pool.  Session 66, batchscale, 4,000 documents / 739 k words,
#: ``-j 2`` (``benchmarks/batch_phases.py``, CPU seconds at load 7-9): the count 2.06 s
#: in the parent -> 0.40 s there (reading, handing out) beside 2.18 s on the two
#: processes, 1.29 s on the critical path; the serial path before the repair pool
#: 4.80 -> 3.98 s; every output, report, table and summary count byte-identical.
POOL_COUNT = True
#: ... only for a corpus of at least this many words (estimated from bytes): below it,
#: forking the processes costs about what the count's second process saves (~0.1 s: a
#: detection is ~2.3 us a word, 100 k words ~0.23 s on one process).  SMH dev's 81 pages
#: (28 k words), session 57's known corpus, keep the count in the parent.
COUNT_POOL_MIN_WORDS = 100_000
#: Words per task of the garble gate's count pass (a cheap detection per document).
COUNT_TASK_WORDS = 5_000
#: Words per task of the first-pass repair (a task is a few pages: the processes finish
#: together on a corpus of a few dozen pages).
REPAIR_TASK_WORDS = 1_500

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class FirstEdit:
    """What the learning reads of one first-pass edit (its original and substitutions)."""

    original: str
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FirstPass:
    """What the learning (:class:`~repair.score.ocr_selftrain.ArchiveCounts`) and the
    cross-fit (:mod:`repair.batch.ocr_known`) read of one document's first pass."""

    text: str
    edits: tuple[FirstEdit, ...]


def first_pass(text: str) -> FirstPass:
    """The first pass ``learn_table`` would make of ``text`` (the tables in force, no
    per-document self-training), kept as a :class:`FirstPass`."""
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    result = repair_text(text, config=RepairConfig(ocr_self_train=False))
    edits = []
    for e in result.edits:
        evidence = getattr(e, "evidence", None)
        subs = evidence.get("substitutions") if isinstance(evidence, dict) else None
        kept = {"substitutions": subs} if subs else {}
        edits.append(FirstEdit(str(getattr(e, "original", "")), kept))
    return FirstPass(result.text, tuple(edits))


def warm_detect() -> None:
    """Load what the garble gate reads (before the processes fork)."""
    from repair.batch.ocr_auto import garbled
    from repair.batch.worker import WARMUP_TEXT

    garbled(WARMUP_TEXT)


def warm_repair() -> None:
    """Load what a first pass reads (before the processes fork), as a batch worker does."""
    from repair import normalize
    from repair.batch.worker import WARMUP_TEXT
    from repair.resources import frequency
    from repair.score import ocr_channel

    first_pass(WARMUP_TEXT)
    normalize.preload()
    frequency.preload()
    ocr_channel.preload()


def _init() -> None:
    """Pool initializer: no copy of the batch's lock stays open in a worker."""
    from repair.batch.state import close_inherited_locks

    close_inherited_locks()


def _run_chunk(fn: Callable[[str], R], texts: list[str]) -> list[R]:
    return [fn(t) for t in texts]


def _chunks(texts: Iterable[str], words: int) -> Iterator[list[str]]:
    """Consecutive runs of ``texts`` of at least ``words`` words (the last may be fewer)."""
    chunk: list[str] = []
    n = 0
    for text in texts:
        chunk.append(text)
        n += len(text.split())
        if n >= words:
            yield chunk
            chunk, n = [], 0
    if chunk:
        yield chunk


class FirstPassPool:
    """``with FirstPassPool(jobs, warm) as pool: pool.map(fn, texts, task_words)``: ``fn``
    (a module-level function) of each text on ``jobs`` processes, answers in order.

    ``jobs <= 1`` maps in this process (no pool).  ``warm`` is called once before the
    processes fork (where they fork), so they share what it loads."""

    def __init__(self, jobs: int, warm: Callable[[], None] | None = None) -> None:
        self.jobs = jobs
        self.warm = warm
        self._pool: ProcessPoolExecutor | None = None
        self._frozen = False

    def __enter__(self) -> FirstPassPool:
        if self.jobs > 1:
            ctx = mp.get_context()
            if ctx.get_start_method() == "fork" and self.warm is not None:
                self.warm()
                gc.freeze()  # the loaded resources are never garbage (as the repair's pool)
                self._frozen = True
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=ctx, initializer=_init)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._frozen:
            gc.unfreeze()
            self._frozen = False

    def map(self, fn: Callable[[str], R], texts: Iterable[str], task_words: int) -> Iterator[R]:
        """``fn(text)`` for each of ``texts``, in order (a bounded number of tasks in flight)."""
        if self._pool is None:
            for text in texts:
                yield fn(text)
            return
        from repair.batch.state import BatchError

        pending: deque[Future] = deque()
        try:
            for chunk in _chunks(texts, task_words):
                pending.append(self._pool.submit(_run_chunk, fn, chunk))
                while len(pending) >= 4 * self.jobs:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool as exc:
            raise BatchError(
                f"a worker process died during the OCR self-training's first pass ({exc}); "
                "run the same command again (if it keeps dying, lower --jobs: memory?)"
            ) from None


def split_map(
    fn: Callable[[str], R],
    texts: list[str],
    jobs: int,
    task_words: int,
    warm: Callable[[], None] | None = None,
) -> list[R]:
    """``fn(text)`` for each of ``texts``, in order, on this process and ``jobs - 1``
    forked ones at once: this process maps the first ``1 / jobs`` of the words itself (the
    memos ``fn`` fills stay here, for the processes forked later to inherit) while the
    others map the rest in tasks of about ``task_words`` words.  The answers are the
    one-process ones (``fn`` is a function of its text).  ``jobs <= 1``, too few texts or
    no ``fork`` start method: all in this process."""
    if jobs <= 1 or len(texts) < 2 or mp.get_start_method(allow_none=False) != "fork":
        return [fn(t) for t in texts]
    sizes = [len(t.split()) for t in texts]
    share = sum(sizes) / jobs
    cut, n = 1, sizes[0]  # this process's first `cut` texts (at least one, not all)
    while cut < len(texts) - 1 and n + sizes[cut] <= share:
        n += sizes[cut]
        cut += 1
    from repair.batch.state import BatchError

    if warm is not None:
        warm()
    gc.freeze()  # the loaded resources are never garbage (as the repair's pool)
    pool = ProcessPoolExecutor(jobs - 1, mp_context=mp.get_context("fork"), initializer=_init)
    try:
        futures = [pool.submit(_run_chunk, fn, c) for c in _chunks(texts[cut:], task_words)]
        mine = [fn(t) for t in texts[:cut]]
        return mine + [r for f in futures for r in f.result()]
    except BrokenProcessPool as exc:
        raise BatchError(
            f"a worker process died during the OCR self-training's first pass ({exc}); "
            "run the same command again (if it keeps dying, lower --jobs: memory?)"
        ) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


def learn_all(texts: Iterable[str], note: list[str], jobs: int = 1) -> Any:
    """``learn_table(texts, note=note)`` (``repair batch --self-train``: every document)
    with its first pass made on ``jobs`` processes: the same table."""
    from repair.score.ocr_selftrain import learn_table

    pages = list(texts)
    with FirstPassPool(jobs, warm_repair) as pool:
        first = list(pool.map(first_pass, pages, REPAIR_TASK_WORDS))
    return learn_table(pages, note=note, first=first)
