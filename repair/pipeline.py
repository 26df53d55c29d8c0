"""The pipeline: normalize (encoding) → detect → candidates → score → write.

:data:`STAGES` is the one ordered registry.  Each stage sees the text left by
the previous ones; :func:`repair.write.compose` maps its edits back onto the
original input, so the result's edits are always spans on the input.
"""

from __future__ import annotations

import functools
import gc
import re
import sys
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from itertools import chain
from typing import TypeVar

from repair import ocr_windows, window_counts
from repair.config import RepairConfig
from repair.detect import spin_document as spin_doc
from repair.detect.ocr_language import ENGLISH_FUNCTION, english_list_text
from repair.detect.spin_document import document_score as document_spin
from repair.detect.spin_document import paraphrase_evidence, profile_as_read
from repair.document import Document
from repair.resources.frequency import zipf
from repair.stages import REGISTRY, StageSpec, load_stage
from repair.types import SCORE_FIELDS, Declined, DocScores, Edit, RepairResult
from repair.write import (
    Restored,
    apply_edits,
    compose,
    restored_spans,
    select_disjoint,
    spans_to_base,
)

#: stage name -> its declaration, in pipeline order (declared once in
#: :data:`repair.stages.REGISTRY`: config flag, edit kinds, score field, English-only).
STAGES: dict[str, StageSpec] = {s.name: s for s in REGISTRY}


#: A word counts as English when its wordfreq Zipf frequency is at least this.
#: Measured (share of 2+-letter words at Zipf >= 3): seeds 0.97-0.98, ICDAR 2017
#: OCR English 0.86-0.93; German 0.38, French 0.50, Spanish 0.57 news sentences.
_COMMON_ZIPF = 3.0


def english_share(doc: Document) -> float:
    """Share of word tokens (of 2+ letters, first 2,000) that are common English words."""
    ws = [t.text for t in doc.words if len(t.text) > 1][:2000]
    if len(ws) < 5:
        return 1.0
    return sum(1 for w in ws if zipf(w.lower()) >= _COMMON_ZIPF) / len(ws)


#: A text whose common-word share is low (heavy OCR garble) is still English when this
#: share of its word tokens are English function words.
ENGLISH_FUNCTION_SHARE = 0.04


def english_function_share(doc: Document) -> float:
    """Share of word tokens (first 2,000) that are English function words
    (:data:`repair.detect.ocr_language.ENGLISH_FUNCTION`)."""
    ws = [t.text.lower() for t in doc.words[:2000]]
    return sum(1 for w in ws if w in ENGLISH_FUNCTION) / len(ws) if ws else 0.0


_F = TypeVar("_F", bound=Callable[..., object])
_T = TypeVar("_T")


def _cyclic_gc_paused(fn: _F) -> _F:
    """Run ``fn`` with the cyclic garbage collector paused (reference counting still frees).

    A repair allocates hundreds of thousands of small acyclic objects (tokens,
    candidates); each allocation burst makes the collector walk every tracked
    object, the loaded lexicons included.  Pausing it cut the CPU time of a
    100 k-word document by 9 % (clean news) to 21 % (OCR); the pipeline builds
    few reference cycles (peak RSS +2 %), and they are collected once the
    collector runs again.  The previous state is restored (nested or threaded
    calls leave it enabled if it was).
    """

    @functools.wraps(fn)
    def wrapper(*args: object, **kwargs: object) -> object:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper  # type: ignore[return-value]


def repair_text(
    text: str,
    references: Iterable[str] = (),
    config: RepairConfig | None = None,
    *,
    pairs: Mapping[str, tuple[str, float]] | None = None,
    doc_id: str = "",
) -> RepairResult:
    """Repair ``text``; return the repaired text, the edits (spans on ``text``) and scores.

    >>> r = repair_text("Clean text stays as it is.")
    >>> r.text == "Clean text stays as it is.", r.edits
    (True, ())
    """
    from repair import flagmemo

    with flagmemo.document():  # memos read under a flag flipped since the last one emptied
        return _repair_text(text, references, config, pairs=pairs, doc_id=doc_id)


def _repair_text(
    text: str,
    references: Iterable[str],
    config: RepairConfig | None,
    *,
    pairs: Mapping[str, tuple[str, float]] | None,
    doc_id: str,
) -> RepairResult:
    """:func:`repair_text` between its two flag checks."""
    from repair.score import ocr_docself

    if (
        ocr_docself.AUTO
        and not ocr_docself.busy()
        and (config is None or (config.ocr and config.ocr_self_train))
    ):
        return ocr_docself.auto_repair(
            repair_text, text, references, config, pairs=pairs, doc_id=doc_id
        )
    config, merged = _with_lexicons(config or RepairConfig(), pairs)
    references = tuple(references)
    config = ocr_windows.window_config(text, config)  # OFF: main's config
    if len(text) > config.whole_document_chars:
        # each window runs with the collector paused, and it runs between windows
        parts = repair_windows(text, references, config, pairs=merged)
        return combine_windows(text, parts if STREAM_COMBINE else list(parts))
    return _gc_paused_document(text, references, config, merged, doc_id)


def _with_lexicons(
    config: RepairConfig, pairs: Mapping[str, tuple[str, float]] | None
) -> tuple[RepairConfig, dict[str, tuple[str, float]]]:
    """``pairs`` plus the pairs of ``config.lexicons`` (read once), and the config without them."""
    merged = dict(pairs or {})
    if config.lexicons:
        from repair.learn import load_pairs

        for path in config.lexicons:
            for k, v in load_pairs(path).items():
                merged.setdefault(k, v)
        config = replace(config, lexicons=())
    return config, merged


#: A paragraph break: a line break, then blank lines (spaces or tabs only).
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t\r\f\v]*\n)+")
_LINE_BREAK = re.compile(r"\n")
_SPACE = re.compile(r"\s+")


def paragraph_windows(text: str, size: int) -> Iterator[tuple[int, int]]:
    r"""``(start, end)`` spans that cover ``text`` in order, cut between paragraphs.

    A window holds at least ``size`` code points (the last one may be shorter) and
    ends after the first paragraph break (a blank line) at or after that point; when
    none comes within another ``size`` code points, after the last line break there,
    else after the last run of white space, else at ``start + size``.  So no window is
    longer than ``2 * size`` plus one run of blank lines.

    >>> text = "one two.\n\nthree four.\n\nfive.\n"
    >>> [text[a:b] for a, b in paragraph_windows(text, 8)]
    ['one two.\n\n', 'three four.\n\n', 'five.\n']
    """
    if size < 1:
        raise ValueError("window size must be positive")
    start, n = 0, len(text)
    while n - start > size:
        limit = min(n, start + 2 * size)
        m = _PARAGRAPH_BREAK.search(text, start + size, limit)
        if m is not None:
            end = m.end()
        else:
            end = _last_end(_LINE_BREAK, text, start + size, limit)
            end = end or _last_end(_SPACE, text, start + size, limit) or start + size
        yield start, end
        start = end
    if start < n or n == 0:
        yield start, n


def stream_windows(chunks: Iterable[str], size: int) -> Iterator[str]:
    r"""The window texts of :func:`paragraph_windows` over ``"".join(chunks)``, reading
    ``chunks`` only as far as the next cut needs (``2 * size`` code points ahead), so a
    caller that reads a file piece by piece never holds the whole text (issue 14).

    >>> list(stream_windows(["one two.\n", "\nthree four.\n\nfi", "ve.\n"], 8))
    ['one two.\n\n', 'three four.\n\n', 'five.\n']
    """
    if size < 1:
        raise ValueError("window size must be positive")
    pieces = iter(chunks)
    buf, eof, yielded = "", False, False
    while True:
        # paragraph_windows looks at text[start:start + 2 * size] and asks whether more
        # than ``size`` code points are left: with more than 2 * size buffered (or all
        # of the rest) both have the answers they have on the whole text
        parts = [buf]
        held = len(buf)
        while not eof and held <= 2 * size:
            piece = next(pieces, None)
            if piece is None:
                eof = True
            elif piece:
                parts.append(piece)
                held += len(piece)
        buf = "".join(parts) if len(parts) > 1 else buf
        if len(buf) <= size:
            if buf or not yielded:
                yield buf
            return
        end = next(paragraph_windows(buf[: 2 * size + 1], size))[1]
        yield buf[:end]
        yielded = True
        buf = buf[end:]


def _last_end(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int:
    """The end of the last match of ``pattern`` in ``text[lo:hi]``, 0 if none."""
    end = 0
    for m in pattern.finditer(text, lo, hi):
        end = m.end()
    return end


def repair_windows(
    text: str,
    references: Iterable[str] = (),
    config: RepairConfig | None = None,
    *,
    pairs: Mapping[str, tuple[str, float]] | None = None,
    doc_id: str = "",
) -> Iterator[tuple[int, RepairResult]]:
    """``(offset, result)`` for each :func:`paragraph_windows` window of ``text``, each
    repaired as a document of its own (``config.window_chars`` code points or more;
    :func:`repair_text` does this for texts over ``config.whole_document_chars``).

    Memory: one window's tokens, candidates and edits are alive at a time, so a caller
    that writes each window's text as it comes (``repair fix`` on a big file) holds the
    input and one window, whatever the document's length.  What differs from repairing
    the whole text at once: the document-level statistics (spin, garble, tortured
    scores and their gates, pair consistency) are each window's; a window of 250 k code
    points holds ~42 k words, so these are still measured on a large sample.  With
    :data:`repair.window_counts.WINDOW_COUNTS`, the spin stage's raw counts (the words
    written, its rows' mappings) are the whole text's, from a first pass over every
    window (:func:`first_pass`).
    """
    config, merged = _with_lexicons(config or RepairConfig(), pairs)
    references = tuple(references)
    spans = list(paragraph_windows(text, config.window_chars))  # a few integers a window
    counts = None
    if window_counts.WINDOW_COUNTS:
        counts = first_pass(lambda: (text[a:b] for a, b in spans), references, config, pairs=merged)
    for k, (start, end) in enumerate(spans):
        _between_windows(k)
        with window_counts.in_window(counts, k, text[start:end]):
            result = _gc_paused_document(text[start:end], references, config, merged, doc_id)
        yield start, result


def repair_stream(
    chunks: Iterable[str],
    references: Iterable[str] = (),
    config: RepairConfig | None = None,
    *,
    pairs: Mapping[str, tuple[str, float]] | None = None,
    doc_id: str = "",
    counts: window_counts.WholeCounts | None = None,
    kept: Callable[[RepairResult], _T] | None = None,
) -> Iterator[tuple[int, RepairResult | _T]]:
    """:func:`repair_windows` of ``"".join(chunks)``, read piece by piece
    (:func:`stream_windows`): the same windows and results, and the whole text is never
    held (``repair fix`` on a big file reads it this way).  ``counts``: the whole text's
    counts (:func:`first_pass_stream` of the same text, read before), which each window
    reads with its own (:data:`repair.window_counts.WINDOW_COUNTS`).  ``kept``: what the
    caller keeps of a window's result (yielded instead of it); with
    :data:`repair.window_fork.FORK_WINDOWS` each window is then repaired in a child
    process that sends back only that (:mod:`repair.window_fork`)."""
    from repair import window_fork

    config, merged = _with_lexicons(config or RepairConfig(), pairs)
    references = tuple(references)
    start = 0

    def window_result(k: int, window: str) -> RepairResult:
        _between_windows(k)
        with window_counts.in_window(counts, k, window):
            return _gc_paused_document(window, references, config, merged, doc_id)

    def kept_result(k: int, window: str) -> _T:
        return kept(window_result(k, window))  # type: ignore[misc]

    try:
        for k, window in enumerate(stream_windows(chunks, config.window_chars)):
            if kept is None:
                result: RepairResult | _T = window_result(k, window)
            elif window_fork.FORK_WINDOWS and window_fork.can_fork():
                result = window_fork.run_apart(kept_result, k, window, keep=True)
            else:
                result = kept_result(k, window)
            yield start, result
            del result
            start += len(window)
    finally:
        window_fork.release()  # a child kept for a next window (window_fork.KEEP_CHILD)


def first_pass(
    windows: Callable[[], Iterable[str]],
    references: Iterable[str] = (),
    config: RepairConfig | None = None,
    *,
    pairs: Mapping[str, tuple[str, float]] | None = None,
) -> window_counts.WholeCounts:
    """The whole-text counts the windows read (:func:`repair.window_counts.first_pass`;
    :data:`repair.window_counts.WINDOW_COUNTS`); ``windows()`` yields the windows' texts
    in order (it is called once or twice), and the memos are bounded between windows as
    in the repair pass."""
    config, merged = _with_lexicons(config or RepairConfig(), pairs)

    def bounded() -> Iterator[str]:
        for k, window in enumerate(windows()):
            _between_windows(k)
            yield window

    counts = window_counts.first_pass(bounded, tuple(references), config, merged)
    _between_windows(1)  # the repair pass starts on bounded memos
    return counts


def first_pass_stream(
    chunks: Callable[[], Iterable[str]],
    references: Iterable[str] = (),
    config: RepairConfig | None = None,
    *,
    pairs: Mapping[str, tuple[str, float]] | None = None,
) -> window_counts.WholeCounts | None:
    """:func:`first_pass` over the windows of ``"".join(chunks())`` (each reading piece by
    piece, as :func:`repair_stream` reads them), None with
    :data:`repair.window_counts.WINDOW_COUNTS` off."""
    if not window_counts.WINDOW_COUNTS:
        return None
    size = (config or RepairConfig()).window_chars
    return first_pass(lambda: stream_windows(chunks(), size), references, config, pairs=pairs)


#: The per-token memos are emptied before every this many windows of a big text
#: (:mod:`repair.resources.memo_reset`; 0: never): the peak of a big OCR text stops
#: growing with the memos' churn (5 MB: 289 -> 274 MB, flat from window 8; issue 14).
MEMO_RESET_WINDOWS = 5


def _between_windows(k: int) -> None:
    """Before window ``k`` (from 0) of a big text: every :data:`MEMO_RESET_WINDOWS`
    windows, the per-token memos emptied, and before every window the other stages'
    memos over :data:`repair.resources.memo_reset.SPIN_MEMO_CAP` entries (off by
    default; the same answers, recomputed)."""
    if not k:
        return
    from repair.resources.memo_reset import (
        bound_memos,
        bound_overflowing_memos,
        empty_oversized_memos,
        reset_token_memos,
    )

    if k == 1:
        bound_memos()
    bound_overflowing_memos()

    if MEMO_RESET_WINDOWS and k % MEMO_RESET_WINDOWS == 0:
        reset_token_memos()
    empty_oversized_memos()
    ocr_channel = sys.modules.get("repair.score.ocr_channel")
    if ocr_channel is not None:  # the lazy OCR gate's caps count per window
        ocr_channel.start_window()


#: :func:`repair_text` on a big text (the windows of :func:`repair_windows`; the path of
#: ``repair fix --report json|html|diff`` and of the library): each window's edits and
#: declined spans are moved to the text's offsets as the window comes, and its result
#: dropped, so the windows' results are not all held beside the combined one at the end
#: (every edit and declined span twice, each window's text and output) nor alive while the
#: next window is repaired (issue 14).  Not measured as a peak (session 46, mem46: the CPU
#: went to the window path); exact: the same result (tests/test_window_release46.py).
#: False: every window's result listed first.
STREAM_COMBINE = True


def combine_windows(text: str, parts: Iterable[tuple[int, RepairResult]]) -> RepairResult:
    """One result for ``text`` from its windows' results (edits moved to ``text``'s offsets),
    read as ``parts`` yields them.

    Counts add up; each stage score is the largest of the windows' (a document is as
    damaged as its most damaged part); ``details`` lists the windows' details.
    """
    windows = iter(parts)
    first = next(windows)
    second = next(windows, None)
    if second is None:
        return first[1]
    edits: list[Edit] = []
    declined: list[Declined] = []
    outs: list[str] = []
    scores: list[DocScores] = []
    held: list[tuple[int, RepairResult]] = [first, second]
    del first, second
    for start, r in chain(_drain(held), windows):
        edits.extend(replace(e, offset=e.offset + start) for e in r.edits)
        declined.extend(replace(d, offset=d.offset + start) for d in r.declined)
        outs.append(r.text)
        scores.append(r.scores)
        del r  # not alive while the next window is repaired
    out = "".join(outs)
    del outs
    return RepairResult(text, out, tuple(edits), combine_scores(scores), tuple(declined))


def _drain(items: list[_T]) -> Iterator[_T]:
    """The items of ``items``, each taken out of the list as it is yielded."""
    items.reverse()
    while items:
        yield items.pop()


def summary_scores(scores: DocScores) -> DocScores:
    """``scores`` without the stages' details: what a window of a big text leaves for the
    summary line (:func:`combine_scores` of them lists empty details).

    >>> summary_scores(DocScores(words=3, edits=1, details={"spin": {"gate": 1}})).details
    {}
    """
    return replace(scores, details={}) if scores.details else scores


def combine_scores(parts: list[DocScores]) -> DocScores:
    """The :class:`DocScores` of a document from those of its windows (see
    :func:`combine_windows`)."""
    words = sum(p.words for p in parts)
    n_edits = sum(p.edits for p in parts)
    by_kind: Counter[str] = Counter()
    for p in parts:
        by_kind.update(p.edits_by_kind)
    skipped = tuple(dict.fromkeys(r for p in parts for r in p.skipped))
    return DocScores(
        words=words,
        edits=n_edits,
        edits_per_1000_words=1000.0 * n_edits / words if words else 0.0,
        edits_by_kind=dict(by_kind),
        skipped=skipped,
        details={"windows": [p.details for p in parts]},
        **{f: max(getattr(p, f) for p in parts) for f in SCORE_FIELDS},
    )


def _repair_document(
    text: str,
    references: tuple[str, ...],
    config: RepairConfig,
    pairs: dict[str, tuple[str, float]],
    doc_id: str,
) -> RepairResult:
    """:func:`repair_text` of one document (one window), with the lexicons merged."""
    edits: list[Edit] = []
    declined: list[Declined] = []
    current = text
    score_fields: dict[str, float] = {}
    details: dict[str, object] = {}
    skipped: list[str] = []
    n_words = 0
    earlier: tuple[Restored, ...] = ()  # spans of ``current`` the steps so far restored
    for name in STAGES:
        if not getattr(config, name):
            if STAGES[name].default:  # an opt-in stage left off is not news
                skipped.append(f"{name}:disabled")
            continue
        doc = Document(current, references, config, pairs, doc_id, earlier)
        if name == "mojibake" or not n_words:
            n_words = len(doc.words)
        if STAGES[name].english_only:
            if "english_share" not in details:  # once: later stages change few words
                details["english_share"] = round(english_share(doc), 3)
            if (
                details["english_share"] < config.min_english_share  # type: ignore[operator]
                and english_function_share(doc) < ENGLISH_FUNCTION_SHARE
                and not (name == "ocr" and english_list_text(doc.words))
            ):
                skipped.append(f"{name}:non_english")
                continue
        if STAGES[name].skip_on_ocr and _ocr_garbled(details):
            skipped.append(f"{name}:ocr_garbled")
            continue
        stage = load_stage(name)
        detection = stage.detect(doc)
        score_fields[STAGES[name].score] = detection.score
        if detection.details:
            details[name] = detection.details
        candidates = stage.candidates(doc, detection)
        stage_edits = [
            e
            for e in stage.score(doc, detection, candidates)
            if e.confidence >= config.min_confidence
        ]
        if references and STAGES[name].source_overruled:  # a known source prints the word
            from repair.detect.tortured_source import off_source

            stage_edits = off_source(doc, stage_edits)
        spans = detection.details.pop(DECLINED_SPANS, None)
        if spans and config.keep_declined:
            declined.extend(_declined(text, edits, spans, name))
        del detection, candidates  # not alive while the next stage works (issue 14)
        stage_edits = select_disjoint(stage_edits)
        if not stage_edits:
            continue  # same text: the next stage's Document takes over this one's tokens
        # the text changes: the next stage's document is built without this one's
        # tokens alive (a 100 k-word text's tokens are ~20 MB; issue 14)
        del doc
        edits = compose(text, edits, stage_edits)
        earlier = restored_spans(earlier, stage_edits)
        current = apply_edits(current, stage_edits)

    if "spin" in score_fields and "collocation" in score_fields:  # the score users read
        details["spin_score"] = {
            "spin_stage": round(score_fields["spin"], 4),
            "collocation": round(score_fields["collocation"], 4),
        }
        spin_details = details.get("spin")
        if not isinstance(spin_details, dict):
            spin_details = {}
        words_per_100 = spin_details.get("word_stats", {}).get("p_per_100", 0.0)
        profile_per_100 = profile_as_read(
            spin_details.get("evidence_per_100_words", 0.0),
            spin_details.get("fingerprints", 0),
            spin_details.get("forms_with_evidence", 0),
        )
        family_gate = bool(spin_details.get("family_gate", False))
        from repair.detect.spin_stats import paraphrase_gains  # the spin stage loaded it

        gains = paraphrase_gains(text)  # the text as the spin stage read it
        paraphrase = paraphrase_evidence(gains)
        details["spin_score"]["words_per_100"] = words_per_100
        details["spin_score"]["profile_per_100"] = profile_per_100
        details["spin_score"]["paraphrase_gains"] = gains
        details["spin_score"]["paraphrase_evidence"] = round(paraphrase, 3)
        span = float(spin_details.get("span_evidence", 0.0))  # the stage's multi-word spans
        details["spin_score"]["span_evidence"] = span
        density = 0.0
        if spin_doc.DENSITY_WEIGHT:  # recurring multi-word spans with a one-word original
            density = float(spin_details.get("phrase_density", 0.0))
            details["spin_score"]["phrase_density"] = density
        repeats = 0.0
        if spin_doc.REPEAT_WEIGHT:
            from repair.detect.spin_repeats import repeat_evidence

            repeats = repeat_evidence(text)  # the same rare function phrase, again and again
            details["spin_score"]["repeat_evidence"] = round(repeats, 3)
        misfit = 0.0
        if spin_doc.MISFIT_WEIGHT:  # content words that fit their context worse than usual
            from repair.detect.spin_misfit import misfit_share

            misfit = misfit_share(text)
            details["spin_score"]["misfit_share"] = round(misfit, 4)
        common_misfit = 0.0
        if spin_doc.COMMON_MISFIT_WEIGHT:  # the same, common words only (capped under the cut)
            from repair.detect.spin_misfit import common_misfit_share

            common_misfit = common_misfit_share(text)
            details["spin_score"]["common_misfit_share"] = round(common_misfit, 4)
        neighbour_misfit = 0.0
        if spin_doc.NEIGHBOUR_MISFIT_WEIGHT:  # misfits a table neighbour would mend (capped)
            from repair.detect.spin_neighbour_misfit import neighbour_misfit_share

            neighbour_misfit = neighbour_misfit_share(text)
            details["spin_score"]["neighbour_misfit_share"] = round(neighbour_misfit, 4)
        long_spans = 0
        if spin_doc.LONG_SPAN_WEIGHT:  # recurring 4-5-word spans restored (capped)
            from repair.detect.spin_long_restored import restored_long_spans

            long_spans = restored_long_spans(edits)
            details["spin_score"]["long_spans"] = long_spans
        combo_phrase = combo_misfit = 0.0
        if spin_doc.COMBO_PHRASE_WEIGHT or spin_doc.COMBO_MISFIT_WEIGHT:  # session 61 (capped)
            combo_phrase, combo_misfit = _combo(
                text, span, paraphrase, score_fields["collocation"], edits, details["spin_score"]
            )
        score_args = (
            score_fields["spin"],
            score_fields["collocation"],
            words_per_100,
            profile_per_100,
            family_gate,
            paraphrase,
            score_fields.get("tortured", 0.0),
            span,
            repeats,
            density,
            misfit,
            common_misfit,
            neighbour_misfit,
            long_spans,
            combo_phrase,
            combo_misfit,
        )
        score_fields["spin"] = document_spin(*score_args)
        if spin_doc.ORDINARY_FIT_DAMPEN and score_fields["spin"] < 0.5:  # session 64
            fit = _fit_surprise(text)  # read under the cut only
            if fit is not None:
                details["spin_score"]["fit_surprise"] = round(fit, 3)
                restored = sum(  # the restorer's own spin edits vouch (session 66)
                    1
                    for e in edits
                    if e.kind in spin_doc.RESTORING_KINDS and e.original != e.replacement
                )
                score_fields["spin"] = document_spin(
                    *score_args, fit_surprise=fit, restored=restored
                )
    edits = [e for e in edits if e.original != e.replacement]
    out = apply_edits(text, edits)
    by_kind = Counter(e.kind for e in edits)
    scores = DocScores(
        words=n_words,
        edits=len(edits),
        edits_per_1000_words=1000.0 * len(edits) / n_words if n_words else 0.0,
        edits_by_kind=dict(by_kind),
        skipped=tuple(skipped),
        details=details,
        **score_fields,
    )
    declined = _left_as_is(declined, edits)
    return RepairResult(text, out, tuple(edits), scores, tuple(declined))


def _combo(
    text: str,
    span: float,
    paraphrase: float,
    collocation: float,
    edits: list[Edit],
    out: dict,
) -> tuple[float, float]:
    """The surprises of :mod:`repair.detect.spin_combo_score`'s two combinations for the
    document spin score (0.0 where a weight is off or the text has too few content words),
    noted in ``out``."""
    from repair.detect import spin_combo_score as combo
    from repair.detect.spin_combo import content_words

    if content_words(text) < combo.min_content():
        return 0.0, 0.0
    phrase = misfit = 0.0
    if spin_doc.COMBO_PHRASE_WEIGHT:
        from repair.detect.spin_long_restored import restored_long_spans

        phrase = combo.phrase_surprise(span, paraphrase, collocation, restored_long_spans(edits))
        out["combo_phrase"] = round(phrase, 3)
    if spin_doc.COMBO_MISFIT_WEIGHT:
        misfit = _misfit_surprise(text)
        out["combo_misfit"] = round(misfit, 3)
    return phrase, misfit


def _misfit_surprise(text: str) -> float:
    """:func:`repair.detect.spin_combo_score.misfit_surprise` of ``text`` (its cues read)."""
    from repair.detect import spin_combo_score as combo
    from repair.detect.spin_combo import cues
    from repair.detect.spin_neighbour_misfit import neighbour_misfit_share

    return combo.misfit_surprise(cues(text), neighbour_misfit_share(text))


def _fit_surprise(text: str) -> float | None:
    """The register-read misfit surprise that scales the document score's word cues under
    the cut (:data:`repair.detect.spin_document.ORDINARY_FIT_DAMPEN`), None on a text with
    fewer content words than the model reads."""
    from repair.detect import spin_combo_score as combo
    from repair.detect.spin_combo import content_words

    if content_words(text) < combo.min_content():
        return None
    return _misfit_surprise(text)


#: The detection-details key under which a stage lists the spans it declined, as
#: ``(start, end, reason)`` on its own document's text (only when
#: ``RepairConfig.keep_declined``); the pipeline moves them to the input's offsets.
DECLINED_SPANS = "declined_spans"


def _declined(
    text: str, edits: list[Edit], spans: list[tuple[int, int, str]], stage: str
) -> list[Declined]:
    """A stage's declined ``spans`` (on ``apply_edits(text, edits)``) as :class:`Declined`
    spans of ``text``."""
    on_text = spans_to_base(edits, [(a, b) for a, b, _ in spans])
    return [
        Declined(a, b - a, text[a:b], stage, reason)
        for (a, b), (_, _, reason) in zip(on_text, spans, strict=True)
    ]


def _left_as_is(declined: list[Declined], edits: list[Edit]) -> list[Declined]:
    """``declined`` sorted, without the spans another stage did edit (a word one stage
    declined and a later one restored is not left as it is); each span once."""
    spans = sorted((e.offset, e.end) for e in edits)  # disjoint: ends sorted too
    starts = [a for a, _ in spans]
    out: dict[tuple[int, int], Declined] = {}
    for d in sorted(declined, key=lambda d: (d.offset, d.length)):
        a, b = d.offset, d.offset + d.length
        i = bisect_left(starts, b)  # the edits that start before the span ends
        if i and spans[i - 1][1] > a:
            continue  # the last of them reaches into the span
        out.setdefault((a, b), d)
    return list(out.values())


def _profile_shared(fn: _F) -> _F:
    """Run ``fn`` with the OCR profile in force held shared
    (:data:`repair.score.profile_lock.PROFILE`): a self-trained pass in another thread
    cannot swap the tables under it."""

    @functools.wraps(fn)
    def wrapper(*args: object, **kwargs: object) -> object:
        from repair.score.profile_lock import PROFILE

        with PROFILE.shared():
            return fn(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


_gc_paused_document = _profile_shared(_cyclic_gc_paused(_repair_document))


def _ocr_garbled(details: dict[str, object]) -> bool:
    """Whether the ocr stage (when it ran) found the page OCR-garbled."""
    ocr = details.get("ocr")
    return isinstance(ocr, dict) and bool(ocr.get("garbled"))
