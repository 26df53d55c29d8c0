"""The repeated-word stage: a doubled article ("the the", "a a") loses its repeat.

Precision first.  Only articles are repaired: their doubling is never grammatical,
while most other doubled words can be ("had had", "that that", "what it is is",
"looking at at this", "made of of course", "ha ha", "very very").  The two copies
must be separated by exactly one space (never a line break: a repeated line end
may be a real repetition in verse), the second must be lower case and the first the
same word, capitalized only at the start of a sentence (so "vitamin A a day" is
left alone), and the trigram model must prefer the text
without the repeat; that log-probability gain is the edit's evidence and sets its
confidence.  The edit removes the second copy and the space before it.

detect      → the doubled articles (findings) and the document score (doubled
              articles per 1,000 words, squashed: 5 or more per 1,000 words is 1.0)
candidates  → one deletion per finding
score       → the language-model gain of the deletion; kept only when positive

>>> from repair.document import Document
>>> doc = Document("He saw the the dog. They had had enough of that that day.")
>>> d = STAGE.detect(doc)
>>> [(e.offset, e.original, e.replacement) for e in STAGE.score(doc, d, STAGE.candidates(doc, d))]
[(10, ' the', '')]
"""

from __future__ import annotations

import math

from repair.document import Document
from repair.resources.lm import get_lm
from repair.types import Candidate, Detection, Edit, Finding, Token

_KIND = "repeated"
#: The words whose doubling is repaired: articles, never grammatical twice in a row.
ARTICLES = frozenset({"the", "a", "an"})
#: Doubled articles per 1,000 words at which the document score reaches 1.0.
FULL_RATE = 5.0


def _lower_words(doc: Document) -> list[str]:
    return [t.text.lower() for t in doc.words]


def _sentence_initial(toks: list[Token], i: int) -> bool:
    """Whether word ``toks[i]`` is capitalized only because it starts a sentence or line."""
    if toks[i].text != toks[i].text.capitalize():
        return False
    for t in reversed(toks[:i]):
        if t.kind == "space":
            if "\n" in t.text:
                return True
            continue
        return t.text in ".!?\"“‘'(["
    return True


class _Stage:
    name = _KIND

    def detect(self, doc: Document) -> Detection:
        toks = doc.tokens
        findings = []
        for i in range(len(toks) - 2):
            a, gap, b = toks[i], toks[i + 1], toks[i + 2]
            if not (a.is_word and b.is_word and gap.text == " "):
                continue
            if b.text not in ARTICLES or a.text.lower() != b.text:
                continue
            if a.text == b.text or _sentence_initial(toks, i):
                findings.append(Finding(gap.start, b.end, _KIND, "doubled_article"))
        n_words = len(doc.words)
        rate = 1000.0 * len(findings) / n_words if n_words else 0.0
        return Detection(
            tuple(findings),
            min(1.0, rate / FULL_RATE),
            {"doubled_articles": len(findings), "per_1000_words": round(rate, 3)},
        )

    def candidates(self, doc: Document, detection: Detection) -> list[Candidate]:
        return [
            Candidate(f.start, f.end, "", _KIND, "REPEATED_ARTICLE") for f in detection.findings
        ]

    def score(self, doc: Document, detection: Detection, candidates: list[Candidate]) -> list[Edit]:
        lm = get_lm()
        starts = [t.start for t in doc.words]
        words = _lower_words(doc)
        edits = []
        for c in candidates:
            i = starts.index(c.start + 1)  # the second copy
            before, after = words[max(0, i - 3) : i], words[i + 1 : i + 3]
            kept = lm.sequence_logprob([words[i], *after], before)
            removed = lm.sequence_logprob(after, before)
            gain = removed - kept
            if gain <= 0:
                continue
            edits.append(
                Edit(
                    c.start,
                    c.end - c.start,
                    doc.text[c.start : c.end],
                    "",
                    _KIND,
                    round(1.0 / (1.0 + math.exp(-gain)), 4),
                    c.source,
                    f"doubled article {doc.text[c.start + 1 : c.end]!r}",
                    {"lm_logprob_gain": round(gain, 3)},
                )
            )
        return edits


STAGE = _Stage()
