"""``repair batch``: repair a folder of texts or JSON Lines files; resumable."""

from __future__ import annotations

import os
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from repair.cli.app import app
from repair.cli.common import (
    fail,
    lexicon_option,
    min_confidence_option,
    ocr_table_option,
    reference_option,
)
from repair.config import RepairConfig


class Engine(str, Enum):
    local = "local"
    ray = "ray"


class _Progress:
    """A rich progress bar (documents/s and ETA) on stderr, or nothing."""

    def __init__(self, enabled: bool) -> None:
        self.bar: Any = None
        self.task: Any = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("repair batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]} docs/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
            # no refresh thread: worker processes are forked while the bar is up
            auto_refresh=False,
        )
        self._last = 0.0

    def start(self, total: int, done: int) -> None:
        if self.bar is not None:
            self.bar.start()
            self.task = self.bar.add_task("docs", total=total, completed=done, rate="-")
            self.bar.refresh()

    def advance(self, n: int) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.advance(self.task, n)
            speed = self.bar.tasks[0].speed
            self.bar.update(self.task, rate=f"{speed:,.1f}" if speed else "-")
            now = time.monotonic()
            if now - self._last >= 0.1:
                self._last = now
                self.bar.refresh()

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.refresh()
            self.bar.stop()


def _quiet_ray_logs() -> None:
    """Ray Data logs every operator's progress at INFO; keep warnings and errors only."""
    import logging

    try:
        import ray.data  # noqa: F401  (configures its loggers on import)
    except ImportError:
        return  # run_batch says how to install it
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.WARNING)


def _first_pass(quiet: bool, what: str, processes: int = 1) -> Any:
    """Announces a first pass over the corpus (``--learn``, ``--self-train``) on stderr."""
    where = "one process" if processes <= 1 else f"{processes} processes"

    def say(total: int) -> None:
        if not quiet:
            print(
                f"repair batch: {what} over {total:,} documents (first pass, {where})...",
                file=sys.stderr,
            )

    return say


@app.command("batch")
def batch(
    input: Annotated[
        Path,
        typer.Argument(
            help="A folder of .txt and/or JSON Lines (id, text) files, or one file.",
            readable=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Argument(
            help="Output folder (new, or a killed run's folder to resume it).", readable=False
        ),
    ],
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores).")
    ] = os.cpu_count() or 1,
    engine: Annotated[
        Engine, typer.Option("--engine", help="local (process pool) or ray (Ray Data actors).")
    ] = Engine.local,
    reference: Annotated[
        list[Path] | None,
        reference_option(
            "Clean texts given as references to every document (a folder: its *.txt)."
        ),
    ] = None,
    lexicon: Annotated[list[Path] | None, lexicon_option()] = None,
    ocr_table: Annotated[Path | None, ocr_table_option()] = None,
    self_train: Annotated[
        bool | None,
        typer.Option(
            "--self-train/--no-self-train",
            help="First learn the corpus's own OCR profile (as `repair learn --ocr`; kept in "
            "OUTPUT/.repair-batch/ocr_table.tsv) and repair with it. Default: automatic "
            "(repair.batch.ocr_auto.AUTO_SELF_TRAIN): when 20+ documents, 7,500+ words, read "
            "as garbled OCR, learn from those, and repair with it unless a cross-fit says the "
            "tables in force already know the corpus.",
            show_default=False,
        ),
    ] = None,
    one_pass: Annotated[
        bool,
        typer.Option(
            "--one-pass",
            help="No automatic self-training per document: a garbled OCR document of up to "
            "20 k words is otherwise repaired, self-trained on, and repaired again (about "
            "twice the time on such a document).",
        ),
    ] = False,
    min_confidence: Annotated[float, min_confidence_option()] = RepairConfig.min_confidence,
    learn: Annotated[
        bool,
        typer.Option("--learn", help="First learn the spinner's substitutions over the corpus."),
    ] = False,
    profile: Annotated[
        bool,
        typer.Option(
            help="Use the built-in seed spinner profile, for --learn and the repair "
            "(--no-profile: an unknown spinner, from the corpus's own evidence)."
        ),
    ] = True,
    shard_words: Annotated[
        int,
        typer.Option(
            "--shard-words",
            min=1,
            help="Words per shard (estimated from bytes): the unit of work and of resume.",
        ),
    ] = 5_000,  # repair.batch.sources.SHARD_WORDS (not imported: keeps `repair --help` light)
    shard_size: Annotated[
        int,
        typer.Option("--shard-size", min=1, help="At most this many documents per shard."),
    ] = 1000,
    keep_failed: Annotated[
        bool,
        typer.Option(
            "--keep-failed",
            help="Copy documents that cannot be repaired to OUTPUT unchanged (default: omit).",
        ),
    ] = False,
    doc_timeout: Annotated[
        float,
        typer.Option(
            "--doc-timeout",
            min=0.0,
            help="Give up a document after this many seconds (reason 'timeout'); 0: no limit.",
        ),
    ] = 600.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or table.")] = False,
) -> None:
    """Repair every document of INPUT into OUTPUT; run the same command again to resume.

    Writes the repaired texts (mirrored paths), a JSON Lines report per input
    (scores and edits per document), and OUTPUT/summary.json. Documents that
    cannot be repaired (binary, undecodable, empty, too large, malformed JSON)
    are skipped and listed with their reason.
    """
    from repair.batch import BatchError, BatchOptions, run_batch
    from repair.batch.summary import print_summary

    opts = BatchOptions(
        input=input,
        output=output,
        jobs=jobs,
        engine=engine.value,
        references=tuple(reference or ()),
        lexicons=tuple(lexicon or ()),
        min_confidence=min_confidence,
        learn=learn,
        profile=profile,
        one_pass=one_pass,
        shard_size=shard_size,
        shard_words=shard_words,
        doc_timeout=doc_timeout,
        keep_failed=keep_failed,
        slow_doc=float(os.environ.get("REPAIR_BATCH_SLOW_DOC", "0") or 0),
        ocr_table=ocr_table,
        self_train=self_train,
    )
    if engine is Engine.ray:
        _quiet_ray_logs()
    from repair.batch.runner import pool_jobs

    progress = _Progress(enabled=not quiet and sys.stderr.isatty())
    try:
        summary = run_batch(
            opts,
            progress.start,
            progress.advance,
            quiet=quiet,
            on_learn=_first_pass(quiet, "learning substitution pairs"),
            on_self_train=_first_pass(quiet, "self-training the OCR table", pool_jobs(opts)),
        )
    except BatchError as exc:
        raise fail(str(exc)) from None
    except KeyboardInterrupt:
        progress.stop()
        raise fail(
            "interrupted; finished shards are kept: run the same command to resume", 130
        ) from None
    except ModuleNotFoundError as exc:
        if exc.name == "repair.learn":
            raise fail("--learn needs repair.learn, which this installation lacks") from None
        raise
    finally:
        progress.stop()
    if not quiet:
        print_summary(summary)
