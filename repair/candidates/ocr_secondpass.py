"""A second pass of the real-word readers on a heavy page, read with the first pass's
repairs as context (session 39, ocrpass39; issue 12).

ocrreal39 found that most real-word prints left on heavily garbled newspaper pages have
no two-sided language-model margin because a neighbour is itself garbled: "the
neighbours have to be read first".  After the ocr stage's first pass this module applies
its edits, and re-runs only the real-word readers (:func:`repair.candidates.ocr.
_Generator._realword`, :func:`~repair.candidates.ocr_realword.named_realword_candidates`,
:func:`~repair.candidates.ocr_slot.slot_candidates`) on the corrected text, for the
words the first pass left alone whose neighbouring word it changed.  The scorer decides
them in the corrected context; each new edit is mapped back onto the original string
(:func:`repair.write.compose`), so applying the edits still reproduces the output.

Cost: nothing on a page the gate keeps shut or that is not heavy, and on a heavy page
only the words beside a first-pass edit are read again.
"""

from __future__ import annotations

from repair.document import Document
from repair.types import Candidate, Detection, Edit, Token
from repair.write import EditConflict, apply_edits, check_edits, compose

#: Off by default: see RESULTS "Session 39, ocrpass39" for the figures.
SECOND_PASS = False


def heavy_page(doc: Document, detection: Detection, garbled: bool) -> bool:
    """The candidate generator's heavy-page test (``_DocInfo.heavy``)."""
    from repair.candidates.ocr import _heavy_gate, _old_print

    return garbled and detection.score >= _heavy_gate(doc.text) and not _old_print(doc, detection)


def _word_neighbours(toks: list[Token], i: int) -> tuple[int | None, int | None]:
    """The word tokens just before and after token ``i`` (only spaces between)."""
    left = right = None
    if i >= 2 and toks[i - 1].text == " " and toks[i - 2].kind == "word":
        left = i - 2
    if i + 2 < len(toks) and toks[i + 1].text == " " and toks[i + 2].kind == "word":
        right = i + 2
    return left, right


def _targets(
    toks: list[Token], new_spans: list[tuple[int, int]], flagged_new: frozenset[int]
) -> list[int]:
    """Indices of the corrected text's words the first pass left alone (no edit overlaps
    them, no finding flagged them) with a neighbouring word the first pass wrote."""
    from bisect import bisect_right

    starts = [a for a, _ in new_spans]

    def edited(t: Token) -> bool:
        k = bisect_right(starts, t.start) - 1
        return (
            k >= 0
            and new_spans[k][1] > t.start
            or (k + 1 < len(new_spans) and new_spans[k + 1][0] < t.end)
        )

    out = []
    for i, t in enumerate(toks):
        if t.kind != "word" or t.start in flagged_new or edited(t):
            continue
        left, right = _word_neighbours(toks, i)
        if any(j is not None and edited(toks[j]) for j in (left, right)):
            out.append(i)
    return out


def second_pass(
    doc: Document, detection: Detection, edits: list[Edit], garbled: bool
) -> list[Edit]:
    """``edits`` (the ocr stage's first pass on ``doc``) with the second pass's readings
    added, all as spans on ``doc.text``; ``edits`` as given when the pass is off, the page
    is not heavy, or the pass reads nothing."""
    if not (SECOND_PASS and garbled and edits and heavy_page(doc, detection, garbled)):
        return edits
    first = sorted(
        (e for e in edits if e.confidence >= doc.config.min_confidence),
        key=lambda e: (e.offset, e.length),
    )
    try:
        check_edits(doc.text, first)
    except EditConflict:
        return edits
    if not first:
        return edits
    fixed = apply_edits(doc.text, first)
    new_doc = Document(fixed, config=doc.config)
    toks = new_doc.tokens
    # the first pass's edits and the findings' starts, as positions on the corrected text
    new_spans: list[tuple[int, int]] = []
    shift = 0
    marks = []  # (base position, shift after it)
    for e in first:
        a = e.offset + shift
        new_spans.append((a, a + len(e.replacement)))
        shift += len(e.replacement) - e.length
        marks.append((e.end, shift))
    flagged = sorted(f.start for f in detection.findings if f.reason != "realword_suspect")
    flagged_new = set()
    k, s = 0, 0
    for pos in flagged:
        while k < len(marks) and marks[k][0] <= pos:
            s = marks[k][1]
            k += 1
        flagged_new.add(pos + s)
    targets = _targets(toks, new_spans, frozenset(flagged_new))
    if not targets:
        return edits
    cands = _readings(new_doc, toks, targets)
    if not cands:
        return edits
    from repair.score.ocr import score_candidates

    second = [
        e
        for e in score_candidates(new_doc, cands, True)
        if e.confidence >= doc.config.min_confidence
    ]
    if not second:
        return edits
    at = {toks[i].start for i in targets}
    second = [e for e in second if e.offset in at]
    if not second:
        return edits
    rest = [e for e in edits if e.confidence < doc.config.min_confidence]
    return compose(doc.text, first, second) + rest


def _readings(doc: Document, toks: list[Token], targets: list[int]) -> list[Candidate]:
    """The real-word readers' candidates for the ``targets`` words of the corrected
    ``doc``, as the first pass builds them on a heavy page."""
    from repair.candidates.ocr_rules import counting_page

    with counting_page(toks):  # the builders share one count of the page's words
        return _read(doc, toks, targets)


def _read(doc: Document, toks: list[Token], targets: list[int]) -> list[Candidate]:
    from repair.candidates.ocr import (
        _GENERATOR,
        NAME_RUN,
        _after_name_run,
        _name_context,
    )
    from repair.candidates.ocr_firstpass import reads_nothing
    from repair.candidates.ocr_realword import document_names, named_realword_candidates
    from repair.candidates.ocr_rules import page_word_counts
    from repair.candidates.ocr_slot import slot_candidates

    text = doc.text
    counts = page_word_counts(toks)
    names = document_names(toks, counts)
    out: list[Candidate] = []
    for i in targets:
        t = toks[i]
        if text[t.end : t.end + 1] in ("'", "’"):
            continue  # "sho'": elided
        capital = t.text[:1].isupper()
        if capital and (_name_context(toks, i) or (NAME_RUN and _after_name_run(toks, i))):
            out.extend(named_realword_candidates(toks, i, names, True))
        elif not reads_nothing(t.text, True):
            out.extend(_GENERATOR._realword(t, toks, i, names, True))
    out.extend(slot_candidates(toks, out, only=frozenset(targets)))
    spans = {(toks[i].start, toks[i].end) for i in targets}
    return [c for c in out if (c.start, c.end) in spans]
