"""Pairs a corpus teaches through the repair's own first pass (``repair learn``'s self-training).

A one-click spinner (SpinBot-like) keeps one fixed synonym per word across every
document it spins, so a restoration the spin stage makes in one document ("fathom" ->
"understand") is evidence for the same written form in another document, where that
form's own row may sit under the word model's bar.  :func:`edit_pairs` reads the edits of
a first ``repair`` pass over the corpus (no gold, no reference): a written form (a word or
a written multi-word span, lower case) that the spin stage restored in at least
:data:`EDIT_MIN_DOCS` documents, to one original in at least :data:`EDIT_MIN_AGREE` of its
restorations, becomes a learned pair (source ``edits``) with weight at most
:data:`EDIT_WEIGHT_CAP` (a weak pair: the stage applies it only where the document's own
gate is open and the context gains, as the corpus-statistics pairs).  With
:data:`EDIT_PAIRS`, :func:`repair.learn.learn_pairs` (``repair learn``, ``repair batch
--learn``) adds them after its profile, reference and thesaurus pairs and before its corpus
statistics (a written form keeps the first learner's original).

Figures (spinbot / other spinners' dev documents, cross-fitted by document halves,
``benchmarks/spin_corpus.py``): benchmarks/RESULTS.md, "Session 58, spinbot".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from repair.types import Edit

#: ``repair learn`` (and ``repair batch --learn``) also learns the pairs its own first pass
#: restores (:func:`edit_pairs`), before its corpus statistics; False: off.  Dev, 40
#: documents a spinner, cross-fitted by document halves (``benchmarks/spin_corpus.py``: pairs
#: learned on one half repair the other), error reduction first pass -> with the pairs:
#: spinbot 0.2293 -> **0.2802** (precision 0.678 -> 0.710; ``repair learn`` without this
#: 0.2283, with it 0.2779), wordnet 0.3621 -> 0.3998, rare 0.4165 -> 0.4556, double
#: 0.3583 -> 0.3765, seeddense 0.4678 -> 0.4847, seed 0.6677 -> 0.6671 (one broken token),
#: phrase / distrib identical; clean originals of those stories repaired with the pairs
#: 0.000-0.072 changed tokens per 1,000; 300 clean dev documents as one corpus 0.053 -> 0.073.
#: Test (read once): spinbot 0.1885 -> 0.2741 (0.2755 through ``repair learn``).
#: Per-document repair (``repair fix``, ``spin_eval.py``) never reads it.  On.
EDIT_PAIRS = True
#: A written form is learned from the first pass where it was restored in this many
#: documents (2: spinbot 0.2454, wordnet 0.3848, rare 0.4266, double 0.3606, seed and the
#: clean corpus identical to the first pass, wordnet's clean originals 0.108 per 1,000) ...
EDIT_MIN_DOCS = 1
#: ... to one original in at least this share of its restorations.
EDIT_MIN_AGREE = 0.8
#: The learned pair's weight cap (below ``repair.score.spin.LEARNED_CONFIDENT``: a weak pair).
EDIT_WEIGHT_CAP = 0.49
#: The spin stage's rules whose edits teach (word-model and written-span restorations and
#: their carried places).
EDIT_RULES = frozenset(
    {"SPIN_SYNONYM", "SPIN_SYNONYM_PHRASE", "CONSISTENT_RESTORATION", "SPIN_OVERUSE"}
)


def restorations(text: str, edits: Iterable[Edit]) -> list[tuple[str, str, float]]:
    """The (written form, original, LM gain) of each spin restoration among ``edits`` of
    ``text``, lower case, one-word originals only (a widened article edit read as its
    word; the gain is the edit's ``lm_logprob_gain`` evidence, 0 where it has none).

    >>> e = Edit(4, 6, "fathom", "understand", "spin", 0.9, "SPIN_SYNONYM",
    ...          evidence={"lm_logprob_gain": 3.5})
    >>> restorations("can fathom it", [e])
    [('fathom', 'understand', 3.5)]
    >>> a = Edit(0, 8, "a bright", "a good", "spin", 0.9, "SPIN_OVERUSE")
    >>> restorations("a bright idea", [a])
    [('bright', 'good', 0.0)]
    >>> restorations("a bright idea", [Edit(0, 8, "a bright", "a good", "spin", 0.9, "OCR")])
    []
    """
    out = []
    for e in edits:
        if e.rule not in EDIT_RULES:
            continue
        written = text[e.offset : e.end].lower().split()
        original = e.replacement.lower().split()
        if len(original) == 2 and original[0] in ("a", "an") and written[:1] in (["a"], ["an"]):
            written, original = written[1:], original[1:]  # an article fix widened the edit
        if len(original) != 1 or not written or not all(w.isalpha() for w in written):
            continue
        gain = e.evidence.get("lm_logprob_gain", 0.0)
        out.append((" ".join(written), original[0], float(gain) if gain is not None else 0.0))
    return out


def edit_pairs(texts: Sequence[str], edits: Sequence[Iterable[Edit]]) -> list:
    """Learned pairs (:class:`repair.learn.LearnedPair`, source ``edits``) from the first
    pass's ``edits`` of each of ``texts`` (module docstring): a written form restored in at
    least :data:`EDIT_MIN_DOCS` documents, to its commonest original in at least
    :data:`EDIT_MIN_AGREE` of its restorations; best supported first."""
    from repair.learn import LearnedPair

    per: dict[str, Counter[str]] = defaultdict(Counter)
    docs: dict[tuple[str, str], set[int]] = defaultdict(set)
    gains: dict[tuple[str, str], list[float]] = defaultdict(list)
    for i, (text, es) in enumerate(zip(texts, edits, strict=True)):
        for written, original, gain in restorations(text, es):
            per[written][original] += 1
            docs[(written, original)].add(i)
            gains[(written, original)].append(gain)
    out = []
    for written, origs in per.items():
        original, n = origs.most_common(1)[0]
        if n < EDIT_MIN_AGREE * sum(origs.values()):
            continue
        k = len(docs[(written, original)])
        if k < EDIT_MIN_DOCS:
            continue
        p = LearnedPair(written, original, count=n, docs=k, max_weight=EDIT_WEIGHT_CAP)
        p.gains = gains[(written, original)]  # the first pass's LM gains: the pair's weight
        p.sources.add("edits")
        out.append(p)
    return sorted(out, key=lambda p: (-p.docs, -p.count, p.spun))
