"""Issue 12: a declined real-word reading accepted on wider evidence (session 43).

The OCR scorer reads a lower-case real word ("tome", "hoard", "ty") as another real word
("some", "heard", "by") when the trigram's gain over the two words either side, less
the channel cost and the printed word's prior, clears the reading's threshold
(:mod:`repair.candidates.ocr_realword`).  Some right readings fall just short.  Two
sources the trigram does not see can carry them over:

* the period n-grams (:mod:`repair.score.ngrams`, public-domain books of 1611-2006, a
  register the modern news trigram lacks): ``context_score(left, alt, right) -
  context_score(left, orig, right)``, both neighbours, must be at least
  :data:`PERIOD_MIN` nats, and the right-hand bigram alone must not be against the
  reading by more than :data:`RIGHT_MIN` (a gain of the left word only is the trigram's
  own, already counted);
* the document's topic over :data:`repair.score.spin_topic.WINDOW` words either side
  (:func:`repair.score.spin_topic.topic_gain`: mean PMI of the reading with the page's
  content words, less the printed word's) must be above :data:`TOPIC_MIN`: the rest of
  the article must support the reading ("the colony secretory" -> "secretary" in an
  article on the government; "a case of mites in cheese" is no "miles");
* the modern trigram's gain from the words after the word must not be below
  :data:`TRIGRAM_RIGHT_MIN` ("The modem in the study" is no "modern").

Only heavily garbled pages' readings are read (the wide real-word settings of
:mod:`repair.candidates.ocr_realword`, told by their ``prior_per_zipf``): in a book a
rare word is mostly meant ("he went and sate in the port" is no "safe").

A word between two capitalised words is not read (a name's part: "Sir Dudley de Chair",
"Cpl Philip las George": neither model knows the names), nor a word that spells a known
word with a neighbour (a piece of a split word: "cal ling", "promo ted").  Only a span
with no accepted reading is read, only when the garble gate opened, only a reading whose
margin is within :data:`REACH` nats of its threshold; of a span's eligible
readings the one with the largest margin is accepted.  Linear: one pass over the
candidates, two bigram look-ups and one memoised topic look-up per eligible reading.
"""

from __future__ import annotations

from typing import Any

from repair.candidates.ocr_realword import PRIOR_PER_ZIPF
from repair.document import Document
from repair.score.ocr_channel import is_known
from repair.score.ocr_variantlm import reader_lm
from repair.types import Candidate

#: Off by default (see ``benchmarks/RESULTS.md``, session 43, ocrctx43).
WIDE_ACCEPT = False
#: A declined reading's margin must be within this many nats of its threshold (SMH dev:
#: 2.0 misses "the colony secretory" at 2.05; 2.5 and 3.0 read the same dev words, but
#: 3.0 reads "1997, prompting many to believe" as "promoting" in the modern-text audit).
REACH = 2.5
#: The period bigrams' gain of the reading over the print, both neighbours (nats).
PERIOD_MIN = 4.0
#: ... the right-hand bigram's gain alone at least (nats).
RIGHT_MIN = -0.5
#: The document topic's gain (mean PMI, nats) must be above this: the article's other
#: content words must support the reading, not merely fail to refuse it.
TOPIC_MIN = 0.0
#: The trigram's gain from the words after the word (its whole gain less the gain given
#: the words before alone) at least (nats): both models see both sides agree.
TRIGRAM_RIGHT_MIN = -0.5


def _eligible(c: Candidate) -> tuple[str, str] | None:
    """(print, reading) of a one-word real-word reading of a lower-case word, else None."""
    f = c.features
    if "fixed" in f or not f.get("orig_known") or c.source != "OCR_REALWORD":
        return None
    if f.get("prior_per_zipf") != PRIOR_PER_ZIPF:
        return None  # a lightly garbled page's reading (books: a rare word is mostly meant)
    orig, alt = f.get("orig", ()), f.get("alt", ())
    if len(orig) != 1 or len(alt) != 1:
        return None
    o, a = orig[0], alt[0]
    if not (o.isalpha() and o.islower() and a.isalpha() and a.islower()) or o == a:
        return None
    return o, a


def wide_accept(
    doc: Document,
    candidates: list[Candidate],
    memo: Any,
    groups: dict[tuple[int, int], list[tuple[float, Candidate, dict]]],
) -> int:
    """:data:`WIDE_ACCEPT` (in place): each span without an accepted reading gains its
    best declined real-word reading that the period n-grams and the document topic
    carry (see the module doc); returns the number of spans read."""
    from repair.score import spin_topic
    from repair.score.ngrams import get_ngrams

    best: dict[tuple[int, int], tuple[float, Candidate, dict]] = {}
    ng = None
    for k, c in enumerate(candidates):
        span = (c.start, c.end)
        if span in groups:
            continue
        pair = _eligible(c)
        if pair is None:
            continue
        seen = memo.get(k)
        if seen is None:
            continue
        prev, nxt, d = seen
        if d.accept or d.margin < d.threshold - REACH:
            continue
        got = best.get(span)
        if got is not None and got[0] >= d.margin:
            continue
        o, a = pair
        if ng is None:
            ng = get_ngrams()
        left = prev[-1] if prev else None
        right = nxt[0] if nxt else None
        if left and right and left[:1].isupper() and right[:1].isupper():
            continue  # between two capitals: a name's part ("Sir Dudley de Chair")
        if (left and is_known((left + o).lower())) or (right and is_known((o + right).lower())):
            continue  # a piece of a word split by a space ("cal ling", "promo ted")
        rhs = ng.bigram_logprob(a, right) - ng.bigram_logprob(o, right) if right else 0.0
        if rhs < RIGHT_MIN:
            continue
        lhs = ng.bigram_logprob(left, a) - ng.bigram_logprob(left, o) if left else 0.0
        if lhs + rhs < PERIOD_MIN:
            continue
        before = tuple(prev[-2:])
        lm = reader_lm()  # British spellings by their American ones (READERS, session 57)
        trigram_left = lm.sequence_logprob((a,), before) - lm.sequence_logprob((o,), before)
        if d.gain - trigram_left < TRIGRAM_RIGHT_MIN:
            continue  # "The modem in the study": the words after want the print
        topic = spin_topic.topic_gain(doc, o, a, c.start)
        if topic <= TOPIC_MIN:
            continue
        ev = d.evidence
        ev["finding"] = c.features.get("finding")
        ev["wide_period"] = round(lhs + rhs, 2)
        ev["wide_topic"] = round(topic, 3)
        best[span] = (d.margin, c, ev)
    for span, item in best.items():
        groups[span] = [item]
    return len(best)
