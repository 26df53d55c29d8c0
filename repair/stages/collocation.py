"""The collocation stage: spun multi-word expressions back to the original wording.

Five kinds of finding:

* terms written with synonyms ("data agglomerates" → "data sets"):
  :mod:`repair.detect.collocation` → :mod:`repair.candidates.collocation` →
  :mod:`repair.score.collocation` (rule ``COLLOCATION_TERM``);
* wordy paraphrases of a phrase spinner ("prior to" → "before"), restored only in a
  document dense with them: :mod:`repair.detect.wordy` → :mod:`repair.score.wordy`
  (rule ``WORDY_PHRASE``);
* rare words a thesaurus wrote for ordinary ones ("searchers" → "researchers"), restored
  only in a document dense with distinct rare words: :mod:`repair.detect.rareword` →
  :mod:`repair.score.rareword` (rule ``RARE_WORD``);
* single words of a paper mill's thesaurus ("vitality" → "energy"), restored from the
  mills' learned habits only in a document dense with them:
  :mod:`repair.detect.tortured_mill` → :mod:`repair.score.tortured_mill` (rule
  ``TORTURED_WORD``);
* words a sense spinner wrote from the original's first WordNet sense ("infirmaries" →
  "hospitals"), restored only in a scientific document with several of them that the
  rare-word pass does not explain: :mod:`repair.score.sense_words` (rule ``SENSE_WORD``).

It runs after the spin stage, so the spin score is read on the text as written, and
a word the spin stage restored can anchor a term.

The document score is the larger of the applied term restorations and restorable
paraphrases per 1,000 words, squashed (``1 - exp(-rate / 3)``), and the wordy-paraphrase
density score (:func:`repair.score.wordy.document_score`: a Poisson likelihood ratio of
the paraphrase count, phrase-spun against clean rates), which is read on every document,
restored or not, and the density of odd collocations (:mod:`repair.detect.tortured_odd`,
:func:`repair.score.collocation_odd.document_score`), read on documents with some rare
words.

Report keys (``scores.details["collocation"]``) for the paraphrases: ``wordy_found`` is how
many the detector found (:func:`repair.detect.wordy.count`, read by the density score on
every document), ``wordy_restored`` how many were restored (0 below the document gate of
:func:`repair.score.wordy.decide`); until session 18 they were ``wordy_paraphrases`` and
``wordy_phrases``.

>>> from repair.document import Document
>>> doc = Document("We measured the voltaic conductivity of the films.")
>>> d = STAGE.detect(doc)
>>> [(e.original, e.replacement) for e in STAGE.score(doc, d, STAGE.candidates(doc, d))]
[('voltaic', 'electrical')]
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter

from repair.candidates import collocation as _candidates
from repair.detect import collocation as _detect
from repair.detect import rareword as _rare
from repair.detect import science as _science
from repair.detect import tortured_mill as _mill
from repair.detect import tortured_odd as _odd
from repair.detect import wordy as _wordy
from repair.document import Document
from repair.score import collocation as _score
from repair.score import collocation_odd as _odd_score
from repair.score import consistency as _consistency
from repair.score import rare_dense as _rare_dense
from repair.score import rare_terms as _rare_terms
from repair.score import rareword as _rare_score
from repair.score import science as _science_terms
from repair.score import sense_words as _sense
from repair.score import term_backoff as _term_backoff
from repair.score import term_echo as _term_echo
from repair.score import term_pool as _term_pool
from repair.score import tortured_explain as _explain
from repair.score import tortured_mill as _mill_score
from repair.score import wordy as _wordy_score
from repair.score.spin_plural import COLLOCATION_RULES, plural_forms
from repair.types import Candidate, Detection, Edit, Finding

#: Applied restorations per 1,000 words giving score 1 - 1/e.
RATE_SCALE = 3.0
WORDY_RULE = "WORDY_PHRASE"
RARE_RULE = "RARE_WORD"
MILL_RULE = "TORTURED_WORD"
SENSE_RULE = "SENSE_WORD"
#: The rare-word pass runs on a document with at least this many distinct rare words that
#: have candidate originals, in all and per 1,000 words (no LM look-up below that: clean
#: dev documents of every register here have at most 45 per 1,000, inaugural addresses
#: the most; rare-synonym-spun dev abstracts 72-139).
RARE_PREGATE = 4
RARE_PREGATE_PER_1000 = 60.0
#: The pre-gate counts the words the term windows and the mill pass restored too (they
#: were rare words of the same document; the spin stage leaves a dense scientific
#: document's rare words to this pass on the same count: ``science.defer_rare``).
GATE_UNSKIPPED = True
#: Read the rare words next to a first-round restoration again
#: (:func:`repair.detect.rareword.reread`).
RARE_REREAD = True
#: Odd collocations (:mod:`repair.detect.tortured_odd`) are counted only in a document with
#: at least this many distinct rare words with candidate originals per 1,000 words (dev:
#: 22 of 27 spun abstracts, 1 of 27 clean ones, 11 of 40 clean documents of other
#: registers), so most clean text pays nothing for it.
ODD_PREGATE_PER_1000 = 10.0
#: Rare, mill and term words are carried to the other places of their written word
#: (:mod:`repair.score.consistency`).
CARRY = True
CARRY_RULES = frozenset({RARE_RULE, MILL_RULE, SENSE_RULE})
#: In a document whose wordy paraphrases are restored, spans of function words with a
#: plainer one-word form are restored too ("after that" -> "then":
#: :mod:`repair.score.plain_span`); they never open the document gate.  Off: dev 5 right,
#: 0 wrong, but the one test read gave 0 right, 2 false (phrase test 0.262 -> 0.254;
#: benchmarks/RESULTS.md, "Phrase spinner: families held out inside dev").
PLAIN_SPANS = False
#: Spans of the general paraphrase table that a document writes at least twice, each place
#: read as the same closed-class word by a clear LM margin, are restored with no document
#: gate ("with regard to" -> "about" every time: :mod:`repair.score.span_echo`).  Off: the
#: phrase row held out on dev -0.001 -> 0.027 with no clean dev edit (1,400 documents), but
#: the calibration's 1.6 M clean words get 4 false edits (old formal English: "at length"
#: -> "eventually", "upon which" -> "on") and FPR 0.0093 -> 0.0101 (RESULTS, "Session 29,
#: phrase29").
SPAN_ECHO = False
#: A rare or mill word restored for an unmarked (mass) written noun takes the number its
#: context asks for, as the spin stage's restorations do (:mod:`repair.score.spin_plural`).
PLURAL = True


def _starts_within(doc: Document, spans: list[tuple[int, int]]) -> frozenset[int]:
    """Start offsets of the tokens starting inside any ``[start, end)`` of ``spans`` (by
    bisection on the ordered token starts: linear in tokens plus matches, where a scan of
    every token per match was quadratic on wordy text)."""
    starts = sorted(t.start for t in doc.tokens)
    out: set[int] = set()
    for a, b in spans:
        i = bisect_left(starts, a)
        while i < len(starts) and starts[i] < b:
            out.add(starts[i])
            i += 1
    return frozenset(out)


def _rare_pass(
    doc: Document, skip: frozenset[int], n_words: int, by_terms: dict[str, str] | None = None
) -> tuple[list[_rare.Rare], int, float, list[_rare_score.Decision]]:
    """The rare-word pass over the words not starting in ``skip``: (scanned words, their
    distinct count and density per 1,000 words, decisions); a written word in
    ``by_terms`` (lower case -> original: the term windows') keeps that restoration."""
    scanned = _rare.scan(doc, skip)
    n_types, rare_density = _rare.type_density(doc, scanned)
    gate = (RARE_PREGATE, RARE_PREGATE_PER_1000)
    if GATE_UNSKIPPED and skip and n_types and _pregate_unskipped(doc):
        gate = (0, 0.0)  # the words the term windows restored count for the density
    found_rare = _rare.find(doc, skip, gate[0], gate[1], scanned)
    found_rare = _science_terms.register_prior(doc, found_rare)  # scientific register's prior
    rare_decisions = _rare_score.decide(found_rare, n_words)
    restored = {d.word.token.start: d.original for d in rare_decisions if d.applied}
    if RARE_REREAD and restored:
        # words next to a restoration are read again in the restored context (dev:
        # tortured abstracts 0.133 -> 0.141, precision 0.723 -> 0.735)
        reread = _rare.reread(doc, found_rare, restored)
        found_rare = _science_terms.register_prior(doc, reread, done=found_rare)
        rare_decisions = _rare_score.decide(found_rare, n_words)
    rare_decisions = _science_terms.register_decisions(doc, rare_decisions, by_terms)
    rare_decisions = _rare_dense.dense_decisions(doc, rare_decisions)  # a densely spun doc
    rare_decisions = _science_terms.topic_decisions(doc, rare_decisions)  # the author's word
    rare_decisions = _rare_terms.keep_terms(doc, rare_decisions)  # a written scientific term
    rare_decisions = _consistency.agree(rare_decisions, by_terms or {})  # one form, one original
    return scanned, n_types, rare_density, rare_decisions


def _pregate_unskipped(doc: Document) -> bool:
    """Whether ``doc`` passes the rare-word pass's pre-gate with every word read, the
    words of applied term windows and mill words too (:data:`GATE_UNSKIPPED`)."""
    n_types, density = _rare.type_density(doc, _rare.scan(doc))
    return n_types >= RARE_PREGATE and density >= RARE_PREGATE_PER_1000


def _term_mapping(decided: list[_score.Decision]) -> dict[str, str]:
    """Lower-case written word -> original of the applied term windows' changed words
    (a written word the windows restore two ways is left out)."""
    seen: dict[str, set[str]] = {}
    for d in decided:
        if d.applied:
            r = d.restoration
            for i in r.changed:
                seen.setdefault(r.written[i].lower(), set()).add(r.restored[i].lower())
    return {w: next(iter(o)) for w, o in seen.items() if len(o) == 1}


def _declined_spans(
    doc: Document,
    rare_decisions: list[_rare_score.Decision],
    mill_decisions: list[_rare_score.Decision],
    applied: list[_rare_score.Decision],
) -> list[tuple[int, int, str]]:
    """The rare and mill words the passes read and left, as ``(start, end, reason)``
    (``RepairResult.declined``; only with ``RepairConfig.keep_declined``): a word a later
    pass (mill, sense) restored is not declined, and each word is listed once."""
    if not doc.config.keep_declined:
        return []
    done = {d.word.token.start for d in applied}
    out: dict[int, tuple[int, int, str]] = {}
    for d in (*rare_decisions, *mill_decisions):
        t = d.word.token
        if not d.applied and t.start not in done:
            out.setdefault(t.start, (t.start, t.end, d.reason))
    return sorted(out.values())


class _Stage:
    name = "collocation"

    def detect(self, doc: Document) -> Detection:
        science = _science.is_scientific(doc)
        dense = science and _rare.type_density(doc, _rare.scan(doc))[1] >= RARE_PREGATE_PER_1000
        found = _detect.find(doc, science=science, dense=dense, max_zipf=_science_terms.MAX_ZIPF
                             if science else _detect.MAX_SPUN_ZIPF)  # fmt: skip
        n_words = len(doc.words)
        n_wordy = _wordy.count(doc.text)
        wordy_score = _wordy_score.document_score(n_wordy, n_words)
        wordy = _wordy_score.decide(
            doc.text, n_words, _wordy.find(doc.text, at_least=_wordy_score.MIN_MATCHES)
        )
        if PLAIN_SPANS:  # function-word spans, only where the wordy gate opened
            from repair.score import plain_span as _plain_span

            wordy = wordy + _plain_span.decide(doc, wordy)
        if SPAN_ECHO:  # a wordy span the document repeats, read the same way each time
            from repair.score import span_echo as _span_echo

            wordy = wordy + _span_echo.decide(doc, wordy)
        decided = _score.decide(found, n_words, len(doc.earlier))
        if _score.UNIT_RELAX:  # a known unit, a never-seen written pair (off)
            decided = _score.unit_relax(decided, _science.formal_style(doc), len(doc.words))
        # a commoner written word, context asks: where the document's rate of such windows is high
        decided = _term_backoff.relax(decided, n_words, _term_backoff.mill_open(doc))
        pooled = _term_pool.pooled_against(doc, decided)  # the word's other places
        if pooled is not decided:
            out = {id(d.restoration) for d in pooled if _term_pool.REASON in d.reasons}
            decided, found = pooled, [r for r in found if id(r) not in out]
        in_terms = frozenset(
            t.start for d in decided if d.applied for t in d.restoration.tokens
        ) | _starts_within(doc, [(m.start, m.end) for m, *_ in wordy])
        mill_decisions = _mill_score.decide(_mill.find(doc, in_terms), n_words)
        mill = [d for d in mill_decisions if d.applied]
        skip = in_terms | frozenset(d.word.token.start for d in mill)
        by_terms = _term_mapping(decided)
        scanned, n_types, rare_density, rare_decisions = _rare_pass(doc, skip, n_words, by_terms)
        # a document the rare-word pass explains keeps its ordinary words (tortured_explain)
        yielded = _explain.yield_to_rare(rare_decisions, mill_decisions)
        if yielded != mill_decisions:
            mill_decisions = yielded
            mill = [d for d in mill_decisions if d.applied]
            if skip != in_terms:  # the mill pass withdrew its words: the rare pass reads them
                scanned, n_types, rare_density, rare_decisions = _rare_pass(
                    doc, in_terms, n_words, by_terms
                )
        rare = [d for d in rare_decisions if d.applied] + mill
        # words a sense spinner wrote (score/sense_words.py), where the rare pass did not run
        taken = skip | frozenset(d.word.token.start for d in rare)
        before = len(set(by_terms) | {d.word.token.text.lower() for d in rare})  # the gate's
        sense = [d for d in _sense.sense_decisions(doc, taken, rare_decisions, before) if d.applied]
        rare += sense
        rare_reasons = dict(Counter(d.reason for d in rare_decisions))
        mill_reasons = dict(Counter(d.reason for d in mill_decisions))
        declined = _declined_spans(doc, rare_decisions, mill_decisions, rare)
        odd = _odd.density(doc) if rare_density >= ODD_PREGATE_PER_1000 else None
        odd_score = 0.0 if odd is None else _odd_score.document_score(odd)
        if not found and not wordy and not rare:
            details: dict[str, object] = {"wordy_found": n_wordy} if n_wordy else {}
            if n_types:
                details["rare_types_per_1000_words"] = round(rare_density, 1)
            if rare_reasons:
                details["rare_word_decisions"] = rare_reasons
            if odd is not None:
                details["odd_collocations_per_1000_words"] = round(odd, 1)
            if mill_reasons:
                details["mill_word_decisions"] = mill_reasons
            if declined:
                details["declined_spans"] = declined
            return Detection((), max(wordy_score, odd_score), details)
        applied = sum(d.applied for d in decided) + len(wordy) + len(rare)
        mill_ids = {id(d) for d in mill}
        sense_ids = {id(d) for d in sense}
        rate = 1000.0 * applied / n_words if n_words else 0.0
        findings = tuple(
            Finding(
                r.tokens[0].start,
                r.tokens[-1].end,
                "collocation",
                "term_window",
                0.0,
                {"restoration": r},
            )
            for r in found
        ) + tuple(
            Finding(m.start, m.end, "collocation", m.pattern, conf, {"wordy": (m, plain, gain)})
            for m, plain, gain, conf in wordy
        ) + tuple(
            Finding(d.word.token.start, d.word.token.end, "collocation",
                    "mill_word" if id(d) in mill_ids else "sense_word" if id(d) in sense_ids
                    else "rare_word", d.confidence, {"rare": d})
            for d in rare
        )  # fmt: skip
        details = {
            "term_windows": len(found),
            "wordy_restored": len(wordy),
            "rare_words": len(rare),
            "rare_types_per_1000_words": round(rare_density, 1),
            "rare_word_decisions": rare_reasons,
            "wordy_found": n_wordy,
            "applied": applied,
            "per_1000_words": round(rate, 3),
        }
        if odd is not None:
            details["odd_collocations_per_1000_words"] = round(odd, 1)
        if mill_reasons:
            details["mill_words"] = len(mill)
            details["mill_word_decisions"] = mill_reasons
        if sense:
            details["sense_words"] = len(sense)
        if declined:
            details["declined_spans"] = declined
        score = max(1.0 - math.exp(-rate / RATE_SCALE), wordy_score, odd_score)
        return Detection(findings, score, details)

    def candidates(self, doc: Document, detection: Detection) -> list[Candidate]:
        terms = [f.data["restoration"] for f in detection.findings if "restoration" in f.data]
        out = _candidates.candidates(doc, terms)
        for f in detection.findings:
            if "wordy" in f.data:
                m, plain, gain = f.data["wordy"]
                features = {"wordy": m, "gain": gain, "confidence": f.score}
                out.append(Candidate(m.start, m.end, plain, "collocation", WORDY_RULE, features))
            if "rare" in f.data:
                d = f.data["rare"]
                word = _candidates.case_like(d.word.token.text, d.original)
                feats = {"rare": d}
                rule = {"mill_word": MILL_RULE, "sense_word": SENSE_RULE}.get(f.reason, RARE_RULE)
                out.append(Candidate(f.start, f.end, word, "collocation", rule, feats))
        return out

    def score(self, doc: Document, detection: Detection, candidates: list[Candidate]) -> list[Edit]:
        terms = [c for c in candidates if "restoration" in c.features]
        unit = (_science.formal_style(doc), len(doc.words)) if _score.UNIT_RELAX else None
        edits = _score.score(
            terms, unit, len(doc.words), len(doc.earlier), _term_backoff.mill_open(doc)
        )
        for c in candidates:
            if "wordy" not in c.features:
                continue
            m = c.features["wordy"]
            edits.append(
                Edit(
                    c.start,
                    c.end - c.start,
                    m.written,
                    c.replacement,
                    "collocation",
                    c.features["confidence"],
                    c.source,
                    f'wordy paraphrase "{m.written}" ({m.pattern}) in a document dense with them',
                    {
                        "pattern": m.pattern,
                        "lm_logprob_gain": round(c.features["gain"], 3),
                        "paraphrases_in_doc": detection.details.get("wordy_restored", 0),
                    },
                    tuple(p for p in m.plains if p != c.replacement),
                )
            )
        edits.extend(_rare_edit(c) for c in candidates if "rare" in c.features)
        if CARRY:  # one written form, one restoration (score/consistency.py)
            edits += _consistency.carried_edits(doc, edits, CARRY_RULES)
        edits += _term_echo.carried_terms(doc, edits)  # a term window's word, other places
        edits += _term_echo.echo_edits(doc, edits)  # a restored term, both words spun elsewhere
        edits = sorted(edits, key=lambda e: e.offset)
        if PLURAL:
            edits = plural_forms(doc, edits, COLLOCATION_RULES)
        return edits


def _rare_edit(c: Candidate) -> Edit:
    d = c.features["rare"]
    r = d.word
    best = next(o for o in r.options if o.word == d.original)
    why = (
        f'"{r.token.text}" is a paper mill\'s word for "{d.original}" (learned habit), in a '
        "document dense with them; it fits the context"
        if c.source == MILL_RULE
        else f'"{r.token.text}" is in the first sense of "{d.original}", which fits the context, '
        "in a document with several such words"
        if c.source == SENSE_RULE
        else f'rare "{r.token.text}" in a document dense with them; "{d.original}" fits the context'
    )
    return Edit(
        c.start,
        c.end - c.start,
        r.token.text,
        c.replacement,
        "collocation",
        d.confidence,
        c.source,
        why,
        {
            "lm_logprob_gain": round(best.lm_gain, 3),
            "book_pair_gain": round(best.book_gain, 3),
            "zipf_gain": round(best.zipf_gain, 2),
            "margin": round(r.margin, 3),
        },
        tuple(o.word for o in r.options if o.word != d.original)[:3],
    )


STAGE = _Stage()
