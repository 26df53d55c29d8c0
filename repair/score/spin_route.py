"""Route a document to the any-rank spin model where its rows read as any-rank spin.

The shipped word model (:data:`repair.score.spin_model.MODEL_FILE`) was fitted on spinners
that write a first-sense WordNet lemma or the rarest thesaurus synonyms; a retrain with a
training-only dense spinner that draws any rarer synonym (``spin_model48.json``,
:data:`repair.score.spin_model.DENSE_MODEL_FILE`, session 48) reads one-click spinners
(``spinbot``) better but the WordNet-sense spinners worse.  One word model trades one
style for the other, so a document is read by the second model only where its own rows
say it is any-rank spin (:func:`route`): the share of its high-evidence rows (LM gain
over :data:`~repair.score.spin_model.FLAG_GAIN`, context gain over
:data:`~repair.score.spin_model.FLAG_CONTEXT`) whose written word shares no WordNet
synset with its best original (:func:`any_rank_cue`).  The cue reads only the evidence
rows, which both models share (same candidate ranker), never the gold.

A document the shipped model keeps shut is routed only where its rows also show a fixed
synonym per word (:data:`SHUT_CONSISTENT`, :func:`every_place_forms`, session 50).

The spin stage reads every later decision of the document under the routed model
(:func:`repair.score.spin_model.routed`, keyed by :func:`model_for` on the detection's
details).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from repair import window_counts
from repair.candidates.spin_channel import sense_ranks, wordnet_shared
from repair.detect.spin import THRESHOLD
from repair.document import Document
from repair.resources.frequency import zipf
from repair.score import spin_model
from repair.score.spin_evidence import WordEvidence
from repair.score.spin_model import (
    FLAG_CONTEXT,
    FLAG_GAIN,
    MIN_ROWS,
    SpinModel,
    doc_features,
    model_of_file,
    probabilities,
    word_features,
)
from repair.window_counts import recurrence, row_weights

#: Read a document with :data:`ANY_RANK_MODEL_FILE` when its any-rank cue
#: (:func:`any_rank_cue`) is at least this, it has at least :data:`MIN_FLAGGED`
#: high-evidence rows and the built-in profile does not fire (:data:`PROFILE_BELOW`);
#: None: never (every document reads the shipped model).  0.4 was chosen on dev
#: (``spin_eval.py --all --split dev``, per-document reads of both models): spinbot
#: 0.1664 -> 0.2029, wordnet 0.3621 -> 0.3618, distrib1 -0.0008 -> -0.0012, every other
#: row identical (the WordNet-sense spinners' cue is low, the rare/double spinners write
#: rare words, the profile keeps seed and seeddense).  Test (read once): spinbot 0.1423
#: -> 0.1677, phrase 0.1240 -> 0.1398, but wordnet 0.3033 -> 0.3012 and distrib1 0.0000
#: -> -0.0029; the calibration on clean English rises 0.092 -> 0.108 changed tokens per
#: 1,000 (three inaugural addresses of the test half, formal prose the any-rank document
#: model opens; the dev half's clean documents lose 4 changed tokens).  Alone it would be
#: off; shipped **on** (0.4) together with :data:`OPEN_ONLY` and :data:`FIRST_SENSE_VETO`
#: (second test read, session 49 spinany49b: test spinbot 0.1423 -> 0.1594, every other row
#: main's, calibration 0.092 as main; benchmarks/RESULTS.md, "Session 49, spinany49" §7).
ANY_RANK_ROUTE: float | None = 0.4
#: The high-evidence rows a document needs before its cue is read.
MIN_FLAGGED = 5
#: A written word at least this common (wordfreq Zipf) sharing no WordNet synset with its
#: original is any-rank spin (the first-sense and rarest-synonym spinners write rarer words
#: or share a synset; session 48's diagnosis: spinbot's right rows the shipped model misses
#: are common written words sharing none).
COMMON_ZIPF = 3.0
#: Only where the built-in profile does not fire (its score below this, the spin gate's
#: :data:`repair.detect.spin.THRESHOLD`): a document the profile knows is a known
#: spinner's, which the shipped model was fitted on.
PROFILE_BELOW = THRESHOLD
#: The second model (session 48's dense retrain).
ANY_RANK_MODEL_FILE = spin_model.DENSE_MODEL_FILE
#: Route only documents the shipped model already opens (its document score at least its
#: gate): the any-rank model then reads their words, never opens a document the shipped
#: model keeps shut.  Dev (session 49): spinbot 0.1664 -> 0.1831, wordnet 0.3621 ->
#: 0.3606, every other row as main; calibration on clean English 0.092 as main
#: (benchmarks/RESULTS.md, "Session 49, spinany49" §5).  On, with :data:`FIRST_SENSE_VETO`
#: (test there, §7); read only with :data:`ANY_RANK_ROUTE` set.
OPEN_ONLY = True
#: Route no document where at least this share of its high-evidence rows have a best
#: original whose *first* WordNet sense the written word shares (:func:`first_sense_share`:
#: the WordNet-sense spinners write a lemma of the original's first synset, an any-rank
#: spinner seldom does); None: no such veto.  0.2 chosen on dev with :data:`OPEN_ONLY`
#: (session 49, spinany49b; ``spin_eval.py --all --split dev``, per-document reads): the
#: one WordNet document routed (share 0.32) stays with the shipped model, wordnet 0.3606 ->
#: 0.3621 (main's), spinbot 0.1831 kept (its 15 routed documents: 0.00-0.12; any bar in
#: 0.15-0.3 gives the same rows), every other row as main.  Test (the branch's second
#: read, of this setting: ``withflags.py ANY_RANK_ROUTE=0.4 OPEN_ONLY=True
#: FIRST_SENSE_VETO=0.2 -- benchmarks/spin_eval.py --all --split test``): spinbot 0.1423 ->
#: 0.1594 (precision 0.616 -> 0.633, recall 0.119 -> 0.140), every other row main's
#: (wordnet 0.3033); ``spin_calibrate.py`` 0.092 changed tokens per 1,000, FPR 0.0071, as
#: main; seeds as main.  On (benchmarks/RESULTS.md, "Session 49, spinany49" §7).
FIRST_SENSE_VETO: float | None = 0.2
#: Route a document the shipped model keeps shut (what :data:`OPEN_ONLY` leaves out) when it
#: has at least this many *every-place* forms (:func:`every_place_forms`: a written word at
#: two places or more of the document, every place a high-evidence row proposing the same
#: original): a one-click spinner writes one synonym per word, fixed, so each form it wrote
#: recurs only where it put it, and is spin there each time; an honest writer's repeated word
#: also stands where nothing better fits.  None: no such exception (``OPEN_ONLY`` as before).
#: Read only with :data:`ANY_RANK_ROUTE` and :data:`OPEN_ONLY` set, after the cue, profile
#: and first-sense checks.  3 chosen on dev (session 50, spinroute; per-document reads of the
#: dev documents :data:`OPEN_ONLY` keeps from routing, read both ways; ``spin_eval.py --all
#: --split dev`` with the flag reproduces the simulation): spinbot 0.1831 -> 0.1962
#: (precision 0.672 -> 0.682, recall 0.165 -> 0.178; 7 of its 21 shut cued documents
#: routed, 68 of the 103 errors routing all 21 would fix), every other dev row main's; no
#: clean dev document of the spin runner or of the calibration's dev half (2,594 documents
#: and short pieces) has 3 such forms (9 documents and 2 short pieces have 2).  Test (read
#: once): spinbot 0.1594 -> 0.1639 (precision 0.633 -> 0.635, recall 0.140 -> 0.146), every
#: other error-reduction row main's, clean changed tokens 0; but one clean test document
#: (inaugural 1853 Pierce #002, 3 forms) is routed, no edit, its spin score up to 0.402, so
#: the test AUCs dip 0.0006-0.0025 (phrase 0.7554 -> 0.7534, distrib 0.6637 -> 0.6619).
#: ``spin_calibrate.py``: 0.092 changed tokens per 1,000, FPR 0.0071, as main; seeds as main
#: (benchmarks/RESULTS.md, "Session 50, spinroute").
SHUT_CONSISTENT: int | None = 3
#: Route a document :data:`OPEN_ONLY` kept with the shipped model (its cue, rows, profile and
#: first-sense checks passed, its shipped document score under the gate) where the family gate
#: (:mod:`repair.detect.spin_family`: multi-word forms and count figures clean English
#: rarely shows) opens its word decisions anyway (:data:`repair.stages.spin.FAMILY_WORDS`):
#: its words are then read by the model its rows point to, not the one they do not.  The
#: family marks do not read the word model, so routing opens no document the shipped model
#: keeps shut; the stage reads such a document twice (:func:`family_reroute`).  Dev (session
#: 52, spinbot; ``spin_eval.py --all --split dev``): spinbot 0.1962 -> 0.2014 (precision
#: 0.682 -> 0.685; its 9 family-opened shut cued documents routed), every other dev row
#: main's; ``spin_calibrate.py`` identical to main (its ROC rows too).  With
#: :data:`repair.score.spin_printed.PRINTED_ROUTED`: test (read once) spinbot 0.1639 ->
#: 0.1672, every other row main's (benchmarks/RESULTS.md, "Session 52, spinbot").  On;
#: False: off (main's behaviour exactly).
FAMILY_OPEN = True
#: A routed document is scored by the any-rank model's document model too (False: its word
#: model only, the document score and gate the shipped model's).  False, dev (session 49,
#: routing as :data:`ANY_RANK_ROUTE` 0.4): spinbot 0.2037, but clean documents' changed
#: tokens per 1,000 0.036 -> 0.134 (the shipped document model reads the any-rank word
#: probabilities as spin) and phrase 0.5429 -> 0.5393 (benchmarks/RESULTS.md, "Session 49,
#: spinany49" §5).
ROUTE_DOC = True
#: Diagnostics only: also put both models' document scores in the details (costs a second
#: word-model pass over the rows).
CUE_DETAILS = False
#: The detection details key of the routing verdict and cues.
KEY = "any_rank"


def any_rank_row(w: WordEvidence) -> bool:
    """Whether ``w`` reads as any-rank spin: its written word is a common word (Zipf at
    least :data:`COMMON_ZIPF`) that shares no WordNet synset with its original.

    >>> from repair.score.spin_evidence import WordEvidence as W
    >>> any_rank_row(W(0, 5, "table", "bought", 8.0, 1.0, 3.0, 3, 2.0))
    True
    >>> any_rank_row(W(0, 9, "purchased", "bought", 8.0, 1.0, 3.0, 3, 2.0))
    False
    """
    lw = w.written.lower()
    return zipf(lw) >= COMMON_ZIPF and wordnet_shared(lw, w.original) == 0


def any_rank_cue(words: Sequence[WordEvidence]) -> tuple[float, int]:
    """(share of ``words``' high-evidence rows that read as any-rank spin
    (:func:`any_rank_row`), number of high-evidence rows).

    >>> any_rank_cue([])
    (0.0, 0)
    """
    flagged = [w for w in words if w.gain > FLAG_GAIN and w.context > FLAG_CONTEXT]
    if not flagged:
        return 0.0, 0
    return sum(1 for w in flagged if any_rank_row(w)) / len(flagged), len(flagged)


def first_sense_row(w: WordEvidence) -> bool:
    """Whether ``w``'s written word shares its best original's first WordNet sense (what a
    WordNet-sense spinner writes).

    >>> from repair.score.spin_evidence import WordEvidence as W
    >>> first_sense_row(W(0, 9, "purchased", "bought", 8.0, 1.0, 3.0, 3, 2.0))
    True
    >>> first_sense_row(W(0, 5, "table", "bought", 8.0, 1.0, 3.0, 3, 2.0))
    False
    """
    ranks = sense_ranks(w.written.lower(), w.original)
    return ranks is not None and ranks[0] == 0


def first_sense_share(words: Sequence[WordEvidence]) -> float:
    """The share of ``words``' high-evidence rows that are first-sense WordNet rows
    (:func:`first_sense_row`); 0.0 without any.

    >>> first_sense_share([])
    0.0
    """
    flagged = [w for w in words if w.gain > FLAG_GAIN and w.context > FLAG_CONTEXT]
    return sum(1 for w in flagged if first_sense_row(w)) / len(flagged) if flagged else 0.0


def every_place_forms(
    words: Sequence[WordEvidence],
    doc_words: Sequence[str],
    whole: Mapping[str, int] | None = None,
) -> int:
    """The written forms of ``words`` read at two places or more where every occurrence of
    the form in ``doc_words`` (the document's words) is a high-evidence row and every row
    proposes the same original (:data:`SHUT_CONSISTENT`).  ``whole``: the document's
    ``word_counts``; a big text's window then counts a form's places as the whole text
    would (:func:`repair.window_counts.recurrence`: the other windows read as this one).

    >>> from repair.score.spin_evidence import WordEvidence as W
    >>> rows = [W(0, 5, "folks", "people", 8.0, 1.0, 3.0, 3, 2.0),
    ...         W(9, 14, "folks", "people", 7.0, 1.0, 2.5, 3, 2.0)]
    >>> every_place_forms(rows, ["folks", "said", "folks"])
    1
    >>> every_place_forms(rows, ["folks", "said", "folks", "Folks"])  # once unread
    0
    >>> every_place_forms(rows[:1], ["folks"])  # one place
    0
    """
    by: dict[str, list[str]] = {}
    for w in words:
        if w.gain > FLAG_GAIN and w.context > FLAG_CONTEXT:
            by.setdefault(w.written.lower(), []).append(w.original.lower())
    if not by:
        return 0
    counts = Counter(t.lower() for t in doc_words)
    return sum(
        1
        for form, origs in by.items()
        if (len(origs) if whole is None else recurrence(len(origs), form, whole)) >= 2
        and len(set(origs)) == 1
        and counts[form] == len(origs)
    )


def _doc_score(
    model: SpinModel, doc: Document, words: Sequence[WordEvidence], wprof: float, prof: float
) -> float:
    feats = word_features(doc, words, wprof)
    weights = row_weights([w.written for w in words], doc.word_counts)
    return model.doc_score(doc_features(probabilities(feats, model), feats, prof, weights))


def route(
    doc: Document, words: Sequence[WordEvidence], word_profile: float, profile: float
) -> dict[str, object]:
    """The routing verdict of a document from its evidence rows: ``{"route": bool, "cue":
    share, "flagged": n}`` (and both models' document scores with :data:`CUE_DETAILS`)."""
    cue, flagged = any_rank_cue(words)
    out: dict[str, object] = {"cue": round(cue, 4), "flagged": flagged}
    if CUE_DETAILS and words:
        out["profile"] = round(profile, 4)
        out["rows"] = [  # (any-rank row, Zipf of the written word, of the original)
            (int(any_rank_row(w)), round(zipf(w.written.lower()), 2), round(zipf(w.original), 2))
            for w in words
            if w.gain > FLAG_GAIN and w.context > FLAG_CONTEXT
        ]
        base = spin_model.get_model()
        out["score_shipped"] = round(_doc_score(base, doc, words, word_profile, profile), 4)
        dense = model_of_file(ANY_RANK_MODEL_FILE)
        out["score_any"] = round(_doc_score(dense, doc, words, word_profile, profile), 4)
    out["route"] = (
        ANY_RANK_ROUTE is not None
        and flagged >= MIN_FLAGGED
        and cue >= ANY_RANK_ROUTE
        and profile < PROFILE_BELOW
    )
    if FIRST_SENSE_VETO is not None and out["route"]:
        share = first_sense_share(words)
        out["first_sense"] = round(share, 4)
        out["route"] = share < FIRST_SENSE_VETO
    if OPEN_ONLY and out["route"]:
        base = spin_model.get_model()
        out["route"] = _doc_score(base, doc, words, word_profile, profile) >= base.doc_gate
        if not out["route"] and SHUT_CONSISTENT is not None:
            flagged = sum(1 for w in words if w.gain > FLAG_GAIN and w.context > FLAG_CONTEXT)
            dense = flagged / max(len(words), MIN_ROWS) >= window_counts.SCALE_MIN_DENSITY
            whole = doc.word_counts if dense else None
            forms = every_place_forms(words, [t.text for t in doc.words], whole)
            out["every_place"] = forms
            out["route"] = forms >= SHUT_CONSISTENT
    return out


def family_reroute(verdict: Mapping[str, object] | None, details: Mapping[str, object]) -> bool:
    """Whether a document read with the shipped model is read again routed
    (:data:`FAMILY_OPEN`): its verdict was refused by :data:`OPEN_ONLY` alone (it records the
    every-place count) and its family gate is open (``details``, the first reading's).

    >>> family_reroute({"route": False, "every_place": 0}, {"family_gate": False})
    False
    """
    return (
        FAMILY_OPEN
        and verdict is not None
        and not verdict.get("route")
        and "every_place" in verdict
        and bool(details.get("family_gate"))
    )


def model_for(details: Mapping[str, object]) -> SpinModel | None:
    """The model a document's detection was routed to (None: the file's model)."""
    verdict = details.get(KEY)
    if isinstance(verdict, Mapping) and verdict.get("route"):
        return _routed_model(ROUTE_DOC, spin_model.MODEL_FILE)
    return None


@lru_cache(maxsize=2)
def _routed_model(doc: bool, _shipped_file: str) -> SpinModel:
    """:data:`ANY_RANK_MODEL_FILE`'s model; without ``doc``, with the shipped document model
    and gate (:data:`ROUTE_DOC`)."""
    dense = model_of_file(ANY_RANK_MODEL_FILE)
    if doc:
        return dense
    shipped = model_of_file(_shipped_file)
    return replace(dense, doc=shipped.doc, doc_gate=shipped.doc_gate)
