"""``repair batch``'s automatic OCR self-training (issue 12): learn the corpus's own OCR
profile when it holds enough garbled OCR, from its garbled documents only.

A cheap first pass (:func:`count_garbled`) runs the OCR garble gate
(:func:`repair.detect.ocr.document_garbled` on :func:`~repair.detect.ocr.detect_ocr`, no
repair) on every document and keeps counts, not texts.  When at least
:data:`AUTO_MIN_DOCS` documents holding :data:`AUTO_MIN_WORDS` words open the gate
(:func:`enough`), the profile in force is self-trained on those documents
(:func:`learn_garbled`, as ``repair learn --ocr``), then every document is repaired with
it, unless a cross-fit of that first pass says the tables in force already know the
corpus (:data:`AUTO_KNOWN_GATE`, :mod:`repair.batch.ocr_known`).  A clean or spun
document never feeds the table: its words would only dilute the
rates the table prices (on SMH dev, where 65 of 81 pages open the gate, the garbled
pages alone learn what all 81 do: 4,265 against 4,267 token errors).  Every document
receives it, as with ``--ocr-table``: the table prices OCR readings only, which a page
the gate keeps shut hardly reads (the clean and spun seeds come out byte-identical with
either table learned in session 55, ocrbatch).  On by default (:data:`AUTO_SELF_TRAIN`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

#: ``repair batch`` without ``--self-train``/``--no-self-train`` self-trains the OCR
#: profile on the corpus when it holds enough garbled OCR (:func:`enough`), learning from
#: the garbled documents only, and (:data:`AUTO_KNOWN_GATE`) applies it only to a corpus
#: the tables in force do not know (off: a batch self-trains only when asked).  Session
#: 55, ocrbatch, without the gate (SMH dev's 81 raw pages through ``repair batch -j 1``
#: and ``smh_eval.py --outputs``; 65 open the gate, 24.5 k words): shipped tables 4,251 /
#: 6,935 -> 4,265 / 6,992 token / char errors, so it shipped off.  Session 56,
#: ocrselfgate, with the gate: shipped tables 4,248 / 6,929 -> 4,248 / 6,929
#: (byte-identical: known), the ICDAR-only proxy profile (``--ocr-table``) 4,783 / 7,919
#: -> 4,658 / 7,615 (unknown: applied); batch CPU 28.5 -> 43.8 s and 30.4 -> 54.5 s.  The
#: count pass alone: ~1.1 s CPU per 28 k words; a clean corpus learns nothing.
AUTO_SELF_TRAIN = True
#: The least number of garbled documents that makes a corpus self-train automatically.
#: Session 54 (ocrxfer): a profile learned on 10 SMH pages (3.6 k words) carries little
#: (4,827 -> 4,812), 20 pages (7.5 k) most (4,742), 78 pages (25 k) 4,703.
AUTO_MIN_DOCS = 20
#: The least number of words in those garbled documents (see :data:`AUTO_MIN_DOCS`).
AUTO_MIN_WORDS = 7_500
#: The learning reads at most about this many words of garbled documents (evenly
#: spaced documents, :func:`stride`); ``0``: all.  Bounds the single-process first pass
#: on a large archive (session 54: 25 k words learn nearly all there is to learn).
AUTO_LEARN_MAX_WORDS = 200_000
#: A listed row is repriced only when the garbled documents used it at least this many
#: times (``learn_table``'s ``min_uses``; 0: every used row, as ``repair learn --ocr``).
#: 2 (session 55, SMH dev via batch): shipped 4,262 / 6,985, ICDAR-only 4,685 / 7,673:
#: less harm where the tables know the archive, less gain where they do not.
AUTO_MIN_USES = 0.0
#: The automatic self-training learns a table only to use it on a corpus the tables in
#: force do not know: a cross-fit of the first pass (:mod:`repair.batch.ocr_known`) says
#: whether the learned rates explain held-back documents better than the rates in force
#: (off: the learned table is always used).  The table is still learned and kept in the
#: batch's state folder; the summary says whether it was applied.  Session 56,
#: ocrselfgate: see :data:`repair.batch.ocr_known.KNOWN_MAX_GAIN` for the calibration.
AUTO_KNOWN_GATE = True
#: The cross-fit (:data:`AUTO_KNOWN_GATE`) reads at most about this many words of the
#: learning's garbled documents (every k-th of them; ``0``: all).  A corpus it finds
#: known is learned from those alone (the table is not applied): a large archive the
#: tables know pays a bounded first pass, not :data:`AUTO_LEARN_MAX_WORDS`.  Session 56:
#: corpora of 7-25 k garbled words were judged as their halves and wholes alike.
#: Session 57, batchpool: 50,000 -> 12,000 (dev data only; every offset's subset, not
#: only the first, judged at each bound): SMH dev shipped tables (known) 0.135 whole,
#: at most 0.122 on thirds; ICDAR-only tables (unknown) 0.729 whole, at least 0.659 on
#: halves; ICDAR 1-40 (8 k garbled words: read whole) 0.111 / 3.40; every verdict kept,
#: worst margins to 0.3 of 0.18 / 0.36 (8,000: 0.11; 4,000 flips an unknown third to
#: known).  A known SMH dev reads 22 of its 65 garbled pages: the batch's CPU see
#: RESULTS "Session 57, batchpool".
AUTO_JUDGE_MAX_WORDS = 12_000
#: With :data:`AUTO_KNOWN_GATE`, the judged first pass also runs on the ``--jobs``
#: processes (off: in the batch's parent, and only the rest of an unknown corpus's
#: sample, which the learned table's install empties the memos after anyway, is pooled).
#: Session 57, batchpool (SMH dev, shipped tables: known, judged on 22 pages; ``-j 2``,
#: load 8-9): on, the repair workers no longer inherit the memos the judged pass filled
#: and the batch took 33.7 -> 41.3 s CPU, 116 -> 141 s wall.
POOL_JUDGED = False
#: With :data:`AUTO_KNOWN_GATE` and not :data:`POOL_JUDGED`, ``repair batch --jobs N``
#: (local engine, N > 1) makes the judged first pass in the batch's parent and on N - 1
#: forked processes at once (:func:`repair.batch.ocr_pool.split_map`): the parent repairs
#: the first 1/N of the judged words itself, so the repair workers forked from it still
#: inherit the memos of those pages (a known corpus), while the rest runs beside it
#: instead of after it (off: the whole judged pass in the parent, one page after another).
#: The answers, the verdict and the table are the one-process ones.  Session 66,
#: batchscale (4,000 documents, 32 garbled, 11.5 k judged words, an unknown corpus): the
#: benchmark cycles 8 garbled pages 4 times, so the second half of the judged pages costs
#: 0.50 s CPU after the first half's memos but 1.29 s cold in the forked process; the
#: parent's pass 2.42 -> 2.24 s (its warm-up before the fork included) for +1.3 s CPU.
#: Off: no gain on the benchmark (a corpus of distinct pages would gain more).
SPLIT_JUDGED = False


@dataclass(frozen=True)
class GarbleCount:
    """The first pass's counts: documents and words read, and those whose gate opened."""

    documents: int = 0
    words: int = 0
    garbled_documents: int = 0
    garbled_words: int = 0

    def to_json(self) -> dict[str, int]:
        return asdict(self)


def garbled(text: str) -> bool:
    """Whether the OCR garble gate opens on ``text`` (its raw detection, no repair)."""
    from repair.detect.ocr import detect_ocr, document_garbled

    return document_garbled(detect_ocr(text))


def count_garbled(
    texts: Iterable[str],
    jobs: int = 1,
    positions: list[int] | None = None,
    on_garbled: Callable[[str], None] | None = None,
) -> GarbleCount:
    """Count the documents and words of ``texts`` and of those :func:`garbled`, on
    ``jobs`` processes (:mod:`repair.batch.ocr_pool`; the same counts); ``positions``
    (when given) receives the indices of the garbled ones in ``texts``; ``on_garbled``
    (when given) each garbled text, in order, as soon as it is known
    (:class:`repair.batch.ocr_early.EarlyFirstPass`)."""
    from repair.batch.ocr_pool import COUNT_TASK_WORDS, FirstPassPool, warm_detect

    docs = words = g_docs = g_words = 0
    kept: list[str] = []

    def counted() -> Iterator[str]:
        for text in texts:
            kept.append(text)
            yield text

    with FirstPassPool(jobs, warm_detect) as pool:
        for is_garbled in pool.map(garbled, counted(), COUNT_TASK_WORDS):
            n = len(kept[docs].split())
            if is_garbled and on_garbled is not None:
                on_garbled(kept[docs])
            kept[docs] = ""  # counted: its text is not kept
            if is_garbled:
                g_docs += 1
                g_words += n
                if positions is not None:
                    positions.append(docs)
            docs += 1
            words += n
    return GarbleCount(docs, words, g_docs, g_words)


def enough(count: GarbleCount) -> bool:
    """Whether a corpus of ``count`` self-trains automatically."""
    return count.garbled_documents >= AUTO_MIN_DOCS and count.garbled_words >= AUTO_MIN_WORDS


def stride(count: GarbleCount) -> int:
    """Every how many garbled documents the learning reads one (1: all)."""
    if not AUTO_LEARN_MAX_WORDS or count.garbled_words <= AUTO_LEARN_MAX_WORDS:
        return 1
    return -(-count.garbled_words // AUTO_LEARN_MAX_WORDS)


def garbled_sample(
    texts: Iterable[str], step: int, positions: Iterable[int] | None = None
) -> Iterator[str]:
    """Every ``step``-th of the :func:`garbled` documents of ``texts`` (from the first);
    ``positions``: their indices in ``texts`` (:func:`count_garbled`'s), not detected again."""
    if positions is None:
        k = 0
        for text in texts:
            if garbled(text):
                if k % step == 0:
                    yield text
                k += 1
        return
    wanted = set(list(positions)[::step])
    for i, text in enumerate(texts):
        if i in wanted:
            yield text


def learn_garbled(
    texts: Iterable[str],
    count: GarbleCount,
    note: list[str],
    jobs: int = 1,
    positions: list[int] | None = None,
    split_jobs: int = 1,
    early: Mapping[int, Any] | None = None,
) -> tuple[Any, Any]:
    """The profile in force self-trained on the garbled documents of ``texts`` (``count``
    their first pass's counts): a :class:`~repair.score.ocr_selftrain.LearnedTable`, and
    with :data:`AUTO_KNOWN_GATE` the cross-fit's
    :class:`~repair.batch.ocr_known.Verdict` on the same first pass (else ``None``; on at
    most :data:`AUTO_JUDGE_MAX_WORDS` words of it, and a known corpus learns from those).
    The first pass is made once, for both, on ``jobs`` processes
    (:mod:`repair.batch.ocr_pool`: the same table and verdict as on one); ``positions``:
    the garbled documents' indices in ``texts`` (:func:`count_garbled`'s), else detected;
    ``split_jobs``: processes of the judged pass with :data:`SPLIT_JUDGED`; ``early``:
    first passes already made, by rank among the garbled documents
    (:class:`repair.batch.ocr_early.EarlyFirstPass`), not made again."""
    from repair.batch.ocr_pool import (
        REPAIR_TASK_WORDS,
        FirstPassPool,
        first_pass,
        split_map,
        warm_repair,
    )
    from repair.score.ocr_selftrain import learn_table

    pages = list(garbled_sample(texts, stride(count), positions))
    step = 1
    if AUTO_KNOWN_GATE:
        words = sum(len(page.split()) for page in pages)
        if AUTO_JUDGE_MAX_WORDS and words > AUTO_JUDGE_MAX_WORDS:
            step = -(-words // AUTO_JUDGE_MAX_WORDS)
    first: list[Any] = [None] * len(pages)
    if early:
        every = stride(count)  # page k is the (k * every)-th garbled document
        first = [early.get(k * every) for k in range(len(pages))]
    judged = range(0, len(pages), step)
    verdict = None

    def fill(ks: Sequence[int], processes: int) -> None:
        if not ks:
            return
        with FirstPassPool(processes, warm_repair) as pool:
            answers = pool.map(first_pass, (pages[k] for k in ks), REPAIR_TASK_WORDS)
            for k, res in zip(ks, answers, strict=True):
                first[k] = res

    # the judged pass runs here when the verdict may keep the tables in force: the
    # memos it fills are then the repair workers' (forked from this process) to reuse
    if AUTO_KNOWN_GATE and not POOL_JUDGED and SPLIT_JUDGED and split_jobs > 1:
        # the parent keeps the memos of its share; the rest runs beside it
        ks = [k for k in judged if first[k] is None]
        texts_k = [pages[k] for k in ks]
        answers = split_map(first_pass, texts_k, split_jobs, REPAIR_TASK_WORDS, warm_repair)
        for k, res in zip(ks, answers, strict=True):
            first[k] = res
    else:
        todo = [k for k in judged if first[k] is None]
        fill(todo, 1 if AUTO_KNOWN_GATE and not POOL_JUDGED else jobs)
    if AUTO_KNOWN_GATE:
        from repair.batch.ocr_known import judge

        verdict = judge([pages[k] for k in judged], [first[k] for k in judged])
    if verdict is not None and verdict.known and step > 1:
        # not applied: learned from what was judged alone
        pages, first = [pages[k] for k in judged], [first[k] for k in judged]
    else:  # the learned table will be installed (its memos emptied): the rest pooled
        fill([k for k in range(len(pages)) if first[k] is None], jobs)
    learned = learn_table(pages, note=note, min_uses=AUTO_MIN_USES, first=first)
    return learned, verdict
