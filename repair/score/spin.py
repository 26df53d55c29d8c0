"""Spin scorer: decide which candidate restorations to apply, with evidence.

Per occurrence we measure the trigram-LM gain of the restoration in its
sentence context (two words either side) and the reference n-gram support;
per substitution pair we aggregate the gains over all its occurrences in the
document (a spinner maps a word the same way throughout).  Nothing is applied
unless the document spin score reaches :data:`repair.detect.spin.THRESHOLD`.

Acceptance (the numbers are ln-probability gains):

* strong pairs (spinner fingerprints) and learned pairs: gain ≥ :data:`STRONG_MIN_GAIN`
  or reference support;
* weak pairs: gain ≥ :func:`weak_bar` (2.0 up to spin score 0.95, falling to -0.5
  at 0.995 and above), or, for a pair seen at least twice in the document,
  gain ≥ 0.5 with a pair mean ≥ 1, or reference support with gain ≥ -1;
* numbers: gain ≥ 0.

Measured and rejected: restoring words outside the lexicon from the Moby
thesaurus (a word the LM finds improbable where a more frequent Moby synonym,
re-inflected with lemminflect, gains ≥ 4 nats, the same choice for every
occurrence in a document scoring ≥ 0.9).  On the spin_same suite
(benchmarks/spinner_sim.py) its precision was 0.08 (2 right, 23 wrong on the
realistic-density pairs; 10 right, 173 wrong on the held-out half): Moby
relates too loosely ("doubles" → "game", "worm" → "dog"), so honest domain
words lose.  The bar for that rule was precision ≥ 0.8.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from functools import lru_cache

from repair.detect.spin import THRESHOLD, doc_phrase_count
from repair.document import Document
from repair.resources.frequency import zipf
from repair.score.reference import ngram_support, reference_ngrams
from repair.score.spin_context import WordContext, context, lm_gain
from repair.score.spin_model import get_model
from repair.score.spin_pair_clean import honest_share
from repair.types import Candidate, Edit

STRONG_MIN_GAIN = -1.0
LEARNED_MIN_GAIN = -2.0
#: Learned pairs below this weight (corpus statistics without a profile or
#: references) need LEARNED_WEAK_MIN_GAIN instead.
LEARNED_CONFIDENT, LEARNED_WEAK_MIN_GAIN = 0.5, 2.0
WEAK_MIN_GAIN = 2.0
#: LM gain (nats, whole span in context) a written two-word span needs to be restored as
#: one word (:mod:`repair.candidates.spin_phrase`; chosen on dev, see benchmarks/RESULTS.md).
PHRASE_MIN_GAIN = 4.0
#: How far the weak-pair bar drops for a document that plainly carries the
#: spinner's fingerprint (score >= RELAX_FULL): there a known spinner habit needs only
#: an LM that is not against it.  Seed 000 (approximate hand restoration): error
#: reduction 0.78 -> 0.85 with 2 more broken tokens; the WordNet suite (its docs
#: score 0.5-0.8) is barely affected.
WEAK_RELAX = 2.5
#: The relaxation starts at this spin score and is complete at :data:`RELAX_FULL`.
#: Below it a weak pair seen once needs gain >= 2: on spin_same (documents scoring
#: 0.3-0.98) single weak edits with gain 0-2 broke about as many tokens as they fixed.
#: (0.95/0.995 since the spin score's rescale of 2026-11-24: 0.9/0.98 then broke
#: 12 more tokens on spin_same; seed 000 scores 0.997.)
RELAX_FROM = 0.95
RELAX_FULL = 0.995
#: Scoring rounds (restorations of one round are the context of the next).
PASSES = 3
#: Decline (``weak_evidence``) a weak profile pair whose written form is mostly honest in
#: clean English: its learned clean share (:func:`repair.score.spin_pair_clean.honest_share`,
#: from ``lexicons/spin_pair_clean.tsv``) is at least PAIR_CLEAN_SHARE, unless the document's
#: own evidence is strong: an LM gain of at least PAIR_CLEAN_GAIN, reference support, or a
#: dense profile (at least PAIR_CLEAN_DENSE profile occurrences per 100 words: where a
#: spinner rewrote that much, an honest-looking form is more likely its work).
#: On since session 46 (``python benchmarks/spin_eval.py --all --split dev|test``): dev error
#: reduction seed 0.6619 -> 0.6677 (precision 0.822 -> 0.843, broken 0.0085 -> 0.0072),
#: seeddense 0.4580 -> 0.4583, every other spinner identical; test seed 0.3611 -> 0.3722,
#: seeddense 0.4363 -> 0.4362 (one token of 4,541; precision 0.787 -> 0.788, broken 0.0122
#: -> 0.0120), spinbot 0.1415 identical.  Seed 000 (profile density 24 per 100 words, exempt)
#: and seeds 001-004 byte-identical; clean calibration 0.094 changed tokens per 1,000 as main (short
#: pieces 0.342 -> 0.336).  The three thresholds were chosen on the dev weak edits
#: of seed and seeddense (benchmarks/RESULTS.md, "Session 46, spinpair46").
PAIR_CLEAN = True
#: Session 61 (speedspin61), a pure speed change (exact): a document's first-round rows
#: (:func:`_measure`: the written span, its context, LM gain and reference support in the
#: document's own words) are remembered on the document by (start, end, original) and read
#: again by the stage's later :func:`score_spin` calls over the same candidates (six calls
#: on one 100 k-word spinbot-spun text: 55,937 rows, 10,949 distinct).  A later round reads
#: restored context and is measured afresh.  False: every row measured.
MEASURE_MEMO = True
#: Session 65 (speedspin65), a pure speed change (exact): a row's accepted edit (its
#: replacement, score, confidence and evidence: a function of the candidate, the row and the
#: pair's figures alone) is remembered on the document by candidate and read again by the
#: stage's later :func:`score_spin` calls while those inputs are the same (spinbot 100 k:
#: 62,190 accepted-row builds over six calls -> the first call's), and each pair's mean gain
#: is summed once a round instead of once a row.  False: every row built afresh.
ACCEPT_MEMO = True
#: Session 65 (spinmem65), a pure memory change (exact): with :data:`ACCEPT_MEMO`, the memo
#: keeps per accepted row only the inputs its edit is a function of and the edit's head
#: (offset, replacement, rounded confidence) in one slotted :class:`_Accepted`; the
#: evidence dict, message and :class:`Edit` are built once per returned edit when
#: :func:`score_spin` returns (spinbot 100 k: 11,994 remembered rows, 16.2 -> 5.1 MB with the
#: pairs' shared count / Zipf items; ``repair fix`` peak RSS 526.8 -> 518.5 MB, WordNet 100 k
#: 462.1 -> 457.9 MB, CPU within noise).  False: session 65 speedspin's memo of built edits.
ACCEPT_LIGHT = True
#: Session 66 (speedspin66), a pure speed change (exact): the stage calls :func:`score_spin`
#: six times a document, each over the previous call's candidates plus a few new ones
#: (spinbot 100 k: 7,217, then +110, +4,031, +33, +4, +761), and the first round re-decided
#: every earlier row.  With :data:`MEASURE_MEMO`, :data:`ACCEPT_MEMO` and
#: :data:`ACCEPT_LIGHT`, the last call's first round is kept on the document
#: (:class:`_Trace`: its candidates, rows and each row's outcome: the decline reason or the
#: accepted record) and a call whose candidates begin with the same objects, under the same
#: document score, references, profile density, word model and thresholds, replays an
#: earlier row's outcome instead of deciding it again — except at a span where a row's
#: (written, original) pair is also a new row's (its mean gain and count change): there
#: every earlier row is decided afresh.  A first-round row is a function of the candidate
#: and the document's own words (:func:`_remembered`), and its decision of the row, the
#: pair's figures (a function of the first-round rows of the pair, read in the same order),
#: the document score and density and the span's earlier rows in that round (the same rows,
#: the same outcomes), so each replayed outcome is the one :func:`_accept` would give.  Later
#: rounds (restored context) are decided as before; the last round's restorations are not
#: written into a context no round reads.  Spinbot 100 k: ``_accept`` 62,190 -> 17,343
#: calls; ``score_spin`` in process 1.19 -> 1.04 s (medians, 2 alternated rounds, load 5);
#: every output identical (benchmarks/RESULTS.md, "Session 66, speedspin").
#: False: every first-round row decided in every call.
CALL_CARRY = True
PAIR_CLEAN_SHARE, PAIR_CLEAN_GAIN, PAIR_CLEAN_DENSE = 0.3, 5.0, 10.0
_VOWEL_SOUND = set("aeiou")


@lru_cache(maxsize=65_536)
def match_case(written: str, replacement: str) -> str:
    """``replacement`` in the casing style of ``written`` ("Mentioned" → "Said")."""
    if "’" in written:
        replacement = replacement.replace("'", "’")
    if any(c.isupper() for c in replacement):
        return replacement  # lexicon casing (U.S., Chinese) wins
    letters = [c for c in written if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if written[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def score_spin(
    doc: Document,
    doc_score: float,
    candidates: list[Candidate],
    *,
    gate: bool = True,
    decisions: Counter[str] | None = None,
) -> list[Edit]:
    """Accepted spin edits on ``doc.text`` (see the module docstring for the rules).

    ``decisions`` (if given) receives one count per candidate span: ``applied``, or
    the reason its candidates were declined (``proper_noun``, ``lm_against``,
    ``weak_evidence``; the last round's reason).

    Scoring runs in :data:`PASSES` rounds: the restorations accepted in one
    round become the context of the next ("commerce and safety points" →
    "trade and safety issues" → "trade and security issues").
    """
    if gate and doc_score < THRESHOLD:
        return []
    ctx = WordContext.of(doc)
    grams = reference_ngrams(tuple(doc.references)) if doc.references else frozenset()
    best: dict[tuple[int, int], tuple[float, Edit, list[str]]] = {}
    pair_gains: dict[tuple[str, str], dict[int, float]] = defaultdict(dict)
    pending = list(candidates)
    dense = profile_density(doc, candidates) >= PAIR_CLEAN_DENSE if PAIR_CLEAN else True
    covered: set[int] = set()  # character offsets under accepted edits
    declined: dict[tuple[int, int], str] = {}
    memo = _measure_memo(doc) if MEASURE_MEMO else None
    built = _accept_memo(doc) if ACCEPT_MEMO else None
    carry = CALL_CARRY and memo is not None and built is not None and ACCEPT_LIGHT
    for _round in range(PASSES):
        fresh: dict[tuple[int, int], tuple[float, Edit, list[str]]] = {}
        figures: dict[tuple[str, str], tuple[float, int]] | None = {} if ACCEPT_MEMO else None
        if carry and _round == 0:  # the last call's first round replayed (CALL_CARRY)
            _carried_round(
                doc, doc_score, ctx, grams, pending, memo, built, pair_gains, fresh, figures,
                dense, declined,
            )  # fmt: skip
        else:
            if memo is not None and _round == 0:  # the document's own words: remembered rows
                rows = [_remembered(doc, ctx, grams, c, memo) for c in pending]
            else:
                rows = [_measure(doc, ctx, grams, c) for c in pending]
            for row in rows:
                c, written, gain = row[0], row[1], row[5]
                pair_gains[(written.lower(), c.replacement.lower())][c.start] = gain
            for row in rows:
                reason = _accept(doc, doc_score, row, pair_gains, fresh, dense, figures, built)
                if reason:
                    declined[(row[0].start, row[0].end)] = reason
        if not fresh:
            break
        best.update(fresh)
        if carry and _round == PASSES - 1:
            break  # (CALL_CARRY) the last round's context, cover and pending are not read
        for (start, end), (_score, edit, _alts) in fresh.items():
            ctx.restore(
                start,
                end,
                edit.replacement.split(" ", 1)[-1] if edit.offset < start else edit.replacement,
            )
        for a, b in fresh:
            covered.update(range(a, b))
        pending = [c for c in pending if not any(p in covered for p in range(c.start, c.end))]
    out = []
    for _score, edit, alts in best.values():
        if type(edit) is _Accepted:  # ACCEPT_LIGHT: the edit built from its remembered row
            out.append(_light_edit(doc, edit, alts))
        elif built is None:
            out.append(Edit(**{**_edit_dict(edit), "alternatives": tuple(alts)}))
        else:  # a remembered edit's evidence is its own dict each call (ACCEPT_MEMO)
            fields = _edit_dict(edit)
            fields["evidence"] = dict(edit.evidence)
            fields["alternatives"] = tuple(alts)
            out.append(Edit(**fields))
    if decisions is not None:
        decisions["applied"] += len(best)
        decisions.update(r for span, r in declined.items() if span not in best)
    return sorted(out, key=lambda e: e.offset)


class _Trace:
    """The first round of a document's last :func:`score_spin` call (:data:`CALL_CARRY`):
    what its rows were read under (``key``: the document score, references, profile
    density, word model and the decision thresholds), its candidates, its rows and each
    row's outcome (the decline reason, or the accepted :class:`_Accepted` record)."""

    __slots__ = ("key", "doc_score", "cands", "rows", "events")

    def __init__(self, *values: object) -> None:
        for name, value in zip(self.__slots__, values, strict=True):
            setattr(self, name, value)


def _carry_key(doc: Document, dense: bool) -> tuple:
    """What a first-round decision reads besides its row, its pair's figures and the
    document score (compared by identity or value: :class:`_Trace`)."""
    return (
        doc.references, dense, get_model(), STRONG_MIN_GAIN, LEARNED_MIN_GAIN,
        LEARNED_CONFIDENT, LEARNED_WEAK_MIN_GAIN, WEAK_MIN_GAIN, PHRASE_MIN_GAIN, WEAK_RELAX,
        RELAX_FROM, RELAX_FULL, PAIR_CLEAN, PAIR_CLEAN_SHARE, PAIR_CLEAN_GAIN,
    )  # fmt: skip


def _same_key(a: tuple, b: tuple) -> bool:
    """The two :func:`_carry_key` tuples name the same inputs (the model by identity)."""
    return len(a) == len(b) and all(x is y or x == y for x, y in zip(a, b, strict=True))


def _carried_round(
    doc: Document,
    doc_score: float,
    ctx: WordContext,
    grams: frozenset,
    pending: list[Candidate],
    memo: dict | None,
    built: dict[int, tuple],
    pair_gains: dict[tuple[str, str], dict[int, float]],
    fresh: dict[tuple[int, int], tuple[float, Edit, list[str]]],
    figures: dict[tuple[str, str], tuple[float, int]] | None,
    dense: bool,
    declined: dict[tuple[int, int], str],
) -> None:
    """:func:`score_spin`'s first round over ``pending`` (all its candidates), replaying the
    document's last call where it provably decides the same (:data:`CALL_CARRY`), and kept
    as the document's trace for the next call."""
    key = _carry_key(doc, dense)
    prev = doc.__dict__.get("_spin_call_trace")
    n = 0
    if (
        prev is not None
        and len(prev.cands) <= len(pending)
        and _same(prev.doc_score, doc_score)
        and _same_key(prev.key, key)
        and all(a is b for a, b in zip(prev.cands, pending, strict=False))
    ):
        n = len(prev.cands)
    old_rows = prev.rows if n else []
    if memo is not None:
        new_rows = [_remembered(doc, ctx, grams, c, memo) for c in pending[n:]]
    else:
        new_rows = [_measure(doc, ctx, grams, c) for c in pending[n:]]
    rows = old_rows + new_rows
    for row in rows:
        c, written, gain = row[0], row[1], row[5]
        pair_gains[(written.lower(), c.replacement.lower())][c.start] = gain
    # the spans whose earlier rows' pair figures a new row changes: decided afresh
    dirty: set[tuple[int, int]] = set()
    if n and new_rows:
        mine = {(row[1].lower(), row[0].replacement.lower()) for row in new_rows}
        dirty = {
            (row[0].start, row[0].end)
            for row in old_rows
            if (row[1].lower(), row[0].replacement.lower()) in mine
        }
    events: list[object] = []
    old_events = prev.events if n else ()
    for i, row in enumerate(rows):
        c = row[0]
        span = (c.start, c.end)
        if i < n and span not in dirty:
            got = old_events[i]
            if type(got) is str:
                declined[span] = got
            else:  # _accept's tail with the remembered record (the same inputs)
                built[id(c)] = got
                score = row[5] + 2.0 * row[6]
                old = fresh.get(span)
                if old is None or score > old[0]:
                    alts = old[2] + [old[1].replacement] if old else []
                    fresh[span] = (score, got, alts)  # type: ignore[assignment]
                else:
                    old[2].append(got.replacement)  # type: ignore[attr-defined]
            events.append(got)
            continue
        reason = _accept(doc, doc_score, row, pair_gains, fresh, dense, figures, built)
        if reason:
            declined[span] = reason
            events.append(reason)
        else:
            events.append(built[id(c)])
    doc.__dict__["_spin_call_trace"] = _Trace(key, doc_score, pending, rows, events)


def _measure_memo(doc: Document) -> dict[tuple[int, int, str], tuple]:
    """The first-round rows of ``doc`` read so far (:data:`MEASURE_MEMO`), kept on the
    document (its text does not change) for its references."""
    return doc.__dict__.setdefault("_spin_measure_rows", {}).setdefault(doc.references, {})


def _accept_memo(doc: Document) -> dict[int, tuple]:
    """The rows' accepted edits built so far (:data:`ACCEPT_MEMO`), kept on the document by
    ``id`` of the candidate (each entry holds its candidate, so the id is not reused)."""
    return doc.__dict__.setdefault("_spin_accept_rows", {})


def _same(a: float, b: float) -> bool:
    """``a`` and ``b`` the same float, signed zeros apart (NaN is never the same)."""
    return a is b or (a == b and (a != 0.0 or math.copysign(1.0, a) == math.copysign(1.0, b)))


def _remembered(
    doc: Document, ctx: WordContext, grams: frozenset, c: Candidate, memo: dict
) -> tuple:
    """:func:`_measure` of ``c`` in ``ctx``, the document's own words (unrestored),
    remembered by (start, end, original): the row is a function of those alone."""
    key = (c.start, c.end, c.replacement)
    got = memo.get(key)
    if got is None:
        row = _measure(doc, ctx, grams, c)
        memo[key] = row[1:]
        return row
    return (c, *got)


def _measure(doc: Document, ctx: WordContext, grams: frozenset, c: Candidate) -> tuple:
    written = doc.text[c.start : c.end]
    left, right, initial = context(doc, ctx, c.start, c.end)
    spun_w = [w.lower() for w in written.split()]
    orig_w = [w.lower() for w in c.replacement.split()]
    gain = lm_gain(left, spun_w, orig_w, right)
    ref = 0
    if grams:
        ref = ngram_support(left, orig_w, right, grams) - ngram_support(left, spun_w, right, grams)
    return (c, written, left, right, initial, gain, ref)


def _accept(
    doc: Document,
    doc_score: float,
    row: tuple,
    pair_gains: dict[tuple[str, str], dict[int, float]],
    best: dict[tuple[int, int], tuple[float, Edit, list[str]]],
    dense: bool = True,
    figures: dict[tuple[str, str], tuple[float, int]] | None = None,
    built: dict[int, tuple] | None = None,
) -> str:
    """Accept ``row`` into ``best`` (returns '') or return the reason it is declined
    (``dense``: the document's profile is dense enough to keep honest-looking weak pairs).
    ``figures``: each pair's (mean gain, count) this round, filled as read; ``built``: the
    document's remembered edits (:data:`ACCEPT_MEMO`)."""
    c, written, left, _right, initial, gain, ref = row
    f = c.features
    pair = (written.lower(), c.replacement.lower())
    got = None if figures is None else figures.get(pair)
    if got is None:
        gains = list(pair_gains[pair].values())
        got = (sum(gains) / len(gains), len(gains))
        if figures is not None:
            figures[pair] = got
    mean, n_gains = got
    strength = f.get("strength", "weak")
    reason = _decide(
        c,
        written,
        initial,
        strength,
        f.get("caps", False),
        gain,
        mean,
        ref,
        weak_bar(doc_score),
        n_gains,
    )
    if not reason and not dense and strength == "weak" and honest_pair(written, c, gain, ref):
        reason = "weak_evidence"
    if reason:
        return reason
    if built is None:
        score, edit, replacement = _built(doc, doc_score, row, mean, n_gains, strength)
    else:
        last = left[-1] if left else None
        kept = built.get(id(c))
        if ACCEPT_LIGHT:
            if not (
                kept is not None
                and kept.c is c
                and kept.written == written
                and kept.last == last
                and kept.ref == ref
                and _same(kept.gain, gain)
                and _same(kept.doc_score, doc_score)
                and _same(kept.mean, mean)
                and kept.n_gains == n_gains
            ):
                start, replacement, conf = _head(doc, doc_score, row, strength)
                shared = doc.__dict__.setdefault("_spin_accept_pairs", {})
                part = shared.get(pair)  # a function of the pair (and the document) alone
                if part is None:
                    part = shared[pair] = _pair_part(doc, written, c)
                kept = built[id(c)] = _Accepted(
                    c, written, last, ref, gain, doc_score, mean, n_gains, start, replacement,
                    round(conf, 4), part,
                )  # fmt: skip
            score, edit, replacement = gain + 2.0 * ref, kept, kept.replacement
        elif (
            kept is not None
            and kept[0] is c
            and kept[1] == written
            and kept[2] == last
            and kept[3] == ref
            and _same(kept[4], gain)
            and _same(kept[5], doc_score)
            and _same(kept[6], mean)
            and kept[7] == n_gains
        ):
            score, edit, replacement = kept[8]
        else:
            got_built = _built(doc, doc_score, row, mean, n_gains, strength)
            built[id(c)] = (c, written, last, ref, gain, doc_score, mean, n_gains, got_built)
            score, edit, replacement = got_built
    old = best.get((c.start, c.end))
    if old is None or score > old[0]:
        alts = old[2] + [old[1].replacement] if old else []
        best[(c.start, c.end)] = (score, edit, alts)
    else:
        old[2].append(replacement)
    return ""


class _Accepted:
    """An accepted row remembered by :data:`ACCEPT_LIGHT`: the inputs its edit is a function
    of (the candidate, written span, last left word, reference support, LM gain, document
    score, the pair's mean gain and count) and the edit's offset, replacement and rounded
    confidence, and its pair's shared :func:`_pair_part`; :func:`_light_edit` builds the
    :class:`Edit`."""

    __slots__ = (
        "c", "written", "last", "ref", "gain", "doc_score", "mean", "n_gains",
        "offset", "replacement", "confidence", "part",
    )  # fmt: skip

    def __init__(self, *values: object) -> None:
        for name, value in zip(self.__slots__, values, strict=True):
            setattr(self, name, value)


def _light_edit(doc: Document, a: _Accepted, alts: list[str]) -> Edit:
    """The :class:`Edit` of a remembered row, as :func:`_built` makes it."""
    c = a.c
    evidence = _evidence(
        c, a.gain, a.mean, a.n_gains, a.ref, a.doc_score, c.features.get("strength", "weak"),
        a.part,
    )  # fmt: skip
    return Edit(
        a.offset,
        c.end - a.offset,
        doc.text[a.offset : c.end],
        a.replacement,
        "spin",
        a.confidence,
        c.source,
        f"spinner substitution: '{a.written}' restored as '{a.replacement}'",
        evidence,
        tuple(alts),
    )


def _head(doc: Document, doc_score: float, row: tuple, strength: str) -> tuple[int, str, float]:
    """(offset, replacement, confidence) of an accepted ``row``'s edit (:func:`_built`)."""
    c, written, left, _right, _initial, gain, ref = row
    f = c.features
    replacement = match_case(written, c.replacement)
    if (
        written[:1].isdigit()
        and left
        and left[-1][:1].isupper()
        and left[-1] != "<s>"
        and c.source != "SPIN_NUMBER"
    ):  # part of a name ("Lunar New 12 months" -> "Year"); "Gafner 4 months" stays lower
        replacement = replacement[:1].upper() + replacement[1:]
    start, replacement = _fix_article(doc.text, c.start, replacement)
    support = gain + 2.0 * ref + (2.0 if strength in ("strong", "learned") else 0.0)
    conf = 0.5 + 0.49 * doc_score / (1.0 + math.exp(-support))
    prob = f.get("model_probability")
    if prob is not None:  # the model's calibrated probability is the confidence
        conf = max(0.5, min(0.99, prob))
    return start, replacement, conf


def _pair_part(doc: Document, written: str, c: Candidate) -> tuple[int, float, float]:
    """The evidence items of an accepted row that depend on its (written, original) pair
    alone: the original's count in the document and both sides' rounded Zipf frequencies."""
    # reported only: declining pairs whose original is also used in the document
    # ("contested") cost seed 000 0.6 points of error reduction and gained nothing
    orig_count = doc_phrase_count(doc, c.replacement)
    return (
        orig_count,
        round(zipf(written.lower()), 2),
        round(zipf(c.replacement.lower()), 2),
    )


def _evidence(
    c: Candidate,
    gain: float,
    mean: float,
    n_gains: int,
    ref: int,
    doc_score: float,
    strength: str,
    part: tuple[int, float, float],
) -> dict:
    """The evidence of an accepted row's edit (:func:`_built`); ``part``: its
    :func:`_pair_part`."""
    f = c.features
    prob = f.get("model_probability")
    evidence = {
        "lm_logprob_gain": round(gain, 3),
        "pair_mean_gain": round(mean, 3),
        "pair_count_in_doc": n_gains,
        "original_count_in_doc": part[0],
        "reference_ngrams": ref,
        "zipf_spun": part[1],
        "zipf_original": part[2],
        "doc_spin_score": round(doc_score, 4),
        "strength": strength,
        "decision": "applied",
    }
    if prob is not None:
        evidence["model_probability"] = round(prob, 4)
        evidence["main_features"] = f.get("main_features", [])
    if f.get("wide"):  # an original past the reverse table's cut (stages/spin.wide_reading)
        evidence["wide_candidates"] = True
    if f.get("reverse"):  # a reverse-thesaurus original (stages/spin.reverse_reading)
        evidence["reverse_candidates"] = True
    if f.get("reverse_wide"):  # past the reverse rows' cut (stages/spin.wide_reverse_rows)
        evidence["reverse_wide_candidates"] = True
    if f.get("reverse_far"):  # past the wide cut, large gain (stages/spin_far.py)
        evidence["reverse_far_candidates"] = True
    if f.get("span_mapping"):  # a restored span mapping carried (score/spin_span_mapping.py)
        evidence["span_mapping"] = f["span_mapping"]
    if f.get("pair_source") == "inflected":  # a profile row at another inflection
        evidence["pair_source"] = "inflected"  # (candidates/spin.INFLECT_ROWS)
        if f.get("inflect_opened_by"):  # the document's evidence that opened it
            evidence["inflect_opened_by"] = f["inflect_opened_by"]  # (spin_inflect_gate)
    if f.get("kept_class"):  # "Chinese language" -> Chinese (stages/spin.LANGUAGE_KEPT)
        evidence["span_source"] = "wordnet:language"  # the kept word a WordNet language name
    if f.get("span_source"):  # an original from a gloss or hypernym (spin_phrase.SOURCE_ROWS)
        evidence["span_source"] = f["span_source"]
    return evidence


def _built(
    doc: Document, doc_score: float, row: tuple, mean: float, n_gains: int, strength: str
) -> tuple[float, Edit, str]:
    """(score, edit, replacement) of an accepted ``row``: a function of the document, the
    row's candidate and figures, ``doc_score`` and its pair's ``mean`` gain and count."""
    c, written, _left, _right, _initial, gain, ref = row
    start, replacement, conf = _head(doc, doc_score, row, strength)
    part = _pair_part(doc, written, c)
    evidence = _evidence(c, gain, mean, n_gains, ref, doc_score, strength, part)
    edit = Edit(
        start,
        c.end - start,
        doc.text[start : c.end],
        replacement,
        "spin",
        round(conf, 4),
        c.source,
        f"spinner substitution: '{written}' restored as '{replacement}'",
        evidence,
    )
    return gain + 2.0 * ref, edit, replacement


def profile_density(doc: Document, candidates: list[Candidate]) -> float:
    """Profile occurrences (spans of ``SPIN_PAIR`` / ``SPIN_PHRASE`` candidates) per 100 words."""
    spans = {(c.start, c.end) for c in candidates if c.source in ("SPIN_PAIR", "SPIN_PHRASE")}
    return 100.0 * len(spans) / max(len(doc.words), 1)


def honest_pair(written: str, c: Candidate, gain: float, ref: int) -> bool:
    """A weak profile pair mostly honest in clean English (:data:`PAIR_CLEAN`), its LM gain
    below :data:`PAIR_CLEAN_GAIN` and without reference support."""
    if c.source not in ("SPIN_PAIR", "SPIN_PHRASE") or gain >= PAIR_CLEAN_GAIN or ref > 0:
        return False
    share = honest_share(" ".join(written.lower().split()), c.replacement.lower())
    return share is not None and share >= PAIR_CLEAN_SHARE


def _edit_dict(e: Edit) -> dict:
    return {s: getattr(e, s) for s in Edit.__slots__}


def weak_bar(doc_score: float) -> float:
    """The LM gain a weak pair needs, lower for documents that are plainly spun."""
    t = min(1.0, max(0.0, (doc_score - RELAX_FROM) / (RELAX_FULL - RELAX_FROM)))
    return WEAK_MIN_GAIN - WEAK_RELAX * t


def _decide(
    c: Candidate,
    written: str,
    initial: bool,
    strength: str,
    caps: bool,
    gain: float,
    mean: float,
    ref: int,
    bar: float = WEAK_MIN_GAIN,
    count: int = 2,
) -> str:
    """'' to accept, else the reason code for declining (``count``: occurrences of the pair)."""
    if written[:1].isupper() and not initial and not caps and c.source != "SPIN_REFERENCE":
        return "proper_noun"
    if c.source == "SPIN_NUMBER":
        return "" if gain >= 0.0 else "lm_against"
    if c.source == "SPIN_SYNONYM":
        # the learned model decided (repair.score.spin_model); the LM must still not be
        # against it in the context of this round (earlier restorations change it)
        if gain < 0.0:
            return "lm_against"
        model = get_model()
        need = model.word_threshold
        if c.features.get("common") and model.common is not None:
            need = model.common.threshold  # a common written word: its own model
        need = c.features.get("word_bar", need)  # a register's own bar (score/science.py)
        if c.features.get("model_probability", 0.0) >= need:
            return ""
        return "" if ref > 0 and gain >= 2.0 else "weak_evidence"
    if c.source == "SPIN_OVERUSE":  # decided by its document counts (candidates/spin_overuse.py)
        return "" if gain >= 0.0 else "lm_against"
    if c.source == "SPIN_SYNONYM_PHRASE":  # the LM in this round's context decides
        if gain >= PHRASE_MIN_GAIN:
            return ""
        return "lm_against" if gain < 0 else "weak_evidence"
    if strength == "strong" or c.source == "SPIN_REFERENCE":
        return "" if gain >= STRONG_MIN_GAIN or ref > 0 else "lm_against"
    if strength == "learned":
        confident = c.features.get("weight", 1.0) >= LEARNED_CONFIDENT
        bar = LEARNED_MIN_GAIN if confident else LEARNED_WEAK_MIN_GAIN
        bar = max(bar, c.features.get("open_bar", bar))  # kept by LEARNED_OPEN alone
        if gain >= bar or ref > 0:
            return ""
        return "lm_against" if gain < 0 else "weak_evidence"
    if gain >= bar or (count >= 2 and gain >= 0.5 and mean >= 1.0):
        return ""
    if ref > 0 and gain >= -1.0:
        return ""
    return "weak_evidence"


def _fix_article(text: str, start: int, replacement: str) -> tuple[int, str]:
    """Extend the edit over a preceding "a"/"an" that no longer agrees ("a hit" → "a success")."""
    pre = text[max(0, start - 3) : start]
    first = replacement[:1].lower()
    if pre.lower().endswith(" a ") or pre.lower() == "a " or pre.lower().endswith("\na "):
        if first in _VOWEL_SOUND:
            art = text[start - 2]
            return start - 2, ("An " if art == "A" else "an ") + replacement
    if (
        start >= 3
        and text[start - 3 : start].lower() == "an "
        and (start == 3 or not text[start - 4].isalnum())
    ):
        if first.isalpha() and first not in _VOWEL_SOUND:
            art = text[start - 3]
            return start - 3, ("A " if art == "A" else "a ") + replacement
    return start, replacement
