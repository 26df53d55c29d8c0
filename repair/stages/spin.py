"""The spin stage: undo an article spinner's synonym substitutions.

detect      → :mod:`repair.detect.spin` (occurrences of spun forms, document spin score)
candidates  → :mod:`repair.candidates.spin` (lexicon, learned and reference pairs, numbers)
score       → :mod:`repair.score.spin` (LM gain, pair consistency, reference n-grams)
"""

from __future__ import annotations

from repair.candidates.spin import (
    Occurrence,
    PairInfo,
    find_numbers,
    find_occurrences,
    merged_pairs,
    thesaurus_related,
)
from repair.detect.spin import detect as detect_spin
from repair.document import Document
from repair.score.frequency import zipf
from repair.score.reference import harvest_pairs
from repair.score.spin import score_spin
from repair.types import Candidate, Detection, Edit


def reference_pairs(doc: Document, known: dict[str, PairInfo]) -> dict[str, PairInfo]:
    """Pairs harvested from near-matches with the references that look like synonyms.

    Kept: one word for one word that the Moby thesaurus relates, or that the
    spinner lexicon already knows, where the spun word is rarer (zipf) than
    the reference word (spinners pick rarer synonyms); digits for number words.
    """
    out: dict[str, PairInfo] = {}
    for spun, orig, count in harvest_pairs(doc.text, doc.references):
        if " " in spun or " " in orig or spun in out:
            continue
        if spun.isdigit() and orig.isalpha() and len(spun) == 1:
            out[spun] = PairInfo((orig,), "strong", False, "reference", float(count))
            continue
        if not spun.isalpha() or not orig.isalpha():
            continue
        info = known.get(spun)
        if info and orig in info.originals:
            out[spun] = PairInfo((orig,), "strong", info.caps, "reference", float(count))
        elif zipf(spun) < zipf(orig) and thesaurus_related(spun, orig):
            out[spun] = PairInfo((orig,), "weak", False, "reference", float(count))
    return out


class _Stage:
    name = "spin"

    def occurrences(self, doc: Document) -> list[Occurrence]:
        pairs = merged_pairs(doc.pairs)
        occ = find_occurrences(doc.text, pairs)
        if doc.references:
            ref = reference_pairs(doc, pairs)
            taken = [(o.start, o.end) for o in occ]
            for o in find_occurrences(doc.text, ref):
                o = Occurrence(o.start, o.end, o.spun, o.info, "SPIN_REFERENCE")
                if not any(a < o.end and o.start < b for a, b in taken):
                    occ.append(o)
        taken = [(o.start, o.end) for o in occ]
        occ += [
            n
            for n in find_numbers(doc.text)
            if not any(a < n.end and n.start < b for a, b in taken)
        ]
        return sorted(occ, key=lambda o: o.start)

    def detect(self, doc: Document) -> Detection:
        occ = self.occurrences(doc)
        doc.__dict__["_spin_occurrences"] = occ  # reused by candidates(); keeps details JSON-safe
        return detect_spin(doc, occ)

    def candidates(self, doc: Document, detection: Detection) -> list[Candidate]:
        occ = doc.__dict__.get("_spin_occurrences")
        if occ is None:
            occ = self.occurrences(doc)
        out = []
        for o in occ:
            for orig in o.info.originals:
                feats = {
                    "strength": o.info.strength,
                    "caps": o.info.caps,
                    "pair_source": o.info.source,
                }
                out.append(Candidate(o.start, o.end, orig, "spin", o.rule, feats))
        return out

    def score(self, doc: Document, detection: Detection, candidates: list[Candidate]) -> list[Edit]:
        return score_spin(doc, detection.score, candidates)


STAGE = _Stage()
