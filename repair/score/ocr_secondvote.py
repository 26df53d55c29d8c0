"""Issue 12 (session 64): a second vote on a short print's two top readings.

The OCR scorer decides each reading of a printed word by the modern news trigram's gain
over the two words either side, less the learned channel price and the print's prior
(:mod:`repair.score.ocr`).  Session 63 (``benchmarks/ocr_declined.py``) found that of the
short common words the learned slot prices reach but leave wrong, the scorer decides 42
(ICDAR-only proxy dev): 23 readings refused (14 within 2 nats) and 19 accepted but ranked
under another accepted reading of the same span (8 where the trigram prefers the gold
and the channel price puts the other first).  Where the first vote is close, two
registers the trigram does not read give a second vote on the two readings it weighs:

* the period n-grams (:mod:`repair.score.ngrams`: books and addresses of 1611-2006, the
  register of an old newspaper): ``context_score(left, x, right)``, both neighbours;
* the book bigrams (:mod:`repair.resources.bigrams`: Google Books pairs):
  ``fit(left, x, right)``, both neighbours.

The neighbours are those the scorer last decided the span in (the first reading's
repairs of garbled neighbours already in), a side with no word (a mark, a page edge)
left out.  Each register's vote is its score of the one reading less the other's.

* :data:`ORDER` (accepted readings): a span whose print is a short lower-case word
  (:data:`MAX_PRINT_LEN`) with two or more accepted one-word readings, the first two
  within :data:`CLOSE` nats of margin: the second comes first when both registers
  prefer it by at least :data:`ORDER_MIN` nats each and the trigram's own gain does
  too (the channel price alone put the first on top: two context votes against it).
* :data:`ACCEPT` (refused readings): a span with no accepted reading whose best declined
  one-word reading is a common short word (:data:`MIN_READING_ZIPF`, at most
  :data:`MAX_READING_LEN` letters) within :data:`REACH` nats of its threshold: accepted
  when both registers prefer it to the print by at least :data:`ACCEPT_MIN` nats each,
  and neither side's bigram of either register is against it by more than
  :data:`SIDE_MIN` (a gain of one neighbour alone is the trigram's, already counted).

* :data:`WIDE` (refused readings beside garble): the trigram read again over a wider
  window, the two nearest words either side that it knows within :data:`WINDOW` words,
  past the words it does not know (:func:`wide_context`: the scorer's two words a side
  hold the garble, whose unigram back-off hides the words beyond it: "should lie
  luiuiediutely paid" -> be, "for nssaultmc n constable" -> a).  A reading within
  :data:`WIDE_REACH` nats of its threshold is accepted when the window's gain over the
  print exceeds the scorer-context gain by :data:`WIDE_MIN` nats and the difference lifts
  its margin over the threshold, neither register against it.  Not read: a print with a
  mark glued to it or a piece of a space-split word ("cul velts"), a word between two
  capitals, a span under a wider accepted reading, a side whose garble has no known word
  past it.  A word of the window an accepted reading covers enters it as that reading
  (:data:`WIDE_READINGS`, session 64 ocrwide2); a print that heads a split word's first
  half is a split piece too (:data:`SPLIT_TWO_WORDS`: "se veralChinese").

Nothing else moves: a span decided jointly, fixed readings and readings
:mod:`repair.score.ocr_knownform` refuses are left alone.  Linear: one pass over the
candidates, a few bigram look-ups per eligible span.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from operator import attrgetter
from typing import Any

from repair.document import Document
from repair.resources.frequency import zipf
from repair.types import Candidate

#: The order of two accepted readings of a short print by the second vote (see the doc).
ORDER = False
#: A refused reading of a short print carried by the second vote (see the doc).
ACCEPT = False
#: The print: a lower-case word of letters of at most this many letters.
MAX_PRINT_LEN = 5
#: ORDER: the first two accepted readings within this many nats of margin.
CLOSE = 3.0
#: ORDER: each register's preference for the second reading at least (nats).
ORDER_MIN = 1.0
#: ACCEPT: the refused reading's margin within this many nats of its threshold.
REACH = 2.0
#: ACCEPT: each register's preference for the reading over the print at least (nats).
ACCEPT_MIN = 2.0
#: ACCEPT: no one side's bigram of either register against the reading by more (nats).
SIDE_MIN = -1.0
#: ACCEPT: the reading a common short word.
MIN_READING_ZIPF = 5.5
MAX_READING_LEN = 5
#: ACCEPT: the print is never seen beside either neighbour in either register (no period
#: pair, no book pair) while the reading is seen beside at least one: the print does not
#: fit its place on either side.
UNSEEN_PRINT = True
#: ACCEPT: only beside garble (a word the trigram does not know within :data:`WINDOW`
#: words, as :func:`wide_context` walks): on a clean stretch the print is mostly meant.
ACCEPT_NEAR_GARBLE = True
#: A refused reading of a short print next to garble read again by the trigram over the
#: wider window (:func:`wide_context`): accepted when its gain there exceeds the gain in
#: the scorer's context by at least :data:`WIDE_MIN` nats and that lifts its margin over
#: its threshold, both registers not against it (see the doc).  Session 64 (ocrwide): ICDAR-only
#: proxy dev 4,700 / 7,800 -> 4,696 / 7,794 token / char errors (4 right, none broken:
#: "should lie luiuiediutely paid" -> be, "nssaultmc n constable" -> a), SMH dev 4,206 /
#: 6,869 held; ICDAR-only proxy test (read once) 5,620 / 9,161 -> 5,618 / 9,158.  Was off
#: for one new wrong edit on the speed suite's OCR 100 k text (:data:`WIDE_SKIP_READ`).
#: Session 64 (ocrwide2) with :data:`WIDE_READINGS` and :data:`SPLIT_TWO_WORDS`: the speed
#: text's output identical to main's, proxy dev 4,699 / 7,795 -> 4,696 / 7,792 (3 right,
#: none broken), SMH dev 4,206 / 6,869 held, every clean check held: shipped **on**; the
#: test halves not read again (RESULTS "Session 64, ocrwide2").
WIDE = True
#: WIDE: the window skips a garbled word even where another reading has read it (the
#: scorer's context then holds that reading).  Off (the guard), the proxy dev half moves
#: nothing at all (each of the four right readings skips a neighbour some reading read);
#: on, the speed suite's OCR 100 k text gains one wrong edit ("fora yearand resume":
#: "fora" -> for, gold "for a"), which is why WIDE ships off.
WIDE_SKIP_READ = True
#: WIDE: a word of the window that an accepted reading covers enters the window as that
#: reading (the span's first reading, its words in order; the words of it the trigram
#: does not know skipped as garble), not as skipped garble: the window reads the page as
#: the edits will leave it ("fora yearand resume": "year and", not "resume large").
#: Before :data:`WIDE_SKIP_READ`.  Session 64 (ocrwide2): figures in RESULTS "Session 64,
#: ocrwide2".
WIDE_READINGS = True
#: WIDE: the refused reading's margin within this many nats of its threshold.
WIDE_REACH = 3.0
#: WIDE: the wider window's gain over the scorer's own at least (nats).
WIDE_MIN = 1.0
#: When a list, each eligible span's votes are appended to it (analysis).
_TRACE: list[dict[str, Any]] | None = None

Groups = dict[tuple[int, int], list[tuple[float, Candidate, dict[str, Any]]]]

_start = attrgetter("start")

_MARKS = ".,;:'\"!?()\u201c\u201d\u2018\u2019-"


def _word(w: str | None) -> str | None:
    """A context word as the registers read it (lower case, marks around it stripped),
    None for a place holding no word of letters."""
    if not w:
        return None
    w = w.lower().replace("\u2019", "'").strip(_MARKS)
    return w if w and w.replace("'", "").isalpha() else None


def _one_word(c: Candidate) -> tuple[str, str] | None:
    """(print, reading) of a one-word reading of a short lower-case print, else None."""
    f = c.features
    if "fixed" in f:
        return None
    orig, alt = f.get("orig", ()), f.get("alt", ())
    if len(orig) != 1 or len(alt) != 1:
        return None
    o, a = orig[0], alt[0]
    if not (o.isalpha() and o.islower() and len(o) <= MAX_PRINT_LEN):
        return None
    if not (a.isalpha() and a.islower()) or a == o:
        return None
    return o, a


def sides(left: str | None, x: str, y: str, right: str | None) -> tuple[float, float, float, float]:
    """The two registers' preference for ``x`` over ``y`` between ``left`` and ``right``,
    per side: (period left, period right, book left, book right), nats (0 for a side
    without a word)."""
    from repair.resources.bigrams import get_bigrams
    from repair.score.ngrams import get_ngrams

    ng = get_ngrams()
    bg = get_bigrams()
    if left is not None:
        pl = ng.bigram_logprob(left, x) - ng.bigram_logprob(left, y)
        bl = bg.logprob_next(left, x) - bg.logprob_next(left, y)
    else:  # no left word: each register's unigram
        pl = ng.unigram_logprob(x) - ng.unigram_logprob(y)
        bl = bg.unigram_logprob(x) - bg.unigram_logprob(y)
    if right is not None:
        pr = ng.bigram_logprob(x, right) - ng.bigram_logprob(y, right)
        br = bg.logprob_next(x, right) - bg.logprob_next(y, right)
    else:
        pr = br = 0.0
    return pl, pr, bl, br


#: The wider window: up to this many tokens a side are walked for the trigram's context.
WINDOW = 3
#: Marks that end a phrase: the walk stops at one.
_STOPS = frozenset(",;:.!?()[]")


#: A reading over a word of the window: (the reading's span, its replacement), or None.
Readings = Callable[[int], "tuple[tuple[int, int], str] | None"]


def wide_context(
    doc: Document,
    span: tuple[int, int],
    read: Callable[[tuple[int, int]], bool] | None = None,
    readings: Readings | None = None,
    scorer: tuple[Any, Any] | None = None,
) -> tuple[list[str], list[str], int] | None:
    """The trigram's context of ``span`` over a wider window: the two nearest words either
    side that the model knows, walking at most :data:`WINDOW` words a side past words it
    does not know (garble) and stray marks, stopping at a phrase mark or a number;
    ``(left, right, words skipped or read in)``, or None when the span is not one token, a
    side skips garble and finds no known word past it (nothing read in its place), or a
    word to skip has a reading (``read`` of its span: the scorer's context holds the
    reading, "fora yearand resume" -> "year and").

    ``readings`` (:data:`WIDE_READINGS`; of a word token's start): a word an accepted
    reading covers enters the window as the reading's words (the walk goes on past the
    reading's span; a word of it the model does not know is garble, skipped; a word of it
    not of letters ends the side), counted in the third figure as read in; with
    ``scorer`` (its ``prev``, ``nxt``), only on a side whose words differ from the
    scorer's there (a reading its context already holds hides nothing: "tho boat," with
    "tho" read "the" is no wider a window, the comma alone would move the vote)."""
    from bisect import bisect_left

    from repair.score.ocr_variantlm import reader_lm

    toks = doc.tokens
    i = bisect_left(toks, span[0], key=_start)
    if i >= len(toks) or toks[i].start != span[0] or toks[i].end != span[1]:
        return None
    lm = reader_lm()
    out: list[list[str]] = [[], []]
    skipped = 0
    for side, step in ((0, -1), (1, 1)):
        j, walked, skips, taken = i + step, 0, 0, 0
        words = out[side]
        while 0 <= j < len(toks) and walked < WINDOW and len(words) < 2:
            t = toks[j]
            j += step
            if t.kind == "space":
                continue
            if t.kind == "punct":
                if t.text in _STOPS:
                    break
                continue  # a stray mark (garble)
            if t.kind != "word":
                break  # a number
            got = readings(t.start) if readings is not None else None
            if got is not None:
                (a, b), rep = got
                if a < span[1] and span[0] < b:
                    return None  # the reading covers the print too
                while 0 <= j < len(toks) and toks[j].start < b and toks[j].end > a:
                    j += step  # past the reading's span
                parts = rep.split()
                stop = False
                for w in parts if step > 0 else parts[::-1]:
                    x = _word(w)
                    if x is None:
                        stop = True  # a number or a mark in the reading
                        break
                    if walked >= WINDOW or len(words) >= 2:
                        break
                    walked += 1
                    taken += 1
                    if lm.known(x):
                        words.append(x)
                    else:
                        skips += 1
                if stop:
                    break
                continue
            walked += 1
            if lm.known(t.text.lower()):
                words.append(t.text.lower())
            else:
                if read is not None and read((t.start, t.end)):
                    return None  # garble already read: the scorer's context holds it
                skips += 1
        if skips and not words:
            return None  # garble skipped and no word read past it
        if taken and scorer is not None:
            have = [w.lower() for w in scorer[side]]
            if side == 0:
                same = words[::-1] == have[len(have) - len(words) :] if words else True
            else:
                same = words == have[: len(words)]
            if same:
                taken = 0  # the scorer's context already reads it so
        skipped += skips + taken
    return out[0][::-1], out[1], skipped


def readings_of(doc: Document, groups: Groups) -> Readings:
    """:data:`WIDE_READINGS`: the accepted reading over a word token (by its start): the
    first reading of the span with the largest first margin among those covering it."""
    from bisect import bisect_left

    toks = doc.tokens
    at: dict[int, tuple[float, tuple[int, int], str]] = {}
    for (a, b), items in groups.items():
        m, c = items[0][0], items[0][1]
        k = bisect_left(toks, a, key=_start)
        while k < len(toks) and toks[k].start < b:
            t = toks[k]
            k += 1
            if t.kind != "word" or t.end <= a:
                continue
            got = at.get(t.start)
            if got is None or m > got[0]:
                at[t.start] = (m, (a, b), c.replacement)

    def lookup(start: int) -> tuple[tuple[int, int], str] | None:
        got = at.get(start)
        return None if got is None else (got[1], got[2])

    return lookup


def wide_gain(
    doc: Document,
    span: tuple[int, int],
    x: str,
    y: str,
    prev: Any,
    nxt: Any,
    read: Callable[[tuple[int, int]], bool] | None = None,
    readings: Readings | None = None,
) -> float | None:
    """The trigram's gain of ``x`` over ``y`` in the wider window (:func:`wide_context`) less
    its gain in the scorer's context (``prev``, ``nxt``): what the garble beside the span
    hid from the first vote; None when the window skips nothing (the same context)."""
    from repair.score.ocr_variantlm import reader_lm

    got = wide_context(doc, span, read, readings, (prev, nxt))
    if got is None or got[2] == 0:
        return None
    left, right, _n = got
    lm = reader_lm()
    p = [w.lower() for w in prev[-2:]]
    n = [w.lower() for w in nxt[:2]]
    wide = lm.sequence_logprob((x, *right), left) - lm.sequence_logprob((y, *right), left)
    first = lm.sequence_logprob((x, *n), p) - lm.sequence_logprob((y, *n), p)
    return wide - first


def _seen(x: str, y: str) -> bool:
    """Whether the pair ``x y`` is counted in the period n-grams or the book bigrams."""
    from repair.resources.bigrams import get_bigrams
    from repair.score.ngrams import get_ngrams, norm

    ng = get_ngrams()
    i, j = ng.word_id(norm(x)), ng.word_id(norm(y))
    if i >= 0 and j >= 0 and ng._pair_count(i, j) > 0:
        return True
    return get_bigrams().log_count(f"{x} {y}") is not None


def _fits_neither(left: str | None, o: str, a: str, right: str | None) -> bool:
    """:data:`UNSEEN_PRINT`: the print ``o`` seen beside neither neighbour, the reading
    ``a`` beside at least one."""
    pairs = [(left, True), (right, False)]
    words = [(w, before) for w, before in pairs if w is not None]
    if not words:
        return False
    if any(_seen(w, o) if before else _seen(o, w) for w, before in words):
        return False
    return any(_seen(w, a) if before else _seen(a, w) for w, before in words)


def _capitals(prev: Any, nxt: Any) -> bool:
    """Whether both neighbours are capitalised (a name's part: "I lent Fredtrick")."""
    return bool(prev and nxt and prev[-1][:1].isupper() and nxt[0][:1].isupper())


def _overlaps(spans: list[tuple[int, int]], reach: list[int], span: tuple[int, int]) -> bool:
    """Whether any of the sorted ``spans`` overlaps ``span`` (``reach[i]``: the largest end
    of ``spans[:i]``)."""
    from bisect import bisect_left

    i = bisect_left(spans, (span[1],))  # the spans before ``i`` start before the end
    return reach[i] > span[0]


def _free(text: str, span: tuple[int, int], o: str) -> bool:
    """Whether the print over ``span`` is ``o`` alone between spaces (a phrase mark may
    follow): no mark glued to it ("co->ts", "-nero"), no piece of a longer chunk."""
    a, b = span
    if text[a:b] != o or (a > 0 and not text[a - 1].isspace()):
        return False
    return b == len(text) or text[b].isspace() or (text[b] in _STOPS and text[b] not in "([")


def _split_piece(doc: Document, span: tuple[int, int], o: str) -> bool:
    """Whether the print is a piece of a word split by a space: a neighbour across one
    space is a word the trigram does not know, and the two written together are one plain
    edit from a dictionary word ("cul velts" -> culverts)."""
    from bisect import bisect_left

    from repair.candidates.ocr_pagewide import one_edit_from_a_word
    from repair.score.ocr_variantlm import reader_lm

    toks = doc.tokens
    i = bisect_left(toks, span[0], key=_start)
    lm = reader_lm()
    for j, before in ((i - 2, True), (i + 2, False)):
        if not (0 <= j < len(toks)) or toks[(i + j) // 2].text != " ":
            continue
        w = toks[j]
        if w.kind != "word" or lm.known(w.text.lower()):
            continue
        joined = (w.text + o) if before else (o + w.text)
        if one_edit_from_a_word(joined.lower()):
            return True
        if SPLIT_TWO_WORDS and _two_words(w.text.lower(), o, before):
            return True
    return False


#: A piece of a split word also where the print and its unknown neighbour written together
#: are two common words cut inside the neighbour, the print's word reaching at least two
#: letters into it ("se veralChinese" -> "several" + "chinese": the print is the head of
#: "several", not "so").  Session 64 (ocrwide2): the one wrong edit :data:`WIDE_READINGS`
#: made on the speed suite's OCR 100 k text; figures in RESULTS "Session 64, ocrwide2".
SPLIT_TWO_WORDS = True
#: SPLIT_TWO_WORDS: each of the two words at least this Zipf.
SPLIT_MIN_ZIPF = 3.0


def _two_words(w: str, o: str, before: bool) -> bool:
    """:data:`SPLIT_TWO_WORDS`: whether ``o`` written onto ``w`` (``w`` first when
    ``before``) is two words of Zipf >= :data:`SPLIT_MIN_ZIPF` cut inside ``w``, the
    print's word taking at least two of ``w``'s letters and the other word two or more."""
    if not w.isalpha():
        return False
    for k in range(2, len(w) - 1):
        if before:  # "...w[:k-th from the end]" + "w[-k:]o"
            head, mine = w[: len(w) - k], w[len(w) - k :] + o
            other = head
        else:
            mine, other = o + w[:k], w[k:]
        if zipf(mine) >= SPLIT_MIN_ZIPF and zipf(other) >= SPLIT_MIN_ZIPF:
            return True
    return False


def _near_garble(doc: Document, span: tuple[int, int]) -> bool:
    """:data:`ACCEPT_NEAR_GARBLE`: a word the trigram does not know within the window."""
    got = wide_context(doc, span)
    return got is not None and got[2] > 0


def active() -> bool:
    """Whether any of the module's readings (or its trace) is on."""
    return ORDER or ACCEPT or WIDE or _TRACE is not None


def second_vote(
    doc: Document,
    candidates: list[Candidate],
    memo: Any,
    groups: Groups,
) -> int:
    """:data:`ORDER` and :data:`ACCEPT` (in place; see the module doc); returns the number
    of spans whose first reading changed."""
    from repair.score import ocr_knownform

    index: dict[int, int] | None = None  # candidate -> its place (built when first needed)
    moved = 0
    if ORDER or _TRACE is not None:
        for span, items in groups.items():
            if len(items) < 2 or any("joint_margin" in ev for _m, _c, ev in items):
                continue
            (m0, c0, ev0), (m1, c1, ev1) = items[0], items[1]
            p0, p1 = _one_word(c0), _one_word(c1)
            if p0 is None or p1 is None or p0[1] == p1[1] or m0 - m1 > CLOSE:
                continue
            if index is None:
                index = {id(c): k for k, c in enumerate(candidates)}
            k1 = index.get(id(c1))
            seen = None if k1 is None else memo.get(k1)
            if seen is None:
                continue
            prev, nxt, _d = seen
            left = _word(prev[-1]) if prev else None
            right = _word(nxt[0]) if nxt else None
            pl, pr, bl, br = sides(left, p1[1], p0[1], right)
            g0, g1 = ev0.get("lm_logprob_gain"), ev1.get("lm_logprob_gain")
            model = float(g1) - float(g0) if g0 is not None and g1 is not None else None
            ok = (
                pl + pr >= ORDER_MIN
                and bl + br >= ORDER_MIN
                and model is not None
                and model >= 0.0
                and ocr_knownform.refused(c0.source, ev0) == ocr_knownform.refused(c1.source, ev1)
            )
            if _TRACE is not None:
                _TRACE.append({
                    "kind": "order", "start": span[0], "print": p0[0], "first": p0[1],
                    "second": p1[1], "gap": round(m0 - m1, 2), "period": round(pl + pr, 2),
                    "book": round(bl + br, 2), "model": None if model is None else round(model, 2),
                    "left": left, "right": right, "ok": ok,
                    "wide": wide_gain(doc, span, p1[1], p0[1], prev, nxt),
                })  # fmt: skip
            if ok and ORDER:
                vote = {"period": round(pl + pr, 2), "book": round(bl + br, 2)}
                ev1 = {**ev1, "second_vote": vote}
                groups[span] = [(m0, c1, ev1), (m1, c0, ev0), *items[2:]]
                moved += 1
    if ACCEPT or WIDE or _TRACE is not None:
        reach = max(REACH if ACCEPT or _TRACE is not None else 0.0, WIDE_REACH if WIDE else 0.0)
        best: dict[tuple[int, int], tuple[float, Candidate, Any]] = {}
        read = sorted(groups)  # the spans with an accepted reading
        ends = [0]
        for _s, e in read:
            ends.append(max(ends[-1], e))
        for k, c in enumerate(candidates):
            span = (c.start, c.end)
            if span in groups:
                continue
            pair = _one_word(c)
            if pair is None:
                continue
            a = pair[1]
            if len(a) > MAX_READING_LEN or zipf(a) < MIN_READING_ZIPF:
                continue
            seen = memo.get(k)
            if seen is None:
                continue
            d = seen[2]
            if d.accept or d.margin < d.threshold - reach:
                continue
            got = best.get(span)
            if got is None or d.margin - d.threshold > got[0]:
                best[span] = (d.margin - d.threshold, c, seen)
        lookup: Readings | None = None  # built when first needed (:data:`WIDE_READINGS`)
        for span, (over, c, (prev, nxt, d)) in best.items():
            if _overlaps(read, ends, span):
                continue  # under a reading over more than the word ("pnr ons" -> patrons)
            o, a = _one_word(c)  # type: ignore[misc]
            if _capitals(prev, nxt) or not _free(doc.text, span, o) or _split_piece(doc, span, o):
                continue  # a name's part; a mark glued to the print; a piece of a split word
            left = _word(prev[-1]) if prev else None
            right = _word(nxt[0]) if nxt else None
            pl, pr, bl, br = sides(left, a, o, right)
            ok = (
                over >= -REACH
                and pl + pr >= ACCEPT_MIN
                and bl + br >= ACCEPT_MIN
                and min(pl, pr, bl, br) >= SIDE_MIN
                and (not UNSEEN_PRINT or _fits_neither(left, o, a, right))
                and (not ACCEPT_NEAR_GARBLE or _near_garble(doc, span))
            )
            wide = None
            if WIDE or _TRACE is not None:
                if WIDE_READINGS and lookup is None:
                    lookup = readings_of(doc, groups)
                wide = wide_gain(
                    doc,
                    span,
                    a,
                    o,
                    prev,
                    nxt,
                    None if WIDE_SKIP_READ else partial(_overlaps, read, ends),
                    lookup if WIDE_READINGS else None,
                )
            ok_wide = (
                wide is not None
                and wide >= WIDE_MIN
                and over + wide >= 0.0
                and pl + pr >= 0.0
                and bl + br >= 0.0
            )
            if _TRACE is not None:
                _TRACE.append({
                    "kind": "accept", "start": span[0], "print": o, "first": a,
                    "over": round(over, 2), "period": round(pl + pr, 2), "book": round(bl + br, 2),
                    "sides": [round(v, 2) for v in (pl, pr, bl, br)], "left": left,
                    "right": right, "ok": ok, "ok_wide": ok_wide, "source": c.source,
                    "wide": None if wide is None else round(wide, 2),
                })  # fmt: skip
            if not ((ok and ACCEPT) or (ok_wide and WIDE)):
                continue
            ev = d.evidence
            if ocr_knownform.refused(c.source, ev):
                continue
            ev["finding"] = c.features.get("finding")
            vote = {"period": round(pl + pr, 2), "book": round(bl + br, 2)}
            if ok_wide and WIDE:
                vote["wide_gain"] = round(wide, 2)  # type: ignore[arg-type]
            ev["second_vote"] = vote
            groups[span] = [(d.margin, c, ev)]
            moved += 1
    return moved
