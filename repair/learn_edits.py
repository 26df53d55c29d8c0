"""Pairs a corpus teaches through the repair's own first pass (``repair learn``'s self-training).

A one-click spinner (SpinBot-like) keeps one fixed synonym per word across every
document it spins, so a restoration the spin stage makes in one document ("fathom" ->
"understand") is evidence for the same written form in another document, where that
form's own row may sit under the word model's bar. :func:`edit_pairs` reads the edits of a
first ``repair`` pass over the corpus (no gold, no reference): a written form (a word or a
written multi-word span, lower case) that the spin stage restored in at least
:data:`EDIT_MIN_DOCS` documents (with :data:`EDIT_SCALED`, session 59: at least
:data:`EDIT_DOC_SHARE` of the corpus's documents), to one original in at least
:data:`EDIT_MIN_AGREE` of its restorations, becomes a learned pair (source ``edits``) with
weight at most :data:`EDIT_WEIGHT_CAP` (a weak pair: the stage applies it only where the
document's own gate is open and the context gains, as the corpus-statistics pairs). With
:data:`EDIT_PAIRS`, :func:`repair.learn.learn_pairs` (``repair learn``, ``repair batch
--learn``) adds them after its profile, reference and thesaurus pairs and before its corpus
statistics (a written form keeps the first learner's original).

Figures (spinbot / other spinners' dev documents, cross-fitted by document halves,
``benchmarks/spin_corpus.py``): benchmarks/RESULTS.md, "Session 58, spinbot"; learning
curves at 10 / 100 / 1,000 documents (``benchmarks/spin_learning.py``): "Session 59, spinlearn";
the count-shift test of weakly supported forms (:data:`EDIT_SHIFT`): "Session 60, learnrate".
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from repair.types import Edit

_WORD = re.compile(r"[^\W\d_]+")

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
#: Session 59 (spinlearn59): the documents a written form must be restored in grow with the
#: corpus: at least :data:`EDIT_DOC_SHARE` of the learning documents, rounded up (and at
#: least :data:`EDIT_MIN_DOCS`); False: :data:`EDIT_MIN_DOCS` at every corpus size.  A form
#: restored once among 1,000 documents is a rare form whose first-pass original is right
#: about half the time (spinbot, 100 dev documents: 48 % right at one document, 77 % at
#: two, 94 % at three), and those pairs open clean documents.  Learning curves
#: (``benchmarks/spin_learning.py``, 40 held-out dev documents; identical up to 500
#: documents), 1,000 learned documents, error reduction / precision / clean twins changed
#: per 1,000: spinbot 0.3905 / 0.685 / 0.865 -> 0.3895 / 0.748 / **0.000**, wordnet
#: 0.4861 / 0.736 / 0.391 -> 0.5000 / 0.778 / **0.000**, rare 0.4656 / 0.616 / 1.981 ->
#: 0.4967 / 0.656 / 1.478.  Test (read once): spinbot 0.3589 -> 0.3630 (clean 0.917 ->
#: 0.000), wordnet 0.3958 -> 0.4140 (1.213 -> 0.266), rare 0.4336 -> 0.4595 (2.662 -> 1.361).
#: benchmarks/RESULTS.md, "Session 59, spinlearn".  On.
EDIT_SCALED = True
#: ... that share (0.002: one document up to 500, two up to 1,000).
EDIT_DOC_SHARE = 0.002
#: Session 59 (spinlearn59): a written form is learned only where the first pass restored it
#: in at least :data:`EDIT_FORM_SHARE` of the learning documents that write it: a form the
#: corpus writes in many documents and the first pass restored in one or two is an honest
#: word the spinner's output also uses ("nations", "permit" in State of the Union
#: addresses), and its pair changes clean documents of that register.  With
#: :data:`EDIT_SCALED`, 0.1, dev (``spin_learning.py``, 40 held-out documents), 100 / 1,000
#: learned documents, error reduction (clean twins per 1,000): rare 0.4805 -> 0.4833 (0.335
#: -> 0.139) / 0.4967 -> 0.5153 (1.478 -> 0.614), wordnet 0.4493 -> 0.4551 / 0.5000 ->
#: 0.5050 (0.000 both), but spinbot 0.3401 -> 0.3342 / 0.3895 -> **0.3715** (a one-click
#: spinner's forms are common words the corpus also writes honestly: its true pairs fall
#: under the share).  Share 0.2: rare 0.4827 / 0.5141.  benchmarks/RESULTS.md, "Session 59,
#: spinlearn".  Off.
EDIT_FORM_RATE = False
EDIT_FORM_SHARE = 0.1
#: Session 60 (learnrate60): a weakly supported written form is learned only where the
#: corpus's counts move from its original to it about as far as they do for the corpus's
#: well supported pairs.  A spinner moves occurrences from the original to its form, so
#: :func:`moved_log_ratio` (``ln((c_s + 1/2) / (c_o + 1/2)) - ln(f_s / f_o)``: the learning
#: corpus's counts against clean English's, wordfreq) is high for its pairs; an honest word
#: of the corpus's register the first pass misread ("nations" -> "countries" in State of the
#: Union addresses) shows no such move.  How high depends on the spinner (a rare-word
#: spinner's forms are rare words: median 6.7 nats over the pairs restored in >= 2 of 100
#: dev documents; WordNet's and SpinBot's forms are common words: 3.0 / 4.7), so the bar is
#: the corpus's own: the median over the pairs restored in at least
#: :data:`EDIT_SHIFT_REF_DOCS` times the document bar (at least :data:`EDIT_SHIFT_MIN_REF`
#: of them, else no test), less :data:`EDIT_SHIFT_MARGIN` nats; the pairs under that support
#: are tested.  A multi-word form or a word wordfreq does not know passes.  Learning curves
#: (``benchmarks/spin_learning.py --split dev``, 40 held-out dev documents), 10 / 100
#: learned documents, error reduction (clean twins changed per 1,000): rare 0.4437 ->
#: 0.4442 (0.000 -> 0.028: one token, "deportment" -> "air", a pair learned either way,
#: fires in a clean 1960 address once the dropped pairs are gone; not traced) / 0.4807 ->
#: **0.4847** (0.335 -> **0.112**; in-sample clean 3.959 -> 2.951), spinbot 0.2373 ->
#: 0.2371 / 0.3400 -> 0.3397, WordNet identical (its bar, 3.0 - 5 nats, drops one pair). Test (read
#: once): rare 0.4015 -> 0.4036 (0.030 -> 0.059) / 0.4324 -> **0.4379** (1.213 -> 1.006), spinbot
#: and WordNet identical error reduction.  1,000 documents, rare: dev 0.4964 -> 0.4990 (clean
#: twins 1.478 -> 1.339 but 10 -> 12 documents changed, in-sample 2.051 -> 2.159), test
#: 0.4595 -> 0.4604 (1.361 -> **1.509**, 14 -> 18 documents): dropping weak pairs lets other
#: weak pairs open clean documents.  benchmarks/RESULTS.md, "Session 60, learnrate".  Off.
EDIT_SHIFT = False
EDIT_SHIFT_MARGIN = 5.0
EDIT_SHIFT_REF_DOCS = 2
EDIT_SHIFT_MIN_REF = 20
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
    least :data:`EDIT_MIN_DOCS` documents (with :data:`EDIT_SCALED`, at least
    :data:`EDIT_DOC_SHARE` of ``texts``), to its commonest original in at least
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
    min_docs = EDIT_MIN_DOCS
    if EDIT_SCALED:
        min_docs = max(min_docs, math.ceil(EDIT_DOC_SHARE * len(texts) - 1e-9))
    writing = _documents_writing(texts, per) if EDIT_FORM_RATE else {}
    counts = _word_counts(texts) if EDIT_SHIFT else Counter()
    shift_bar = _shift_bar(per, docs, counts, min_docs) if EDIT_SHIFT else None
    out = []
    for written, origs in per.items():
        original, n = origs.most_common(1)[0]
        if n < EDIT_MIN_AGREE * sum(origs.values()):
            continue
        k = len(docs[(written, original)])
        if k < min_docs:
            continue
        if EDIT_FORM_RATE and k < EDIT_FORM_SHARE * writing.get(written, k):
            continue
        if shift_bar is not None and k < EDIT_SHIFT_REF_DOCS * min_docs:
            shift = moved_log_ratio(written, original, counts)
            if shift is not None and shift < shift_bar:
                continue  # the counts show no move from the original to the form
        p = LearnedPair(written, original, count=n, docs=k, max_weight=EDIT_WEIGHT_CAP)
        p.gains = gains[(written, original)]  # the first pass's LM gains: the pair's weight
        p.sources.add("edits")
        out.append(p)
    return sorted(out, key=lambda p: (-p.docs, -p.count, p.spun))


def _shift_bar(
    per: dict[str, Counter[str]],
    docs: dict[tuple[str, str], set[int]],
    counts: Counter[str],
    min_docs: int,
) -> float | None:
    """:data:`EDIT_SHIFT`'s bar: the median :func:`moved_log_ratio` of the well supported
    pairs (commonest original restored in >= :data:`EDIT_SHIFT_REF_DOCS` x ``min_docs``
    documents) less :data:`EDIT_SHIFT_MARGIN`; None with fewer than
    :data:`EDIT_SHIFT_MIN_REF` of them."""
    shifts = []
    for written, origs in per.items():
        original, n = origs.most_common(1)[0]
        if n < EDIT_MIN_AGREE * sum(origs.values()):
            continue
        if len(docs[(written, original)]) >= EDIT_SHIFT_REF_DOCS * min_docs:
            shift = moved_log_ratio(written, original, counts)
            if shift is not None:
                shifts.append(shift)
    if len(shifts) < max(1, EDIT_SHIFT_MIN_REF):
        return None
    shifts.sort()
    mid = len(shifts) // 2
    median = shifts[mid] if len(shifts) % 2 else (shifts[mid - 1] + shifts[mid]) / 2
    return median - EDIT_SHIFT_MARGIN


def _word_counts(texts: Sequence[str]) -> Counter[str]:
    """Lower-case letter words of ``texts``, counted.

    >>> _word_counts(["A fine day.", "Fine work"])["fine"]
    2
    """
    out: Counter[str] = Counter()
    for text in texts:
        out.update(_WORD.findall(text.lower()))
    return out


def moved_log_ratio(written: str, original: str, counts: Counter[str]) -> float | None:
    """``ln((c_s + 1/2) / (c_o + 1/2)) - ln(f_s / f_o)``: how far the corpus (``counts``)
    leans from ``original`` to ``written`` beyond clean English's (wordfreq) ratio of the
    two words (:data:`EDIT_SHIFT`); None for a multi-word form or original, or a word
    wordfreq does not know.

    >>> c = Counter({"utilize": 20, "use": 5})
    >>> moved_log_ratio("utilize", "use", c) > 5
    True
    >>> moved_log_ratio("use", "utilize", Counter({"use": 50, "utilize": 1})) < 0
    True
    >>> moved_log_ratio("make use", "use", c) is None
    True
    """
    from repair.resources.frequency import word_rate, zipf

    if " " in written or " " in original or zipf(written) <= 0 or zipf(original) <= 0:
        return None
    c_s, c_o = counts.get(written, 0) + 0.5, counts.get(original, 0) + 0.5
    return math.log(c_s / c_o) - math.log(word_rate(written) / word_rate(original))


def _documents_writing(texts: Sequence[str], forms: Iterable[str]) -> Counter[str]:
    """How many of ``texts`` write each of ``forms`` (lower case, words of letters; a
    multi-word form as consecutive words).

    >>> dict(_documents_writing(["A fine day.", "Fine, fine work", "no"], ["fine", "fine work"]))
    {'fine': 2, 'fine work': 1}
    """
    wanted = {tuple(f.split()) for f in forms}
    lengths = sorted({len(w) for w in wanted})
    out: Counter[str] = Counter()
    for text in texts:
        toks = _WORD.findall(text.lower())
        seen = set()
        for n in lengths:
            for i in range(len(toks) - n + 1):
                gram = tuple(toks[i : i + n])
                if gram in wanted:
                    seen.add(gram)
        out.update(" ".join(g) for g in seen)
    return out
