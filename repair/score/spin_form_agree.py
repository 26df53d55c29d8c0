"""A spun word and the original it hides carry the same inflection.

A spinner swaps a word for a synonym of the same lemma's part of speech and writes it in
the word's own form: "decided" -> "determined", "farms" -> "ranches", "quicker" ->
"faster".  So a candidate original whose inflection the written word cannot carry
(written "elderly", candidate "older"; written "risen", candidate "surfaced" is fine,
both past participles; written "aiming", candidate "willing" as an adjective) is not the
word the spinner replaced.

:func:`slots` reads a word's inflection slots from lemminflect (every (lemma, part of
speech) reading of the word, every Penn tag whose forms include it): the base form (NN,
VB, VBP, JJ, RB: one slot, since a loose thesaurus crosses parts of speech in the base
form), ``s`` (NNS, VBZ), ``ed`` (VBD, VBN), ``ing`` (VBG), ``er`` (JJR, RBR), ``est``
(JJS, RBS).  :func:`agree` is False only where both words have slots and share none.
:data:`FORM_AGREE` is added to the ranker score of each candidate that does not agree,
where :data:`FORM_WHERE` says: where the topic pick re-chooses a row (:func:`topic_extra`,
read by :func:`repair.stages.spin._topic_rows` after the document's statistics are read:
shipped), or at every ranked row before the first reading's best is chosen
(:func:`form_scores`, read by :func:`repair.score.spin_evidence._sense_read`: the
document's statistics then read the re-chosen rows, which cost a mill abstract a right
edit on dev).  Read only the two words: no list, no document.

Spinbot dev (``benchmarks/spin_other_top_why.py``): the candidate generator already
inflects its originals like the written word, so 99.6 % of the ranked candidates agree;
of the 305 that do not, none is a gold original (0 of 1,168 golds on the first reading's
tables); the first reading proposes a disagreeing original for 17 spun words (one over
the bar) and 10 unspun words (none over the bar).  Session 59 (spinbot59).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

#: Ranker log-odds added to a candidate original whose inflection slots share none with
#: the written word's (:func:`agree`); None: off.  ``python benchmarks/spin_eval.py --all
#: --split dev`` (session 59, spinbot59), read at the topic pick (:data:`FORM_WHERE`) at -4:
#: WordNet 0.3621 -> 0.3625, rare 0.4165 -> 0.4175, double 0.3583 -> 0.3587, seeddense
#: 0.4678 -> 0.4683, precision equal or up on each, every other row (spinbot, mill, seed,
#: phrase, tortured, distrib) identical in every count; read at the rank (-2 / -4 / -8):
#: WordNet 0.3637, rare 0.4172-0.4179, double 0.3593, seeddense 0.4687-0.4690, but mill
#: 0.0536 -> 0.0498 (a re-chosen row's lower probability lowers a short abstract's
#: document statistics) and spinbot 0.2293 -> 0.2291 / 0.2289 at -4 / -8
#: (benchmarks/RESULTS.md, "Session 59, spinbot").
FORM_AGREE: float | None = -4.0
#: Where the term is read: ``"rank"`` (every ranked row, before the first reading's best is
#: chosen: :func:`repair.score.spin_evidence._sense_read`; the document's statistics read
#: the re-chosen rows) or ``"topic"`` (only where the topic pick re-chooses a row,
#: :func:`repair.stages.spin._topic_rows`, after the document's statistics are read:
#: shipped).
FORM_WHERE = "topic"

#: Penn tag -> inflection slot (tags not listed are their own slot).
SLOT = {
    "NN": "base", "VB": "base", "VBP": "base", "JJ": "base", "RB": "base",
    "NNS": "s", "VBZ": "s",
    "VBD": "ed", "VBN": "ed",
    "VBG": "ing",
    "JJR": "er", "RBR": "er",
    "JJS": "est", "RBS": "est",
}  # fmt: skip
_UPOS = ("NOUN", "VERB", "ADJ", "ADV")


#: :func:`slots` returns one shared frozenset for each set of slots (there are a few dozen;
#: the memo held ~11 k equal copies, ~2.4 MB, after one heavy window of an unknown
#: spinner's text: issue 14).  Exact: equal sets, the same answers.  Session 62, rss
#: (benchmarks/RESULTS.md "Session 62, rss").  False: a new frozenset a word.
SHARED_SLOTS = True
_SLOT_SETS: dict[frozenset[str], frozenset[str]] = {}


@lru_cache(maxsize=65_536)
def slots(word: str) -> frozenset[str]:
    """The inflection slots lower-case ``word`` can fill (empty: lemminflect does not know
    it as a noun, verb, adjective or adverb).

    >>> sorted(slots("decided")), sorted(slots("older")), sorted(slots("elderly"))
    (['ed'], ['er'], ['base', 's'])
    """
    from repair.resources.lemmas import getAllInflections, getAllLemmas

    out: set[str] = set()
    for upos, lemmas in getAllLemmas(word).items():
        if upos not in _UPOS:
            continue
        for lemma in lemmas:
            if lemma == word:
                out.add("base")
            for tag, forms in getAllInflections(lemma, upos).items():
                if word in forms:
                    out.add(SLOT.get(tag, tag))
    got = frozenset(out)
    return _SLOT_SETS.setdefault(got, got) if SHARED_SLOTS else got


@lru_cache(maxsize=65_536)
def agree(written: str, original: str) -> bool:
    """False only where both lower-case one-word forms have inflection slots and share none
    (a multi-word original, or a word lemminflect does not know, agrees).

    >>> agree("elderly", "older"), agree("risen", "surfaced"), agree("farms", "ranches")
    (False, True, True)
    >>> agree("aiming", "willing"), agree("aiming", "trying"), agree("dukedoms", "the allies")
    (False, True, True)
    """
    if " " in original or " " in written:
        return True
    a = slots(written)
    if not a:
        return True
    b = slots(original)
    return not b or bool(a & b)


def topic_extra(written: str) -> Callable[[str], float] | None:
    """The score each candidate original of ``written`` gains when the topic pick re-chooses
    its row (:data:`FORM_WHERE` ``"topic"``); None where the term is off or read at the rank.

    >>> topic_extra("elderly")("older"), topic_extra("elderly")("old")  # shipped setting
    (-4.0, 0.0)
    """
    if FORM_AGREE is None or FORM_WHERE != "topic":
        return None
    low, weight = written.lower(), FORM_AGREE
    return lambda name: 0.0 if agree(low, name.lower()) else weight


def form_scores(
    written: str, names: Sequence[str], scores: Sequence[float]
) -> list[float] | None:
    """``scores`` (of the candidates ``names`` of the lower-case ``written``) with
    :data:`FORM_AGREE` added to each candidate that does not :func:`agree`; None where it is
    off or every candidate agrees (the scores stand).

    >>> import repair.score.spin_form_agree as m
    >>> m.FORM_WHERE = "rank"
    >>> m.form_scores("elderly", ["old", "older"], [0.0, 1.0])
    [0.0, -3.0]
    >>> m.form_scores("elderly", ["old", "aged"], [0.0, 1.0]) is None
    True
    >>> m.FORM_WHERE = "topic"
    """
    if FORM_AGREE is None or FORM_WHERE != "rank":
        return None
    hit = [j for j, o in enumerate(names) if not agree(written, o.lower())]
    if not hit:
        return None
    out = list(scores)
    for j in hit:
        out[j] += FORM_AGREE
    return out
