"""A restored term echoed elsewhere in the document with both of its words spun.

A paper mill spins a known paper word by word, and a paper repeats its terms.  Where the
collocation stage restored one word of a term ("The neural web" → "neural network"), the
same term may stand elsewhere with *both* words written as synonyms ("nervous webs"):
no table lists "nervous webs", and each word alone is too common to read.  Composing the
two words' reverse synonyms (:func:`repair.candidates.spin_synonyms.originals_of`, inflected
like the written words) gives "neural networks", the pair the stage has just restored.
That echo is the evidence: the composed pair must equal (by :func:`repair.score.spin_topic.key`,
so "network"/"networks" agree) an adjacent pair of the stage's own restored text of which at
least one word is a restoration, and both written words must be replaced.

Only the stage's applied restorations anchor an echo, never the author's own unedited text:
clean documents vary their wording ("major cause" ... "main source" compose into each
other by the reverse table), and a pair the document merely repeats says nothing about
spin.  The one-word variant (one word replaced next to a neighbour of an anchored pair)
and carrying a restored word to other inflections were measured and are not read here
(session 25, ``benchmarks/RESULTS.md``).  The echo's edits are made only in a document of
scientific register (:data:`SCIENCE_ONLY`) and where the LM prefers the composed pair
(:data:`MIN_GAIN`); :func:`find` below reads neither.

>>> from repair.document import Document
>>> from repair.types import Edit
>>> doc = Document("We compare nervous webs with trees. The neural web is better.")
>>> web = doc.text.index("web ")
>>> anchor = Edit(web, 3, "web", "network", "collocation", 0.63, "COLLOCATION_TERM")
>>> [(e.first.text, e.second.text, e.originals) for e in find(doc, [anchor])]
[('nervous', 'webs', ('neural', 'networks'))]
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from repair.candidates.spin_synonyms import STOPWORDS, originals_of
from repair.detect.science import is_scientific
from repair.document import Document
from repair.score.spin_topic import key
from repair.types import Edit, Token

#: Switch: restore a pair whose composed reverse synonyms echo a restored pair.
ECHO = True
#: Only in a document of scientific register (:func:`repair.detect.science.is_scientific`).
#: Without it, the 300 k-word clean text (windows of ~42 k words of rural news and bug
#: lists) got 9 echoes of the term windows' own false restorations, 18 words, all wrong
#: ("beef trade" -> "energy market" beside "beef market" -> "energy market", LM gains
#: above the bar); every window of it and of the spun 1 M-word text is not scientific.
SCIENCE_ONLY = True
#: Least LM gain (nats) of the composed pair over the written one in context: the term
#: windows' bar for a mapping that recurs in the document
#: (:data:`repair.score.collocation.MIN_GAIN_RECURRING`).  Dev (every spinner): the right
#: echo gains 11.0 nats, the three echoes that are not spin's restoration -2.3 and -1.0
#: ("sparked calls" -> "looked backs", "full part" -> "many group").
MIN_GAIN = 6.0
#: The edits' rule.
RULE = "TERM_ECHO"
#: Their confidence (both words, two independent reverse-synonym hits matching a
#: restoration of the same document).
CONFIDENCE = 0.6
#: Switch: a word the term windows restored (``COLLOCATION_TERM``) is carried to the other
#: places of its written word (:func:`carried_terms`), in scientific register only.
CARRY_TERMS = True
#: The term windows' rule (:mod:`repair.score.collocation`).
TERM_RULE = "COLLOCATION_TERM"
#: What may stand between the two words of a pair.
JOINS = (" ", "-")


@dataclass(frozen=True)
class Echo:
    first: Token
    second: Token
    #: the composed originals, inflected like the written words
    originals: tuple[str, str]
    #: start of the restoration whose pair this echoes
    anchor: int
    #: trigram LM gain (nats) of the composed pair over the written one, in context
    gain: float = 0.0


def _adjacent(doc: Document, a: Token, b: Token) -> bool:
    return doc.text[a.end : b.start] in JOINS


def _readable(t: Token) -> bool:
    w = t.text
    return w.isalpha() and w.islower() and len(w) >= 3 and w not in STOPWORDS


def anchored_pairs(doc: Document, edits: Iterable[Edit]) -> dict[tuple[str, str], int]:
    """Keyed adjacent pairs of the restored text that hold at least one restored word
    (pair -> the restoration's start): each one-word-or-more restoration with the written
    words next to it."""
    words = doc.words
    starts = [t.start for t in words]
    out: dict[tuple[str, str], int] = {}
    for e in edits:
        repl = e.replacement.lower().split()
        if not repl or not all(w.isalpha() for w in repl):
            continue
        i = bisect_left(starts, e.offset)
        j = bisect_left(starts, e.end)
        seq: list[tuple[str, bool]] = [(w, True) for w in repl]
        if 0 < i < len(words) and _adjacent(doc, words[i - 1], words[i]):
            seq.insert(0, (words[i - 1].text.lower(), False))
        if j < len(words) and j > 0 and _adjacent(doc, words[j - 1], words[j]):
            seq.append((words[j].text.lower(), False))
        for (x, rx), (y, ry) in zip(seq, seq[1:], strict=False):
            if (rx or ry) and x not in STOPWORDS and y not in STOPWORDS:
                out.setdefault((key(x), key(y)), e.offset)
    return out


def find(doc: Document, edits: list[Edit]) -> list[Echo]:
    """Pairs of unedited adjacent words, both replaced by reverse synonyms into a pair
    that a restoration in ``edits`` anchors (:func:`anchored_pairs`); left to right,
    pairs not overlapping."""
    if not edits:
        return []
    anchors = anchored_pairs(doc, edits)
    if not anchors:
        return []
    covered = [(e.offset, e.end) for e in edits]

    def free(t: Token) -> bool:
        return not any(a < t.end and t.start < b for a, b in covered)

    words = doc.words
    out: list[Echo] = []
    taken = -1
    firsts = ({k1 for k1, _ in anchors}, {})  # (an anchored pair's keys, memo) per side
    seconds = ({k2 for _, k2 in anchors}, {})
    for a, b in zip(words, words[1:], strict=False):
        if a.start <= taken or not (_readable(a) and _readable(b)) or not _adjacent(doc, a, b):
            continue
        if not (free(a) and free(b)):
            continue
        hit = _compose_keyed(_keyed(a.text, *firsts), _keyed(b.text, *seconds), anchors)
        if hit is not None:
            (c1, c2), at = hit
            gain = _gain(doc, a, b, (c1, c2))
            if gain >= MIN_GAIN:
                out.append(Echo(a, b, (c1, c2), at, round(gain, 3)))
                taken = b.start
    return out


def _gain(doc: Document, a: Token, b: Token, originals: tuple[str, str]) -> float:
    """Trigram LM ln-prob gain of ``originals`` over the written pair (two words of
    history, one after), as the term windows read it."""
    from repair.detect.collocation import _lm_signals

    return _lm_signals(doc, (a, b), (a.text, b.text), originals)[0]


def _compose(w1: str, w2: str, anchors: dict[tuple[str, str], int]):  # noqa: ANN202
    """((first original, second original), anchor) of the first pair composed of
    ``w1``'s and ``w2``'s originals that ``anchors`` holds."""
    first_keys = {k1 for k1, _ in anchors}
    second_keys = {k2 for _, k2 in anchors}
    return _compose_keyed(_keyed(w1, first_keys, {}), _keyed(w2, second_keys, {}), anchors)


def _keyed(word: str, keys: set[str], memo: dict) -> tuple[tuple[str, str], ...]:
    """``word``'s one-word originals (not itself) with their keys, in
    :func:`originals_of`'s order, only those whose key is in ``keys`` (an anchored pair's
    first or second keys): the others can meet no anchor.  Remembered in ``memo`` (one
    per side of the pair; issue 14: a document repeats its words)."""
    got = memo.get(word)
    if got is None:
        got = tuple(
            (c, k)
            for c in originals_of(word)
            if " " not in c and c != word and (k := key(c)) in keys
        )
        memo[word] = got
    return got


def _compose_keyed(
    firsts: tuple[tuple[str, str], ...],
    seconds: tuple[tuple[str, str], ...],
    anchors: dict[tuple[str, str], int],
):  # noqa: ANN202
    """((first original, second original), anchor) of the first composed pair found, over
    :func:`_keyed` originals: the originals left out can form no anchored pair."""
    if not seconds:
        return None
    for c1, k1 in firsts:
        for c2, k2 in seconds:
            at = anchors.get((k1, k2))
            if at is not None:
                return (c1, c2), at
    return None


def echo_edits(doc: Document, edits: list[Edit]) -> list[Edit]:
    """The two edits of every :func:`find` echo (none with :data:`ECHO` off)."""
    if not ECHO or not edits:
        return []
    # the register first (issue 14): its verdict is remembered for the text, and on a
    # document that is not scientific the pair scan below would be thrown away
    if SCIENCE_ONLY and not is_scientific(doc):
        return []
    echoes = find(doc, edits)
    if not echoes:
        return []
    out = []
    for echo in echoes:
        term = " ".join(echo.originals)
        for t, new in zip((echo.first, echo.second), echo.originals, strict=True):
            out.append(
                Edit(
                    t.start,
                    t.end - t.start,
                    t.text,
                    new,
                    "collocation",
                    CONFIDENCE,
                    RULE,
                    f'"{echo.first.text} {echo.second.text}" composes from its words\' '
                    f'synonyms into "{term}", a term restored elsewhere in the document',
                    {"term": term, "restored_at": echo.anchor, "lm_logprob_gain": echo.gain},
                )
            )
    return out


def carried_terms(doc: Document, edits: list[Edit]) -> list[Edit]:
    """The term windows' one-word restorations among ``edits`` carried to the other places
    of their written words that no edit took (:func:`repair.score.consistency.carried_edits`:
    one written form, one restoration; the same confidence and context bars), in a
    document of scientific register only (none with :data:`CARRY_TERMS` off).  A paper
    repeats its terms and a spinner writes one word for one original throughout: "mores"
    restored as "protocol" in "a new mores" (a term window) is "protocol" in "the mores
    was tested" too, where no window reads it."""
    from repair.score.consistency import carried_edits

    if not CARRY_TERMS or not any(e.rule == TERM_RULE for e in edits):
        return []
    if not is_scientific(doc):
        return []
    return carried_edits(doc, edits, frozenset({TERM_RULE}))
