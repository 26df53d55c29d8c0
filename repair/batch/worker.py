"""The per-document function and the per-shard loop, shared by the local and Ray engines.

A :class:`Worker` loads everything a document needs once (references,
substitution pairs, the language model and lexicons, by repairing a small
warm-up text); :meth:`Worker.repair` repairs one document;
:func:`run_shard` repairs a shard and writes its outputs and marker.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from repair.batch.sources import RawDoc, Shard, read_shard
from repair.batch.state import State, atomic_copy, atomic_write_bytes
from repair.config import RepairConfig
from repair.decisions import merge as merge_decisions
from repair.io import InputError, atomic_write, repair_keeping_bom, split_bom
from repair.pipeline import repair_text
from repair.report.json import jsonable
from repair.report.json import matches as lt_matches

#: Repaired once per worker so the lazy resources (LM, lexicons, wordfreq) load
#: before the first real document.
WARMUP_TEXT = (
    "The minister said on Thursday that the goverment would publish its report before "
    "the end of the year, after talks with regional leaders."
)


#: set in pool processes by :func:`watch_parent`
_parent_pid: int | None = None


def watch_parent() -> None:
    """Make :func:`run_shard` exit this process if its parent dies (orphans must not write)."""
    global _parent_pid
    _parent_pid = os.getppid()


class DocTimeout(BaseException):
    """Raised in a worker when a document exceeds ``--doc-timeout``.

    A ``BaseException`` so that no ``except Exception`` inside a stage swallows it.
    """


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`DocTimeout` in this thread after ``seconds`` (Unix main thread only;
    elsewhere, or for ``seconds <= 0``, no limit)."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def _expired(signum: int, frame: Any) -> None:
        raise DocTimeout()

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class WorkerSettings:
    """What every worker needs to build its resources; plain data, so it pickles."""

    input_root: str
    output: str
    references: tuple[str, ...] = ()
    lexicons: tuple[str, ...] = ()
    learned_pairs: str | None = None
    min_confidence: float = RepairConfig.min_confidence
    max_chars: int = RepairConfig.max_chars
    #: use the built-in seed spinner profile (False: ``RepairConfig(spin_profile=None)``)
    profile: bool = True
    #: no automatic OCR self-training per document (``RepairConfig(ocr_self_train=False)``)
    one_pass: bool = False
    #: copy documents that cannot be repaired to the output unchanged (else leave them out)
    keep_failed: bool = False
    #: a document still being repaired after this many seconds is given up (0: no limit)
    doc_timeout: float = 0.0
    #: test hook: seconds to sleep per document (makes kill tests deterministic)
    slow_doc: float = 0.0
    #: the archive's OCR confusion table (``--ocr-table``); None: the shipped one
    ocr_table: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DocResult:
    """What :meth:`Worker.repair` returns for one document."""

    id: str
    text: str | None
    #: the document's line of the JSON Lines report (encoded)
    report: bytes
    words: int = 0
    edits_by_kind: dict[str, int] = field(default_factory=dict)
    failure: dict[str, str] | None = None
    #: the stages' decisions by reason code (:mod:`repair.decisions`)
    decisions: dict[str, dict[str, int]] = field(default_factory=dict)


class Worker:
    """Holds one worker's loaded resources; build it once per process or actor."""

    def __init__(self, settings: WorkerSettings, warm_up: bool = True) -> None:
        from repair.io import read_input
        from repair.score.ocr_table import install

        self.settings = settings
        install(settings.ocr_table)  # a no-op when inherited from the batch's parent
        self.references = tuple(split_bom(read_input(p))[1] for p in settings.references)
        pairs: dict[str, tuple[str, float]] = {}
        paths = [settings.learned_pairs] if settings.learned_pairs else []
        if paths or settings.lexicons:
            from repair.learn import load_pairs

            for path in [*paths, *settings.lexicons]:  # learned pairs win over --lexicon
                for k, v in load_pairs(path).items():
                    pairs.setdefault(k, v)
        self.pairs: Mapping[str, tuple[str, float]] = pairs
        # lexicons are merged into ``pairs`` above, so repair_text does not reload them per doc
        self.config = RepairConfig(
            min_confidence=settings.min_confidence,
            max_chars=settings.max_chars,
            spin_profile=RepairConfig.spin_profile if settings.profile else None,
            ocr_self_train=not settings.one_pass,
        )
        if warm_up:
            repair_text(WARMUP_TEXT, self.references, self.config, pairs=self.pairs)
            # what the English warm-up text does not load (repair_text loads them lazily)
            from repair import normalize
            from repair.resources import frequency
            from repair.score import ocr_channel

            normalize.preload()
            frequency.preload()
            ocr_channel.preload()

    def repair(self, doc: RawDoc) -> DocResult:
        """Repair one document; never raises for a bad document (it becomes a failure)."""
        base = {"id": doc.id, "source": doc.source}
        if doc.line is not None:
            base["line"] = doc.line + 1
        if doc.error is None:
            try:
                with time_limit(self.settings.doc_timeout):
                    result = repair_keeping_bom(
                        doc.text or "",
                        self.references,
                        self.config,
                        repair=repair_text,
                        pairs=self.pairs,
                        doc_id=doc.id,
                    )
                # the shape of `repair fix --report json`: LanguageTool matches
                scores = result.scores.to_json()
                report = {
                    **base,
                    "changed": result.changed,
                    "scores": jsonable(scores),
                    "matches": lt_matches(doc.text or "", result.edits),
                }
                line = _line(report)
            except DocTimeout:
                limit = self.settings.doc_timeout
                doc.error = InputError(doc.id, f"repair took longer than {limit:g} s", "timeout")
            except Exception as exc:  # a stage bug must not stop a million-document batch
                doc.error = InputError(
                    doc.id, f"repair failed: {type(exc).__name__}: {exc}", "repair_error"
                )
            else:
                return DocResult(
                    doc.id,
                    result.text,
                    line,
                    result.scores.words,
                    dict(result.scores.edits_by_kind),
                    decisions=scores["decisions"],
                )
        failure = {
            "id": doc.id,
            "source": doc.source,
            **({"line": doc.line + 1} if doc.line is not None else {}),
            "reason": doc.error.reason,
            "message": doc.error.problem,
        }
        report = {**base, "error": {"reason": doc.error.reason, "message": doc.error.problem}}
        return DocResult(doc.id, None, _line(report), failure=failure)


def memory_kb() -> dict[str, int]:
    """This process's memory: peak RSS, and (Linux) proportional / private set size.

    Forked workers share the parent's loaded resources, which RSS counts in
    full; PSS splits shared pages among the processes, private counts what
    only this process holds.
    """
    out = {"max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}
    try:
        with open("/proc/self/smaps_rollup", encoding="ascii") as fh:
            fields = dict(line.split(":", 1) for line in fh if ":" in line)
    except OSError:
        return out
    kb = {k: int(v.split()[0]) for k, v in fields.items() if v.strip().endswith("kB")}
    out["pss_kb"] = kb.get("Pss", 0)
    out["private_kb"] = kb.get("Private_Clean", 0) + kb.get("Private_Dirty", 0)
    return out


def _line(obj: Any, strict: bool = True) -> bytes:
    """One JSON Lines line; ``strict=False`` for input records (NaN in, NaN out)."""
    return (json.dumps(obj, ensure_ascii=False, allow_nan=not strict) + "\n").encode("utf-8")


def _keep(s: WorkerSettings, shard: Shard, doc: RawDoc, records: list[bytes]) -> None:
    """``--keep-failed``: the document goes to the output as it came in."""
    if shard.kind == "jsonl":
        records.append(doc.raw or b"")
        return
    src = Path(s.input_root) / doc.id
    if src.is_file():
        atomic_copy(src, Path(s.output) / doc.id)


def run_shard(
    worker: Worker, shard: Shard, on_doc: Callable[[int], None] | None = None
) -> dict[str, Any]:
    """Repair every document of ``shard``, write its outputs, then its completion marker.

    ``.txt`` documents are written to their mirrored path at once (atomically);
    JSON Lines records and report lines go to the shard's part files, which
    the engine assembles when every shard is done.  Returns the shard's stats.
    """
    s = worker.settings
    state = State(s.output)
    t0 = time.perf_counter()
    records: list[bytes] = []
    reports: list[bytes] = []
    kinds: Counter[str] = Counter()
    decided: dict[str, dict[str, int]] = {}
    failures: list[dict[str, str]] = []
    docs = words = changed = 0
    for doc in read_shard(Path(s.input_root), shard, s.max_chars):
        if _parent_pid is not None and os.getppid() != _parent_pid:
            os._exit(1)  # the batch was killed: leave the shard unfinished
        if s.slow_doc:
            time.sleep(s.slow_doc)
        res = worker.repair(doc)
        reports.append(res.report)
        if res.failure is not None:
            failures.append(res.failure)
            if s.keep_failed:
                _keep(s, shard, doc, records)
        else:
            docs += 1
            words += res.words
            kinds.update(res.edits_by_kind)
            merge_decisions(decided, res.decisions)
            changed += res.text != doc.text
            if shard.kind == "txt":
                atomic_write(Path(s.output) / doc.id, res.text or "")
            else:
                assert doc.record is not None
                records.append(_line({**doc.record, "text": res.text}, strict=False))
        if on_doc is not None:
            on_doc(1)
    if shard.kind == "jsonl":
        atomic_write_bytes(state.part(shard, "records"), records)
    atomic_write_bytes(state.part(shard, "report"), reports)
    stats = {
        "shard": shard.index,
        "documents": docs,
        "failed": len(failures),
        "changed": changed,
        "words": words,
        "edits": sum(kinds.values()),
        "edits_by_kind": dict(kinds),
        "decisions": decided,
        "failures": failures,
        "seconds": round(time.perf_counter() - t0, 4),
        "pid": os.getpid(),
        **memory_kb(),
    }
    state.complete(shard, stats)
    return stats
