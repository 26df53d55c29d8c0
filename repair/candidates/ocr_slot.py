"""Short real words read as the common word their slot expects: the context proposes,
the channel disposes (issue 12, session 22).

"bulk of tin new crop", "noticed by lau onlooker", "struck water Rt a depth": the print
is a real word, so no non-word finding reads it, and its glyphs lead the confusion walks
nowhere near the word the printer set ("tin" -> "the" is two rare confusions, 9.5
nats).  Here the *slot* proposes: the common short words (:data:`SLOT_ZIPF`; of the
print's length :data:`LENGTH_SPREAD` either way, :data:`MAX_EDITS` plain edits from it,
priced by the learned channel, :func:`repair.score.ocr_price.channel_cost`, within
:data:`MAX_COST`) are scored between the printed neighbours, two words each side
(:func:`slot_scores`: the pocketsphinx trigram mixed with the period bigrams, as
:func:`repair.score.ngrams.mixed_context_score`), less that price; the readings other
searches found for the word are ranked with them.  The best is a new reading only when
it is a slot word no search found, its context gain over the print less its price
reaches :data:`PROPOSE` nats and it leads every other reading by :data:`LEAD`; the
print must be rare (:data:`MAX_PRINT_ZIPF`: "in", "he", "or" are trusted as printed).
The scorer then decides it on its own margin (:data:`THRESHOLD`).  No list of pairs:
which word, and at which price, comes from the language model and the learned table.

Heavy pages only (hook after the context readings in the garbled-page block of
:meth:`repair.candidates.ocr._Generator.candidates`); prints of at most :data:`MAX_LEN`
letters between two words, lower-case or title-case between lower-case words and no
name (:data:`CAPITALS`); no old spelling ("hee hath": ``ARCHAIC_WORDS``, as the real-word
search); not a piece a split joins, not a line-broken half, not next to
a hyphen, not inside or under a reading that spans more than the word.

Two wider settings, both off (session 39, ``benchmarks/RESULTS.md``: ocrreal39): rare
lower-case prints of five to nine letters (:data:`LONG`: "in the nutter will" -> "matter")
and garbled pages that are not heavy (:data:`LIGHT_PAGES`: "is fn bed again" -> "in").
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Container, Mapping, Sequence
from functools import lru_cache
from itertools import accumulate

from repair.candidates import ocr_funcspot, ocr_slotside
from repair.candidates.ocr_context import words_after, words_before  # module level: hot
from repair.candidates.ocr_realword import line_broken_piece
from repair.candidates.ocr_rules import page_readings, page_word_counts
from repair.candidates.ocr_shortreal import _between_words, _joined_piece, _piece, unnamed
from repair.resources import lm as lm_module
from repair.resources.frequency import zipf
from repair.resources.lm import LanguageModel, get_lm
from repair.score import ocr_nearpool, ocr_walk_fast
from repair.score.ngrams import get_ngrams, norm  # module level: slot_scores is hot (issue 14)
from repair.score.ocr_channel import ARCHAIC_WORDS, is_known
from repair.types import Candidate, Token

#: Switch (hook in :meth:`repair.candidates.ocr._Generator.candidates`).
SLOT = True
#: Printed words of at most this many letters ...
MAX_LEN = 4
#: ... at most this common (Zipf) are read.  Session 33 (ocrgap33): 5.0 -> 6.0 also reads
#: "money to am one" (any), "The money won alleged" (was), "finish oil its" (off); shipped at
#: 5.0 by the lead: the 1 M-word OCR speed text's correct "West Bank land nominally under"
#: read "and" (27 times).  Session 34 (ocrshort34): 6.0 again, with :data:`SHORTER_ZIPF`
#: (no shorter reading of a print above Zipf 5: "land" stays): SMH dev 4,683 -> 4,678,
#: test 5,573 -> 5,570 (3 new readings, all right); "in", "he", "or", "the" (above 6) stay.
MAX_PRINT_ZIPF = 6.0
#: A print more common than this (Zipf) is never read as a shorter word (session 34): the
#: two-sided model likes the commoner shorter word ("land" -> "and", "won" -> "on").
#: 5.0 until session 36; 4.5 keeps "do not ban outright" ("an", ban 4.55) in OCR'd modern
#: text, with SMH dev and test and ICDAR unchanged (4.0 costs SMH dev 1 token).
SHORTER_ZIPF = 4.5
#: The slot's words: lower-case words at least this common (Zipf) ...
SLOT_ZIPF = 5.6
#: ... of at most this many letters ...
SLOT_MAX_LEN = 5
#: ... and at most this many letters longer or shorter than the print.
LENGTH_SPREAD = 1
#: A slot word's channel cost (nats) at most.
MAX_COST = 9.5
#: The best slot word's context gain over the print less its channel cost (nats) at least.
PROPOSE = 4.0
#: ... and ahead of the next slot word's by at least this (nats).
LEAD = 2.0
#: The scorer's margin (model gain less cost; no prior) the reading needs.
THRESHOLD = 4.0
#: Rounding room (nats) of the bound in :func:`slot_reading`.
SLACK = 1e-6
#: Weight of the pocketsphinx trigram against the period bigrams (as ``ngrams.LM_WEIGHT``).
LM_WEIGHT = 0.8


@lru_cache(maxsize=1)
def _slot_words() -> tuple[str, ...]:
    from repair.score.ocr_channel import vocabulary
    from repair.score.ocr_fixedlists import vocabulary_words

    def build() -> tuple[str, ...]:
        return tuple(
            w
            for w in vocabulary()
            if len(w) <= SLOT_MAX_LEN and w.isalpha() and w.islower() and zipf(w) >= SLOT_ZIPF
        )

    return vocabulary_words(f"slot-{SLOT_MAX_LEN}-{SLOT_ZIPF!r}", __file__, build)


@lru_cache(maxsize=1)
def _slot_ids() -> dict[str, int]:
    """The period table's id of each slot word."""
    from repair.score.ngrams import get_ngrams, norm

    t = get_ngrams()
    return {w: t.word_id(norm(w)) for w in _slot_words()}


#: Plain edits between the print and a slot word at most (before the channel prices it).
MAX_EDITS = 2
#: Price with the slot channel too (:func:`repair.score.ocr_slotprice.slot_cost`: every
#: letter confusion the aligned lines show), not only the main table (session 23).
SLOT_TABLE = True


#: Session 39 (ocrreal39), issue 12: longer real words read by their slot too.  A lower-case
#: print of :data:`LONG_MIN_LEN`-:data:`LONG_MAX_LEN` letters that the web rarely uses (Zipf at
#: most :data:`LONG_MAX_PRINT_ZIPF`: "in the nutter will", "to conic up for", "is nuking
#: efforts") is compared with the common words (Zipf >= :data:`LONG_ZIPF`) of about its
#: length, :data:`MAX_EDITS` plain edits from it, priced by the learned channel, between both
#: neighbours; the best must gain :data:`LONG_PROPOSE` nats over the print less its price and
#: lead the rest by :data:`LEAD`, and the scorer weighs it as a real word's reading (the
#: print's frequency a prior, :data:`LONG_PRIOR_PER_ZIPF`; margin :data:`LONG_THRESHOLD`).
LONG = False
LONG_MIN_LEN, LONG_MAX_LEN = 5, 9
LONG_MAX_PRINT_ZIPF = 4.0
LONG_ZIPF = 4.5
LONG_PROPOSE = 4.0
LONG_THRESHOLD = 4.0
LONG_PRIOR_PER_ZIPF = 0.2
#: Plain edits between such a print and a pool word at most (the channel prices them;
#: "conic" -> "come" is three: m read as "ni", e as "c").
LONG_MAX_EDITS = 3


@lru_cache(maxsize=1)
def _long_words() -> tuple[str, ...]:
    """The pool of :data:`LONG`: lower-case words of Zipf >= :data:`LONG_ZIPF`, one letter
    shorter than :data:`LONG_MIN_LEN` to one longer than :data:`LONG_MAX_LEN`."""
    from repair.score.ocr_channel import vocabulary

    lo, hi = LONG_MIN_LEN - LENGTH_SPREAD, LONG_MAX_LEN + LENGTH_SPREAD
    return tuple(
        w
        for w in vocabulary()
        if lo <= len(w) <= hi and w.isalpha() and w.islower() and zipf(w) >= LONG_ZIPF
    )


@lru_cache(maxsize=4_096)
def priced_slot_words(text: str) -> tuple[tuple[str, float], ...]:
    """(slot word, channel cost of ``text`` given it) for the slot words of about
    ``text``'s length, :data:`MAX_EDITS` plain edits from it, within :data:`MAX_COST`."""

    from repair.score.ocr_price import channel_cost_upto
    from repair.score.ocr_slotprice import slot_cost

    price = slot_cost if SLOT_TABLE else channel_cost_upto
    low = text.lower()
    pool, edits = _slot_words(), MAX_EDITS
    if LONG and len(text) > MAX_LEN and text.islower():
        pool, edits = _long_words(), LONG_MAX_EDITS
    near = ocr_nearpool.extract(low, pool, edits, None)
    out = []
    for w, _d, _k in near:
        if w == low or abs(len(w) - len(low)) > LENGTH_SPREAD:
            continue
        c = price(text, w, MAX_COST)
        if c <= MAX_COST:
            out.append((w, c))
    out.sort()
    return tuple(out)


def slot_score(left: Sequence[str], word: str, right: Sequence[str]) -> float:
    """Log-probability (nats) of ``word`` and the two words after it, given the two
    before it: each factor the trigram mixed with the period bigram (:data:`LM_WEIGHT`)."""
    return slot_scores(left, [word], right)[0]


_SCALED = LanguageModel._scaled  # the scaling the compiled loop reproduces

#: Switch: :func:`slot_scores`' loop over the words is ``_ocrwalk.slot_loop`` when the
#: extension is built (and :data:`repair.score.ocr_walk_fast.FAST` is on) and the
#: model scales as :meth:`LanguageModel._scaled` does (the compiled loop does the same).
C_LOOP = True


def _compiled_loop() -> Callable[..., list[float]] | None:
    if not C_LOOP:
        return None
    mod = ocr_walk_fast.module()
    return getattr(mod, "slot_loop", None)  # an older build has none


def slot_scores(
    left: Sequence[str],
    words: Sequence[str],
    right: Sequence[str],
    floors: Sequence[float] | None = None,
) -> list[float]:
    """:func:`slot_score` of each of ``words`` in one slot (the neighbours looked up once).
    With ``floors``, a word whose running score falls below its floor is ``-inf``: every
    factor is a log-probability (<= 0), so its whole score is below the floor too."""
    lm, t = get_lm(), get_ngrams()
    prob, scaled, bi, uni, wid = lm.prob, lm._scaled, t._bi_lp, t._uni_lp, t.word_id
    ll = [w.lower() for w in left[-2:]]
    rr = [w.lower() for w in right[:2]]
    l_ids = [wid(norm(w)) for w in ll]
    r_ids = [wid(norm(w)) for w in rr]
    known_ids = _slot_ids()
    k0 = len(ll)
    n = k0 + 1 + len(rr)
    a, b = LM_WEIGHT, 1.0 - LM_WEIGHT
    exp, log = math.exp, math.log
    # the last factor's bigram (two words after the slot) does not depend on the word
    tail = exp(bi(r_ids[0], r_ids[1])) if len(rr) == 2 else 0.0
    loop = _compiled_loop() if scaled is _SCALED else None
    if loop is not None and type(words) is list and (floors is None or type(floors) is list):
        # the loop below compiled (repair/score/_ocrwalk.c; issue 14, session 37)
        return loop(  # type: ignore[no-any-return]
            words, floors, ll, rr, l_ids, r_ids, known_ids, wid, norm, prob, bi, uni, tail,
            a, b, lm_module._LOG_BASE, lm_module.UNKNOWN_LOGPROB,
        )  # fmt: skip
    out = []
    for j, word in enumerate(words):
        floor = floors[j] if floors is not None else -math.inf
        w = word.lower()
        seq = [*ll, w, *rr]
        i = known_ids.get(w)
        ids = [*l_ids, wid(norm(w)) if i is None else i, *r_ids]
        score = 0.0
        for k in range(k0, n):
            if k >= 2:
                p_lm = scaled(prob([seq[k], seq[k - 1], seq[k - 2]]))
            elif k == 1:
                p_lm = scaled(prob([seq[1], seq[0]]))
            else:
                p_lm = scaled(prob([seq[0]]))
            if k == k0 + 2:
                p_ng = tail
            else:
                p_ng = exp(bi(ids[k - 1], ids[k]) if k else uni(ids[k]))
            score += log(a * exp(p_lm) + b * p_ng)
            if score < floor:
                score = -math.inf
                break
        out.append(score)
    return out


def slot_reading(
    text: str,
    left: Sequence[str],
    right: Sequence[str],
    rivals: Sequence[tuple[str, float]] = (),
    propose: float | None = None,
) -> tuple[str, float, float] | None:
    """(word, channel cost, context gain less cost) of the slot word ``text`` reads as
    between ``left`` and ``right`` (module doc), or ``None``.  ``rivals`` (word, cost),
    the readings other searches found, are ranked with the slot's words (at the cheaper
    of the two prices): the best must be a slot word no other search found, leading them
    all.  While a page is open, each (word, context, rivals) is read once a page
    (:func:`repair.candidates.ocr_rules.page_readings`): the answer reads only the two
    words either side, lower-cased (:func:`slot_scores`)."""
    table = page_readings()
    if table is None:
        return _slot_reading(text, left, right, rivals, propose)
    key = (
        "slot",
        text,
        tuple([w.lower() for w in left[-2:]]),
        tuple([w.lower() for w in right[:2]]),
        tuple(rivals),
        propose,
    )
    if key in table:
        return table[key]  # type: ignore[no-any-return]
    found = table[key] = _slot_reading(text, left, right, rivals, propose)
    return found


def _slot_reading(
    text: str,
    left: Sequence[str],
    right: Sequence[str],
    rivals: Sequence[tuple[str, float]],
    propose: float | None,
) -> tuple[str, float, float] | None:
    """:func:`slot_reading`, read now."""
    priced = priced_slot_words(text)
    found = _read_priced(priced, text, left, right, rivals, propose)
    if found is None and ocr_funcspot.FUNC_SPOT and ocr_funcspot.open_to(rivals, priced):
        spotted = ocr_funcspot.spot_priced(text)  # one damaged spot (session 62)
        if spotted:
            found = _read_priced(spotted, text, left, right, rivals, propose)
            if (
                found is not None
                and ocr_funcspot.is_spot(text, found[0], found[1])
                and not ocr_funcspot.stands(text, found[0], left, right, rivals)
            ):
                found = None  # a print that is a word needs more (session 62, funcguard)
    return found


def _read_priced(
    priced: Sequence[tuple[str, float]],
    text: str,
    left: Sequence[str],
    right: Sequence[str],
    rivals: Sequence[tuple[str, float]],
    propose: float | None,
) -> tuple[str, float, float] | None:
    """:func:`_slot_reading` of the slot words ``priced`` (word, cost)."""
    if not priced:
        return None
    low = text.lower()
    slot = {w for w, _ in priced}
    costs = dict(priced)
    for w, c in rivals:  # a rival priced by another search: its own (lower) cost
        costs[w] = min(c, costs.get(w, c))
    words = list(costs)
    base = slot_scores(left, [low], right)[0]
    if propose is None:
        propose = PROPOSE
    # a word under PROPOSE - LEAD can neither win nor come within LEAD of a winner
    floor = base + propose - LEAD - SLACK
    scores = slot_scores(left, words, right, [floor + costs[w] for w in words])
    return pick_slot_word(words, scores, base, costs, slot, rivals, propose, LEAD)


def pick_slot_word(
    words: Sequence[str],
    scores: Sequence[float],
    base: float,
    costs: Mapping[str, float],
    own: Container[str],
    rivals: Sequence[tuple[str, float]],
    propose: float,
    lead: float,
) -> tuple[str, float, float] | None:
    """(word, cost, gain less cost) of the best of ``words`` (context ``scores`` against
    the printed word's ``base``, less each word's cost), or ``None`` unless it is one of
    ``own`` that no rival found, gains ``propose`` and leads the next by ``lead``."""
    ranked = sorted(
        ((sc - base - costs[w], w, costs[w]) for sc, w in zip(scores, words, strict=True)),
        reverse=True,
    )
    best, word, cost = ranked[0]
    if word not in own or any(w == word for w, _ in rivals) or best < propose:
        return None
    if len(ranked) > 1 and best - ranked[1][0] < lead:
        return None
    return word, cost, best


#: Title-case prints between two lower-case words ("the rent Mas to be") are read too,
#: unless period text writes them with a capital (a name:
#: :func:`repair.candidates.ocr_shortreal.unnamed`).
CAPITALS = True


def _eligible(toks: list[Token], i: int, counts: Callable[[], Counter[str]]) -> bool:
    """A short real word, rare enough, standing between words: lower-case, or title-case
    between lower-case words and no name (cheap tests first: most words fail them)."""
    return _eligible_form(toks[i].text) and _eligible_place(toks, i, counts)


def _eligible_form(text: str) -> bool:
    """The tests of :func:`_eligible` that read the word's text alone."""
    if not text.isalpha():
        return False
    if len(text) > MAX_LEN:  # a longer print: lower case and rare (:data:`LONG`)
        return (
            LONG
            and LONG_MIN_LEN <= len(text) <= LONG_MAX_LEN
            and text.islower()
            and zipf(text) <= LONG_MAX_PRINT_ZIPF
            and text not in ARCHAIC_WORDS
            and is_known(text)
        )
    low = text.lower()
    if zipf(low) > MAX_PRINT_ZIPF or low in ARCHAIC_WORDS or not is_known(low):
        return False
    title = not text.islower()
    return not (title and not (CAPITALS and len(text) >= 2 and text[1:].islower()))


#: Session 63 (ocrdecline), issue 12: a lower-case real word after a comma glued to the
#: word before ("sold out, ami the", "in the Domain, won fined") stands between words too,
#: its left context read across the comma (the language model has no punctuation, and
#: the scorer reads across it), as :data:`repair.candidates.ocr_shortslot.CROSS_COMMA`
#: reads a non-word there.  Of the proxy dev's short common words the learned slot prices
#: reach, 4 of the 23 the slot's place refuses stand so (``benchmarks/ocr_declined.py``).
#: **Off**: ICDAR-only proxy dev 4,733 / 7,833 -> 4,732 / 7,828, shipped SMH dev 4,207 /
#: 6,870 held, test (read once) proxy 5,628 / 9,167 and SMH 5,301 / 8,613 held; the speed
#: suite's OCR text gets one wrong edit ("waistcoat-pocket, ora watch" -> "or": "or a").
#: Session 64 (ocrcomma): **on**, through the one-sided guard of
#: :mod:`repair.candidates.ocr_slotside` (the reading must stand on the words after the
#: print alone and not lose on those before the comma; "ora watch" no longer reads "or").
#: With :data:`GLUED_MARK` (both on, guarded): proxy dev 4,700 / 7,800 -> 4,697 / 7,792,
#: SMH dev 4,206 / 6,869 -> 4,205 / 6,869; the speed suite's OCR text byte-identical; test
#: (read once) proxy 5,620 / 9,161 held, SMH 5,299 / 8,611 -> 5,300 / 8,613 (:data:`GLUED_MARK`'s
#: "on Tuesday lust, acting" -> "just" over another reader's "last"; ``CROSS_COMMA`` alone:
#: proxy dev 4,699 / 7,795, SMH dev held, both test halves main's).
CROSS_COMMA = True


def _after_comma(toks: Sequence[Token], i: int) -> bool:
    """:data:`CROSS_COMMA`'s place: a lower-case word after a comma glued to a word, a
    space between, and a word after it (spaces between; not a lone capital)."""
    from repair.candidates.ocr_shortslot import _after_comma as after

    return (
        CROSS_COMMA
        and toks[i].text.islower()
        and i + 2 < len(toks)
        and after(toks, i)
        and "\n\n" not in toks[i - 1].text
        and not _piece(toks, i)
    )


#: Session 63 (ocrplace), issue 12: a lower-case real word with a mark glued after it
#: ("should lefund lum. Mr.", "found moporutii o, where") is read too: the word part
#: alone is the slot (the mark stays outside the edit's span), its left context the two
#: words before as ever, its right context read with the mark as a boundary: a stop or
#: colon (:data:`_ENDS`) ends it (no right words: the word is scored on its left alone), a
#: comma or another mark of :data:`_READ_ACROSS` (the OCR's "wa? sittinp", "lh( ball")
#: does not, when a lower-case word follows (a capital starts another clause).  Of the
#: proxy dev's short common words the learned slot prices reach, 11 of the 23 the slot's
#: place refuses have a glued mark (``benchmarks/ocr_declined.py``); most are a letter's
#: glyph read as a mark.  **On**: ICDAR-only proxy dev 4,706 / 7,805 -> 4,704 / 7,802
#: ("wa? sittinp" -> was, "lh( ball" -> the), shipped SMH dev 4,207 / 6,870 -> 4,206 /
#: 6,870; test (read once) proxy 5,624 / 9,165 held, SMH 5,301 / 8,613 -> 5,303 / 8,616
#: ("dog pup, by" -> up); speed suite OCR text, audit, clean English, census, light dev
#: identical.  An apostrophe is not read across: "ol'" is the mark readers' chunk.
#: Turned **off** by the session 63 lead: the dev gain (3 tokens over both dev measures) is
#: below what the held-out half can confirm, and both SMH test losses are the comma reading
#: breaking a right word ("pup, by" -> up; "lust, acting" -> just over another reader's
#: "last"), the same mechanism :data:`CROSS_COMMA` showed wrong on the speed suite's text.
#: Session 64 (ocrcomma): **on** again, through :mod:`repair.candidates.ocr_slotside`:
#: across a mark of its ``CUT_MARKS`` (comma, semicolon, closing bracket or quote) the
#: reading must stand on the left context alone and not lose on the right (figures at
#: :data:`CROSS_COMMA`; "wa? sittinp" -> was, "lh( ball" -> the read across as before).
#: Kept **off** by the session 64 lead: guarded, it still loses a right reading on the SMH
#: test half ("on Tuesday lust, acting" -> "just" over another reader's "last", read on the
#: left alone too), and its dev gain (proxy dev 4,699 / 7,795 -> 4,697 / 7,792, SMH dev
#: -1) is below what the held-out half can confirm; :data:`CROSS_COMMA` ships alone.
GLUED_MARK = False
_READ_ACROSS = frozenset(',;"()?!*^\u00a3')
#: ... and a print with a stop or colon glued (:data:`_ENDS`), scored on its left context
#: alone.  **Off**: SMH dev one wrong edit ("Friday last" printed "clay lust. The" ->
#: "just"), the proxy dev nothing.
GLUED_STOP = False
_ENDS = frozenset(".:")


def _glued_mark(toks: Sequence[Token], i: int, on: bool | None = None) -> str:
    """:data:`GLUED_MARK`'s place: ``","`` (read across) or ``"."`` (ends the right
    context; two letters or more) for a lower-case word, a word one space before it
    (no lone capital) and one mark glued after it, then a space and (across a comma) a
    word that is no lone capital; ``""`` otherwise.  ``on``: the flag of the reader asking
    (:data:`repair.candidates.ocr_shortslot.GLUED_MARK`)."""
    if not (GLUED_MARK if on is None else on) or i < 2 or i + 2 >= len(toks):
        return ""
    text, mark, before = toks[i].text, toks[i + 1], toks[i - 2]
    if not text.islower() or mark.kind != "punct" or len(mark.text) != 1:
        return ""
    if toks[i - 1].kind != "space" or "\n\n" in toks[i - 1].text or before.kind != "word":
        return ""
    if len(before.text) == 1 or toks[i + 2].kind != "space":
        return ""
    if mark.text in _ENDS:
        # "n. Justice": one letter and a stop is an initial as often as a word
        return "." if GLUED_STOP and len(text) >= 2 else ""
    if mark.text not in _READ_ACROSS or "\n\n" in toks[i + 2].text or i + 3 >= len(toks):
        return ""
    after = toks[i + 3]
    if after.kind != "word" or not after.text.islower():
        return ""  # "that inn, The plaintiff": past a comma, a capital starts another clause
    return ","


#: Session 63 (ocrplace), issue 12: a lower-case real word with a number one space before
#: or after it and a word on the other side ("There aro in nil 858 publio", "and roi 10
#: minnies") is read too, the number read as a word of the context (the language model
#: reads it as any other token), as :data:`repair.candidates.ocr_shortreal.MARKED_NEIGHBOURS`
#: lets the short real-word search read it.  3 of the 23 the slot's place refuses.
#: **Off**: proxy dev no output moved ("in nil 858" -> all gains 2.61 < :data:`PROPOSE`).
BESIDE_NUMBER = False


def _beside_number(toks: Sequence[Token], i: int) -> bool:
    """:data:`BESIDE_NUMBER`'s place: spaces either side, a number on one side and a word
    (no lone letter) or a number on the other."""
    if not BESIDE_NUMBER or i < 2 or i + 2 >= len(toks) or not toks[i].text.islower():
        return False
    if toks[i - 1].kind != "space" or toks[i + 1].kind != "space":
        return False
    if "\n\n" in toks[i - 1].text or "\n\n" in toks[i + 1].text:
        return False
    sides = (toks[i - 2], toks[i + 2])
    if not any(t.kind == "number" for t in sides):
        return False
    return all(t.kind == "number" or (t.kind == "word" and len(t.text) > 1) for t in sides)


def _words_numbers(
    toks: Sequence[Token], i: int, step: int, first: Mapping[int, str] | None = None
) -> list[str]:
    """Up to two words or numbers from token ``i`` on (``step`` -1: before it), only spaces
    between, in reading order; each word as ``first`` has it."""
    out: list[str] = []
    j = i + step
    while 0 <= j < len(toks) and len(out) < 2:
        t = toks[j]
        if t.kind == "space":
            if "\n\n" in t.text:
                break
        elif t.kind in ("word", "number"):
            out.append(first.get(t.start, t.text) if first else t.text)
        else:
            break
        j += step
    return out[::-1] if step < 0 else out


def _eligible_place(toks: list[Token], i: int, counts: Callable[[], Counter[str]]) -> bool:
    """The tests of :func:`_eligible` that read the word's place (its form passed)."""
    text = toks[i].text
    title = not text.islower()
    if not _between_words(toks, i):
        if _beside_number(toks, i):
            return not (_joined_piece(toks, i) or line_broken_piece(toks, i))
        if _glued_mark(toks, i):
            joined = is_known(toks[i - 2].text.lower() + text.lower())  # "alw ays."
            return not joined and not line_broken_piece(toks, i) and toks[i - 2].text != "-"
        return _after_comma(toks, i) and not line_broken_piece(toks, i)
    if _piece(toks, i) or line_broken_piece(toks, i):
        return False
    if toks[i - 1].text == "-" or toks[i + 1].text == "-":
        return False
    if title:
        lower_around = toks[i - 2].text.islower() and toks[i + 2].text.islower()
        return lower_around and unnamed(text, counts()[text])
    return True


#: The slot's context reads a garbled neighbour as its first reading (session 35,
#: :func:`first_readings`): "licutouaiit ni tho Inotpocd" is judged between
#: "lieutenant" and "the", not between two unknown words.
REVISED_CONTEXT = True
#: A shorter reading proposed between first readings must be proposed between the printed
#: words too ("do not ban outriglit the": "outright" makes "not an" likely; the 1 M-word
#: OCR speed text).
SHORTER_PRINTED = True
#: A neighbour's first reading: a known word at least this common (Zipf) ...
FIRST_ZIPF = 3.0
#: ... at this channel cost (nats) at most.
FIRST_COST = 6.0


def first_readings(toks: Sequence[Token], have: Sequence[Candidate]) -> dict[int, str]:
    """Per token start, the word a garbled neighbour most likely stands for: of the
    one-word readings ``have`` holds exactly over a word that is no known word (or an
    old spelling, ``ARCHAIC_WORDS``), the cheapest (:data:`FIRST_COST`)
    known word of Zipf >= :data:`FIRST_ZIPF`, in the print's case.  Used as context
    only; the scorer decides every reading in its own (revised) context."""
    ends = {t.start: t for t in toks if t.kind == "word"}
    best: dict[int, tuple[float, str]] = {}
    for c in have:
        t = ends.get(c.start)
        if t is None or t.end != c.end:
            continue
        rep = c.replacement
        if " " in rep or not rep.isalpha():
            continue
        low = t.text.lower()
        if is_known(low) and low not in ARCHAIC_WORDS:
            continue
        cost = float(c.features.get("cost", 99.0))
        if cost > FIRST_COST or zipf(rep.lower()) < FIRST_ZIPF:
            continue
        got = best.get(c.start)
        if got is None or cost < got[0]:
            best[c.start] = (cost, rep)
    return {k: v[1] for k, v in best.items()}


def _context(toks: Sequence[Token], i: int, first: dict[int, str]) -> tuple[list[str], list[str]]:
    """Two words each side of token ``i`` (spaces only between; across a comma glued to
    the word before, :data:`CROSS_COMMA`), each read as ``first`` has it."""
    if _after_comma(toks, i):
        return words_before(toks, i - 2, 2, first), words_after(toks, i, 2, first)
    if _beside_number(toks, i):
        return _words_numbers(toks, i, -1, first), _words_numbers(toks, i, 1, first)
    glued = _glued_mark(toks, i)
    if glued:
        right = words_after(toks, i + 1, 2, first) if glued == "," else []
        return words_before(toks, i, 2, first), right
    return words_before(toks, i, 2, first), words_after(toks, i, 2, first)


def _far_side(toks: Sequence[Token], i: int) -> str:
    """The side of token ``i``'s context that :func:`_context` reads past a mark or a
    number (:mod:`repair.candidates.ocr_slotside`): ``"left"`` after a comma
    (:data:`CROSS_COMMA`), ``"right"`` across a glued mark of ``ocr_slotside.CUT_MARKS``
    (:data:`GLUED_MARK`; a glyph's mark, "wa? sitting", is read across whole), the number's
    side (``"both"``: numbers either side) beside a number (:data:`BESIDE_NUMBER`); ``""``
    between words."""
    if _after_comma(toks, i):
        return "left"
    if _beside_number(toks, i):
        left, right = toks[i - 2].kind == "number", toks[i + 2].kind == "number"
        return "both" if left and right else "left" if left else "right"
    if _glued_mark(toks, i) == "," and toks[i + 1].text in ocr_slotside.CUT_MARKS:
        return "right"
    return ""


#: Session 39 (ocrreal39), issue 12: the slot reader on garbled pages that are not heavily
#: garbled (nor early print) too ("and it s unlikely", "is fn bed"), on the wider margins
#: :data:`LIGHT_PROPOSE` and :data:`LIGHT_THRESHOLD`.
LIGHT_PAGES = False
LIGHT_PROPOSE = 8.0
LIGHT_THRESHOLD = 8.0


def slot_candidates(
    toks: list[Token],
    have: Sequence[Candidate],
    light: bool = False,
    only: frozenset[int] | None = None,
) -> list[Candidate]:
    """The slot readings (module doc) of a heavy page's tokens, each ranked against the
    one-word readings ``have`` holds for it; none where a reading spans more.  ``light``:
    a garbled page that is not heavy (:data:`LIGHT_PAGES`' margins).  ``only``: these
    token indices alone (:mod:`repair.candidates.ocr_secondpass`)."""
    if not SLOT or (light and not LIGHT_PAGES):
        return []
    propose, threshold = (LIGHT_PROPOSE, LIGHT_THRESHOLD) if light else (PROPOSE, THRESHOLD)
    from repair.candidates.ocr_context import neighbours, words_after
    from repair.candidates.ocr_rules import word_cand

    page: list[Counter[str]] = []

    def counts() -> Counter[str]:  # the page's word counts, taken when first asked
        if not page:
            page.append(page_word_counts(toks))
        return page[0]

    # :func:`_eligible` of each word, its form's tests once a type (issue 14, session 38)
    forms: dict[str, bool] = {}
    found_at = []
    for i, t in enumerate(toks):
        if t.kind != "word" or (only is not None and i not in only):
            continue
        ok = forms.get(t.text)
        if ok is None:
            ok = forms[t.text] = _eligible_form(t.text)
        if ok and _eligible_place(toks, i, counts):
            found_at.append(i)
    if not found_at:
        return []
    ends = {toks[i].start: toks[i].end for i in found_at}
    exact: dict[int, list[tuple[str, float]]] = {}
    spans: list[tuple[int, int]] = []  # readings over more or less than one word
    for c in have:
        if ends.get(c.start) == c.end:
            exact.setdefault(c.start, []).append(
                (c.replacement.lower(), float(c.features.get("cost", 0.0)))
            )
        else:
            spans.append((c.start, c.end))
    spans.sort()
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))  # furthest end so far
    out: list[Candidate] = []
    first = first_readings(toks, have) if REVISED_CONTEXT else {}

    def printed(i: int) -> tuple[list[str], list[str]]:
        if _after_comma(toks, i):
            return words_before(toks, i - 2, 2), words_after(toks, i, 2)
        if _beside_number(toks, i):
            return _words_numbers(toks, i, -1), _words_numbers(toks, i, 1)
        glued = _glued_mark(toks, i)
        if glued:
            return words_before(toks, i, 2), words_after(toks, i + 1, 2) if glued == "," else []
        return neighbours(toks, i)[0], words_after(toks, i, 2)

    for i in found_at:
        tok = toks[i]
        k = bisect_left(starts, tok.end)  # the readings starting before the word ends ...
        if k and reach[k - 1] > tok.start:  # ... one of them ends inside or after it
            continue
        if REVISED_CONTEXT:
            left, right = _context(toks, i, first)
        else:
            left, right = printed(i)
        if not left or not (right or _glued_mark(toks, i) == "."):
            continue
        rivals = exact.get(tok.start, [])
        if light and rivals:
            continue  # a light page: only where no other reader found a word ("all thom big")
        long = len(tok.text) > MAX_LEN
        margin = max(propose, LONG_PROPOSE) if long else propose
        found = slot_reading(tok.text, left, right, rivals, margin)
        if found is None or any(w == found[0] for w, _ in rivals):
            continue
        word, cost, gain = found
        far = _far_side(toks, i)
        if far and not ocr_slotside.stands(tok.text, word, gain, left, right, far, rivals, margin):
            continue  # across a mark: the reading must stand on the near side (session 64)
        if long and (tok.text.startswith(word) or word.startswith(tok.text)):
            continue  # "rare earths and" -> "earth": an ending, the grammar's, not a glyph's
        if len(word) < len(tok.text) and zipf(tok.text.lower()) > SHORTER_ZIPF:
            continue  # "West Bank land nominally" -> "and": a letter dropped
        shorter = len(word) < len(tok.text)
        if SHORTER_PRINTED and REVISED_CONTEXT and shorter and (left, right) != printed(i):
            # a letter dropped on the first readings' word alone: the printed context
            # must agree ("do not ban outriglit" -> "an": "outright" makes "not an" likely)
            again = slot_reading(tok.text, *printed(i), rivals, propose)
            if again is None or again[0] != word:
                continue
        out.append(
            word_cand(
                tok,
                word,
                "OCR_REALWORD",
                finding="slot",
                cost=cost,
                orig_known=True,
                prior_per_zipf=LONG_PRIOR_PER_ZIPF if long else 0.0,
                threshold=max(threshold, LONG_THRESHOLD) if long else threshold,
                **ocr_funcspot.mark(tok.text, word, cost),
            )
        )
    return out
