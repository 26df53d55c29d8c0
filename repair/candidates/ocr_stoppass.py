"""Lost full stops read again after the word readings (session 42, ocrstop42; issue 12).

The lost-stop reader (:mod:`repair.candidates.ocr_stops`) runs on the raw page, where
the words around a gap are often garbled: "could bo oponod to tho publio Tho proposed
railway", "death from natural canses Ho Is spokon of".  The model cannot judge "publio"
as a sentence end or "Ho" as an opener, so the stop stays lost although the readings fix
every word around it.  After the ocr stage has decided its readings this module applies
them and runs the same reader (same signals; its margin :data:`PASS_MARGIN`, as the
garble that made the first pass cautious is read) on the corrected text, keeping only
the stops whose window (two words before the gap, three after) the readings changed:
elsewhere the first pass has already seen the same words.  A stop replaces a gap no
reading touched, so it maps back onto the original string as an edit of its own, beside
the readings.

Only on the pages where the first pass puts stops back (heavily garbled pages and
newspaper columns, not verse).  Cost: one tokenisation of the corrected page and the
reader's linear scan; nothing on a page the gate keeps shut.

:data:`NAME_END` (same pass) also reads a gap after a capitalised word the first pass
leaves alone as a possible name, before a strong sentence opener ("Rosebery Park The
boys", "New South Wales He appears"): see :func:`_name_end_stops`.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right

from repair.document import Document
from repair.types import Candidate, Detection, Edit, Token
from repair.write import apply_edits, select_disjoint

#: On: see RESULTS "Session 42, ocrstop42" for the figures (SMH dev 4,486 -> 4,463 tokens,
#: test 5,459 -> 5,445; the OCR guards unchanged).
STOP_PASS = True
#: A capitalised word that ends a place name ("Rosebery Park The boys", "New South
#: Wales He appears") ends a sentence before a strong opener (:func:`_name_end_stops`).
NAME_END = True
#: Openers for :data:`NAME_END`: written in lower case inside a sentence less often than
#: this share of the time in the period table.
NAME_END_MAX_SHARE = 0.06
#: ln P(two sentences) - ln P(one sentence) these stops need (nats).
NAME_END_MARGIN = -0.5
#: The reader's margin in this pass (``None``: the first pass's
#: :data:`repair.candidates.ocr_stops.MARGIN`).
PASS_MARGIN: float | None = -1.5
#: Drop a stop when one of the two words after the opener is capitalised too ("added
#: Simple Instructions on", "consider Men and Events"): a title set in title case.
TITLE_AFTER = True
#: No :data:`NAME_END` stop after a headline set in title case: a capitalised function word
#: inside the capitalised run before the gap ("After 6 Years Amid Trade War The talks").
TITLE_BEFORE = True
#: Words and figures read back from the gap for :data:`TITLE_BEFORE`.
TITLE_BEFORE_WORDS = 8
#: Words of the reader's window on each side of the gap a reading must have changed.
WINDOW_BEFORE = 2
WINDOW_AFTER = 3


def _stop_page(doc: Document, detection: Detection, garbled: bool) -> bool:
    """The first pass's page test for lost stops (``_lost_stop_page``, not verse)."""
    from repair.candidates.ocr import COLUMN_HEAVY_GARBLE, _heavy_gate, _old_print
    from repair.candidates.ocr_case import verse_like

    if not garbled:
        return False
    old = _old_print(doc, detection)
    gate = _heavy_gate(doc.text)
    heavy = detection.score >= gate and not old
    if not (heavy or (not old and gate == COLUMN_HEAVY_GARBLE)):
        return False
    return not verse_like(doc.tokens, garbled=garbled)


def stop_pass(doc: Document, detection: Detection, edits: list[Edit], garbled: bool) -> list[Edit]:
    """``edits`` (the ocr stage's decided edits on ``doc``) with the lost stops the
    corrected text shows added, all as spans on ``doc.text``; ``edits`` as given when
    the pass is off, the page is not one for lost stops, or nothing is found."""
    from repair.candidates import ocr as ocr_mod

    if not (STOP_PASS and ocr_mod.LOST_STOPS and garbled and edits):
        return edits
    if not _stop_page(doc, detection, garbled):
        return edits
    if detection.details.get("probe_opened"):
        from repair.detect.ocr_probe import column_print

        if not column_print(doc.text):
            return edits  # the probe's pages take word readings only (``word_readings``)
    first = select_disjoint(e for e in edits if e.confidence >= doc.config.min_confidence)
    if not first:
        return edits
    fixed = apply_edits(doc.text, first)
    new_doc = Document(fixed, config=doc.config)
    toks = new_doc.tokens
    spans: list[tuple[int, int]] = []  # the readings, as spans on the corrected text
    shifts: list[int] = []  # per reading: corrected minus original offset after it
    shift = 0
    for e in first:
        a = e.offset + shift
        spans.append((a, a + len(e.replacement)))
        shift += len(e.replacement) - e.length
        shifts.append(shift)
    cands = _stops(toks, spans)
    from repair.candidates import ocr_capstop  # session 45: "arbitration llio same" -> ". The"

    printed = [(a, b, e.original) for (a, b), e in zip(spans, first, strict=True)]
    seen = {c.start for c in cands}
    cap_of: dict[int, int] = {}  # gap start on the corrected text -> its reading's index
    for k, c in ocr_capstop.cap_stop_candidates(toks, printed):
        if c.start not in seen:
            cap_of[c.start] = k
            cands.append(c)
    if not cands:
        return edits
    from repair.score.ocr import score_candidates

    starts = [a for a, _ in spans]
    out = list(edits)
    recap: dict[int, Edit] = {}  # id of a reading -> the reading with its capital
    for e in score_candidates(new_doc, cands, True):
        if e.confidence < doc.config.min_confidence:
            continue
        k = bisect_right(starts, e.offset) - 1
        if k >= 0 and spans[k][1] > e.offset:
            continue  # the gap lies in a reading: not a gap of the original
        if k + 1 < len(spans) and spans[k + 1][0] < e.end:
            continue
        base = e.offset - (shifts[k] if k >= 0 else 0)
        if doc.text[base : base + e.length] != e.original:
            continue
        if e.offset in cap_of:  # the reading after the stop takes its capital
            reading = first[cap_of[e.offset]]
            word = ocr_capstop.capitalised(reading.replacement)
            ev = {**reading.evidence, "capital_after_stop": True}
            recap[id(reading)] = dataclasses.replace(reading, replacement=word, evidence=ev)
        out.append(dataclasses.replace(e, offset=base))
    if recap:
        out = [recap.get(id(e), e) for e in out]
    return out


def _stops(toks: list[Token], spans: list[tuple[int, int]]) -> list[Candidate]:
    """The lost-stop reader's stops on the corrected ``toks`` whose window overlaps one
    of the readings' ``spans`` (sorted)."""
    from repair.candidates import ocr_stophabit  # session 55: "in money It is" on a stopless page
    from repair.candidates.ocr_realword import document_names
    from repair.candidates.ocr_rules import page_word_counts
    from repair.candidates.ocr_stops import lost_stop_candidates

    names = document_names(toks, page_word_counts(toks))
    stopless = ocr_stophabit.STOPLESS_PAGE and ocr_stophabit.stopless_page(toks)
    found = lost_stop_candidates(toks, names, ocr_stophabit.margin(PASS_MARGIN, stopless))
    index = {t.start: i for i, t in enumerate(toks) if t.kind == "space"}
    out = []
    if NAME_END:
        out.extend(c for c in _name_end_stops(toks) if c.start in index)
    from repair.candidates import ocr_moneystop  # session 43: "5s" -> "5s." by the page's habit

    out.extend(ocr_moneystop.money_stop_candidates(toks))
    from repair.candidates import ocr_gluedhyphen  # session 43: "they-were" -> "they were"

    out.extend(ocr_gluedhyphen.glued_hyphen_candidates(toks))
    from repair.candidates import ocr_strayapos  # session 43: "young' people" -> "young people"

    out.extend(ocr_strayapos.stray_apostrophe_candidates(toks))
    from repair.candidates import ocr_liststop  # session 44: "Mrs. Hort. Mrs. Kemp," -> ","

    out.extend(ocr_liststop.list_stop_candidates(toks))
    from repair.candidates import ocr_commastop  # session 44: "Mrs, Darragh" -> "Mrs. Darragh"

    out.extend(ocr_commastop.comma_stop_candidates(toks))
    from repair.candidates import ocr_relcomma  # session 44: "Mowatt who has" -> "Mowatt, who"

    out.extend(ocr_relcomma.relative_comma_candidates(toks))
    from repair.candidates import ocr_andcomma  # session 45: "stride and they hope" -> ", and"

    out.extend(ocr_andcomma.and_comma_candidates(toks))
    from repair.candidates import ocr_straystop  # session 44: "to the. locals'" -> "the locals'"

    out.extend(ocr_straystop.stray_stop_candidates(toks))
    from repair.candidates import ocr_doublecomma  # session 44: "time,, and" -> "time, and"

    out.extend(ocr_doublecomma.double_comma_candidates(toks))
    from repair.candidates import ocr_endstop  # session 44: "... and four sailors" + "."

    out.extend(ocr_endstop.end_stop_candidates(toks))
    if not found:
        return out
    starts = [a for a, _ in spans]
    seen = {c.start for c in out}
    for c in found:
        i = index.get(c.start)
        if i is None or c.start in seen or _name_run_after(toks, i) or _title_after(toks, i):
            continue
        lo, hi = _window(toks, i)
        k = bisect_left(starts, lo)
        # a reading ending inside the window, or one starting in it
        if (k > 0 and spans[k - 1][1] > lo) or (k < len(spans) and spans[k][0] < hi) or stopless:
            out.append(c)
    return out


def _window(toks: list[Token], gap: int) -> tuple[int, int]:
    """The span of the reader's words around gap token ``gap``."""
    lo = hi = gap
    n = 0
    j = gap - 1
    while j >= 0 and n <= WINDOW_BEFORE:  # the word before the gap and two more
        if toks[j].kind in ("word", "number"):
            n += 1
            lo = j
        elif toks[j].kind != "space":
            break
        j -= 1
    n = 0
    j = gap + 1
    while j < len(toks) and n < WINDOW_AFTER:
        if toks[j].kind in ("word", "number"):
            n += 1
            hi = j
        elif toks[j].kind != "space":
            break
        j += 1
    return toks[lo].start, toks[hi].end


def _next_word(toks: list[Token], i: int, step: int) -> int | None:
    """The index of the word next to token ``i`` in direction ``step`` with only spaces
    (no line break for ``step`` < 0 is required) between, or ``None``."""
    j = i + step
    while 0 <= j < len(toks) and toks[j].kind == "space":
        j += step
    if 0 <= j < len(toks) and toks[j].kind == "word":
        return j
    return None


def _name_run_after(toks: list[Token], gap: int) -> bool:
    """Whether the gap follows a capitalised word and the two words after it are
    capitalised too ("the Water Police Court"): a name, not a sentence opening."""
    w1 = _next_word(toks, gap, -1)
    w2 = _next_word(toks, gap, 1)
    if w1 is None or w2 is None or not toks[w1].text[:1].isupper():
        return False
    w3 = _next_word(toks, w2, 1)
    return w3 is not None and toks[w3].text[:1].isupper()


def _title_after(toks: list[Token], gap: int) -> bool:
    """Whether one of the two words after the opener after gap ``gap`` is capitalised
    (:data:`TITLE_AFTER`)."""
    if not TITLE_AFTER:
        return False
    j = _next_word(toks, gap, 1)
    for _ in range(2):
        j = None if j is None else _next_word(toks, j, 1)
        if j is not None and toks[j].text[:1].isupper():
            return True
    return False


def _title_before(toks: list[Token], gap: int) -> bool:
    """Whether the capitalised run before gap ``gap`` is a title-case headline
    (:data:`TITLE_BEFORE`): walking back over words and figures (spaces only between),
    a capitalised function word follows a capitalised word or a figure ("South Korea
    After 6 Years Amid Trade War": "After" follows "Korea")."""
    if not TITLE_BEFORE:
        return False
    from repair.candidates.spin_synonyms import STOPWORDS

    run: list[str] = []
    j = gap - 1
    while j >= 0 and len(run) < TITLE_BEFORE_WORDS:
        t = toks[j]
        if t.kind in ("word", "number"):
            run.append(t.text)
        elif t.kind != "space":
            break
        j -= 1
    run.reverse()
    for before, word in zip(run, run[1:], strict=False):
        if word[:1].isupper() and word.lower() in STOPWORDS:
            if before[:1].isupper() or before[:1].isdigit():
                return True
    return False


def _name_end_stops(toks: list[Token]) -> list[Candidate]:
    """Stops after a capitalised word the first pass leaves alone as a possible name
    (:data:`NAME_END`): the word after the gap is a strong sentence opener ("The", "He",
    "It"), the word after that is in lower case, the word before the gap is no title or
    initial, and the model prefers two sentences by :data:`NAME_END_MARGIN`."""
    from repair.candidates.ocr_stops import TITLES, _words, break_gain, stop_candidate
    from repair.resources.lm import get_lm
    from repair.score.ngrams import get_ngrams

    table = get_ngrams()
    lm = get_lm()
    out: list[Candidate] = []
    for i in range(1, len(toks) - 2):
        w1, gap, w2 = toks[i - 1], toks[i], toks[i + 1]
        if gap.kind != "space" or w1.kind != "word" or w2.kind != "word":
            continue
        if "\n\n" in gap.text or gap.text.count("\n") > 1:
            continue
        a, b = w1.text, w2.text
        if len(a) < 3 or not (a[0].isupper() and a[1:].islower()) or a in TITLES:
            continue
        if len(b) < 2 or not (b[0].isupper() and b[1:].islower()):
            continue
        share = table.capital_share(b.lower())
        if share is None or share >= NAME_END_MAX_SHARE or table.count(b.lower()) < 1000:
            continue
        k = _next_word(toks, i + 1, 1)
        if k is None or not toks[k].text.islower():
            continue
        if _title_before(toks, i):
            continue
        prev = _words(toks, i - 1, -1, 2)
        after = _words(toks, i + 1, 1, 3)
        if len(after) < 3 or len(prev) < 2:
            continue
        gain = break_gain(lm, prev, after)
        if gain < NAME_END_MARGIN:
            continue
        out.append(stop_candidate(gap, "name_end_stop", gain))
    return out
