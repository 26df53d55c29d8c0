"""A document signal for translation-like spinners (seed 000's family), without a profile.

Such a spinner leaves marks that clean English of any register rarely shows:

* multi-word forms of one ordinary word that fit neither side of their context and
  lose to a more ordinary word by many nats ("by way of" for "through", "all the time"
  for "always"; :mod:`repair.candidates.spin_phrase`, kept by the stage's phrase rule
  with a gain of at least :data:`MARK_MIN_GAIN`), counted once per written form;
* figures for counts of things where news style spells them ("the 2 leaders";
  :func:`repair.candidates.spin_number.count_figures`: not measures, names or rates).

The marks are counted per document; the *family score* is ``m / (m + FAMILY_MIN_MARKS)``
for ``m`` marks when their density reaches :data:`FAMILY_MIN_DENSITY` per 1,000 words
(short texts count as :data:`MIN_WORDS` long) and ``m >= FAMILY_MIN_MARKS``, else 0 (below
the gate the signal is left out of the document score, so it does not reorder the
learned model's ranking of clean texts).  It reaches 0.5, the spin threshold, at
:data:`FAMILY_MIN_MARKS` marks: there the family gate opens and the stage restores the
marks themselves (phrases and figures; the word model keeps its own gate).  Chosen on
the dev halves: no clean dev document of 1,256 (0.78 M words) reaches 3 marks at that
density (benchmarks/RESULTS.md, "Seed family without the profile").
"""

from __future__ import annotations

from dataclasses import dataclass

#: Marks at which the family score reaches 0.5 (the gate opens).
FAMILY_MIN_MARKS = 3
#: ... when they are at least this dense (marks per 1,000 words).
FAMILY_MIN_DENSITY = 3.0
#: Documents shorter than this count as this long.
MIN_WORDS = 300
#: LM gain (nats) a kept multi-word span needs to count as a mark.
MARK_MIN_GAIN = 8.0


@dataclass(frozen=True, slots=True)
class FamilyEvidence:
    """The marks of one document and the family score."""

    phrases: int
    figures: int
    words: int

    @property
    def marks(self) -> int:
        return self.phrases + self.figures

    @property
    def density(self) -> float:
        """Marks per 1,000 words."""
        return 1000.0 * self.marks / max(self.words, MIN_WORDS)

    @property
    def score(self) -> float:
        m = self.marks
        if m < FAMILY_MIN_MARKS or self.density < FAMILY_MIN_DENSITY:
            return 0.0
        return m / (m + FAMILY_MIN_MARKS)

    @property
    def gate(self) -> bool:
        return self.score >= 0.5

    def details(self) -> dict[str, float | int | bool]:
        return {
            "family_phrases": self.phrases,
            "family_figures": self.figures,
            "family_density": round(self.density, 3),
            "family_score": round(self.score, 4),
            "family_gate": self.gate,
        }
