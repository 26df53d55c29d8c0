"""The automatic self-training's judged first pass made while its count pass runs (issue 14).

With the count pass on the batch's ``--jobs`` processes (``ocr_pool.POOL_COUNT``), the
batch's parent only reads the corpus and hands it out: it idles while the processes
detect.  :class:`EarlyFirstPass` puts that time to use: as the count finds the garbled
documents, in corpus order, a thread of the parent makes their first pass
(:func:`repair.batch.ocr_pool.first_pass`, the one :func:`repair.batch.ocr_auto.learn_garbled`
would make after the count), up to the words the cross-fit judges.  It starts at the
first garbled document: waiting until the corpus has enough of them to self-train
(:func:`repair.batch.ocr_auto.enough`) left most of the pass after the count on the
session-66 benchmark, whose 20th garbled document comes 60 % into it.  A corpus with too
few garbled documents to self-train has had at most 19 of them first-passed for nothing,
beside the count; their memos stay the repair workers' (the tables in force are kept).
The answers are keyed by the document's rank
among the garbled ones and are the ones the learning would make (a first pass is a
function of its text and the tables in force, which do not change before the learning
ends); they are made in the parent, so the repair workers forked after it inherit their
memos, as before.
"""

from __future__ import annotations

import queue
import threading
from typing import Any

#: ``repair batch --jobs N`` (N > 1, local engine, automatic self-training, the count
#: pooled): the judged first pass runs in a thread of the parent while the count pass
#: runs on the N processes (off: after the count, in the parent).  The learned table,
#: verdict and every output are the same (tested; the 4,000-document benchmark's outputs
#: byte-identical).  Session 66, batchscale (``benchmarks/batch_phases.py``, 2 cores at
#: load 7-9, CPU seconds): the thread got ~0.9 s of its pass during the count and left
#: 1.56 s after it, and its first passes cost more than made in line (2.46 against
#: 1.99 s: the GIL and the count's three processes on two cores), so the serial path
#: before the repair pool went 3.60 -> 3.78 s (count pooled alone: 3.98 s with the
#: warm-up, main 4.80 s).  No gain: off.
OVERLAP_JUDGED = False


class EarlyFirstPass:
    """First passes of the garbled documents :meth:`offer` gives it, in a thread, until
    ``budget`` words (0: no bound) have been taken; :meth:`finish` returns them by rank."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.offered = 0  # garbled documents seen
        self.words = 0  # words taken
        self.taken = 0  # garbled documents taken (the first ones)
        self.results: dict[int, Any] = {}
        self._queue: queue.SimpleQueue[tuple[int, str] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def offer(self, text: str) -> None:
        """The count found ``text`` garbled (the next one in corpus order)."""
        rank = self.offered
        self.offered += 1
        if self.budget and self.words >= self.budget:
            return
        self.words += len(text.split())
        self.taken += 1
        if self._thread is None:  # started here, after the count's processes forked
            self._thread = threading.Thread(target=self._run, name="repair-early-first-pass")
            self._thread.daemon = True
            self._thread.start()
        self._queue.put((rank, text))

    def _run(self) -> None:
        from repair.batch.ocr_pool import first_pass

        while (item := self._queue.get()) is not None:
            if self._error is not None:
                continue
            try:
                self.results[item[0]] = first_pass(item[1])
            except BaseException as exc:  # raised again by finish(), in the batch's thread
                self._error = exc

    def finish(self) -> dict[int, Any]:
        """Wait for the first passes; their answers by garbled rank."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None
        if self._error is not None:
            raise self._error
        return self.results
