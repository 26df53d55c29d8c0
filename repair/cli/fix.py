"""``repair fix``: repair one text; corrected text to stdout or ``-o``, report to stderr."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from repair import ocr_windows
from repair.cli.app import app
from repair.cli.common import (
    EXIT_CHANGES,
    EXIT_USAGE,
    check_writable_target,
    fail,
    install_ocr_table,
    lexicon_option,
    min_confidence_option,
    ocr_table_option,
    read_or_exit,
    read_references,
    reference_option,
    require_lexicons,
    say,
    write_stderr,
    write_stdout,
)
from repair.cli.params import Argument, Exit, Option
from repair.config import RepairConfig
from repair.io import (
    InputError,
    OutputError,
    atomic_write,
    atomic_write_bytes,
    repair_keeping_bom,
    same_file,
)
from repair.stages import REGISTRY, names, score_fields

if TYPE_CHECKING:
    from repair.types import RepairResult
    from repair.window_counts import WholeCounts

#: The smallest ``--window-chars``: a window must hold enough words for page statistics.
MIN_WINDOW_CHARS = 20_000
#: In a one-shot process (:data:`repair.cli.ONE_SHOT`: it ends by ``os._exit`` once the result
#: is written) the cyclic collector is paused *before* the whole-text repair, so that the
#: pipeline's own pause (:func:`repair.pipeline._cyclic_gc_paused`) finds it off and leaves it
#: off: before, the collector came back when the document was repaired and its first run, at
#: the next allocation, scanned every object the repair had made and kept (the loaded
#: lexicons among them) -- a generation-0 collection of ~0.33 s on the 100 k-word OCR speed
#: text (2.3 % of its CPU; 0.16 s of a 20 k-word text), inside the pipeline, before the pause
#: below could spare it.  No output depends on the collector: exact (issue 14, session 59,
#: speedocr59).  False: paused only after the repair, as before.
PAUSE_BEFORE = True
#: The scores the summary line shows: those of the stages that run by default.
SCORE_FIELDS = tuple(f for f, _label in score_fields(opt_in=False))
_ONLY_HELP = "Run only these stages (repeatable): " + "; ".join(
    f"{s.name}: {s.help}{'' if s.default else ' (off by default)'}" for s in REGISTRY
)


class ReportFormat(str, Enum):
    none = "none"
    diff = "diff"
    html = "html"
    json = "json"


def _summary(name: str, result) -> str:
    s = result.scores
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(s.edits_by_kind.items())) or "none"
    skipped = sorted({r.split(":", 1)[1] for r in s.skipped if r.endswith("non_english")})
    note = "; not repaired: the text does not look like English" if skipped else ""
    scores = ", ".join(f"{f} {getattr(s, f):.2f}" for f in SCORE_FIELDS)
    return f"{name}: {s.edits} edits ({kinds}) in {s.words} words{note}; scores: {scores}"


def _self_train(text: str, config: RepairConfig, quiet: bool) -> None:
    """``--self-train``: the OCR profile in force self-trained on this text alone and put
    in force (:func:`repair.score.ocr_docself.self_train`)."""
    from repair.score.ocr_docself import self_train

    learned = self_train([text], config)
    if not quiet:
        say(
            f"repair fix: self-trained on the text ({learned.repriced} rows repriced, "
            f"{len(learned.new)} new, {len(learned.marks)} mark rows)"
        )


@app.command("fix")
def fix(
    file: Annotated[str, Argument(help="Text file to repair (UTF-8), or - for stdin.")],
    reference: Annotated[
        list[Path] | None,
        reference_option(
            "Clean text on the same story (repeatable; a folder means its *.txt files)."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        Option(
            "--output",
            "-o",
            help="Write the repaired text here (atomically) instead of stdout.",
            readable=False,
        ),
    ] = None,
    report: Annotated[
        ReportFormat,
        Option("--report", help="Report format: a unified diff, an HTML page, or JSON."),
    ] = ReportFormat.none,
    report_file: Annotated[
        Path | None,
        Option(
            "--report-file",
            help="Write the report here instead of stderr (needed for html on a terminal).",
            readable=False,
        ),
    ] = None,
    min_confidence: Annotated[float, min_confidence_option()] = RepairConfig.min_confidence,
    lexicon: Annotated[list[Path] | None, lexicon_option()] = None,
    ocr_table: Annotated[Path | None, ocr_table_option()] = None,
    self_train: Annotated[
        bool,
        Option(
            "--self-train",
            help="First self-train the OCR profile in force on FILE itself (as `repair "
            "learn --ocr` on this one text; nothing is kept), then repair with it. About "
            "twice the time.",
        ),
    ] = False,
    one_pass: Annotated[
        bool,
        Option(
            "--one-pass",
            help="No automatic self-training: a garbled OCR text of up to 20 k words is "
            "otherwise repaired, self-trained on, and repaired again (about twice the time "
            "on such a text).",
        ),
    ] = False,
    only: Annotated[
        list[str] | None,
        Option("--only", help=_ONLY_HELP),
    ] = None,
    profile: Annotated[
        bool,
        Option(
            "--profile/--no-profile",
            help="Use the built-in seed spinner profile (--no-profile: spinner-agnostic "
            "evidence only, plus any --lexicon).",
        ),
    ] = True,
    reflow: Annotated[
        bool, Option("--reflow", help="Re-flow hard-wrapped (OCR) lines into paragraphs.")
    ] = False,
    check: Annotated[
        bool, Option("--check", help="Write nothing; exit 3 if the text would be changed.")
    ] = False,
    quiet: Annotated[bool, Option("--quiet", "-q", help="No summary line on stderr.")] = False,
    window_chars: Annotated[
        int | None,
        Option(
            "--window-chars",
            min=MIN_WINDOW_CHARS,
            help="Texts over 1 M code points are repaired by paragraph windows of about this "
            "many code points; smaller windows use less memory on big OCR files and measure "
            "page statistics on less text (default 250,000; benchmarks/RESULTS.md, "
            "session 15).",
        ),
    ] = None,
) -> None:
    """Repair FILE and print the corrected text.

    Exit codes: 0 done, 1 input/output problem, 2 bad usage, 3 changes found (--check).
    """
    stages = names()
    if only:
        unknown = sorted(set(only) - set(stages))
        if unknown:
            raise fail(
                f"unknown stage(s) for --only: {', '.join(unknown)}; known: {', '.join(stages)}", 2
            )
    if output is not None and file != "-":
        if same_file(output, file):
            raise fail(f"{output}: refusing to overwrite the input file; choose another -o path")
    for ref in reference or []:
        if output is not None and same_file(output, ref):
            raise fail(f"{output}: refusing to overwrite a reference file")
    if report_file is not None and (
        same_file(report_file, file) or (output and same_file(report_file, output))
    ):
        raise fail(f"{report_file}: refusing to overwrite the input or output with the report")
    if report is ReportFormat.html and report_file is None and _is_tty(sys.stderr):
        raise fail(
            "--report html writes a whole web page: give --report-file report.html "
            "(or redirect stderr to a file)",
            EXIT_USAGE,
        )
    if output is not None:
        check_writable_target(output, "the repaired text")
    if report_file is not None:
        check_writable_target(report_file, "the report")
    pairs = _load_lexicons(lexicon or [])
    install_ocr_table(ocr_table)

    text = read_or_exit(file)
    references = read_references(reference)
    config = RepairConfig(min_confidence=min_confidence, reflow=reflow)
    if window_chars is not None:
        config = replace(config, window_chars=window_chars)
    if not profile:
        config = replace(config, spin_profile=None)
    if one_pass:
        config = replace(config, ocr_self_train=False)
    if only:
        config = replace(config, **{s: s in only for s in stages})
    if report in (ReportFormat.json, ReportFormat.html):  # they list the declined spans
        config = replace(config, keep_declined=True)
    if self_train:
        _self_train(text, config, quiet)
    name = "<stdin>" if file == "-" else file
    config = ocr_windows.window_config(text, config)  # OFF: main's config
    if report is ReportFormat.none and len(text) > config.whole_document_chars:
        # a file is read again piece by piece: memory holds one window, not the input
        source = _pieces(text) if file == "-" else _file_pieces(file)
        # the whole text's counts from a first reading (repair.window_counts.WINDOW_COUNTS)
        held = text if file == "-" else None
        again = (lambda: _pieces(held)) if held is not None else (lambda: _file_pieces(file))
        del text
        try:
            counts = _first_pass(again, references, config, pairs)
            _fix_by_windows(source, references, config, pairs, name, output, check, quiet, counts)
        except InputError as exc:  # the file changed since it was checked
            kept = output is not None or check
            done = "nothing was written" if kept else "the output is incomplete"
            raise fail(f"{exc}; {done}") from None
        return
    if PAUSE_BEFORE and _one_shot():
        gc.disable()  # :data:`PAUSE_BEFORE`: never re-enabled in this process
    try:
        result = repair_keeping_bom(text, references, config, pairs=pairs)
    except KeyboardInterrupt:
        raise fail("interrupted; nothing was written", 130) from None
    if _one_shot():
        # the process ends once the result is written (:func:`repair.cli.entry`): no
        # cyclic collection scans the repair's survivors first (the pipeline paused it;
        # its first run after the repair took ~2 % of a 100 k-word OCR text; issue 14)
        gc.disable()

    if check:
        if not quiet:
            say(_summary(name, result))
        raise Exit(EXIT_CHANGES if result.changed else 0)

    try:
        if output is not None:
            atomic_write(output, result.text, make_parents=False)
        else:
            write_stdout(result.text)
        if report is not ReportFormat.none:
            _write_report(result, report.value, name, report_file)
    except OutputError as exc:
        raise fail(str(exc)) from None
    if not quiet:
        say(_summary(name, result))


#: ``--report-file``: write the report piece by piece into the temp file renamed at the end
#: (:func:`repair.report.render_pieces`: the JSON report's matches each built as written),
#: so a big text's report is never held whole (its dicts of every match, the whole string
#: and its UTF-8 bytes: three copies of every edit's evidence beside the result; issue 14).
#: The same bytes (tests/test_report_stream45.py).  Peak RSS of ``repair fix FILE
#: --report json --report-file R`` on ``benchmarks/spin_big_text.py --chars 1300000``
#: (14,772 matches, 56,355 declined spans; session 45, mem45): 613.9 -> 384.8 MB (the
#: repair's own peak: 375 MB before the report), CPU 47.0 / 41.9 s (one pair, load ~7),
#: report and text byte-identical.  False: rendered whole.
STREAM_REPORT = True


def _write_report(result: RepairResult, fmt: str, name: str, report_file: Path | None) -> None:
    """Write ``result``'s report in format ``fmt`` to ``report_file`` (atomically), or to
    stderr when None."""
    from repair.report import render, render_pieces

    if report_file is None:
        write_stderr(render(result, fmt, name=name))
    elif STREAM_REPORT:
        pieces = render_pieces(result, fmt, name=name)
        atomic_write_bytes(report_file, (p.encode("utf-8") for p in pieces), make_parents=False)
    else:
        atomic_write(report_file, render(result, fmt, name=name), make_parents=False)


def _one_shot() -> bool:
    """Whether this process was started by :func:`repair.cli.entry` (it ends by ``os._exit``)."""
    cli = sys.modules.get("repair.cli")
    return bool(getattr(cli, "ONE_SHOT", False))


_PIECE = 1 << 20


def _pieces(text: str) -> Iterator[str]:
    """``text`` in pieces of :data:`_PIECE` code points."""
    for i in range(0, len(text), _PIECE):
        yield text[i : i + _PIECE]


def _file_pieces(path: str) -> Iterator[str]:
    """The text of ``path`` (already read and checked as UTF-8 by :func:`read_or_exit`)
    in pieces of :data:`_PIECE` code points; a byte-order mark stays, as there."""
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            while piece := fh.read(_PIECE):
                yield piece
    except (OSError, UnicodeDecodeError) as exc:
        # the file was checked when first read: it changed (or went) since
        detail = getattr(exc, "strerror", None) or exc.__class__.__name__
        raise InputError(path, f"changed while being read ({detail})", "changed") from None


#: ``repair fix`` on a big text (the window path, no report): each window's result (its
#: text, output, edits with their evidence, scores) is dropped before the next window is
#: repaired, and only the counts the summary line shows are kept of its scores
#: (:func:`repair.pipeline.summary_scores`: not the stages' details); before, the loop
#: still held the previous window's result while the next one ran, and every window's
#: details to the end (issue 14).  ``benchmarks/spin_big_text.py --mb 5`` (session 46,
#: mem46): between windows 1 and 2, 3,575 ``Edit`` objects (and ~3 k dicts and lists of
#: their evidence) no longer alive, 4 MB fewer live blocks.  Exact: the same text and
#: summary line (tests/test_window_release46.py).  False: the previous behaviour.
RELEASE_WINDOWS = True


def _first_pass(
    source: Callable[[], Iterator[str]],
    references: list[str],
    config: RepairConfig,
    pairs: dict[str, tuple[str, float]],
) -> WholeCounts | None:
    """The whole-text counts of a big text read in pieces by ``source()`` (its byte-order
    mark left out, as :func:`_fix_by_windows` reads it;
    :func:`repair.pipeline.first_pass_stream`)."""
    from itertools import chain

    from repair.io import split_bom
    from repair.pipeline import first_pass_stream

    def pieces() -> Iterator[str]:
        it = source()
        _bom, head = split_bom(next(it, ""))
        return chain((head,), it)

    return first_pass_stream(pieces, references, config, pairs=pairs)


def _fix_by_windows(
    source: Iterator[str],
    references: list[str],
    config: RepairConfig,
    pairs: dict[str, tuple[str, float]],
    name: str,
    output: Path | None,
    check: bool,
    quiet: bool,
    counts: WholeCounts | None = None,
) -> None:
    """A big text: repair it window by window and write each window's text as it comes
    (``-o``: into the temp file renamed at the end), reading ``source`` (the text in
    pieces) as it goes, so memory holds one window (:func:`repair.pipeline.repair_stream`)."""
    from itertools import chain

    from repair.io import split_bom
    from repair.pipeline import combine_scores, repair_stream, summary_scores
    from repair.resources.heap import bound_heap_growth
    from repair.types import DocScores, RepairResult

    bound_heap_growth()  # the windows' freed memory goes back, not into the heap's holes

    bom, head = split_bom(next(source, ""))
    rest = chain((head,), source)
    scores: list[DocScores] = []
    changed = False

    def kept(result: RepairResult) -> RepairResult:
        """What the summary line and the output need of a window's result (with
        :data:`repair.window_fork.FORK_WINDOWS`, all a window's child sends back)."""
        return replace(result, edits=(), declined=(), scores=summary_scores(result.scores))

    def pieces() -> Iterator[str]:
        nonlocal changed
        stream = repair_stream(
            rest, references, config, pairs=pairs, counts=counts,
            kept=kept if RELEASE_WINDOWS else None,
        )  # fmt: skip
        for start, part in stream:
            changed = changed or part.changed
            piece = (bom if start == 0 else "") + part.text
            if not RELEASE_WINDOWS:
                scores.append(part.scores)
                yield piece
                continue
            scores.append(part.scores)  # :func:`summary_scores` of the window's scores
            del part  # not alive while the next window is repaired
            yield piece

    try:
        if check:
            for _ in pieces():
                pass
        elif output is not None:
            atomic_write_bytes(output, (p.encode("utf-8") for p in pieces()), make_parents=False)
        else:
            for piece in pieces():
                write_stdout(piece)
    except KeyboardInterrupt:
        done = "nothing was written" if output is not None or check else "the output is incomplete"
        raise fail(f"interrupted; {done}", 130) from None
    except OutputError as exc:
        raise fail(str(exc)) from None
    if not quiet:
        say(_summary(name, RepairResult("", "", (), combine_scores(scores))))
    if check:
        raise Exit(EXIT_CHANGES if changed else 0)


def _is_tty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def _load_lexicons(paths: list[Path]) -> dict[str, tuple[str, float]]:
    """The ``--lexicon`` pairs (the first file wins a clash); a bad file exits 1, one line."""
    pairs: dict[str, tuple[str, float]] = {}
    if not paths:
        return pairs
    from repair.learn import load_pairs
    from repair.lexicons import LexiconError

    require_lexicons(paths)
    for lx in paths:
        try:
            for k, v in load_pairs(lx).items():
                pairs.setdefault(k, v)
        except LexiconError as exc:
            raise fail(str(exc)) from None
    return pairs
