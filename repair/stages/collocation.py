"""The collocation stage: spun multi-word expressions back to the original wording.

Two kinds of finding:

* terms written with synonyms ("data agglomerates" → "data sets"):
  :mod:`repair.detect.collocation` → :mod:`repair.candidates.collocation` →
  :mod:`repair.score.collocation` (rule ``COLLOCATION_TERM``);
* wordy paraphrases of a phrase spinner ("prior to" → "before"), restored only in a
  document dense with them: :mod:`repair.detect.wordy` → :mod:`repair.score.wordy`
  (rule ``WORDY_PHRASE``).

It runs after the spin stage, so the spin score is read on the text as written, and
a word the spin stage restored can anchor a term.

The document score is the larger of the applied term restorations and restorable
paraphrases per 1,000 words, squashed (``1 - exp(-rate / 3)``), and the wordy-paraphrase
density score (:func:`repair.score.wordy.document_score`: a Poisson likelihood ratio of
the paraphrase count, phrase-spun against clean rates), which is read on every document,
restored or not.

>>> from repair.document import Document
>>> doc = Document("We measured the voltaic conductivity of the films.")
>>> d = STAGE.detect(doc)
>>> [(e.original, e.replacement) for e in STAGE.score(doc, d, STAGE.candidates(doc, d))]
[('voltaic', 'electrical')]
"""

from __future__ import annotations

import math

from repair.candidates import collocation as _candidates
from repair.detect import collocation as _detect
from repair.detect import wordy as _wordy
from repair.document import Document
from repair.score import collocation as _score
from repair.score import wordy as _wordy_score
from repair.types import Candidate, Detection, Edit, Finding

#: Applied restorations per 1,000 words giving score 1 - 1/e.
RATE_SCALE = 3.0
WORDY_RULE = "WORDY_PHRASE"


class _Stage:
    name = "collocation"

    def detect(self, doc: Document) -> Detection:
        found = _detect.find(doc)
        n_words = len(doc.words)
        n_wordy = _wordy.count(doc.text)
        wordy_score = _wordy_score.document_score(n_wordy, n_words)
        wordy = _wordy_score.decide(
            doc.text, n_words, _wordy.find(doc.text, at_least=_wordy_score.MIN_MATCHES)
        )
        if not found and not wordy:
            details = {"wordy_paraphrases": n_wordy} if n_wordy else {}
            return Detection((), wordy_score, details)
        applied = sum(d.applied for d in _score.decide(found)) + len(wordy)
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
        )
        details = {
            "term_windows": len(found),
            "wordy_phrases": len(wordy),
            "wordy_paraphrases": n_wordy,
            "applied": applied,
            "per_1000_words": round(rate, 3),
        }
        score = max(1.0 - math.exp(-rate / RATE_SCALE), wordy_score)
        return Detection(findings, score, details)

    def candidates(self, doc: Document, detection: Detection) -> list[Candidate]:
        terms = [f.data["restoration"] for f in detection.findings if "restoration" in f.data]
        out = _candidates.candidates(doc, terms)
        for f in detection.findings:
            if "wordy" in f.data:
                m, plain, gain = f.data["wordy"]
                features = {"wordy": m, "gain": gain, "confidence": f.score}
                out.append(Candidate(m.start, m.end, plain, "collocation", WORDY_RULE, features))
        return out

    def score(self, doc: Document, detection: Detection, candidates: list[Candidate]) -> list[Edit]:
        terms = [c for c in candidates if "restoration" in c.features]
        edits = _score.score(terms)
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
                        "paraphrases_in_doc": detection.details.get("wordy_phrases", 0),
                    },
                    tuple(p for p in m.plains if p != c.replacement),
                )
            )
        return sorted(edits, key=lambda e: e.offset)


STAGE = _Stage()
