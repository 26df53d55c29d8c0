"""The repair engine of the server: resources loaded once, bounded concurrent runs.

Every request's repair runs in a worker thread (at most :attr:`Limits.workers`
at once, the rest wait their turn) under a deadline of :attr:`Limits.timeout`
seconds; a request past its deadline gets a 503 while the server goes on
serving.  Python cannot stop a thread, so an abandoned repair still finishes
in the background; the body-size limit bounds how long that can be.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import partial

from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.types import RepairResult

#: Text repaired once at start-up so every stage loads its lexicons and the
#: language model before the first request: spin, tortured, OCR and mojibake.
WARM_UP_TEXT = (
    "Chinese language chief Xi Jinping mentioned the assembly would begin earlier than "
    "deliberate. The profound learning model makes use of counterfeit consciousness and "
    "irregular woodland classifiers. The caf\u00c3\u00a9 opened at noon &amp; closed late.\n"
    "Both men called the long talks in the port city cordial and useful.\n"
)
#: A garbled page warms the ocr stage (on its own: the synonym stages skip OCR pages).
WARM_UP_OCR = "Tbe kingwas walking in tbe garden with his con-\ncrete plans.\n"
#: A reference for the warm-up: aligned sentences load the reference-pair path
#: (and its thesaurus: "cordial" -> "friendly").
WARM_UP_REFERENCE = (
    "Chinese leader Xi Jinping said the meeting would begin before noon.\n"
    "Both men called the long talks in the port city friendly and useful.\n"
)


class RepairTimeout(Exception):
    """A repair did not finish within the request's deadline."""


@dataclass(frozen=True)
class Limits:
    """What one request may cost."""

    #: Largest request body accepted (bytes); larger gets 413.
    max_bytes: int = 1_000_000
    #: Seconds a request may wait and run before it gets 503.
    timeout: float = 60.0
    #: Repairs running at once (threads); others queue.
    workers: int = 2


@dataclass
class Engine:
    """Holds the default configuration, the limits and the warm-up state."""

    config: RepairConfig = field(default_factory=RepairConfig)
    limits: Limits = field(default_factory=Limits)
    ready: bool = False
    warm_up_seconds: float = 0.0
    _limiter: object = None

    def warm_up(self) -> float:
        """Load every stage's resources now (once); return the seconds it took."""
        if not self.ready:
            t0 = time.perf_counter()
            repair_text(WARM_UP_TEXT, [WARM_UP_REFERENCE], self.config)
            repair_text(WARM_UP_OCR, (), self.config)
            # lemminflect's tables load on the first inflected tortured phrase: load them now
            from repair.resources.lemmas import getAllInflections, getAllLemmas

            getAllLemmas("forests")
            getAllInflections("forest", "NOUN")
            # the reverse spin reading inflects words lemminflect does not list: its
            # out-of-vocabulary model (a pickled numpy container) loads on the first one
            from repair.resources.lemmas import getAllInflectionsOOV

            getAllInflectionsOOV("forest", "NOUN")
            from lemminflect.core.Inflections import Inflections

            styles = Inflections()._getInflStyleModel()
            if hasattr(styles, "load_model"):  # the table's fall-back: the model itself
                styles.load_model()
            # what the warm-up text does not load: wordfreq's tokenizer (digits, rare
            # scripts) and ftfy (as the batch worker's warm-up does)
            from repair import normalize
            from repair.resources import frequency
            from repair.score import ocr_channel

            normalize.preload()
            frequency.preload()
            ocr_channel.preload()  # a short text reads only the dictionary's sorted lines
            self.warm_up_seconds = time.perf_counter() - t0
            self.ready = True
        return self.warm_up_seconds

    async def repair(
        self,
        text: str,
        references: tuple[str, ...] = (),
        config: RepairConfig | None = None,
    ) -> RepairResult:
        """``repair_text`` in a worker thread, bounded by :attr:`Limits.timeout`."""
        import anyio
        import anyio.to_thread

        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(max(1, self.limits.workers))
        job = partial(repair_text, text, references, config or self.config)
        try:
            with anyio.fail_after(self.limits.timeout):
                return await anyio.to_thread.run_sync(
                    job,
                    abandon_on_cancel=True,
                    limiter=self._limiter,  # type: ignore[arg-type]
                )
        except TimeoutError:
            raise RepairTimeout(
                f"the repair took longer than {self.limits.timeout:g} s "
                "(server busy or text too long); try again or send a shorter text"
            ) from None
