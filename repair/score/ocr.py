"""OCR scoring: does a candidate beat the text as it stands, in context?

Every OCR decision compares two word sequences over the same span, the
original and the alternative, with two words of context either side:

    gain = LM(alternative + next | previous) - LM(original + next | previous)
    margin = gain - cost(alternative) - keep_prior(original)

``cost`` is the confusion-table cost (nats) of the glyph substitutions or the
price of a split/join; ``keep_prior`` is how much we trust the original as
written (high for frequent real words, low for non-words).  An edit is made
when ``margin`` clears the threshold of its rule; its confidence is a logistic
function of the margin.  Every "no" returns a reason code.

>>> s = Scorer()
>>> d = s.decide(["tbe"], ["the"], ["in"], ["house", "was"], cost=1.3, orig_known=False)
>>> d.accept, d.reason
(True, 'lm_gain')
"""

from __future__ import annotations

import math
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache, partial
from typing import Any, NamedTuple

from repair.candidates import ocr_funcspot
from repair.document import Document
from repair.resources.frequency import zipf
from repair.resources.lm import UNKNOWN_LOGPROB, get_lm
from repair.score import (
    ocr_cache,
    ocr_decide_fast,
    ocr_knownform,
    ocr_pagekept,
    ocr_pagerate,
    ocr_reorder,
    ocr_rescue,
    ocr_romanpair,
    ocr_secondvote,
    ocr_sole,
    ocr_variantlm,
    ocr_widectx,
)
from repair.types import Candidate, Edit, Token

#: Margin (nats) an alternative needs over a non-word original.  Tuned on the
#: ICDAR 2017 training part (files 1-80, first 300k characters of file 81):
#: 1.0 -> 37.2% fewer character errors, 0.12% correct tokens broken (and 0.45% of
#: words broken in synthetic noise over the ICDAR gold); 0.0 -> 38.1%, 0.14% (0.50%);
#: -1.0 -> 38.8%, 0.18% (0.59%).  Precision first: 1.0.
NONWORD_THRESHOLD = 1.0
#: Margin needed to replace a *real* word (a real-word glyph confusion such as
#: "bis" -> "his"): the LM must want the change very much.
REALWORD_THRESHOLD = 3.5
#: What a merged non-word is charged per extra word of its split (nats; a quarter of
#: the LM's out-of-vocabulary cost).  On the ICDAR training part: 0 -> 33.1% fewer
#: character errors, 0.24% tokens broken; -4 -> 34.7%, 0.38%; -8 -> 34.2%, 0.49%.
#: Only charged in documents that look garbled, so rare compounds ("chokehold") survive.
SPLIT_OOV_CHARGE = UNKNOWN_LOGPROB / 4
#: How much the original is trusted per Zipf unit of its frequency (nats).
PRIOR_PER_ZIPF = 1.2


class Decision(NamedTuple):
    """One decision and what it rests on; :attr:`evidence` is built when read (most
    decisions are refusals nobody reads: issue 14, ninth pass)."""

    accept: bool
    reason: str
    margin: float
    confidence: float
    gain: float = 0.0
    cost: float = 0.0
    #: the original when it is one word (its Zipf is part of the evidence), else None
    word: str | None = None
    threshold: float = 0.0

    @property
    def evidence(self) -> dict[str, Any]:
        """``lm_logprob_gain``, ``confusion_cost``, ``original_zipf``, ``margin`` (rounded
        to 0.01) and ``threshold``: a new dict at each read."""
        orig_z = zipf(self.word.lower()) if self.word is not None else 0.0
        return {
            "lm_logprob_gain": round(self.gain, 2),
            "confusion_cost": round(self.cost, 2),
            "original_zipf": round(orig_z, 2),
            "margin": round(self.margin, 2),
            "threshold": self.threshold,
        }


#: ``tuple.__new__``: a :class:`Decision` from its eight fields without the generated
#: ``__new__`` (a Python frame; the same tuple of the same type).
_new_tuple = tuple.__new__

#: The sequence scores of the last document scored (:meth:`Scorer.hand_over`), with what
#: they rest on; the next document's scorer reads them (:meth:`Scorer.take_over`).
_last: list[tuple[tuple, dict[tuple[str | None, ...], float]] | None] = [None]


#: The reasons a memo entry stores as a code (:class:`DecisionMemo`); any other goes whole.
_REASONS = ("margin_below_threshold", "lm_gain")


class DecisionMemo:
    """A document's decisions by candidate index, with the context ``(prev, nxt)`` each
    was made in: no dict of ``(prev, nxt, Decision)`` tuples (no int keys, no table, no
    tuple per candidate; the context pair is the span's, shared: issue 14, session 17),
    and no ``Decision`` held either: its numbers sit in one array of doubles (a Python
    float is a C double: read back, each is the same value), its word in a list and
    its verdict and reason in a byte (~140 bytes a candidate less, ~5 MB a 250 k-character
    window: issue 14, session 18).  A decision whose reason is not a known code, or
    whose numbers are not floats, is kept whole.  Reads as the dict did: ``get(k)``
    gives ``(prev, nxt, decision)`` (an equal ``Decision``) or ``None``."""

    __slots__ = ("_around", "_word", "_num", "_code", "_whole")

    #: doubles per candidate: margin, confidence, gain, cost, threshold
    _N = 5

    def __init__(self) -> None:
        self._around: list[tuple[list[str], list[str]] | None] = []
        self._word: list[str | None] = []
        self._num = array("d")
        #: 0: no decision; 1 + accept + 2 * reason code; 255: in :attr:`_whole`
        self._code = bytearray()
        self._whole: dict[int, Decision] = {}

    def grow(self, n: int) -> None:
        """Room for ``n`` candidates."""
        have = len(self._code)
        if n > have:
            self._code += bytes(n - have)
            self._around += [None] * (n - have)
            self._word += [None] * (n - have)
            self._num.frombytes(bytes(8 * self._N * (n - have)))  # 0.0 each

    def put(self, k: int, around: tuple[list[str], list[str]], d: Decision) -> None:
        """Candidate ``k``'s decision ``d``, made in the context ``around``."""
        if k >= len(self._code):
            self.grow(k + 1)
        self._around[k] = around
        # the eight fields in one unpacking, not eight attribute reads (issue 14, session 26)
        accept, reason, m, c, g, cost, word, t = d
        if (
            reason in _REASONS
            and type(accept) is bool
            # every one a float (no generator: ~115 k decisions a 100 k-word text)
            and type(m) is float
            and type(c) is float
            and type(g) is float
            and type(cost) is float
            and type(t) is float
            and (word is None or type(word) is str)
        ):
            if self._whole:
                self._whole.pop(k, None)
            self._code[k] = 1 + accept + 2 * _REASONS.index(reason)
            self._word[k] = word
            i = k * self._N  # each double stored in place: no array per decision
            num = self._num
            num[i], num[i + 1], num[i + 2], num[i + 3], num[i + 4] = m, c, g, cost, t
        else:
            self._code[k] = 255
            self._word[k] = None
            self._whole[k] = d

    def _decision(self, k: int, code: int) -> Decision:
        if code == 255:
            return self._whole[k]
        i = k * self._N
        m, c, g, cost, t = self._num[i : i + self._N]
        code -= 1
        # ``Decision(...)`` without its generated ``__new__`` frame: the same tuple
        return _new_tuple(
            Decision, (bool(code & 1), _REASONS[code >> 1], m, c, g, cost, self._word[k], t)
        )

    def _stored(self, k: int) -> tuple[tuple[list[str], list[str]], int] | None:
        """Candidate ``k``'s stored context and decision code, or None."""
        if k >= len(self._code):
            return None
        code = self._code[k]
        if not code:
            return None
        around = self._around[k]
        assert around is not None
        return around, code

    def get(self, k: int) -> tuple[list[str], list[str], Decision] | None:
        stored = self._stored(k)
        if stored is None:
            return None
        around, code = stored
        return around[0], around[1], self._decision(k, code)

    def get_in(self, k: int, prev: list[str], nxt: list[str]) -> Decision | None:
        """Candidate ``k``'s decision when it was made in the context ``prev``, ``nxt``
        (equal lists), else None: :meth:`get`'s answer tested before a ``Decision`` is
        built (issue 14, session 22; :meth:`_stored` inlined, session 26)."""
        if k >= len(self._code):
            return None
        code = self._code[k]
        if not code:
            return None
        around = self._around[k]
        assert around is not None
        if around[0] != prev or around[1] != nxt:
            return None
        return self._decision(k, code)

    def codes(self) -> bytearray:
        """Per candidate, 0 when no decision is stored (read only; the array grows in
        place: :meth:`grow`): a caller skips :meth:`get_in` for those (issue 14)."""
        return self._code

    def __contains__(self, k: int) -> bool:
        return k < len(self._code) and self._code[k] != 0

    def __setitem__(self, k: int, value: tuple[list[str], list[str], Decision]) -> None:
        self.put(k, (value[0], value[1]), value[2])

    def pop(self, k: int, default: None = None) -> None:
        """Forget candidate ``k``'s decision (``default`` as dict.pop's: always ``None``)."""
        if k < len(self._code):
            self._code[k] = 0
            self._around[k] = None
            self._word[k] = None
            self._whole.pop(k, None)


def _grounds(lm: object) -> tuple:
    """What a sequence score rests on besides its key: the model (a memo made with
    another is not read)."""
    return (lm,)


class Scorer:
    """Context comparisons with the shared trigram model (one per process)."""

    def __init__(self) -> None:
        # British / period spellings read at their American spelling's price when
        # :data:`repair.score.ocr_variantlm.VARIANT_BACKOFF` (issue 12, session 57)
        self.lm = ocr_variantlm.scorer_lm(get_lm())
        # one per document: the candidates of a span share its original's score, and a
        # document repeats its contexts.  Keys are flat tuples, the word lists cut by
        # ``None`` (never a word): one tuple instead of four, ~half the memory of a
        # 40 k-word window's memos (issue 14)
        self._seq: dict[tuple[str | None, ...], float] = {}
        # no memo of whole decisions: 13 % of them repeat (OCR text, 250 k-character
        # windows), and a repeat costs two ``_seq`` hits, while its key (~160 bytes)
        # held ~6 MB a window (issue 14)
        # the previous document's sequence scores (:meth:`take_over`), read on a miss
        self._old_seq: dict[tuple[str | None, ...], float] = {}

    def take_over(self) -> None:
        """Read the sequence scores the last document's scorer handed over
        (:meth:`hand_over`) on a miss of this scorer's own.  A long text's windows repeat
        their contexts (the clean words around the garble): 47 % of the model's
        sequences in 1 M words of synthetic OCR had been asked in an earlier window
        (issue 14, tenth pass).  Exact: a score depends only on its key and the model.
        Memory holds at most two documents' scores (the last one's and this one's);
        decisions are not handed over (more memory for less time saved)."""
        last, _last[0] = _last[0], None
        if last is not None and last[0] == _grounds(self.lm):
            self._old_seq = last[1]

    def hand_over(self) -> None:
        """Leave this scorer's sequence scores to the next document's (:meth:`take_over`)."""
        self._old_seq = {}
        _last[0] = (_grounds(self.lm), self._seq)

    def seq(self, words: list[str], prev: list[str], nxt: list[str]) -> float:
        # the context is at most two words each side (``_Context.around`` gives no more:
        # no copies then)
        after = nxt if len(nxt) <= 2 else nxt[:2]
        before = prev if len(prev) <= 2 else prev[-2:]
        key = (*words, None, *before, None, *after)
        lp = self._seq.get(key)
        if lp is None:
            # taken out of the last document's scores: it is this one's now (its old key
            # is freed while the window is scored, not after it; issue 14, session 17)
            lp = self._old_seq.pop(key, None)
            if lp is None:
                # the model lower-cases each word itself (and lower-casing twice changes
                # no string): no lowered copies here
                lp = self.lm.sequence_logprob((*words, *after), before)
            self._seq[key] = lp
        return lp

    def decide(
        self,
        orig: list[str],
        alt: list[str],
        prev: list[str],
        nxt: list[str],
        *,
        cost: float,
        orig_known: bool,
        threshold: float | None = None,
        split_charge: bool = True,
        prior_per_zipf: float | None = None,
    ) -> Decision:
        """Whether ``alt`` should replace ``orig`` between ``prev`` and ``nxt``."""
        return self._decide(
            orig, alt, prev, nxt, cost, orig_known, threshold, split_charge, prior_per_zipf
        )

    def _decide(
        self,
        orig: list[str],
        alt: list[str],
        prev: list[str],
        nxt: list[str],
        cost: float,
        orig_known: bool,
        threshold: float | None,
        split_charge: bool,
        prior_per_zipf: float | None,
    ) -> Decision:
        lp_orig = self.seq(orig, prev, nxt)
        if split_charge and not orig_known and len(alt) > len(orig):
            # A merged non-word ("kingwas") stands for several words: charge it one
            # unknown word for each, or every split would pay for its extra word.
            lp_orig += SPLIT_OOV_CHARGE * (len(alt) - len(orig))
        lp_alt = self.seq(alt, prev, nxt)
        gain = lp_alt - lp_orig
        word = orig[0] if len(orig) == 1 else None
        if orig_known:
            orig_z = zipf(word.lower()) if word is not None else 0.0
            per_zipf = PRIOR_PER_ZIPF if prior_per_zipf is None else prior_per_zipf
            margin = gain - cost - per_zipf * orig_z
        else:
            margin = gain - cost - 0.0
        if threshold is None:
            threshold = REALWORD_THRESHOLD if orig_known else NONWORD_THRESHOLD
        if margin < threshold:
            return Decision(
                False, "margin_below_threshold", margin, 0.0, gain, cost, word, threshold
            )
        confidence = 1.0 / (1.0 + math.exp(-(margin - threshold + 1.0)))
        return Decision(True, "lm_gain", margin, max(0.5, confidence), gain, cost, word, threshold)


#: A garbled page's second reading uses its own confusion habits.
DOC_CHANNEL = True
#: ... and reads unknown words no candidate read by those habits alone.
HABIT_SEARCH = True
#: ... also words whose candidates were all turned down (else only words without any).
HABIT_UNREAD = False
#: A garbled page's readings are ranked again by a learned correction of the margin.
RANK = False
#: Adjacent garbled words are also decided jointly (:mod:`repair.score.ocr_joint`).
JOINT = True


def _repriced(d: Decision, extra: float) -> Decision:
    """``d`` with its reading ``extra`` nats dearer: the same model gain, a new margin
    (what ``d._replace`` gives, built without its two Python frames: issue 14)."""
    _a, _r, margin, _c, gain, cost, word, threshold = d
    margin = margin - extra
    if margin < threshold:
        return _new_tuple(
            Decision,
            (False, "margin_below_threshold", margin, 0.0, gain, cost + extra, word, threshold),
        )
    confidence = max(0.5, 1.0 / (1.0 + math.exp(-(margin - threshold + 1.0))))
    return _new_tuple(
        Decision, (True, "lm_gain", margin, confidence, gain, cost + extra, word, threshold)
    )


def _threshold_of(features: dict[str, Any]) -> float:
    thr = features.get("threshold")
    if thr is not None:
        return float(thr)
    return REALWORD_THRESHOLD if features.get("orig_known") else NONWORD_THRESHOLD


class _Context:
    """Word neighbours of a span: two words before, two after (as repaired so far)."""

    def __init__(self, words: list[Token]) -> None:
        self.words = words
        self.starts = [w.start for w in words]
        self.ends = [w.end for w in words]
        # one-word tuples (48 bytes, a list 88): ~3 MB less a 250 k-character window;
        # one tuple per distinct word, shared (a tuple is never changed: :meth:`revise`
        # puts a new list in its place): ~1.5 MB less again (issue 14, session 18)
        one: dict[str, tuple[str]] = {}
        texts: list[Sequence[str]] = []
        for w in words:
            t = one.get(w.text)
            if t is None:
                t = one[w.text] = (w.text,)
            texts.append(t)
        self.texts = texts
        #: the page's word counts and their sum (:mod:`repair.score.ocr_cache`), set on
        #: garbled pages only
        self.page: tuple[Any, int] | None = None
        #: the page's cache gains by (printed, reading, words inside the span): a gain
        #: depends on those and the page alone, and a page asks ~10x for each (both
        #: readings of the page, the same misreading at many places; issue 14, session 22)
        self.gains: dict[tuple[str, ...], float] = {}

    def revise(self, start: int, end: int, replacement: str) -> None:
        """Read the words inside ``start:end`` as ``replacement`` from now on."""
        i = bisect_left(self.starts, start)
        j = bisect_right(self.ends, end)
        if i >= j:
            return
        self.texts[i] = replacement.split()
        for k in range(i + 1, j):
            self.texts[k] = []

    def inside(self, start: int, end: int) -> list[str]:
        """The printed words inside ``start:end``."""
        i = bisect_left(self.starts, start)
        j = bisect_right(self.ends, end)
        return [w.text for w in self.words[i:j]]

    def around(self, start: int, end: int) -> tuple[list[str], list[str]]:
        i = bisect_right(self.ends, start)
        j = bisect_left(self.starts, end)
        texts = self.texts
        # most neighbours are one word each (not revised, or revised to one word): the
        # two words either side read directly (the same lists as the loops below build;
        # issue 14, session 26)
        if i >= 2 and j + 1 < len(texts):
            a, b, c, d = texts[i - 2], texts[i - 1], texts[j], texts[j + 1]
            if len(a) == 1 and len(b) == 1 and len(c) == 1 and len(d) == 1:
                return [a[0], b[0]], [c[0], d[0]]
        prev: list[str] = []
        k = i - 1
        while k >= 0 and len(prev) < 2:
            prev[:0] = self.texts[k]
            k -= 1
        nxt: list[str] = []
        k = j
        while k < len(self.texts) and len(nxt) < 2:
            nxt += self.texts[k]
            k += 1
        return prev[-2:], nxt[:2]


def score_candidates(
    doc: Document,
    candidates: list[Candidate],
    garbled: bool,
    decisions: Counter[str] | None = None,
) -> list[Edit]:
    """The edits: per span, the accepted candidate with the largest margin.

    ``decisions``, when given, counts the spans read (``applied``) and the readings
    refused by a reason code (``known_form``: :mod:`.ocr_knownform`)."""
    if not candidates:
        return []
    scorer = Scorer()
    scorer.take_over()  # the last document's memos (a long text's previous window)
    ctx = _Context(doc.words)
    if garbled and ocr_cache.CACHE:
        counts = ocr_cache.page_counts(w.text for w in doc.words)
        ctx.page = (counts, sum(counts.values()))
    if garbled and PERIOD_UNIGRAM:
        candidates = period_unigram(candidates)
    memo = DecisionMemo()
    held: list[Candidate] = []
    if ocr_funcspot.FUNC_SPOT and ocr_funcspot.QUIET:
        # spot readings are decided after the first reading: never its context (session 62)
        candidates, held = ocr_funcspot.held_out(candidates)
    groups = _decide_all(scorer, ctx, candidates, garbled, memo)
    if held and not (garbled and len(groups) > 0):
        candidates, held = [*candidates, *held], []  # no second reading: decided now
        groups = _decide_all(scorer, ctx, candidates, garbled, memo)
    if garbled and len(groups) > 0:
        # a second reading with the first one's repairs as context: two garbled words in
        # a row ("tako stops", "ovor lnterforod") each looked at a garbled neighbour
        for (start, end), items in groups.items():
            best = max(items, key=lambda x: x[0])[1]
            ctx.revise(start, end, best.replacement)
        if held:
            candidates = [*candidates, *held]
        if ocr_pagerate.PAGE_RATE:  # the page's own garble rate (:mod:`repair.score.ocr_pagerate`)
            shift = ocr_pagerate.shift_of(len(groups), len(doc.words))
            candidates, changed = ocr_pagerate.reprice(candidates, shift)
            for k in changed:  # the model's gain is kept: only the price moves
                seen = memo.get(k)
                if seen is not None:
                    n = len(candidates[k].features["subs"])
                    memo[k] = (seen[0], seen[1], _repriced(seen[2], shift * n))
        if DOC_CHANNEL:  # the page's own habits (:mod:`repair.score.ocr_docchannel`)
            from repair.score import ocr_docchannel, ocr_pagereach
            from repair.score.ocr_docchannel import adapt, document_substitutions

            counts = document_substitutions(groups)
            if ocr_docchannel.MODE == "dirichlet":
                soft = ocr_docchannel.expected_substitutions(groups)
                shifts = ocr_docchannel.reestimate(soft, doc.text)
                candidates, changed = ocr_docchannel.adapt_em(candidates, shifts)
            else:
                candidates, changed = adapt(candidates, counts, len(doc.words))
            for k in changed:
                memo.pop(k, None)
            if HABIT_SEARCH:
                from repair.score.ocr_docchannel import habit_candidates, habits

                covered = set(groups) if HABIT_UNREAD else {(c.start, c.end) for c in candidates}
                hab = habits(counts, len(doc.words))
                candidates = [*candidates, *habit_candidates(doc.words, covered, hab)]
            if ocr_pagereach.PAGE_REACH:  # one unseen confusion (:mod:`.ocr_pagereach`)
                reach = ocr_pagereach.reach_candidates(
                    doc.words, ocr_pagereach.covered(groups, candidates), counts
                )
                candidates = [*candidates, *reach]
        groups = _decide_all(scorer, ctx, candidates, garbled, memo)
        if JOINT:
            from repair.score.ocr_joint import joint_decode  # two garbled words in a row

            groups = joint_decode(
                scorer, ctx, candidates, memo, groups, prior_default=PRIOR_PER_ZIPF,
                split_charge=SPLIT_OOV_CHARGE, threshold_of=_threshold_of,
            )  # fmt: skip
    if garbled and ocr_sole.SOLE:  # a non-word's only reading, just short (:mod:`.ocr_sole`)
        ocr_sole.accept_sole(candidates, memo, groups, doc.text, [w.text for w in doc.words])
    if garbled and (PAGE_PAIRS or BOOK_BIGRAMS or BOTH_SIDES):
        _page_pairs(doc, candidates, memo, groups)
    if garbled and ocr_widectx.WIDE_ACCEPT:  # wider evidence (:mod:`.ocr_widectx`)
        ocr_widectx.wide_accept(doc, candidates, memo, groups)
    if garbled and GARBLED_CONTEXT:
        _garbled_context(groups, ctx)
    groups = _rank(doc, candidates, memo, groups, garbled)
    if garbled and (ocr_reorder.NAME_SLOT or ocr_reorder.SUB_PENALTY):
        ocr_reorder.rerank(doc, groups)  # the order of accepted readings (:mod:`.ocr_reorder`)
    if garbled and ocr_secondvote.active():
        ocr_secondvote.second_vote(doc, candidates, memo, groups)  # (:mod:`.ocr_secondvote`)
    if garbled and (REALWORD_GUARD or REALWORD_ISOLATED or _RW_TRACE is not None):
        _realword_guard(doc, ctx, groups)
    edits = _edits(doc, groups, decisions)
    scorer.hand_over()
    return edits


#: Issue 12 (session 37, "never correct a real form"): a real word's reading as another
#: real word is dropped when its whole gain comes from the left context (the words after
#: it want the printed word as much: "taking a pot off the", "his studios was broken"),
#: the page never prints the reading, the rest of the word's line is clean (every other
#: word known), the printed word is not rare and the reading not a very common word (a
#: function word's gain, "tho" -> "the", is the model's surest).  SMH dev halves (by
#: article parity): dev-a 3 token errors saved, dev-b 1, no helpful reading lost; test
#: 5,532 -> 5,532 tokens, 8,974 -> 8,973 chars; ICDAR 1-80 synthetic broken 167 -> 166;
#: the 300 k-word OCR'd modern text audit 140 -> 137 broken ("larva with gills to an").
REALWORD_GUARD = True
#: ... the right context's share of the gain (nats) at most
RW_GUARD_RIGHT_MAX = 0.5
#: ... the printed word's Zipf at least, the reading's at most
RW_GUARD_ORIG_MIN_ZIPF = 3.0
RW_GUARD_ALT_MAX_ZIPF = 5.2
#: ... unknown words on the rest of the line at most
RW_GUARD_LINE_BAD_MAX = 0
#: A real word alone between two phrase marks ("(thus, group 1 is"): the words beyond the
#: marks belong to other phrases, so its reading must clear its threshold on the gain
#: without them (the unigram and channel alone).  SMH dev: 2 such readings, both clear it
#: (no change); the 300 k-word OCR'd modern text audit: "(thus," -> "(this," 8 times.
#: No dev evidence either way (session 37, ocrrw37); the lead turned it ON as a precision
#: guard: SMH dev and ICDAR unchanged, 8 fewer broken words in the modern text audit.
REALWORD_ISOLATED = True
#: When a list, each real-word winner's guard features are appended to it (analysis).
_RW_TRACE: list[dict[str, Any]] | None = None


_LETTERS = re.compile(r"[A-Za-z]+")


def _line_garble(text: str, start: int, end: int) -> tuple[int, int]:
    """(unknown words, words) on the line of ``text[start:end]``, the word itself left out."""
    from repair.score.ocr_channel import is_known

    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    bad = n = 0
    for m in _LETTERS.finditer(text[a:b]):
        if a + m.start() == start:
            continue
        n += 1
        bad += not is_known(m.group())
    return bad, n


#: Marks that end a phrase: the words beyond one are no context of a word's reading.
_PHRASE_MARKS = frozenset(",;:()[]")


def _marks_around(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether a phrase mark (:data:`_PHRASE_MARKS`) stands directly before ``start``
    (spaces allowed) and directly after ``end``."""
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    j = end
    while j < len(text) and text[j] == " ":
        j += 1
    return (i >= 0 and text[i] in _PHRASE_MARKS, j < len(text) and text[j] in _PHRASE_MARKS)


def _realword_features(
    doc: Document,
    ctx: _Context,
    start: int,
    end: int,
    orig: str,
    alt: str,
    page: Counter[str] | None = None,
) -> dict[str, Any]:
    """What :func:`_guard_refuses` weighs of the reading ``alt`` of the printed ``orig``
    at ``start:end``: the gain from the left context alone (``left``) and the rest, from
    the words after it (``right``); the printed word's and the reading's own support by
    the left context over their unigram scores; unknown words on the rest of its line;
    how often the page prints each (``page``: the page's lower-cased word counts)."""
    lm = ocr_variantlm.reader_lm()  # READERS (session 57)
    if page is None:
        page = Counter(w.text.lower() for w in doc.words)
    prev, nxt = ctx.around(start, end)
    left = lm.sequence_logprob([alt], prev) - lm.sequence_logprob([orig], prev)
    tot = lm.sequence_logprob([alt, *nxt], prev) - lm.sequence_logprob([orig, *nxt], prev)
    own = lm.sequence_logprob([orig], prev) - lm.sequence_logprob([orig], [])
    right_own = lm.sequence_logprob(nxt, [*prev, orig][-2:]) - lm.sequence_logprob(nxt, [])
    alt_own = lm.sequence_logprob([alt], prev) - lm.sequence_logprob([alt], [])
    bad, n = _line_garble(doc.text, start, end)
    mark_before, mark_after = _marks_around(doc.text, start, end)
    cut_prev = [] if mark_before else prev
    cut_nxt = [] if mark_after else nxt
    cut = lm.sequence_logprob([alt, *cut_nxt], cut_prev) - lm.sequence_logprob(
        [orig, *cut_nxt], cut_prev
    )
    low_o, low_a = orig.lower(), alt.lower()
    po, pa = page[low_o] - 1, page[low_a]
    return {
        "prev": prev, "nxt": nxt, "left": left, "right": tot - left, "tot": tot,
        "own_left": own, "own_right": right_own, "alt_left": alt_own,
        "line_bad": bad, "line_n": n, "page_orig": po, "page_alt": pa,
        "zo": zipf(low_o), "za": zipf(low_a),
        "mark_before": mark_before, "mark_after": mark_after, "cut": cut,
    }  # fmt: skip


def _isolated_refuses(
    doc: Document, span: tuple[int, int], orig: str, alt: str, margin: float, ev: dict[str, Any]
) -> bool:
    """Whether a reading of a word between two phrase marks falls below its threshold
    once the context beyond the marks is taken out of its gain (:data:`REALWORD_ISOLATED`)."""
    before, after = _marks_around(doc.text, span[0], span[1])
    if not (before and after) or "lm_logprob_gain" not in ev:
        return False
    lm = ocr_variantlm.reader_lm()  # READERS (session 57)
    bare = lm.sequence_logprob([alt], []) - lm.sequence_logprob([orig], [])
    return margin - float(ev["lm_logprob_gain"]) + bare < float(ev.get("threshold", 0.0))


def _guard_cheap(orig: str, alt: str) -> bool:
    """The guard's word tests alone (no model asked)."""
    zo, za = zipf(orig.lower()), zipf(alt.lower())
    return zo >= RW_GUARD_ORIG_MIN_ZIPF and za <= RW_GUARD_ALT_MAX_ZIPF


def _guard_refuses(f: dict[str, Any]) -> bool:
    """Whether :func:`_realword_guard` keeps the printed word (features of
    :func:`_realword_features`)."""
    return (
        f["right"] <= RW_GUARD_RIGHT_MAX
        and f["page_alt"] == 0
        and f["line_bad"] <= RW_GUARD_LINE_BAD_MAX
        and f["zo"] >= RW_GUARD_ORIG_MIN_ZIPF
        and f["za"] <= RW_GUARD_ALT_MAX_ZIPF
    )


def _realword_guard(
    doc: Document,
    ctx: _Context,
    groups: dict[tuple[int, int], list[tuple[float, Candidate, dict]]],
) -> None:
    """Drop real-word readings the guard refuses (issue 12); trace them when asked."""
    page: Counter[str] | None = None
    prints: dict[str, list[int]] | None = None  # :data:`ocr_pagekept.PAGE_KEPT`'s
    reread: frozenset[int] = frozenset()
    for span, items in list(groups.items()):
        margin, best, ev = items[0]
        f = best.features
        if best.source != "OCR_REALWORD" or "fixed" in f or len(f.get("orig", ())) != 1:
            continue
        if len(f.get("alt", ())) != 1:
            continue
        orig, alt = f["orig"][0], f["alt"][0]
        if REALWORD_ISOLATED and _isolated_refuses(doc, span, orig, alt, margin, ev):
            del groups[span]
            continue
        if ocr_pagekept.PAGE_KEPT and ocr_pagekept.applies(orig, span, margin, ev, f):
            if prints is None:  # the page keeps its other prints (:mod:`.ocr_pagekept`)
                words = doc.words
                prints = ocr_pagekept.page_prints([w.text for w in words], [w.start for w in words])
                reread = frozenset(s[0] for s in groups)
            if ocr_pagekept.refuses(prints, orig, span[0], reread):
                del groups[span]
                continue
        if _RW_TRACE is None and not _guard_cheap(orig, alt):
            continue
        if page is None:
            page = Counter(w.text.lower() for w in doc.words)
        feats = _realword_features(doc, ctx, span[0], span[1], orig, alt, page)
        if REALWORD_GUARD and _guard_refuses(feats):
            del groups[span]
            continue
        if _RW_TRACE is not None:
            _RW_TRACE.append({"start": span[0], "orig": orig, "alt": alt, "margin": margin,
                              "threshold": ev.get("threshold"), "finding": f.get("finding"),
                              "cost": f.get("cost"), "nsubs": len(f.get("subs", ()) or ()),
                              **feats})  # fmt: skip


def _rank(
    doc: Document,
    candidates: list[Candidate],
    memo: DecisionMemo,
    groups: dict[tuple[int, int], list[tuple[float, Candidate, dict]]],
    garbled: bool,
) -> dict[tuple[int, int], list[tuple[float, Candidate, dict]]]:
    """Per span, its accepted readings best first: by margin, or in a garbled page as
    the learned ranking decides (:mod:`repair.score.ocr_rank`)."""
    if RANK and garbled:
        from repair.score.ocr_rank import rerank

        groups = rerank(doc, candidates, memo, groups)
    if PAGE_AGREE and garbled:
        _page_agree(candidates, memo, groups)
    if OOV_BACKOFF and garbled:
        _oov_backoff(groups)
    for items in groups.values():
        items.sort(key=lambda x: -x[0])
    return groups


#: A garbled page's accepted readings lose part of their LM gain where the context the
#: trigram read them in is itself garbled (session 36, :func:`_garbled_context`): a
#: neighbour the model does not know leaves it its unigram frequencies, so a common word
#: wins between two unread names ("Robert Burnett _ Ilarry Bush" -> "neat", "Thos _
#: M'Donald" -> "fly").  Removes or re-orders accepted readings only.
GARBLED_CONTEXT = True
#: ... the share of the gain taken per share of the four context words the model lacks
#: (fitted on SMH dev spans and ICDAR 1-80 spans: ``scripts/ocr_weigh.py``).
GARBLED_CONTEXT_SHARE = 0.25


def context_unknown(prev: Sequence[str], nxt: Sequence[str]) -> float:
    """The share of the four context places (two words either side) holding a word of
    letters the trigram does not know (marks around it stripped, a typographic apostrophe
    read as ``'``: "China’s" is no garble); an empty place (a page edge) or a mark counts
    as known."""
    lm = get_lm()
    n = 0
    for w in (*prev[-2:], *nxt[:2]):
        if any(ch.isalpha() for ch in w) and not lm.known(
            w.lower().replace("\u2019", "'").strip(_MARKS)
        ):
            n += 1
    return n / 4.0


_MARKS = ".,;:'\"!?()"


def _garbled_context(
    groups: dict[tuple[int, int], list[tuple[float, Candidate, dict]]], ctx: _Context
) -> None:
    """:data:`GARBLED_CONTEXT`: each scored reading with a positive LM gain in a span whose
    context (as last read, ``ctx``) the model partly lacks loses
    ``GARBLED_CONTEXT_SHARE * gain * context_unknown`` nats of margin, and is dropped when
    that takes it below its threshold (in place).  A span decided jointly, fixed readings
    and rescued near misses are left as they are."""
    for span, items in list(groups.items()):
        if any("joint_margin" in ev for _m, _c, ev in items):
            continue
        share = -1.0
        new = []
        moved = False
        for m, c, ev in items:
            g = ev.get("lm_logprob_gain")
            if "fixed" in c.features or ev.get("rescued") or g is None or g <= 0.0:
                new.append((m, c, ev))
                continue
            if share < 0.0:
                share = context_unknown(*ctx.around(*span))
            if share == 0.0:
                break
            cut = GARBLED_CONTEXT_SHARE * float(g) * share
            thr = float(ev.get("threshold", 0.0))
            moved = True
            if m >= thr > m - cut:
                continue  # it cleared its bar on the garbled context's say-so
            new.append((m - cut, c, {**ev, "garbled_context": round(cut, 2)}))
        if not moved:
            continue
        if new:
            groups[span] = new
        else:
            groups.pop(span, None)


#: A garbled page's one-word reading that the page prints elsewhere beside the same
#: neighbour ("a decree nlst was granted" on a page that prints "decree nisi"; "his skill
#: ia the art" beside "skill in") gains ``PAGE_PAIRS_WEIGHT * log(1 + such pairs)`` nats
#: of margin (session 37, :func:`_page_pairs`): a cache of the page's word pairs, where
#: :mod:`.ocr_cache` keeps its single words.  It may carry a declined reading over its
#: threshold and re-orders accepted ones.
PAGE_PAIRS = True
PAGE_PAIRS_WEIGHT = 3.0
#: ... also for a printed word the trigram knows (a real-word confusion: "two boats an
#: the brig" -> "as" beside a page's "as the"); else non-words only.
PAGE_PAIRS_KNOWN = False
#: The page-pair bonus carries a declined reading of a printed figure over its bar only
#: where the context model itself rates the reading above the figure (model gain above
#: this, nats): the page's pairs are a second vote, not the only one.  "World No. 1 in
#: 1999" is no "No. I" because the page prints "I in" four times (OCR'd modern text
#: audit, session 50: 5 of 30 dev breaks).  Figures only: the model's gain over a
#: garbled word ("vig0rously") is often negative, its pairs are real evidence (a first
#: version for every print lost 6 such dev fixes).  **Off** (``None``): with 0.0 the audit's
#: dev half 27 -> 22 broken (with ocr_pagejoin.LETTER_PIECES), SMH dev, light suite dev,
#: census dev and ICDAR files 1-80 unchanged, but ICDAR file 81 (an 1890s book whose engine
#: prints "1" for "I") loses 7 fixes in its first 300 k ("that 1 with" -> "I", model gain
#: -3.8, page pairs +9.0) and 16 in its held-out rest: the model's gain does not separate
#: a book's "1" for "I" from a modern "No. 1" (session 50, ocraudit50).
PAGE_PAIRS_MIN_GAIN: float | None = None
#: Among a garbled page's accepted one-word readings of a span, each gains
#: ``BOOK_BIGRAMS_WEIGHT`` times its book-register bigram score
#: (:meth:`repair.resources.bigrams.Bigrams.fit`, symspellpy's Google Books pairs) less
#: the print's: a second vote on each side of the word (session 37; re-orders accepted
#: readings only).  Off: SMH dev gains, ICDAR 1-80 loses.
BOOK_BIGRAMS = False
BOOK_BIGRAMS_WEIGHT = 0.25
#: A garbled page's one-word reading that beats the print on its left context and on its
#: right context, by the trigram and by the book bigrams alike, gains
#: ``BOTH_SIDES_BONUS`` nats (its bar drops by as much; session 37).  Off: see RESULTS.
BOTH_SIDES = False
BOTH_SIDES_BONUS = 0.5
#: ... only for a printed non-word that the period n-grams (:mod:`repair.score.ngrams`)
#: do not count either: both votes are modern, and agree against a book's old spelling
#: ("the warres of the holy land" -> "wages"; ICDAR 1-80).
BOTH_SIDES_NONWORD = False


def page_pair_counts(words: Sequence[str]) -> Counter[tuple[str, str]]:
    """The page's counts of adjacent word pairs (lower case, marks around a word
    stripped, a typographic apostrophe read as ``'``; a place holding no word of
    letters breaks the chain)."""
    words = list(words)
    seen = {w: _pair_word(w) for w in set(words)}
    norm = list(map(seen.__getitem__, words))
    pairs = Counter(zip(norm, norm[1:], strict=False))
    for key in [key for key in pairs if key[0] is None or key[1] is None]:
        del pairs[key]
    return pairs  # type: ignore[return-value]


def _pair_word(w: str | None) -> str | None:
    if not w:
        return None
    w = w.lower().replace("\u2019", "'").strip(_PAIR_MARKS)
    return w if w and w.replace("'", "").isalpha() else None


_PAIR_MARKS = _MARKS + "\u201c\u201d\u2018-"


def _page_pairs(
    doc: Document,
    candidates: list[Candidate],
    memo: DecisionMemo,
    groups: dict[tuple[int, int], list[tuple[float, Candidate, dict]]],
) -> None:
    """:data:`PAGE_PAIRS`, :data:`BOOK_BIGRAMS`, :data:`BOTH_SIDES` (in place): each
    one-word reading of one printed word, with the context it was last decided in
    (``memo``), gains its bonus; a declined reading that the bonus carries over its
    threshold joins its span (not :data:`BOOK_BIGRAMS`'s: it re-orders only).  Spans
    decided jointly, fixed readings and readings equal to the print but for case are
    left alone."""
    pairs: Counter[tuple[str, str]] = Counter()
    paired: set[str] = set()  # the words of the page's pairs
    if PAGE_PAIRS:
        pairs = page_pair_counts([w.text for w in doc.words])
        if ocr_romanpair.ROMAN_PAIRS:  # "War I in": no pronoun's pair (:mod:`.ocr_romanpair`)
            ocr_romanpair.drop_roman_pairs(pairs, doc.text, [(w.text, w.start) for w in doc.words])
        paired = {a for a, _b in pairs}
        paired.update(b for _a, b in pairs)
    others = BOOK_BIGRAMS or BOTH_SIDES
    norm: dict[str, str | None] = {}  # _pair_word's, by string (a page repeats its words)
    for k, c in enumerate(candidates):
        f = c.features
        if "fixed" in f or len(f.get("orig", ())) != 1 or len(f.get("alt", ())) != 1:
            continue
        a0 = f["alt"][0]
        alt = norm[a0] if a0 in norm else norm.setdefault(a0, _pair_word(a0))
        if alt is None:
            continue
        page = PAGE_PAIRS and alt in paired and (PAGE_PAIRS_KNOWN or not f.get("orig_known"))
        if not (page or others):
            continue  # most readings: no page pair can count
        o0 = f["orig"][0]
        orig = norm[o0] if o0 in norm else norm.setdefault(o0, _pair_word(o0))
        if alt == orig:
            continue
        span = (c.start, c.end)
        items = groups.get(span)
        if items is not None and len(items) == 1 and items[0][1] is c:
            continue  # the span's only reading: a bonus would change nothing it reads
        seen = memo.get(k)
        if seen is None:
            continue
        prev, nxt, d = seen
        left = right = None
        if prev:
            w = prev[-1]
            left = norm[w] if w in norm else norm.setdefault(w, _pair_word(w))
        if nxt:
            w = nxt[0]
            right = norm[w] if w in norm else norm.setdefault(w, _pair_word(w))
        bonus = 0.0  # may carry a reading over its bar
        order = 0.0  # re-orders accepted readings only
        why: dict[str, float] = {}
        if page:
            n = 0
            if left is not None:
                n += pairs.get((left, alt), 0)
            if right is not None:
                n += pairs.get((alt, right), 0)
            if n:
                why["page_pairs"] = PAGE_PAIRS_WEIGHT * math.log1p(n)
                bonus += why["page_pairs"]
        if (BOOK_BIGRAMS or BOTH_SIDES) and orig is not None:
            sides = _book_sides(left, orig, alt, right)
            if BOOK_BIGRAMS and (sides[0] or sides[1]):
                why["book_bigrams"] = BOOK_BIGRAMS_WEIGHT * (sides[0] + sides[1])
                order += why["book_bigrams"]
            if (
                BOTH_SIDES
                and (left is not None or right is not None)
                and not (BOTH_SIDES_NONWORD and _period_word(f))
            ):
                books = (left is None or sides[0] > 0) and (right is None or sides[1] > 0)
                if books and _trigram_sides_agree(f["orig"][0], f["alt"][0], prev, nxt, d):
                    why["both_sides"] = BOTH_SIDES_BONUS
                    bonus += BOTH_SIDES_BONUS
        if not why:
            continue
        if items is not None:
            if any("joint_margin" in ev for _m, _c, ev in items):
                continue
            hit = next((i for i, x in enumerate(items) if x[1] is c), None)
            if hit is not None:
                m, _c, ev = items[hit]
                ev = {**ev, **{key: round(v, 2) for key, v in why.items()}}
                items[hit] = (m + bonus + order, c, ev)
                continue
        if d.accept or bonus <= 0.0:
            continue  # accepted once, dropped since (the joint decoding, the context)
        if (
            PAGE_PAIRS_MIN_GAIN is not None
            and "page_pairs" in why
            and d.gain <= PAGE_PAIRS_MIN_GAIN
            and doc.text[c.start : c.end].isdigit()
        ):
            continue  # the model keeps the figure: the page's pairs alone carry nothing
        d2 = _repriced(d, -bonus)
        if not d2.accept:
            continue
        ev = d2.evidence
        ev["finding"] = f["finding"]
        ev.update({key: round(v, 2) for key, v in why.items()})
        groups.setdefault(span, []).append((d2.margin + order, c, ev))


def _period_word(f: dict[str, Any]) -> bool:
    """Whether a candidate's print is a known word, or one the period n-grams count."""
    if f.get("orig_known"):
        return True
    from repair.score.ngrams import get_ngrams

    return get_ngrams().count(f["orig"][0].lower()) > 0


def _book_sides(left: str | None, orig: str, alt: str, right: str | None) -> tuple[float, float]:
    """The book bigrams' (:mod:`repair.resources.bigrams`) view of ``alt`` against
    ``orig`` on each side: ln P(alt | left) − ln P(orig | left), ln P(right | alt) −
    ln P(right | orig) (0 for a side without a word)."""
    from repair.resources.bigrams import get_bigrams

    bg = get_bigrams()
    lhs = bg.logprob_next(left, alt) - bg.logprob_next(left, orig) if left else 0.0
    rhs = bg.logprob_next(alt, right) - bg.logprob_next(orig, right) if right else 0.0
    return lhs, rhs


def _trigram_sides_agree(
    orig: str, alt: str, prev: Sequence[str], nxt: Sequence[str], d: Decision
) -> bool:
    """Whether the trigram prefers ``alt`` to ``orig`` given the left context alone, and
    again for the right context (the gain less the left-only gain)."""
    lm = ocr_variantlm.reader_lm()  # READERS (session 57)
    before = list(prev[-2:])
    lhs = lm.sequence_logprob((alt,), before) - lm.sequence_logprob((orig,), before)
    if lhs <= 0.0:
        return False
    return not nxt or d.gain - lhs > 0.0


#: Among a garbled page's accepted readings of a span, one the margin rule chose for
#: other spans printed alike on the page gains ``PAGE_AGREE_WEIGHT * log(1 + those
#: spans)`` nats (session 36, :func:`_page_agree`; the ``agree`` feature of
#: :mod:`.ocr_rank`): one page, one reading of a misprint.  Re-orders accepted readings
#: only.
PAGE_AGREE = False
PAGE_AGREE_WEIGHT = 1.0


def _page_agree(
    candidates: list[Candidate],
    memo: DecisionMemo,
    groups: dict[tuple[int, int], list[tuple[float, Candidate, dict]]],
) -> None:
    """:data:`PAGE_AGREE` (in place): spans of two or more scored readings re-ranked."""
    if not any(len(v) > 1 for v in groups.values()):
        return
    from repair.score.ocr_rank import page_votes

    votes = page_votes(candidates, memo, groups)
    for span, items in groups.items():
        if len(items) < 2 or any("joint_margin" in ev for _m, _c, ev in items):
            continue
        picked = max(items, key=lambda x: x[0])[1].replacement.lower()
        new = []
        moved = False
        for m, c, ev in items:
            f = c.features
            if "fixed" not in f and "orig" in f:
                vote = votes.get(" ".join(f["orig"]).lower())
                if vote:
                    mine = c.replacement.lower()
                    agree = vote.get(mine, 0) - (picked == mine)
                    if agree > 0:
                        bonus = PAGE_AGREE_WEIGHT * math.log1p(agree)
                        m += bonus
                        ev = {**ev, "page_agree": round(bonus, 2)}
                        moved = True
            new.append((m, c, ev))
        if moved:
            groups[span] = new


#: Among a garbled page's accepted readings of a non-word, one the trigram does not know
#: ("minor oileuces" -> "offences", "decree nlst" -> "nisi": British and period words
#: the 72 k-word model lacks) is scored by its own frequency rather than the model's
#: unknown-word floor (session 35, :func:`oov_bonus`).  Reorders accepted readings only:
#: no reading is accepted or refused by it.
OOV_BACKOFF = True


def oov_bonus(word: str) -> float:
    """What a word the trigram does not know gains (nats) when its unigram
    log-probability is read from the period table (:mod:`repair.score.ngrams`, counted
    words only) instead of :data:`~repair.resources.lm.UNKNOWN_LOGPROB`; 0 for a word
    the model knows, a word the table did not count, or one it counted rarely."""
    if not word.isalpha() or get_lm().known(word):
        return 0.0
    lp = _period_logprob(word)
    return 0.0 if lp is None else max(0.0, lp - UNKNOWN_LOGPROB)


def _period_logprob(word: str) -> float | None:
    """The period table's unigram log-probability of ``word``, ``None`` if not counted."""
    from repair.score.ngrams import get_ngrams, norm

    t = get_ngrams()
    i = t.word_id(norm(word))
    return None if i < 0 else t._uni_lp(i)


#: A garbled page's one-word readings of a printed non-word are credited, when the period
#: table (:mod:`repair.score.ngrams`) finds the reading commoner than the trigram does,
#: with the difference of the two unigram log-probabilities (session 35,
#: :func:`period_gain`): the 72 k-word model puts rare but plain words ("amusements",
#: "seaman", "surmised") at its unknown-word floor, so a non-word read as one gains
#: nothing from the model.
PERIOD_UNIGRAM = False
#: ... only for readings the trigram rates below this unigram log-probability (nats).
PERIOD_RARE_LM = -12.0


@lru_cache(maxsize=8_192)
def period_gain(word: str) -> float:
    """The period table's unigram log-probability of ``word`` less the trigram's, when the
    trigram's is below :data:`PERIOD_RARE_LM` and the table counted the word; else 0."""
    if not word.isalpha():
        return 0.0
    lm = get_lm()
    low = word.lower()
    lm_uni = lm.sequence_logprob((low,), ())
    if lm_uni >= PERIOD_RARE_LM:
        return 0.0
    lp = _period_logprob(low)
    return 0.0 if lp is None else max(0.0, lp - lm_uni)


def period_unigram(candidates: list[Candidate]) -> list[Candidate]:
    """:data:`PERIOD_UNIGRAM`: each one-word reading of a printed non-word priced
    :func:`period_gain` nats lower (``period_gain`` kept in its features)."""
    from repair.candidates.ocr_rules import with_features

    out = []
    for c in candidates:
        f = c.features
        if (
            "fixed" in f
            or "cost" not in f
            or f.get("orig_known")
            or len(f.get("orig", ())) != 1
            or len(f.get("alt", ())) != 1
        ):
            out.append(c)
            continue
        g = period_gain(f["alt"][0])
        if g > 0.0:
            c = with_features(c, {**f, "cost": float(f["cost"]) - g, "period_gain": round(g, 2)})
        out.append(c)
    return out


def _oov_backoff(groups: dict[tuple[int, int], list[tuple[float, Candidate, dict]]]) -> None:
    """:data:`OOV_BACKOFF`: a span's accepted one-word readings of a printed non-word
    ranked again with :func:`oov_bonus` added to each margin (in place)."""
    for span, items in groups.items():
        if len(items) < 2:
            continue
        moved = False
        new = []
        for m, c, ev in items:
            f = c.features
            if (
                "fixed" not in f
                and not f.get("orig_known")
                and len(f.get("orig", ())) == 1
                and len(f.get("alt", ())) == 1
                and "joint_margin" not in ev
            ):
                bonus = oov_bonus(f["alt"][0])
                if bonus > 0.0:
                    ev = {**ev, "oov_bonus": round(bonus, 2)}
                    m += bonus
                    moved = True
            new.append((m, c, ev))
        if moved:
            groups[span] = new


def _edits(
    doc: Document,
    groups: dict[tuple[int, int], list[tuple[float, Candidate, dict]]],
    decisions: Counter[str] | None = None,
) -> list[Edit]:
    """One edit per span: its first reading (unless :mod:`.ocr_knownform` refuses it)."""
    edits = []
    for (start, end), items in groups.items():
        _margin, best, ev = items[0]
        if ocr_knownform.refused(best.source, ev):
            if decisions is not None:
                decisions[ocr_knownform.REASON] += 1
            continue  # a dear, thin reading of a form the frequency list knows
        if "subs" in best.features:
            # as lists of ``[printed, true]`` pairs, whatever a candidate keeps (the
            # commonest keep their cached readings' tuples: issue 14)
            ev["substitutions"] = [list(x) for x in best.features["subs"]]
        if "variety" in best.features:  # moved to the page's spelling (ocr_variety)
            ev["variety"] = best.features["variety"]
        edits.append(
            Edit(
                start,
                end - start,
                doc.text[start:end],
                best.replacement,
                best.kind,
                round(_conf(items), 4),
                best.source,
                message=f"OCR: {doc.text[start:end]!r} -> {best.replacement!r}",
                evidence=ev,
                alternatives=tuple(x[1].replacement for x in items[1:4]),
            )
        )
    if decisions is not None and edits:
        decisions["applied"] += len(edits)
    return edits


def _decider(scorer: Scorer) -> Any:
    """``scorer._decide`` (positional: ``Scorer.decide`` only names the arguments), or the
    same decision compiled (:mod:`repair.score.ocr_decide_fast`), its scorer's memos and
    this module's constants bound."""
    fast = ocr_decide_fast.compiled(scorer)
    if fast is None:
        return scorer._decide
    return partial(
        fast, scorer._seq, scorer._old_seq, scorer.lm, zipf, Decision, SPLIT_OOV_CHARGE,
        PRIOR_PER_ZIPF, REALWORD_THRESHOLD, NONWORD_THRESHOLD,
        *ocr_decide_fast.lm_parts(scorer.lm),
    )  # fmt: skip


def _decide_all(
    scorer: Scorer,
    ctx: _Context,
    candidates: list[Candidate],
    garbled: bool,
    memo: DecisionMemo,
) -> dict[tuple[int, int], list[tuple[float, Candidate, dict]]]:
    """Each candidate decided in the context ``ctx`` gives; ``memo`` keeps the decisions
    by candidate index, re-used while the context is unchanged."""
    groups: dict[tuple[int, int], list[tuple[float, Candidate, dict]]] = {}
    # rejected readings close to their margins, per span (:mod:`repair.score.ocr_rescue`)
    near: dict[tuple[int, int], tuple[float, Candidate, dict]] | None = (
        {} if ocr_rescue.RESCUE else None
    )
    same: list[tuple[float, Candidate, dict]] | None = [] if ocr_rescue.CONSISTENT else None
    # the candidates of a span share its context
    contexts: dict[tuple[int, int], tuple[list[str], list[str]]] = {}
    # ... and its printed words (``ctx.inside`` reads the printed words only, never the
    # revised context: one list a span; issue 14, session 25)
    insides: dict[tuple[int, int], list[str]] = {}
    decide = _decider(scorer)
    page = getattr(ctx, "page", None)
    gains: dict[tuple[str, ...], float] | None = getattr(ctx, "gains", None)
    if gains is None:
        gains = {}
    memo.grow(len(candidates))
    page_words = page[0] if page is not None else None
    loop = ocr_decide_fast.loop()
    if (
        loop is not None
        and type(memo) is DecisionMemo
        and type(ctx) is _Context
        and isinstance(candidates, list)
    ):
        # the same loop compiled (:func:`repair.score.ocr_decide_fast.loop`; issue 14,
        # session 27): the memo's own arrays read and written in place
        loop(
            candidates, decide, garbled, ctx.around, ctx.inside, contexts, insides, memo,
            memo._around, memo._word, memo._num, memo._code, memo._whole, _REASONS,
            page_words, page[1] if page is not None else None, ocr_cache.FINDINGS,
            ocr_cache.cache_gain, ocr_cache.opens, gains, _repriced, groups, near,
            ocr_rescue.SLACK, same, ocr_rescue.CONSISTENT_SLACK, ocr_rescue.eligible, Decision,
            zipf, round, bisect_right, bisect_left, ctx.starts, ctx.ends, ctx.texts,
        )  # fmt: skip
    else:
        _decide_loop(
            candidates, decide, garbled, ctx, contexts, insides, memo, page, gains, groups,
            near, same,
        )  # fmt: skip
    if near:
        ocr_rescue.rescue(groups, near)
    if same:
        ocr_rescue.consistent(groups, same)
    return groups


def _decide_loop(
    candidates: list[Candidate],
    decide: Any,
    garbled: bool,
    ctx: _Context,
    contexts: dict[tuple[int, int], tuple[list[str], list[str]]],
    insides: dict[tuple[int, int], list[str]],
    memo: DecisionMemo,
    page: tuple[Any, int] | None,
    gains: dict[tuple[str, ...], float],
    groups: dict[tuple[int, int], list[tuple[float, Candidate, dict]]],
    near: dict[tuple[int, int], tuple[float, Candidate, dict]] | None,
    same: list[tuple[float, Candidate, dict]] | None,
) -> None:
    """:func:`_decide_all`'s loop over the candidates in Python (the compiled one,
    ``_ocrwalk.decide_all``, does the same): fills ``groups``, ``near`` and ``same``."""
    stored = memo.codes()  # 0: nothing stored for that candidate (no get_in asked)
    # the switches and helpers read once a call, not once a candidate (issue 14, session 26)
    page_words = page[0] if page is not None else None
    cache_findings, cache_gain, cache_opens = (
        ocr_cache.FINDINGS, ocr_cache.cache_gain, ocr_cache.opens
    )  # fmt: skip
    slack, same_slack, eligible = (
        ocr_rescue.SLACK, ocr_rescue.CONSISTENT_SLACK, ocr_rescue.eligible
    )  # fmt: skip
    for k, c in enumerate(candidates):
        f = c.features
        span = (c.start, c.end)  # one tuple a candidate (issue 14, session 26)
        if "fixed" in f:
            groups.setdefault(span, []).append(
                (-100.0, c, {"fallback": True, "finding": f["finding"]})
            )
        else:
            around = contexts.get(span)
            if around is None:
                around = contexts[span] = ctx.around(c.start, c.end)
            prev, nxt = around
            d = memo.get_in(k, prev, nxt) if stored[k] else None
            if d is None:
                d = decide(
                    f["orig"],  # read only: no copies
                    f["alt"],
                    prev,
                    nxt,
                    float(f["cost"]),
                    bool(f.get("orig_known", False)),
                    f.get("threshold"),
                    garbled,
                    f.get("prior_per_zipf"),
                )
                memo.put(k, around, d)
            if (
                page_words is not None
                and (cache_findings is None or f["finding"] in cache_findings)
                and len(f["orig"]) == 1
                and len(f["alt"]) == 1
                and f["alt"][0].lower() in page_words  # most readings are no page word: no gain
            ):
                own = insides.get(span)  # read only (no copies)
                if own is None:
                    own = insides[span] = ctx.inside(c.start, c.end)
                key = (f["orig"][0], f["alt"][0], *own)
                gain = gains.get(key)
                if gain is None:
                    gain = gains[key] = cache_gain(
                        f["orig"][0], f["alt"][0], page_words, page[1], own
                    )
                if gain and (d.accept or cache_opens(f, page_words)):
                    d = _repriced(d, -gain)
            if d.accept:  # the evidence of a refusal is never built
                ev = d.evidence
                ev["finding"] = f["finding"]
                groups.setdefault(span, []).append((d.margin, c, ev))
            else:
                if near is not None and d.margin >= d.threshold - slack and eligible(c):
                    best = near.get(span)
                    if best is None or d.margin - d.threshold > best[0] - best[2]["threshold"]:
                        ev = d.evidence
                        ev["finding"] = f["finding"]
                        near[span] = (d.margin, c, ev)
                if same is not None and d.margin >= d.threshold - same_slack:
                    ev = d.evidence
                    ev["finding"] = f["finding"]
                    same.append((d.margin, c, ev))


def _conf(items: list[tuple[float, Candidate, dict]]) -> float:
    """Confidence of the winner: its margin's logistic, lowered when a runner-up is close."""
    margin, best, _ev = items[0]
    if "fixed" in best.features:
        return float(best.features["fixed"])
    conf = 1.0 / (1.0 + math.exp(-margin))
    if len(items) > 1 and items[1][0] > -100.0:
        conf *= 1.0 / (1.0 + math.exp(-(margin - items[1][0])))
    return max(0.5, min(0.99, conf))
