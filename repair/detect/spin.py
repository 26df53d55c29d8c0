"""Document spin score: does this text carry an article spinner's fingerprint?

The score is the learned document model (:mod:`repair.score.spin_model`: small
gradient-boosted trees on the word probabilities of the spinner-agnostic evidence, the
density of high-evidence words and the profile score below), calibrated on dev so that
0.5 is the clean false-positive budget; the profile score (squared below :data:`THRESHOLD`) keeps
it at least that high.  The rest of this docstring is the *profile score*, the known
spinner's evidence:

A spinner maps a word the same way throughout a text, so its forms crowd out
the words they replace: seed 000 writes "mentioned" 27 times and "said" never,
while a clean report writes "said" 5-8 times and "mentioned" at most once.
For every spun form ``s`` (with originals ``o``) found in the document we take
its share, shrunk toward its clean-English share ``q`` (:func:`clean_share`) by
a Beta prior of :data:`PRIOR_WEIGHT` pseudo-occurrences,

    p = (count(s) + PRIOR_WEIGHT * q) / (count(s) + count(o) + PRIOR_WEIGHT)

so one occurrence proves little and a consistent habit a lot.  ``q`` is the
wordfreq share for single weak words; for strong forms and phrases it is at
least 0.02 (0.1), raised to the LM's share where the LM finds the form
ordinary English ("more and more" 0.59, "whether or not" 0.12, "all the
time" 0.13; "earlier than" stays at 0.02).  Each occurrence adds
``ln(p / q)`` (only where ``p > q``) times its *context fit*
(:func:`context_fit`: 1 where the trigram LM prefers the original there by
>= 1 nat, down to 0.25 where it prefers the written form: honest "There have
been" and "passed off peacefully" count little), times 1 for strong forms and
0.5 for weak and learned ones.  The evidence per 100 words (short texts count
as :data:`MIN_WORDS` long), ``x``, becomes ``score = 1 - exp(-x / SCALE)``.

Minimum evidence: fewer than :data:`MIN_FORMS` fingerprint occurrences (forms
with >= 1 nat) cap the score at 0.45, under :data:`THRESHOLD`: two or three honest
fingerprints in a 30-word text are ordinary English, a spinner leaves many.  Many
distinct forms of sub-nat evidence each (:data:`MIN_SPREAD`, off) do not lift the
cap: the seed spinner writes formal vocabulary ("obtain", "assist", "anticipated",
"subsequently"), so a short formal notice or abstract shows ten such forms once each.

Calibration (benchmarks/spin_eval.py, 2026-11-24): seed 000 0.997; spin_same
``all_`` documents min 0.29 / median 0.87 / max 0.98 (59 of 60 >= 0.5; ``dev_``
0.30 / 0.71 / 0.94, ``held_`` 0.18 / 0.61 / 0.94); clean suite (99 texts) min
0.00 / median 0.08 / max 0.62 (hand_honest_spinner_words, the one clean text
over 0.5; next 0.45, capped); seeds 001-004 <= 0.12.
:data:`THRESHOLD` (0.5) gates edits.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from repair import window_counts
from repair.candidates.spin import Occurrence
from repair.detect.spin_stats import word_stats
from repair.document import Document
from repair.resources.frequency import zipf
from repair.resources.lm import get_lm
from repair.score.spin_context import WordContext, occurrence_gain
from repair.score.spin_evidence import WordEvidence
from repair.score.spin_model import doc_features, get_model, probabilities, word_features
from repair.types import Detection, Finding

#: Documents at or above this spin score get their spin edits; below, none.
THRESHOLD = 0.5
#: Evidence per 100 words that gives score 1 - 1/e (0.63); see the module docstring.
SCALE = 5.0
#: Documents shorter than this count as this long: a short text cannot show a rate.
MIN_WORDS = 150
#: Pseudo-occurrences at the clean share ``q`` in the Beta prior of a form's share.
PRIOR_WEIGHT = 3.0
#: Context fit: an occurrence whose restoration the LM does not prefer
#: (gain <= FIT_LOW) weighs FIT_FLOOR; from gain >= FIT_HIGH it weighs fully.
FIT_LOW, FIT_HIGH, FIT_FLOOR = -1.0, 1.0, 0.25
#: Below this many distinct forms with evidence >= 1 nat the score is capped
#: under the threshold: one or two fingerprints are ordinary English.
MIN_FORMS = 3
#: ... unless this many distinct forms carry at least MIN_SPREAD_NATS each (None: off).
#: Off since session 18: every clean-suite text it opened was formal prose (issue 11:
#: hand_formal_notice 9 edits, hand_academic_prose 6, hand_honest_spinner_words 8), and
#: the short spun texts it opened ranked below them at every (count, nats) setting.
#: Off: spin_eval seed/seeddense dev and seed_gold unchanged; spin_same dev 0.637 ->
#: 0.617, held 0.395 -> 0.376 (benchmarks/RESULTS.md, "Formal register and the spread escape").
MIN_SPREAD: int | None = None
MIN_SPREAD_NATS = 0.1
#: At most this many occurrences of one spun form count towards its profile evidence
#: (None: every occurrence).  A document's topic word repeats: a science article on
#: "males" writes it 8 times and never "men", so that one form alone gave 18 of its 25
#: nats and opened the profile gate on clean text (spin_eval test clean/1k 0.355:
#: benchmarks/RESULTS.md, "Session 32, spinrank32").  Repeats of one word are not
#: independent fingerprints; the form's evidence is scaled by min(count, cap) / count.
#: Off: 3 clears the calibration corpus but costs seed dev 0.662 -> 0.642 and seeddense
#: 0.455 -> 0.446 (its profile gate shuts on 1 seed and 2 seeddense dev documents).
REPEAT_CAP: int | None = None
#: The form with the most evidence counts at most this many times the evidence of all
#: the other forms together (None: uncapped): a profile is many fingerprints, and one
#: form that alone opens the gate is a topic word, not a spinner (same document as above).
#: 1.0: profile scores >= 0.5 on the 2,525 clean corpus documents (both halves) 4 -> 0,
#: no seed/seeddense dev document's gate changes; spin_eval dev identical but spinbot
#: 0.1235 -> 0.1221, double 0.3321 -> 0.3325, abstracts' clean edit gone (mill AUC
#: 0.897 -> 0.952).  2.0 leaves the males article at 0.515.
TOP_FORM_RATIO: float | None = 1.0
_STRONG_Q = 0.02
#: Spinner-agnostic evidence (:func:`synonym_score`): a word is flagged when its best
#: synonym gains > SYN_FLAG_GAIN nats in context and > SYN_FLAG_CONTEXT beyond unigram
#: frequency; tuned on the dev half of benchmarks/spin_method_dev.py (AUC 0.93 WordNet
#: spinner, 0.98 Moby spinner; clean max density 0.14 over five registers; 0.22 cut
#: inaugural false positives but lowered the spin_eval dev AUC of the rare spinner 0.95 -> 0.80).
SYN_FLAG_GAIN, SYN_FLAG_CONTEXT = 6.0, 2.0
SYN_MIN_ROWS = 40
SYN_MID, SYN_WIDTH = 0.2, 0.03
#: Score cap (just under :data:`THRESHOLD`) for too few distinct fingerprints.
_CAP = 0.45
#: Words before a spun digit phrase that make it ordinary English; the LM knows
#: no digits, so its context fit cannot judge these.  "the past 12 months" and
#: "the 12 months to June" are common; after a bare preposition ("for 12 months",
#: "in 12 months") the spinner's source would read "for year", which is not English.
_ORDINARY_BEFORE = {
    "12 months": frozenset(
        {"past", "next", "last", "previous", "coming", "following", "first", "final", "those"}
        | {"the", "for", "in", "within", "over", "after", "than", "around", "about", "under"}
    ),
}


@lru_cache(maxsize=20_000)
def lm_share(spun: str, original: str) -> float:
    """Share of ``spun`` among ``spun``+``original`` by the LM without context.

    For a phrase extending its original ("whether or not" / "whether") this is
    about P(continuation); "more and more" / "increasingly" 0.59, "all the time"
    / "always" 0.13, "earlier than" / "before" 0.005.
    """
    lm = get_lm()
    a = lm.sequence_logprob(spun.lower().split())
    b = lm.sequence_logprob(original.lower().split())
    return 1.0 / (1.0 + math.exp(min(50.0, b - a)))


@lru_cache(maxsize=20_000)
def clean_share(spun: str, original: str, strength: str) -> float:
    """Expected share of ``spun`` among ``spun``+``original`` in clean English.

    Strong forms and phrases: at least :data:`_STRONG_Q` (0.1 for weak
    phrases), raised to the LM's share when the LM finds the form ordinary;
    single weak words: the wordfreq share.  Capped at 0.7.
    """
    if strength == "strong" or " " in spun or " " in original:
        floor = _STRONG_Q if strength == "strong" else 0.1
        return min(0.7, max(floor, lm_share(spun, original)))
    fs, fo = 10 ** zipf(spun), 10 ** zipf(original)
    if fs + fo <= 0:
        return 0.1
    return min(0.7, max(_STRONG_Q, fs / (fs + fo)))


def context_fit(gain: float) -> float:
    """Weight of one occurrence by the LM gain of its restoration in context."""
    if gain >= FIT_HIGH:
        return 1.0
    if gain <= FIT_LOW:
        return FIT_FLOOR
    return FIT_FLOOR + (1.0 - FIT_FLOOR) * (gain - FIT_LOW) / (FIT_HIGH - FIT_LOW)


def _ordinary(doc: Document, o: Occurrence) -> bool:
    before = _ORDINARY_BEFORE.get(o.spun)
    if not before:
        return False
    prev = doc.text[max(0, o.start - 20) : o.start].split()
    return bool(prev) and prev[-1].lower() in before


@lru_cache(maxsize=4096)
def _phrase_re(phrase: str) -> re.Pattern[str]:
    # the look-behind ``(?<![\w'’\-])`` is tested by :func:`_free_before` (in a pattern
    # it is ~70 % of the compile time, paid for every phrase of every process)
    body = re.escape(phrase).replace(r"\ ", r"\s+")
    return re.compile(body + r"(?![\w'’\-])")


def _free_before(text: str, p: int) -> bool:
    r"""``(?<![\w'’\-])`` at ``p``: ``\w`` is ``str.isalnum()`` or ``_`` (as in ``re``)."""
    if p == 0:
        return True
    c = text[p - 1]
    return not (c.isalnum() or c == "_" or c in "'’-")


def count_phrase(lower_text: str, phrase: str) -> int:
    """Occurrences of ``phrase`` (lower case) as whole words in ``lower_text``.

    Counts what ``findall`` would (non-overlapping, left to right), but tries the
    pattern only where ``str.find`` sees the phrase's first word: a scan that starts
    with a look-behind would otherwise be tried at every character.

    >>> count_phrase("said it, then re-said it; said it", "said it")
    2
    """
    if not phrase:
        return 0
    words = phrase.split()
    if any(w not in lower_text for w in words[1:]):
        # a match holds each word as written: none here, and no pattern compiled (a
        # compile is ~0.25 ms, a short text's count a few us; issue 14, cold start)
        return 0
    rx: re.Pattern[str] | None = None
    first = words[0] if words else phrase
    n, pos = 0, 0
    while (p := lower_text.find(first, pos)) >= 0:
        m = None
        if _free_before(lower_text, p):
            if rx is None:
                rx = _phrase_re(phrase)  # compiled where the first word stands free
            m = rx.match(lower_text, p)
        if m:
            n += 1
            pos = max(m.end(), p + 1)
        else:
            pos = p + 1
    return n


#: Texts at least this long count phrases with a word index (:func:`count_indexed`):
#: one pass over the text instead of one ``find`` scan per distinct phrase.
INDEX_MIN_CHARS = 20_000
#: Maximal runs of the characters the phrase pattern's look-around excludes.
_RUN = re.compile(r"[\w'’\-]+")


def word_runs(lower_text: str) -> dict[str, list[int]]:
    r"""Start offsets of each maximal run of word characters (``\w``, apostrophes, hyphen)
    of ``lower_text``, in text order."""
    out: dict[str, list[int]] = {}
    for m in _RUN.finditer(lower_text):
        out.setdefault(m.group(), []).append(m.start())
    return out


def count_indexed(lower_text: str, runs: dict[str, list[int]], phrase: str) -> int:
    r""":func:`count_phrase` with the text's :func:`word_runs` (the same count).

    A match of a phrase whose first word is all run characters starts a maximal run (the
    look-behind) and ends its first word at a run's end (the look-ahead, or the ``\s+``
    after it), so only the starts of runs equal to that word are tried, left to right,
    skipping those inside the previous match; a one-word phrase is then a whole run.
    Any other phrase is counted by :func:`count_phrase`."""
    words = phrase.split()
    if not words or phrase != " ".join(words) or _RUN.fullmatch(words[0]) is None:
        return count_phrase(lower_text, phrase)
    starts = runs.get(words[0], ())
    if len(words) == 1:
        return len(starts)
    rx = _phrase_re(phrase)
    n, pos = 0, 0
    for p in starts:
        if p < pos:
            continue
        m = rx.match(lower_text, p)
        if m:
            n += 1
            pos = max(m.end(), p + 1)
    return n


def doc_phrase_count(doc: Document, phrase: str) -> int:
    """:func:`count_phrase` of ``phrase`` in ``doc``, memoised on the document (with a word
    index on long texts: :func:`count_indexed`)."""
    cache = doc.__dict__.setdefault("_spin_phrase_counts", {})
    key = phrase.lower()
    n = cache.get(key)
    if n is None:
        lower = doc.__dict__.get("_spin_lower_text")
        if lower is None:
            lower = doc.__dict__["_spin_lower_text"] = doc.text.lower()
        if len(lower) >= INDEX_MIN_CHARS:
            runs = doc.__dict__.get("_spin_word_runs")
            if runs is None:
                runs = doc.__dict__["_spin_word_runs"] = word_runs(lower)
            n = cache[key] = count_indexed(lower, runs, key)
        else:
            n = cache[key] = count_phrase(lower, key)
    return n


def spin_evidence(doc: Document, occurrences: Sequence[Occurrence]) -> dict[str, dict]:
    """Per spun form: count, count of its originals, shares, context fit and evidence (nats)."""
    by_form: Counter[str] = Counter(o.spun for o in occurrences)
    infos = {o.spun: o.info for o in occurrences}
    fit: dict[str, float] = {}
    ctx = WordContext.of(doc) if occurrences else None
    for o in occurrences:
        if _ordinary(doc, o):
            f = FIT_FLOOR
        else:
            f = context_fit(occurrence_gain(doc, ctx, o.start, o.end, o.info.originals))
        fit[o.spun] = fit.get(o.spun, 0.0) + f
    out: dict[str, dict] = {}
    # a big text's window: the whole text's counts (repair.window_counts.PROFILE)
    whole = window_counts.PROFILE and window_counts.windowed()
    for spun, n_here in by_form.items():
        info = infos[spun]
        c_s: float = n_here
        c_o: float = sum(doc_phrase_count(doc, orig) for orig in info.originals)
        fit_s = fit[spun]
        if whole:
            counts = doc.word_counts
            if window_counts.PROFILE_FIT:  # the fit summed over the whole text's occurrences
                fit_s *= window_counts.scale(spun, counts)
            c_s = n_here * window_counts.scale(spun, counts)
            c_o = sum(
                doc_phrase_count(doc, orig) * window_counts.scale(orig, counts)
                for orig in info.originals
            )
        q = max(clean_share(spun, orig, info.strength) for orig in info.originals)
        p = (c_s + PRIOR_WEIGHT * q) / (c_s + c_o + PRIOR_WEIGHT)
        weight = 1.0 if info.strength == "strong" else 0.5
        llr = fit_s * math.log(p / q) * weight if p > q else 0.0
        if REPEAT_CAP is not None and c_s > REPEAT_CAP:
            llr *= REPEAT_CAP / c_s
        out[spun] = {
            "count": c_s,
            "original_count": c_o,
            "share": p,
            "clean_share": q,
            "context_fit": fit[spun] / n_here,
            "llr": llr,
        }
    return out


def synonym_score(words: Sequence[WordEvidence]) -> tuple[float, float, int]:
    """Spinner-agnostic score: density of words with a better-fitting, more ordinary synonym.

    A word is *flagged* when its best candidate original gains more than
    :data:`SYN_FLAG_GAIN` nats with the LM in context and more than
    :data:`SYN_FLAG_CONTEXT` beyond what unigram frequency explains.  The density
    is flagged / examined words (at least :data:`SYN_MIN_ROWS`), squashed by a
    logistic centred at :data:`SYN_MID`.  Returns (score, density, flagged).
    """
    flagged = sum(1 for w in words if w.gain > SYN_FLAG_GAIN and w.context > SYN_FLAG_CONTEXT)
    density = flagged / max(len(words), SYN_MIN_ROWS)
    score = 1.0 / (1.0 + math.exp(-(density - SYN_MID) / SYN_WIDTH))
    return score, density, flagged


def _below_threshold_squash(p: float) -> float:
    """The profile score as it enters the document score: unchanged from the threshold
    up, squared below it (T * (p/T)^2), so weak profile evidence on clean text does not
    outrank the model's evidence (spin_eval AUC: benchmarks/RESULTS.md, "Spin method")."""
    return p if p >= THRESHOLD else THRESHOLD * (p / THRESHOLD) ** 2


def _total_evidence(ev: dict[str, dict]) -> float:
    """The forms' evidence summed, the top form's capped by :data:`TOP_FORM_RATIO`."""
    llrs = [e["llr"] for e in ev.values()]
    total = sum(llrs)
    if TOP_FORM_RATIO is None or not llrs:
        return total
    top = max(llrs)
    rest = total - top
    return rest + min(top, TOP_FORM_RATIO * rest)


def profile_score(doc: Document, occurrences: Sequence[Occurrence]) -> tuple[float, dict]:
    """The known spinner's score (module docstring) and its per-form evidence."""
    n_words = max(len(doc.words), 1)
    if window_counts.PROFILE_FIT and window_counts.windowed():
        n_words += window_counts.other_length()  # a big text's window: the whole text's
    ev = spin_evidence(doc, occurrences)
    x = 100.0 * _total_evidence(ev) / max(n_words, MIN_WORDS)
    forms = sum(e["count"] for e in ev.values() if e["llr"] >= 1.0)
    score = 1.0 - math.exp(-x / SCALE)
    spread = sum(1 for e in ev.values() if e["llr"] >= MIN_SPREAD_NATS)
    if forms < MIN_FORMS and (MIN_SPREAD is None or spread < MIN_SPREAD):
        score = min(score, _CAP)
    top = sorted(ev.items(), key=lambda kv: -kv[1]["llr"])[:10]
    details = {
        "evidence_per_100_words": round(x, 2),
        "spun_forms": len(ev),
        "fingerprints": forms,
        "forms_with_evidence": spread,
        "top": {k: round(v["llr"], 2) for k, v in top},
        "_ev": ev,
    }
    return score, details


def _llr(ev: dict[str, dict], spun: str) -> float:
    """A form's profile evidence (0 for a form the profile score was not given)."""
    row = ev.get(spun)
    return row["llr"] if row is not None else 0.0


def detect(
    doc: Document,
    occurrences: Sequence[Occurrence],
    words: Sequence[WordEvidence] = (),
    profile: tuple[float, dict] | None = None,
    word_profile: float | None = None,
) -> tuple[Detection, list[list[float]], list[float]]:
    """The spin :class:`~repair.types.Detection` (one finding per occurrence, and the
    score), the model features and the learned model's restoration probability of
    each row of ``words``.

    The score is the document model of :mod:`repair.score.spin_model` (inputs: the word
    probabilities, the density of high-evidence words and the profile score), or the
    profile score (squared below :data:`THRESHOLD`) when that is higher: a known
    spinner's fingerprint keeps the document score at least that high.
    ``profile``: :func:`profile_score` of these occurrences, when the caller has it.
    ``word_profile``: the profile score the word features read, when not that one.
    """
    prof, pdet = profile if profile is not None else profile_score(doc, occurrences)
    pdet = dict(pdet)
    ev = pdet.pop("_ev")
    feats = word_features(doc, words, prof if word_profile is None else word_profile)
    probs = probabilities(feats)
    model = get_model()
    weights = window_counts.row_weights([w.written for w in words], doc.word_counts)
    model_score = model.doc_score(doc_features(probs, feats, prof, weights))
    score = max(model_score, _below_threshold_squash(prof))
    syn, density, flagged = synonym_score(words)
    findings = tuple(
        Finding(o.start, o.end, "spin", o.rule.lower(), _llr(ev, o.spun), {"spun": o.spun})
        for o in occurrences
    )
    details = {
        **pdet,
        "threshold": THRESHOLD,
        "profile_score": round(prof, 4),
        "synonym_score": round(syn, 4),
        "synonym_density": round(density, 4),
        "synonym_flagged": flagged,
        "synonym_examined": len(words),
        "model_score": round(model_score, 4),
        "model_doc_gate": model.doc_gate,
        "model_word_threshold": model.word_threshold,
        "model_words_over_threshold": sum(1 for p in probs if p >= model.word_threshold),
        "words": len(doc.words),
        "word_stats": word_stats(probs, feats, len(doc.words)),
    }
    return Detection(findings, score, details), feats, probs
