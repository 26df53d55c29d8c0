"""Real-word OCR errors decided by context: "bo received" -> "be", "hold" -> "held".

A real word may itself be a misreading of another real word.  Which one the printer
set is decided by the context on both sides, not by a list of pairs: every known word
within :data:`MAX_SUBS` learned glyph confusions of the token
(:func:`repair.score.ocr_channel.confusion_variants`, the table learned from aligned
OCR) is a candidate, and the scorer (:mod:`repair.score.ocr`) weighs

    margin = [LM(alt, next1, next2 | prev1, prev2) - LM(orig, next1, next2 | prev1, prev2)]
             - channel cost(orig | alt) - PRIOR_PER_ZIPF * zipf(orig)

against :data:`THRESHOLD`: the trigram model sees two words either side, the channel
cost is the learned -log P of the substitutions, the prior trusts a frequent word as
printed.  Only in documents the garble gate opened
(``RepairConfig.ocr_realword_min_garble``).

Never re-read: numbers, acronyms and other all-capitals or mixed-case tokens (IoT,
pH), elided forms ("sho'"), old spellings.  Capitalised words the document repeats inside
sentences (names: "Horn", "Bell") are read in heavily garbled pages only on a name's
margin (:data:`NAMES_THRESHOLD`: "on Juno 30" -> "June"), elsewhere never.

Capitalised words (session 9): a capital glyph the table reads as lower-case letters
gives a lower-case reading ("Uno" -> "line": U for li; "Bide" -> "side"), and inside a
sentence the period table's casing is evidence ("Mis" is written in lower case, "Mrs"
with a capital: :func:`case_gain`).  At a sentence's start a capital says nothing.

The constants are tuned on the SMH dev half (``benchmarks/smh_eval.py --split dev``);
``benchmarks/RESULTS.md`` gives the held-out half.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from repair.candidates import ocr_capname, ocr_realfilter
from repair.candidates.ocr_rules import word_cand
from repair.detect.ocr import realword_suspect
from repair.resources.frequency import zipf
from repair.score.ngrams import get_ngrams  # module level: hot (issue 14)
from repair.score.ocr_channel import (
    ARCHAIC_WORDS,
    PrefixIndex,
    confusion_variants,
    frequent_prefixes,
    is_known,
    is_target,
)
from repair.types import Candidate, Token

#: Glyph confusions a reading may need (one: "bo" -> "be"; two: "tiie" -> "the").
MAX_SUBS = 2
#: Largest summed channel cost (nats) of a reading (SMH dev WER change: 3.5 -> -32.5 %,
#: 4.5 -> -33.43 %, 5.0 -> -33.49 %, 6.0 -> -33.48 %; 5.0 searches less than 6.0).
MAX_COST = 5.0
#: Issue 12 (session 50): on a heavily garbled page a reading of ONE confusion may cost up
#: to this (nats; ``None``: :data:`MAX_COST`).  A table learned from another archive prices
#: the glyph pairs its folds never counted at its held-out backoff
#: (``build_ocr_confusions.UNSEEN_BACKOFF``: ICDAR-only tables 5.66 nats), just above
#: :data:`MAX_COST`, so "lined" -> "fined", "tie" -> "the", "folly" -> "fully", "tome" ->
#: "some" had no reading at all (43 of the cross-archive proxy's real-word tokens OverProof
#: reads right are such "too dear" paths; of 22 looked at, 16 need one row of 5.66-5.85
#: nats); the margin still pays the whole price.  Cross-archive proxy (``ocr_xsource.py
#: --train icdar --eval smh-dev``) 4,937 / 8,069 -> 4,922 / 8,048 tokens / chars (dev-a
#: 2,212 -> 2,204, dev-b 2,725 -> 2,718); shipped SMH dev 4,302 / 6,998 unchanged (no edit
#: moves), cross-fit 4,691 / 7,692 -> 4,688 / 7,689; light suite dev, clean gate (34 / 48 /
#: 72), ICDAR files 1-80 as without it.  Test (read once): proxy 5,758 / 9,294 -> 5,748 /
#: 9,282, shipped SMH 5,346 / 8,662 unchanged.
ONE_SUB_MAX_COST: float | None = 6.0
#: ... for capitalised prints too (else lower-case ones only).
ONE_SUB_CAPITALS = False
#: ... and only as a word the period table writes in lower case (its capital share below
#: this, or unseen): a lower-case reading of a word written with a capital is never right.
ONE_SUB_MAX_CAPITAL_SHARE = 0.5
#: ... and never as the other spelling of the printed word (British / American alternations
#: of ``spin_synonyms._SPELLINGS``: "authorised" -> "authorized" was one of the three wrong
#: edits of the far readings on the cross-archive proxy; a press prints its house spelling,
#: a glyph confusion does not turn "s" into "z").  Lead, session 50: every SMH article
#: (shipped tables) has no spelling-variant edit with or without it.
ONE_SUB_NO_SPELLING = True
#: Real words at or above this Zipf frequency are trusted as printed ("Now" 6.2 is re-read
#: as "New" before "South Wales", "hold" 5.2 as "held"; 5.0 -> 6.0 gained 0.3 points of
#: WER on SMH dev; 6.0 -> 6.6 with the 2.5-nat margin: "no should not" -> "we", "us
#: arbitrators" -> "as"; 7.0 also reads "he" as "be" where the page means "he").
ORIG_MAX_ZIPF = 6.6
#: A reading must be a word at least this frequent.
TARGET_MIN_ZIPF = 3.5
#: Trust in the printed word per Zipf unit (nats).
PRIOR_PER_ZIPF = 0.2
#: Margin (nats) a reading needs over the printed word (SMH dev, the other constants as
#: here: 2.5 -> WER -33.46 %, 3.0 -> -33.48 %, 3.5 -> -33.37 %; with the wider Zipf
#: bound and the capital margin below, token errors 2.0 / 2.25 / 2.5 / 2.75 / 3.0 ->
#: 5,501 / 5,500 / 5,500 / 5,502 / 5,514).
THRESHOLD = 2.5
#: Margin (nats) a reading of two confusions needs ("mooting" -> "meeting").
TWO_SUBS_THRESHOLD = 3.0
#: Margin a capitalised printed word needs (heavy pages): names and headings are what
#: the trigram model knows least ("Moat and Co." is no "Meat", "Oats" no "Cats").
CAPITAL_THRESHOLD = 3.0
#: Margin a lone letter needs in a heavily garbled page ("the project m similar terms":
#: "m" for "in"); elsewhere the scorer's real-word margin (3.5).  SMH dev: 3.5 -> 17 right,
#: 1 wrong; 2.0 -> 21 right, 2 wrong.
LONE_LETTER_HEAVY_THRESHOLD = 2.0


def lone_letter_threshold(letter: str, heavy: bool) -> float | None:
    """The margin a lone lower-case letter's reading needs (``None``: the scorer's
    real-word margin).  A lone "s" after a word is mostly a suffix the OCR cut off
    ("last year s star", "Smith s"), not a misread word: it keeps the default."""
    return LONE_LETTER_HEAVY_THRESHOLD if heavy and letter != "s" else None


#: In pages garbled but not heavily (``heavy=False``: books, lightly garbled OCR, where a
#: frequent word is rarely a misreading) the earlier, stricter settings: one confusion,
#: words below Zipf 5 re-read as words of Zipf 5 or more, 0.3 nats of trust per Zipf
#: unit, a 3.5-nat margin.  The wide settings above cost ICDAR 2017 files 1-80 1.7 points
#: of CER reduction (33.0 -> 31.3 %, broken tokens 0.24 -> 0.31 %).
LIGHT_MAX_SUBS = 1
LIGHT_ORIG_MAX_ZIPF = 5.0
LIGHT_TARGET_MIN_ZIPF = 5.0
LIGHT_PRIOR_PER_ZIPF = 0.3
LIGHT_THRESHOLD = 3.5
#: Issue 14 (session 59): skip a reading the learned "cannot win" filter
#: (:mod:`repair.candidates.ocr_realfilter`, ``lexicons/ocr_realfilter.json``) scores below
#: its bar, before any language-model question.  Not exact by construction, but on every
#: dev and clean check no output changed: 100 k-word OCR speed text byte-identical with
#: 29,808 of its 45,013 readings skipped, SMH dev 4,234 / 6,899 (every edit the same),
#: proxy dev 4,768 / 7,863, light dev, audit dev, clean English and seeds unchanged; SMH
#: test 5,333 / 8,641 unchanged; ``repair fix`` OCR 100 k 12.48 -> 11.96 s CPU (medians of
#: 6 alternated pairs, one equal, five faster), peak RSS 415 -> 395 MB.  RESULTS.md, "Session
#: 59, speedreal".
LEARNED_SKIP = True
#: Switch (issue 14, session 60, speedocr; exact): :data:`LEARNED_SKIP`'s answer is kept for
#: the document by everything it reads (the print, the reading, cost, threshold, prior,
#: substitutions, heavy page; the caller's ``skips``), not asked again at each place the
#: document prints the word (~10 us each: the features' two Zipf look-ups and the model's
#: sum).  The 100 k-word OCR speed text: 45,738 -> 3,775 questions, ``realword_candidates``
#: 0.42 -> 0.30 s CPU; every output byte-identical.  RESULTS.md, "Session 60, speedocr".
SKIP_MEMO = True
#: At most this many readings per token (cheapest first).
MAX_READINGS = 8
#: A capitalised word seen this often in the document, once inside a sentence, is a name.
NAME_REPEATS = 2


def realword_candidates(
    toks: list[Token],
    i: int,
    names: frozenset[str],
    heavy: bool = True,
    skips: dict[tuple, bool] | None = None,
) -> list[Candidate]:
    """Readings of the known word ``toks[i]`` as another known word (len >= 2);
    ``names``: the document's names (:func:`document_names`); ``heavy``: the page is
    heavily garbled (the wide settings), else the ``LIGHT_*`` ones; ``skips``: the
    document's :data:`LEARNED_SKIP` answers (:data:`SKIP_MEMO`), filled here."""
    tok = toks[i]
    text = tok.text
    readings = _readings(text, heavy)
    further: frozenset[str] = frozenset()
    beside = False
    if GARBLED_REACH and heavy and text.islower() and garbled_beside(toks, i):
        beside = True
        extra = _garbled_readings(text, frozenset(r[1] for r in readings))
        readings, further = readings + extra, frozenset(r[1] for r in extra)
    if not readings or line_broken_piece(toks, i):
        return []
    named = text[0].isupper() and text in names
    if named and not (NAMES_SOFT and heavy):
        return []
    if COMPOUND_PIECES and compound_piece(toks, i) and not realword_suspect(text):
        return []  # "23-ton", "ill-fame"; a dash read as a hyphen still lets "-tho" through
    if NUMBER_UNITS and number_unit(toks, i):
        return []  # "72nd", "302.6 sq mi", "(43 mi)": a unit or suffix of a number
    if CITED_FORMS and cited_form(toks, i):
        return []  # 'the suffix "-ane"': a form cited in quotes
    bounded = _sentence_window(toks, i) if SENTENCE_END and text.islower() else None
    prior, thr, thr2 = (
        (PRIOR_PER_ZIPF, THRESHOLD, TWO_SUBS_THRESHOLD)
        if heavy
        else (LIGHT_PRIOR_PER_ZIPF, LIGHT_THRESHOLD, LIGHT_THRESHOLD)
    )
    if heavy and text[0].isupper():
        thr, thr2 = max(thr, CAPITAL_THRESHOLD), max(thr2, CAPITAL_THRESHOLD)
    opens = mid = None
    out: list[Candidate] = []
    seen = set()
    for cost, variant, subs in readings:
        threshold = thr if len(subs) < 2 else thr2
        if variant in further:  # :data:`GARBLED_REACH`'s
            threshold = GARBLED_THRESHOLD
        elif beside and GARBLED_RELIEF is not None:
            threshold = min(threshold, GARBLED_RELIEF)
        if named:
            threshold = max(threshold, NAMES_THRESHOLD)  # a name the page repeats
        if variant[:1].islower() and text[:1].isupper():  # a capital glyph read as letters
            if opens is None:
                opens = opens_sentence(toks, i)
            if opens:
                variant = variant[:1].upper() + variant[1:]  # ". Hooded" -> "Flooded"
            threshold = max(threshold, CASE_GLYPH_THRESHOLD)
        if variant in seen:
            continue
        if ARTICLE_BEFORE_MARK and variant.lower() in ARTICLES and _before_mark(toks, i):
            continue  # "Tim, 16," is no "The, 16,": an article never ends a phrase
        if ocr_capname.capital_row_lowered(text, variant, subs, False) and _plain_mid(
            toks, i, variant
        ):
            continue  # "rent Mas tj" -> "Was": a capital read as a capital, not "was"
        seen.add(variant)
        if bounded is not None and _bounded_margin(bounded, text, variant, cost, prior) < threshold:
            continue  # "by 7 goals to nil. The visitors": no "to all the visitors"
        if CASE_EVIDENCE and heavy and text[:1].isupper():
            if mid is None:
                mid = mid_sentence(toks, i)
            if mid:  # "on Juno 30", "of Mis. Philp": how the period writes each word
                cost = cost - CASE_EVIDENCE * case_gain(text, variant)
        if LEARNED_SKIP:  # session 59: a reading the dev logs say never comes near winning
            key = (text, variant, cost, threshold, prior, len(subs), heavy)
            skip = skips.get(key) if skips is not None and SKIP_MEMO else None
            if skip is None:
                skip = ocr_realfilter.cannot_win(
                    ocr_realfilter.features(
                        cost, threshold, prior, zipf(text.lower()), zipf(variant.lower()),
                        text, len(subs), heavy,
                    )
                )  # fmt: skip
                if skips is not None and SKIP_MEMO:
                    skips[key] = skip
            if skip:
                continue
        out.append(
            word_cand(
                tok,
                variant,
                "OCR_REALWORD",
                finding="realword",
                cost=cost,
                orig_known=True,
                prior_per_zipf=prior,
                threshold=threshold,
                subs=subs,  # the cached reading's own pairs (no copies: issue 14)
            )
        )
    return out


#: The scorer's language-model window is the two words either side, across marks: before a
#: full stop that ends a sentence it reads the next sentence's words as this one's ("by 7
#: goals to nil. The visitors" is scored as "to all the visitors", 9.7 nats for "all",
#: mostly its frequency).  A lower-case real word before such a stop is read only if its
#: reading also clears its threshold with the sentence's end (``</s>``) as the right
#: context (the same margin: LM gain less channel cost less the printed word's prior).
#: Session 37.
SENTENCE_END = True
_STOPS = frozenset(".!?")


def _sentence_window(toks: list[Token], i: int) -> list[str] | None:
    """The two words before word ``i`` (as the scorer reads them, across marks other than
    a sentence's end) when a full stop that ends a sentence follows it ("nil. The"), else
    None."""
    k = i + 1
    if k >= len(toks) or toks[k].text not in _STOPS:
        return None
    if k + 1 < len(toks):
        sp = toks[k + 1]
        if sp.kind != "space" or k + 2 >= len(toks):
            return None
        nxt = toks[k + 2]
        if nxt.kind != "word" or not nxt.text[:1].isupper():
            return None
    prev: list[str] = []
    j = i - 1
    while j >= 0 and len(prev) < 2:
        t = toks[j]
        if t.kind == "word":
            prev.insert(0, t.text)
        elif t.text in _STOPS:
            prev.insert(0, "<s>")
            break
        j -= 1
    return prev


def _bounded_margin(prev: list[str], text: str, variant: str, cost: float, prior: float) -> float:
    """The reading's margin with the sentence's end as its right context."""
    from repair.score.ocr_variantlm import reader_lm

    lm = reader_lm()  # British spellings by their American ones (READERS, session 57)
    gain = lm.sequence_logprob([variant, "</s>"], prev) - lm.sequence_logprob([text, "</s>"], prev)
    return float(gain - cost - prior * zipf(text.lower()))


def _plain_mid(toks: list[Token], i: int, variant: str) -> bool:
    """Whether ``variant`` would be a word the period writes in lower case (capital share
    below :data:`NAMED_MAX_SHARE`) inside a sentence: no sentence opens at word ``i``."""
    share = get_ngrams().capital_share(variant.lower())
    return share is not None and share < NAMED_MAX_SHARE and not opens_sentence(toks, i)


#: Capitalised words read as lower-case words when the table reads the capital glyph as
#: lower-case letters ("Uno" -> "line", "Hooded" -> "flooded", "Bide" -> "side").
CASE_GLYPHS = True
#: The margin such a reading needs.
CASE_GLYPH_THRESHOLD = 3.0
#: Names the page repeats (:func:`document_names`) are read too, in heavy pages, on
#: this margin ("on Juno 30" -> "June", "Mi J. E. Wilson" -> "Mr").
NAMES_SOFT = True
NAMES_THRESHOLD = 6.0


#: Weight (per nat) of the period table's casing as evidence for a capitalised word
#: inside a sentence (:func:`case_gain`); 0 switches it off.
CASE_EVIDENCE = 1.0
#: A case gain is kept within [CASE_GAIN_MIN, CASE_GAIN_MAX] nats.
CASE_GAIN_MAX = 3.0
CASE_GAIN_MIN = 0.0


def case_gain(text: str, variant: str) -> float:
    """ln P(case of ``variant`` | the word) - ln P(capital | ``text``), mid-sentence, from
    the period table's capital shares (:meth:`repair.score.ngrams.NgramTable.case_logprob`):
    "Mis" is written in lower case there, "Mrs" with a capital; "Uno" -> "line"."""
    table = get_ngrams()
    gain = table.case_logprob(variant, variant[:1].isupper()) - table.case_logprob(text, True)
    return max(CASE_GAIN_MIN, min(CASE_GAIN_MAX, gain))


def mid_sentence(toks: list[Token], i: int) -> bool:
    """Whether word ``i`` stands inside a sentence after a lower-case word or a comma
    (so its capital says something: not a sentence's start, a heading or a name run)."""
    j = i - 1
    while j >= 0 and toks[j].kind == "space":
        if "\n\n" in toks[j].text:
            return False
        j -= 1
    if j < 0:
        return False
    t = toks[j]
    if t.text in (",", ";"):
        return True
    return t.kind == "word" and t.text[:1].islower()


def opens_sentence(toks: list[Token], i: int) -> bool:
    """Whether word ``i`` opens a sentence: the text's start, after ". ! ?" or a blank
    line (opening quotes and brackets skipped)."""
    j = i - 1
    while j >= 0:
        t = toks[j]
        if t.kind == "space":
            if "\n\n" in t.text:
                return True
        elif t.text not in "\"“‘'(":
            return t.text in ".!?"
        j -= 1
    return True


#: Margin (nats) a capitalised word between two capitalised words or after a title needs
#: (a surname or a word of a place name: "Great Australian Bight", "Mr. Moors"); only a
#: capitalised reading of a common word is taken ("Now South Wales" -> "New").
NAME_CONTEXT_THRESHOLD = 6.0
NAME_CONTEXT = True
#: ... and the reading is a word the period table capitalises less often than this.
NAMED_MAX_SHARE = 0.5


def named_realword_candidates(
    toks: list[Token], i: int, names: frozenset[str], heavy: bool = True
) -> list[Candidate]:
    """:func:`realword_candidates` of a capitalised word in a name's place, on the
    larger margin :data:`NAME_CONTEXT_THRESHOLD` (heavily garbled pages only)."""
    if not (NAME_CONTEXT and heavy):
        return []
    table = get_ngrams()
    out = []
    for c in realword_candidates(toks, i, names, heavy):
        share = table.capital_share(c.replacement.lower())
        # a common word ("New"), never another name ("Moors" is no "Moore")
        if c.replacement[:1].isupper() and share is not None and share < NAMED_MAX_SHARE:
            c.features["threshold"] = max(c.features["threshold"], NAME_CONTEXT_THRESHOLD)
            out.append(c)
    return out


# 8,192 (was 16,384): 5 MB of OCR text asks 689 k of 7.7 k words, ~75 new ones a
# 250 k-character window, so 16,384 filled only past ~40 MB of input (446 bytes each: 3.7 MB
# more); no hit lost at 8,192 on the 5 MB replay (``benchmarks/cache_replay.py``, session 18)
@lru_cache(maxsize=8_192)
def _readings(text: str, heavy: bool) -> tuple[tuple[float, str, tuple[tuple[str, str], ...]], ...]:
    """(cost, reading, substitutions) of the word ``text``, cheapest first (at most
    :data:`MAX_READINGS`); the document's names are left out by the caller.  Cached per
    word: a text repeats its words."""
    if heavy:
        max_subs, orig_max, target_min = MAX_SUBS, ORIG_MAX_ZIPF, TARGET_MIN_ZIPF
    else:
        max_subs, orig_max, target_min = LIGHT_MAX_SUBS, LIGHT_ORIG_MAX_ZIPF, LIGHT_TARGET_MIN_ZIPF
    if len(text) < 2 or not text.isalpha() or not text[1:].islower():
        return ()  # acronyms, mixed case, numbers, lone letters
    low = text.lower()
    if low in ARCHAIC_WORDS or not is_known(text):
        return ()
    orig_z = zipf(low)
    if orig_z >= orig_max:
        return ()
    capital = text[0].isupper()
    readings = []
    found = _variants(text, MAX_COST, max_subs)
    far = heavy and ONE_SUB_MAX_COST is not None and ONE_SUB_MAX_COST > MAX_COST
    far = far and (ONE_SUB_CAPITALS or text.islower())
    if far:
        found = {**_variants(text, ONE_SUB_MAX_COST, 1), **found}
    for variant, (cost, subs) in found.items():
        if len(subs) > max_subs or variant.lower() == low:
            continue
        if cost > MAX_COST:
            if not (far and len(subs) == 1 and cost <= ONE_SUB_MAX_COST):
                continue
            if not _lower_form(variant):
                continue  # "white muslin dress" is no "muslim": the period writes "Muslim"
            if ONE_SUB_NO_SPELLING and _same_spelling(low, variant.lower()):
                continue  # "authorised" is no OCR error for "authorized"
        if len(variant) > 1 and not variant[1:].islower():
            continue
        if variant.lower() == "i":
            continue
        if variant[:1].isupper() != capital:
            # a capital glyph the table reads as lower-case letters ("Uno" -> "line":
            # U for li, "Hooded" -> "flooded": H for fl); the walk substitutes in
            # order, so the first substitution covers the capital
            if not (CASE_GLYPHS and capital and subs and subs[0][1][:1].islower()):
                continue
        if zipf(variant.lower()) < target_min or not _period_target(variant):
            continue
        readings.append((cost, variant, subs))
    readings.sort()
    out = readings[:MAX_READINGS]
    if FREQUENT_REACH and heavy and not capital and len(text) <= FREQUENT_MAX_LEN:
        out.extend(_frequent_readings(text, {r[1] for r in out}, max_subs))
    return tuple(out)


#: Issue 12 (session 41): on a heavily garbled page a lower-case real word is also read as
#: one of the commonest words (Zipf :data:`FREQUENT_TARGET_MIN_ZIPF`: "the", "be", "and")
#: that the learned confusions reach at a dearer price than :data:`MAX_COST`, up to
#: :data:`FREQUENT_MAX_COST` ("he ms still a partner": m for wa, "to ha appointed"): the
#: language model's gain for such a word is the largest it gives, and the margin still
#: pays the whole price.  Only the commonest words' prefixes are walked (a small index).
#: SMH dev halves 2,018 -> 2,016 / 2,511 -> 2,510 tokens, test 5,483 -> 5,478; ICDAR, the
#: clean gate, the light suite and the OCR'd modern text audit's broken count unchanged.
FREQUENT_REACH = True
FREQUENT_MAX_COST = 7.0
FREQUENT_TARGET_MIN_ZIPF = 6.5
#: ... prints of this many letters at most: two-letter prints ("ms still" -> was, "given la
#: other" -> in, "to ha appointed" -> be) are the most garbled; on SMH dev the longer ones
#: gained nothing, and in the OCR'd modern text audit "fragile amid intensifying" became
#: "and" (12 times, one source sentence)
FREQUENT_MAX_LEN = 2
#: ... at most this many such readings per print (cheapest first)
FREQUENT_MAX_READINGS = 2


def _frequent_readings(
    text: str,
    have: set[str],
    max_subs: int,
    min_zipf: float | None = None,
    max_cost: float | None = None,
) -> list[tuple[float, str, tuple[tuple[str, str], ...]]]:
    """:data:`FREQUENT_REACH`'s readings of the lower-case print ``text`` that ``have``
    lacks: words of two letters or more, of Zipf :data:`FREQUENT_TARGET_MIN_ZIPF`, dearer
    than :data:`MAX_COST` and within :data:`FREQUENT_MAX_COST` (``min_zipf``,
    ``max_cost``: other bounds)."""
    low = text.lower()
    min_zipf = FREQUENT_TARGET_MIN_ZIPF if min_zipf is None else min_zipf
    max_cost = FREQUENT_MAX_COST if max_cost is None else max_cost
    found = confusion_variants(text, frequent_prefixes(min_zipf), max_cost, max_subs)
    extra = []
    for variant, (cost, subs) in found.items():
        if cost <= MAX_COST or variant in have or variant == low or len(variant) < 2:
            continue
        if not variant.islower() or variant == "i":
            continue
        if zipf(variant) < min_zipf or not _period_target(variant):
            continue
        extra.append((cost, variant, subs))
    extra.sort()
    return extra[:FREQUENT_MAX_READINGS]


#: Issue 12 (session 42): a lower-case real word between non-words (the print's own
#: neighbourhood is garbled on both sides, :data:`GARBLED_SIDES`: "of Victona anti Monash")
#: on a heavily garbled page is read further than elsewhere: prints as common as "he" or
#: "an" (Zipf below :data:`GARBLED_ORIG_MAX_ZIPF`, above :data:`ORIG_MAX_ZIPF`) by the
#: learned confusions, and prints of three or four letters (:data:`GARBLED_MAX_LEN`) as
#: the commonest words, as :data:`FREQUENT_REACH` reads two-letter ones; such readings
#: need the margin :data:`GARBLED_THRESHOLD`.  Off: SMH dev-a 1,999 -> 1,999 tokens,
#: dev-b 2,487 -> 2,486 ("Victona anti Monash" -> and), ICDAR 1-80 unchanged, but the
#: OCR'd modern text audit breaks "fragile amid intensifying" and "came amid indications"
#: where noise garbled both neighbours (128 -> 130 broken; one side: 134).
GARBLED_REACH = False
GARBLED_ORIG_MAX_ZIPF = 7.0
GARBLED_MAX_LEN = 4
GARBLED_THRESHOLD = 1.0
#: ... the longer prints' readings: words at least this common (Zipf), within this cost
GARBLED_TARGET_ZIPF = 6.5
GARBLED_MAX_COST = 7.0
#: ... and the margin the real-word reader's own readings need there (``None``: theirs;
#: with one garbled side, SMH dev: 2.0 -> 2 right prints broken, 1.0 -> 7 broken, 2 right).
GARBLED_RELIEF: float | None = None
#: A neighbour counts as garbled when it is a run of letters (any case) of at least this
#: length that the lexicon does not know.
GARBLED_MIN_LEN = 3
#: ... on this many sides (1 or 2).
GARBLED_SIDES = 2


def garbled_beside(toks: list[Token], i: int) -> bool:
    """Whether the word before or after ``toks[i]`` (across one space, on the same line
    or the next) is an unknown run of letters (:data:`GARBLED_MIN_LEN` or more); with
    :data:`GARBLED_SIDES` 2, both."""
    found = 0
    for j in (i - 2, i + 2):
        if not 0 <= j < len(toks):
            continue
        gap = toks[(i + j) // 2]
        if gap.kind != "space" or gap.text.count("\n") > 1:
            continue
        w = toks[j]
        if w.kind != "word" or len(w.text) < GARBLED_MIN_LEN or not w.text.isalpha():
            continue
        if not is_known(w.text.lower()):
            found += 1
    return found >= GARBLED_SIDES


@lru_cache(maxsize=4096)
def _garbled_readings(
    text: str, have: frozenset[str]
) -> tuple[tuple[float, str, tuple[tuple[str, str], ...]], ...]:
    """:data:`GARBLED_REACH`'s further readings of the lower-case ``text`` (none that
    ``have`` holds)."""
    if len(text) < 2 or not text.isalpha() or not is_known(text) or text in ARCHAIC_WORDS:
        return ()
    orig_z = zipf(text)
    out: list[tuple[float, str, tuple[tuple[str, str], ...]]] = []
    if ORIG_MAX_ZIPF <= orig_z < GARBLED_ORIG_MAX_ZIPF:
        for variant, (cost, subs) in _variants(text, MAX_COST, MAX_SUBS).items():
            if cost > MAX_COST or variant in have or variant == text or not variant.islower():
                continue
            if variant == "i" or zipf(variant) < max(TARGET_MIN_ZIPF, orig_z):
                continue
            if not _period_target(variant):
                continue
            out.append((cost, variant, subs))
        out.sort()
        out = out[:MAX_READINGS]
        if len(text) <= FREQUENT_MAX_LEN and FREQUENT_REACH:
            out.extend(_frequent_readings(text, set(have) | {r[1] for r in out}, MAX_SUBS))
    elif orig_z < ORIG_MAX_ZIPF and FREQUENT_MAX_LEN < len(text) <= GARBLED_MAX_LEN:
        out.extend(
            _frequent_readings(text, set(have), MAX_SUBS, GARBLED_TARGET_ZIPF, GARBLED_MAX_COST)
        )
    return tuple(out)


#: A word glued to a number ("72nd", "10km") or a unit after a number ("302.6 sq mi",
#: "(43 mi)") is not re-read (:func:`number_unit`; issue 12, session 35).
NUMBER_UNITS = True
#: A unit abbreviation (the word before a measure noun after a number: "sq" of "sq mi")
#: is this short at most; so is that measure noun.
UNIT_ABBREV_MAX = 3
#: A word cited in quotes ('"-ane"', '"bo"') is a mention, not re-read (:func:`cited_form`).
CITED_FORMS = True
#: No reading as an article directly before a mark that ends a phrase ("Tim, 16," ->
#: "The,"): an article always opens a noun phrase.  The mark must be followed by a space
#: or the end: "to tho.EirkwaIl fair" is "the Kirkwall" with a speck glued on (the one
#: ICDAR file 81 fix the first version lost, session 35).  ON since session 36 (the
#: lead): "Tim, 16," was read "The," three times in 60 k words of OCR'd modern text.
ARTICLE_BEFORE_MARK = True
ARTICLES = frozenset({"the", "a", "an"})
_PHRASE_END = frozenset(",.;:!?)]")


def _before_mark(toks: list[Token], i: int) -> bool:
    """Whether ``toks[i]`` stands before a phrase-ending mark that a space (or the end)
    follows ("Tim, 16"; not the speck of "tho.EirkwaIl")."""
    if i + 1 >= len(toks) or toks[i + 1].text not in _PHRASE_END:
        return False
    return i + 2 >= len(toks) or toks[i + 2].kind == "space"


def _measure(word: str) -> bool:
    from repair.candidates.spin_number import measure_nouns

    return word in measure_nouns()


def _word_before(toks: list[Token], i: int) -> int | None:
    """Index of the token before word ``i`` across at most one space token."""
    j = i - 1
    if j >= 0 and toks[j].kind == "space":
        j -= 1
    return j if j >= 0 else None


def number_unit(toks: list[Token], i: int) -> bool:
    """Whether lower-case word ``i`` is glued to a number ("72nd"; not to a lone "0" or "1",
    a misread letter: "1or"), or stands after a number
    as a measure noun ("43 mi", "5 ft") or a short unit abbreviation before one ("302.6 sq
    mi"), or as a measure noun after such an abbreviation ("sq mi")."""
    t = toks[i]
    if not t.text.islower():
        return False
    if i > 0 and toks[i - 1].kind == "number" and toks[i - 1].end == t.start:
        return toks[i - 1].text not in ("0", "1")  # "1or": a misread letter, no number
    j = _word_before(toks, i)
    if j is None:
        return False
    after_number = toks[j].kind == "number"
    if after_number and _measure(t.text):
        return True
    k = i + 1
    if k < len(toks) and toks[k].kind == "space":
        k += 1
    nxt = toks[k].text if k < len(toks) and toks[k].kind == "word" else ""
    short = len(t.text) <= UNIT_ABBREV_MAX
    if after_number and short and len(nxt) <= UNIT_ABBREV_MAX and _measure(nxt):
        return True  # "302.6 sq mi"
    if toks[j].kind == "word" and len(toks[j].text) <= UNIT_ABBREV_MAX and short:
        h = _word_before(toks, j)
        return h is not None and toks[h].kind == "number" and _measure(t.text)  # "sq mi"
    return False


def cited_form(toks: list[Token], i: int) -> bool:
    """Whether word ``i`` stands alone between double quotes, a hyphen allowed before it
    ('the suffix "-ane"', 'the word "bo"'): a form cited, printed as meant."""
    j = i - 1
    if j >= 0 and toks[j].text == "-" and toks[j].end == toks[i].start:
        j -= 1
    if j < 0 or toks[j].text not in ('"', "“"):
        return False
    k = i + 1
    return k < len(toks) and toks[k].text in ('"', "”") and toks[k].start == toks[i].end


#: Pieces of in-line hyphenated compounds are not re-read alone (see compound_piece).
COMPOUND_PIECES = True


def compound_piece(toks: list[Token], i: int) -> bool:
    """Whether word ``i`` is joined by a hyphen to a word or number on either side, with
    no space ("23-ton", "ill-fame", "co-ordinated"): a compound's part, which a real-word
    reading would break.  A dash after a mark (".-Tho") joins nothing."""
    for h, o in ((i - 1, i - 2), (i + 1, i + 2)):
        if not (0 <= o < len(toks)) or toks[h].text != "-":
            continue
        a, b = sorted((h, o)), sorted((h, i))
        glued = toks[a[0]].end == toks[a[1]].start and toks[b[0]].end == toks[b[1]].start
        if glued and toks[o].kind in ("word", "number"):
            return True
    return False


def line_broken_piece(toks: list[Token], i: int) -> bool:
    """Whether word ``i`` is half of a word broken at a line end ("Carl-⏎ton", "seule-⏎ment"):
    the hyphenation repair reads it with its other half, never alone."""
    if i >= 2 and toks[i - 1].kind == "space" and "\n" in toks[i - 1].text:
        if toks[i - 2].text == "-":
            return True
    if i + 2 < len(toks) and toks[i + 1].text == "-" and toks[i + 1].start == toks[i].end:
        return toks[i + 2].kind == "space" and "\n" in toks[i + 2].text
    return False


def document_names(toks: list[Token], counts: Counter[str]) -> frozenset[str]:
    """Capitalised words the document repeats and uses inside a sentence (after a word,
    a comma or a title such as "Mr."): names ("Mr. Horn", "of Bell"), never re-read.
    A short word one cheap confusion reads as a very common one ("Tho", "Ho":
    :func:`repair.detect.ocr.realword_suspect`) is OCR, not a name."""
    names = set()
    # the last two tokens that are no space (``before``, ``last``): the list
    # :func:`_inside_sentence` reads is made only where it is asked (session 38)
    before: Token | None = None
    last: Token | None = None
    # the two tests of the word alone, once a type (issue 14, session 23)
    plain: dict[str, bool] = {}
    for t in toks:
        if t.kind == "space":
            continue
        text = t.text
        if t.kind == "word" and text[:1].isupper() and counts[text] >= NAME_REPEATS:
            ok = plain.get(text)
            if ok is None:
                ok = plain[text] = not realword_suspect(text) and not _common_lower(text)
            if ok and last is not None:
                prev = [last] if before is None else [before, last]
                if _inside_sentence(prev):
                    names.add(text)
        before, last = last, t
    return frozenset(names)


#: A capitalised word whose lower case is this common (Zipf) and which the period table
#: writes in lower case inside a sentence (capital share below NAME_MAX_CAPITAL_SHARE;
#: "now" 0.16) is no name however often the page repeats it ("Now South Wales" twice
#: is "New"; SMH dev 5,497 -> 5,492 token errors, all five "Now" -> "New").
NAME_MAX_ZIPF = 5.5
NAME_MAX_CAPITAL_SHARE = 0.2


def _common_lower(text: str) -> bool:
    low = text.lower()
    if zipf(low) < NAME_MAX_ZIPF:
        return False
    share = get_ngrams().capital_share(low)
    return share is not None and share < NAME_MAX_CAPITAL_SHARE


def _inside_sentence(prev: list[Token]) -> bool:
    last = prev[-1]
    if last.kind == "word" or last.text == ",":
        return True
    # "Mr. Horn", "Dr. Bell": a title abbreviation before the stop
    return last.text == "." and len(prev) == 2 and prev[0].text in TITLES


#: Abbreviated titles a name follows.
TITLES = frozenset("Mr Mrs Messrs Dr St Capt Rev Hon Col Sir Mr Lieut Sergt Gen".split())


@lru_cache(maxsize=64)  # no hit in 6,093 calls (1 M OCR characters): ~1.4 MB less
def _variants(
    text: str, max_cost: float, max_subs: int
) -> dict[str, tuple[float, tuple[tuple[str, str], ...]]]:
    """Words within ``max_subs`` learned confusions (summed cost <= ``max_cost``) of
    ``text``: a narrower, cheaper search than the non-word one, cached per token.

    :func:`_readings` keeps only readings of Zipf >= :data:`TARGET_MIN_ZIPF` (or the
    light search's higher :data:`LIGHT_TARGET_MIN_ZIPF`), so the walk reads only the
    prefixes that lead to one (:func:`repair.score.ocr_channel.frequent_prefixes`:
    the same kept readings, costs and substitutions, issue 14)."""
    prefixes = frequent_prefixes(min(TARGET_MIN_ZIPF, LIGHT_TARGET_MIN_ZIPF))
    return confusion_variants(text, prefixes, max_cost, max_subs)


def frequent_part(floor: float) -> PrefixIndex:
    """The frequent prefix part (:func:`repair.score.ocr_channel.frequent_prefixes`) a
    walk keeping readings of Zipf >= ``floor`` may read: the real-word search's own
    when its floor is at or below ``floor`` (exact for such a walk: a part of a lower
    floor holds every prefix of the kept readings), so the searches share one part.
    """
    return frequent_prefixes(min(TARGET_MIN_ZIPF, LIGHT_TARGET_MIN_ZIPF, floor))


#: A word the period table has seen this often is a reading even when the dictionary
#: leaves it out ("Mr": "Mi Charles Lloyd Jones", "to Mi. Henry Moore").
PERIOD_TARGET_MIN_COUNT = 500


def _period_target(word: str) -> bool:
    """A reading the dictionary allows that the period table knows too (not "tv", "lol"),
    or a word of the period table frequent enough to be one (:data:`PERIOD_TARGET_MIN_COUNT`)."""
    table = get_ngrams()
    if not table.known(word):
        return False
    return is_target(word) or table.count(word.lower()) >= PERIOD_TARGET_MIN_COUNT


def _lower_form(word: str) -> bool:
    """Whether the period table writes ``word`` mostly in lower case (or has no casing of it)."""
    share = get_ngrams().capital_share(word.lower())
    return share is None or share < ONE_SUB_MAX_CAPITAL_SHARE


def _same_spelling(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one word in its British and American spellings."""
    from repair.candidates.spin_synonyms import _spelled

    return a != b and _spelled(a) == _spelled(b)
