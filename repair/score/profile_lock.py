"""The process-wide readers-writer lock on the OCR profile in force.

The OCR tables in force (:mod:`repair.score.ocr_table`) and the memos derived from them
are process-wide.  ``repair serve`` runs repairs in worker threads, and an automatic
self-trained pass (:mod:`repair.score.ocr_docself`) puts a text's own profile in force
for its second repair: no other repair may run then, or it would be read with another
text's tables.  Every repair holds :data:`PROFILE` shared
(:meth:`ProfileLock.shared`); a swap of the profile holds it exclusively
(:meth:`ProfileLock.exclusive`).  A thread that holds the lock in either mode and asks
for it again in the same or a weaker mode gets it at once (a repair inside a repair); a
thread that holds it shared cannot take it exclusively (that would wait for itself):
:meth:`ProfileLock.exclusive` says so instead of waiting.  Waiting writers go first, so
a stream of plain repairs cannot starve a self-trained one.

>>> lock = ProfileLock()
>>> with lock.shared():
...     with lock.shared():
...         lock.holds()
'shared'
>>> with lock.exclusive() as got:
...     with lock.shared():
...         got, lock.holds()
(True, 'exclusive')
>>> with lock.shared():
...     with lock.exclusive() as got:
...         got
False
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class ProfileLock:
    """A readers-writer lock, re-entrant per thread (see the module doc)."""

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._readers = 0
        self._writer = False
        self._waiting = 0
        self._local = threading.local()

    def holds(self) -> str | None:
        """``"shared"``, ``"exclusive"`` or ``None``: what this thread holds."""
        return getattr(self._local, "mode", None)

    @contextmanager
    def shared(self) -> Iterator[None]:
        """Hold the lock shared for the block (at once when this thread holds it)."""
        if self.holds() is not None:
            yield
            return
        with self._cond:
            while self._writer or self._waiting:
                self._cond.wait()
            self._readers += 1
        self._local.mode = "shared"
        try:
            yield
        finally:
            self._local.mode = None
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[bool]:
        """Hold the lock alone for the block; yields whether it is held so.  ``False``
        (at once, nothing held) when this thread holds it shared."""
        mode = self.holds()
        if mode is not None:
            yield mode == "exclusive"
            return
        with self._cond:
            self._waiting += 1
            try:
                while self._writer or self._readers:
                    self._cond.wait()
            finally:
                self._waiting -= 1
            self._writer = True
        self._local.mode = "exclusive"
        try:
            yield True
        finally:
            self._local.mode = None
            with self._cond:
                self._writer = False
                self._cond.notify_all()


#: The lock on the OCR profile in force and its memos.
PROFILE = ProfileLock()
