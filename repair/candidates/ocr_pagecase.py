"""The page's own printings of a word, in any case: "OOPP" beside "Copp", "Haoklng" by "Hacking".

Newspaper pages print the same name in a heading in capitals and in the text in upper
and lower case ("THE CASE OF JOHN OOPP" over a report naming "Copp" six times).  The
page-vocabulary reading (:mod:`repair.candidates.ocr_docvocab`) finds a garbled token's
clean form among the words the page prints, but it matches forms case for case, and it
reads only the detector's findings of garbled pages.  Two sub-classes of SMH dev's
capitalised gap escape it:

- **An all-capitals token** (:data:`CASE_TARGETS`): a capitals heading word is no
  finding (acronyms are not flagged) and its learned-confusion readings are in capitals
  ("COPP"), while the page prints the word in lower or title case ("Copp").  On a
  garbled page, an all-capitals token of at least ``ocr_docvocab.MIN_LEN`` letters that
  is no known word is read against the page's words case-folded: a reading whose
  capitals form the page prints (in another case) at least
  ``ocr_docvocab.MIN_TARGET_COUNT`` times, more often than the token, is the reading, set
  in capitals.  Costs, counts and thresholds are those of the page-vocabulary reading
  (an unlisted name: at most ``ocr_docvocab.NAME_MAX_COST`` nats).
- **A page the gate keeps shut** (:data:`SHUT_PAGES`): a lightly garbled page's
  capitalised non-word ("Port Haoklng" on a page that prints "Hacking" twice) gets only
  the light readers, which read common words.  Its page-vocabulary reading is taken when
  the page prints the reading capitalised at least :data:`SHUT_MIN_COUNT` times, the token
  once, and the reading is reached through learned confusions only (no plain edit) within
  :data:`SHUT_MAX_COST` nats.  The usual page-vocabulary threshold applies.

Evidence: the page's counts, the learned confusion model, the language model.  No list
of words or pairs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from repair.candidates.ocr_rules import capitalised_word as _capitalised
from repair.types import Candidate, Token

#: All-capitals tokens are read against the page's words in any case (garbled pages).
CASE_TARGETS = True
#: Capitalised non-words of a page the gate keeps shut get the page-vocabulary reading.
#: OFF (lead, session 43): the gate keeps clean text shut too, so the reader built the
#: page's targets on clean news and loaded the period n-grams and name lists there
#: (tests/test_cold_start_loads.py); its gain was 1 SMH dev token ("Haoklng" -> Hacking).
SHUT_PAGES = False
#: ... when the page prints the reading this often (capitalised) ...
SHUT_MIN_COUNT = 2
#: ... through learned confusions costing at most this (nats).
SHUT_MAX_COST = 3.0


def upper_targets(targets: Mapping[str, int]) -> dict[str, tuple[str, int]]:
    """``{FORM: (page form, count)}`` for the page's targets not printed in capitals
    (the commonest casing of each; counts of the casings summed)."""
    out: dict[str, tuple[str, int]] = {}
    for w, n in targets.items():
        if w.isupper():
            continue
        up = w.upper()
        old = out.get(up)
        if old is None:
            out[up] = (w, n)
        else:
            form = old[0] if old[1] >= n else w
            out[up] = (form, old[1] + n)
    return out


def caps_indices(toks: Sequence[Token], done: Sequence[int]) -> list[int]:
    """Indices of all-capitals word tokens (no known word, at least the page-vocabulary
    reading's length) not in ``done`` (sorted), merged with ``done``, sorted."""
    from repair.candidates.ocr_docvocab import MAX_LEN, MIN_LEN, _clean

    have = set(done)
    extra = [
        i
        for i, t in enumerate(toks)
        if t.kind == "word"
        and i not in have
        and MIN_LEN <= len(t.text) <= MAX_LEN
        and t.text.isalpha()
        and t.text.isupper()
        and not _clean(t.text.lower())
        and not _clean(t.text)
    ]
    return sorted(have.union(extra)) if extra else list(done)


def _shut_targets(
    counts: Mapping[str, int], state: dict[str, object] | None
) -> tuple[dict[str, int], object, object]:
    """The page-vocabulary reader's targets of the page (as
    :func:`repair.candidates.ocr_docvocab.doc_vocab_candidates` builds them), their prefix
    index and page index: built once a page (kept in the caller's ``state``), not once a
    token (issue 14)."""
    from repair.candidates import ocr_pageedit
    from repair.candidates.ocr_docvocab import page_targets
    from repair.score.ocr_channel import prefixes_of

    got = state.get("shut") if state is not None else None
    if got is not None:
        return got  # type: ignore[return-value]
    targets = page_targets(counts)
    built = (
        targets,
        prefixes_of(w.lower() for w in targets),
        ocr_pageedit.PageIndex(targets, counts),
    )
    if state is not None:
        state["shut"] = built
    return built


def shut_page_candidates(
    toks: Sequence[Token],
    i: int,
    counts: Mapping[str, int],
    state: dict[str, object] | None = None,
) -> list[Candidate]:
    """The page-vocabulary reading of the capitalised non-word ``toks[i]`` of a page the
    gate keeps shut (see the module doc), or none; ``state``: a dict the caller keeps for
    the page (the page's targets are built once in it)."""
    from repair.candidates.ocr_docvocab import MAX_LEN, MIN_LEN, _best_target, _next_to_hyphen
    from repair.candidates.ocr_rules import word_cand

    t = toks[i]
    text = t.text
    if not (MIN_LEN <= len(text) <= MAX_LEN and _capitalised(text)):
        return []
    if counts.get(text, 0) != 1 or _next_to_hyphen(toks, i):
        return []
    targets, prefixes, page = _shut_targets(counts, state)
    if not targets:
        return []
    best = _best_target(text, counts, targets, prefixes, False, page)  # type: ignore[arg-type]
    if best is None:
        return []
    target, cost, subs = best
    if not subs or cost > SHUT_MAX_COST or counts.get(target, 0) < SHUT_MIN_COUNT:
        return []
    if not _capitalised(target):
        return []
    return [
        word_cand(
            t,
            target,
            "OCR_DOC_WORD",
            finding="doc_vocab",
            cost=cost,
            threshold=_threshold(),
            subs=[list(x) for x in subs],
        )
    ]


def _threshold() -> float:
    from repair.candidates.ocr_docvocab import THRESHOLD

    return THRESHOLD


#: An all-capitals word of a capitals line is read as a headline word even when its
#: neighbours are across a stop or a comma ("WOOL, FLANS", "BY MR. CATEE.").
CAPS_LINE = False
#: Words looked at on each side of the token (the line's words, up to this many).
LINE_REACH = 6
#: The line has at least this many other words of two or more letters, all capitals.
LINE_MIN_WORDS = 1


def caps_line(toks: Sequence[Token], i: int) -> bool:
    """Whether the words on ``toks[i]``'s line (up to :data:`LINE_REACH` each side,
    stopping at a line break) are all capitals: at least :data:`LINE_MIN_WORDS` other
    words of two or more letters and no word with a lower-case letter."""
    seen = 0
    for step in (-1, 1):
        j, words = i + step, 0
        while 0 <= j < len(toks) and words < LINE_REACH:
            t = toks[j]
            if t.kind == "space" and "\n" in t.text:
                break
            if t.kind == "word":
                words += 1
                if any(c.islower() for c in t.text):
                    return False
                if len(t.text) >= 2 and t.text.isupper():
                    seen += 1
            j += step
    return seen >= LINE_MIN_WORDS


#: A rare lower-case word in a run of names read as a capitalised name the page prints
#: ("llevan, lames Hill" on a page that prints "James" four times; garbled pages).
NAME_SLOT = True
#: The printed word is at most this common (Zipf): "lames", not "games".
SLOT_MAX_ZIPF = 3.0
#: The page prints the name capitalised at least this often (and more often than the
#: token) ...
SLOT_MIN_COUNT = 2
#: ... and the token reads as it through learned confusions costing at most this (nats).
SLOT_MAX_COST = 2.0
#: Margin (nats) the reading needs in context (the page's count lowers its cost).
SLOT_THRESHOLD = 0.0


def _line_word(toks: Sequence[Token], i: int, step: int) -> Token | None:
    """The word next to ``toks[i]`` (``step`` -1 or 1) on the same line, across a space
    only."""
    j = i + step
    if not (0 <= j < len(toks)) or toks[j].kind != "space" or "\n" in toks[j].text:
        return None
    k = j + step
    return toks[k] if 0 <= k < len(toks) and toks[k].kind == "word" else None


def name_slot_candidates(toks: Sequence[Token], counts: Mapping[str, int]) -> list[Candidate]:
    """Readings of rare lower-case words that stand before a capitalised word (a run of
    names) as a capitalised name the page prints (see :data:`NAME_SLOT`)."""
    import math

    from repair.candidates.ocr_docvocab import _clean
    from repair.candidates.ocr_rules import word_cand
    from repair.resources.frequency import zipf
    from repair.score.ocr_channel import confusion_variants, prefixes_of

    names = {w: n for w, n in counts.items() if n >= SLOT_MIN_COUNT and _capitalised(w)}
    if not names:
        return []
    lengths = {len(w) for w in names}
    prefixes = None
    out: list[Candidate] = []
    memo: dict[str, tuple[str, float, tuple] | None] = {}
    for i, t in enumerate(toks):
        text = t.text
        if t.kind != "word" or not text.islower() or not text.isalpha() or len(text) < 4:
            continue
        if len(text) not in lengths or zipf(text) > SLOT_MAX_ZIPF:
            continue
        after = _line_word(toks, i, 1)
        if after is None or not _capitalised(after.text):
            continue
        if text not in memo:
            if prefixes is None:
                prefixes = prefixes_of(w.lower() for w in names)
            best = None
            for v, (cost, subs) in confusion_variants(text, prefixes, SLOT_MAX_COST, 2).items():
                n = names.get(v)
                if n is None or not subs or cost > SLOT_MAX_COST or n <= counts.get(text, 0):
                    continue
                if not _clean(v):
                    continue  # a listed name or known word the page prints
                total = cost - math.log(n / max(1, counts.get(text, 0)))
                if best is None or total < best[1]:
                    best = (v, total, subs)
            memo[text] = best
        best = memo[text]
        if best is None:
            continue
        target, cost, subs = best
        out.append(
            word_cand(
                t,
                target,
                "OCR_DOC_WORD",
                finding="page_name_slot",
                cost=cost,
                threshold=SLOT_THRESHOLD,
                subs=[list(x) for x in subs],
            )
        )
    return out
