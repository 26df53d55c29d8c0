"""A restored multi-word mapping carried to the span's other places (session 63).

A spinner maps a word the same way wherever it swaps it, and that holds for the
multi-word forms it writes as well: where the spin stage has restored a written span
("main interests") to a one-word original ("things") at one place, the same written span
at another place of the document is the same spinner's form for the same original.  The
stage's word rows carry a restored mapping to a form's other places
(:func:`repair.stages.spin.same_mapping`, :mod:`repair.score.spin_confirmed`); the span
rows had no such pass, so a span restored at one place was declined at another where its
own context read weaker (a whole-span gain under the floors of
:func:`repair.stages.spin._phrase_kept`, a lead or side floor missed).

:func:`mapped_spans` keeps, after the stage's decision, each span candidate (rule
``SPIN_SYNONYM_PHRASE``, not under an edit) whose (written span, original) pair, both
lower case, the document's span edits restore elsewhere, or, with :data:`INFLECTED`, whose
words and original are each an inflection of a restored pair's (a lemma shared word by
word: "main interest" -> "thing" beside "main interests" -> "things").  The scorer then
reads each kept place in its own round's context: it needs the span gain the scorer asks
of every span (:data:`repair.score.spin.PHRASE_MIN_GAIN`), so a place where the LM is
against the original stays.  Reads only the document's own edits and the span rows: no
list.

Session 63, spinbot (benchmarks/RESULTS.md, "Session 63, spinbot"): on spinbot dev, 50
missed spun spans had their exact (written, original) mapping restored elsewhere in the
document and 24 more an inflection of one.  Shipped (every flag below as set): dev spinbot
0.2337 -> 0.2641 (precision 0.682 -> 0.681; right edits 897 -> 960, broken 89 = 89), rare
0.4175 -> 0.4284, double 0.3587 -> 0.3629, WordNet 0.3625 -> 0.3660, every other dev row
identical in every count; the calibration and seeds 001-004 identical, seed 000 as main;
test (read once) spinbot 0.1893 -> 0.2310 (precision 0.644 -> 0.640), rare 0.3725 -> 0.3797,
WordNet 0.3036 -> 0.3078, double 0.2989 -> 0.2999, every other row identical.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from repair.document import Document
from repair.score.rare_dense import lemmas
from repair.types import Candidate, Edit

#: Carry a restored span mapping to the span's other places (False: off).  Session 63:
#: dev spinbot 0.2337 -> 0.2641 with the settings below (exact pairs alone 0.2456).
SPAN_MAPPING = True
#: ... and to the span's inflections (every written word and the original share a lemma
#: with the restored pair's, word by word): dev spinbot 0.2456 -> 0.2500.
INFLECTED = True
#: ... and re-choose a span whose chosen original is another word as the restored
#: mapping's original where the span's own readings hold it: dev spinbot 0.2500 -> 0.2647
#: (precision 0.685 -> 0.679; most wrong ones carry a wrong restoration).
REPICK = True
#: ... but not where the document writes the original as often as the spans
#: (:func:`_plain`): keeps seeddense / seedprof / seedinfl dev as main (one honest "in behalf
#: of" -> "for" carried), spinbot dev 0.2647 -> 0.2641 (precision 0.679 -> 0.681).
PLAIN_WRITTEN = True
#: Only in a document routed to the any-rank model (:mod:`repair.score.spin_route`): off,
#: the rare / double / WordNet documents gain too (spinbot dev 0.2500 -> 0.2489 with it).
ROUTED_ONLY = False
#: The rule of the span rows and edits.
RULE = "SPIN_SYNONYM_PHRASE"
#: The feature that marks a carried row (its reason in the evidence).
FEATURE = "span_mapping"


def restored(doc: Document, edits: Sequence[Edit]) -> set[tuple[str, str]]:
    """(written span, original), both lower case, of every span restoration in ``doc``."""
    return {
        (doc.text[e.offset : e.offset + e.length].lower(), e.replacement.lower())
        for e in edits
        if e.rule == RULE
    }


def inflection_of(written: str, original: str, pair: tuple[str, str]) -> bool:
    """Whether (``written``, ``original``) is an inflection of the restored ``pair``: as
    many words each, every word sharing a lemma with the pair's word at its place.

    >>> inflection_of("main interest", "thing", ("main interests", "things"))
    True
    >>> inflection_of("main interest", "matter", ("main interests", "things"))
    False
    >>> inflection_of("main interest", "thing", ("main interests are", "things"))
    False
    """
    return _same_span(written, pair[0]) and _same_span(original, pair[1])


def mapped_spans(
    doc: Document,
    candidates: Sequence[Candidate],
    edits: Sequence[Edit],
    routed: bool = True,
) -> list[Candidate]:
    """The span candidates kept for a restored mapping (module doc), each marked with
    :data:`FEATURE` (the restored pair); ``routed``: whether the document is routed to the
    any-rank model (read with :data:`ROUTED_ONLY`)."""
    if not SPAN_MAPPING or (ROUTED_ONLY and not routed):
        return []
    done = restored(doc, edits)
    if not done:
        return []
    covered = {p for e in edits for p in range(e.offset, e.offset + e.length)}
    places = Counter(doc.text[c.start : c.end].lower() for c in candidates if c.source == RULE)
    near = _Near(done)
    out = []
    for c in candidates:
        if c.source != RULE or any(p in covered for p in range(c.start, c.end)):
            continue
        key = (doc.text[c.start : c.end].lower(), c.replacement.lower())
        pair = key if key in done else None
        if pair is None and INFLECTED:
            pair = next((d for d in near(key[0]) if inflection_of(*key, d)), None)
        if pair is not None and not _plain(doc, c.replacement, places, key[0], pair[0]):
            feats = {**c.features, FEATURE: " -> ".join(pair)}
            out.append(Candidate(c.start, c.end, c.replacement, c.kind, c.source, feats))
        elif REPICK:
            picked = _repicked(doc, c, near(key[0]), places)
            if picked is not None:
                out.append(picked)
    return out


class _Near:
    """The restored pairs whose written span is ``written`` or, with :data:`INFLECTED`, an
    inflection of it (:func:`_same_span`), in sorted order, per written span: the pairs are
    indexed by their first word's lemmas (an inflection shares one with it), so a text's
    span rows are not each read against every restored pair."""

    def __init__(self, done: set[tuple[str, str]]) -> None:
        self.done = done
        self.index: dict[str, set[tuple[str, str]]] = {}
        for d in done:
            for lemma in lemmas(d[0].split()[0]):
                self.index.setdefault(lemma, set()).add(d)
        self.memo: dict[str, list[tuple[str, str]]] = {}

    def __call__(self, written: str) -> list[tuple[str, str]]:
        got = self.memo.get(written)
        if got is None:
            if INFLECTED:
                pool = set().union(*(self.index.get(x, ()) for x in lemmas(written.split()[0])))
                got = sorted(d for d in pool if d[0] == written or _same_span(written, d[0]))
            else:
                got = sorted(d for d in self.done if d[0] == written)
            self.memo[written] = got
        return got


def _plain(doc: Document, original: str, places: Counter[str], written: str, pair: str) -> bool:
    """With :data:`PLAIN_WRITTEN`: whether ``doc`` writes ``original`` (one word, lower
    case) at least as many times as it writes the spans ``written`` and ``pair`` (their
    span rows): a spinner writes its form wherever it swaps the word, so the original
    grows rare in its output, while an author's own phrase sits beside the plain word
    ("in behalf of" beside "for" five times; session 50's fair mappings).

    >>> from collections import Counter
    >>> from repair.document import Document
    >>> doc = Document("for me, in behalf of you, for them, in behalf of us, for all")
    >>> _plain(doc, "for", Counter({"in behalf of": 2}), "in behalf of", "in behalf of")
    True
    >>> _plain(doc, "all", Counter({"in behalf of": 2}), "in behalf of", "in behalf of")
    False
    """
    if not PLAIN_WRITTEN:
        return False
    n = places[written] + (places[pair] if pair != written else 0)
    return doc.word_counts[original.lower()] >= n


def _matches(key: tuple[str, str], pair: tuple[str, str]) -> bool:
    return key == pair or (INFLECTED and inflection_of(*key, pair))


def _repicked(
    doc: Document, c: Candidate, pairs: Sequence[tuple[str, str]], places: Counter[str]
) -> Candidate | None:
    """With :data:`REPICK`: the span candidate ``c`` whose chosen original is another word
    than a restored mapping of its written span gives (``pairs``: those mappings, sorted),
    re-chosen as that mapping's original where the span's readings hold it
    (:func:`repair.candidates.spin_phrase.span_readings`, its own features), else None."""
    from repair.candidates.spin_phrase import span_readings

    if not pairs:
        return None
    written = doc.text[c.start : c.end].lower()
    for r in span_readings(doc, c.start, c.end):
        pair = next((d for d in pairs if _matches((written, r.original.lower()), d)), None)
        if pair is not None and not _plain(doc, r.original, places, written, pair[0]):
            feats = {**c.features, **r.fields(), FEATURE: " -> ".join(pair), "repicked": True}
            return Candidate(c.start, c.end, r.original, c.kind, c.source, feats)
    return None


def _same_span(a: str, b: str) -> bool:
    """Whether the spans ``a`` and ``b`` are inflections of each other: as many words,
    each sharing a lemma with the other's word at its place."""
    x, y = a.split(), b.split()
    return len(x) == len(y) and all(
        u == v or bool(lemmas(u) & lemmas(v)) for u, v in zip(x, y, strict=True)
    )
