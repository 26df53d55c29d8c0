"""Document consistency: a garbled form of a word the page prints cleanly more often.

A newspaper page names the same people, places and things several times; the OCR
reads most of them right and garbles a few ("Charles" x4, "Charlea" x2; "Pittwater" x3,
"Pittwator" x1; "Committee" x5, "Comrnitteo" x1).  The dictionary and the language
model know few of these names, so the usual reading in context has no evidence for
them.  The page itself has it: a token that is no known word and no listed name,
within the learned confusions of a word the page prints more often (a known word or a
listed name), is read as that word.  The channel cost is the learned one
(:func:`repair.score.ocr_channel.confusion_variants`); the page's own counts are the
prior: ``cost - ln(n(target) / n(token))``.

Only garbled pages (the gate is open) are read this way: in clean text a rare form
near a frequent one is the author's ("Carlile" beside "Carlisle").

Two widenings for newspaper pages (SMH dev): a name neither the dictionary nor the
name list knows is a target too when the page prints it capitalised at least
:data:`NAME_TARGET_COUNT` times and the garbled token is capitalised and one or two
cheap confusions away (:data:`NAME_MAX_COST`: "Coveny" x3, "Covcny"; "Beehag" x2,
"Bcehag"); and a form the old-spelling rules would keep ("Colline": -e) is read when
the page is not early modern print (``old_print=False``: "Colline" beside "Collins" x3).

>>> from repair.tokenize import tokenize
>>> text = "Mr Charles Darragh and Mr Charles Darragh met; Charlea Dirragh left."
>>> toks = tokenize(text)
>>> [(c.features["orig"][0], c.replacement) for c in doc_vocab_candidates(toks)]
[('Charlea', 'Charles'), ('Dirragh', 'Darragh')]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from repair.candidates import ocr_garbletarget, ocr_pagecase, ocr_pageedit
from repair.candidates.ocr_realword import line_broken_piece
from repair.candidates.ocr_rules import page_word_counts, word_cand
from repair.score.ngrams import get_ngrams  # once, not a statement per word (issue 14)
from repair.score.ocr_channel import (
    PrefixIndex,
    archaic_form,
    confusion_variants,
    is_known,
    prefixes_of,
)
from repair.score.ocr_search import MAX_SUBS as WIDE_MAX_SUBS
from repair.score.ocr_search import cost_bound
from repair.types import Candidate, Token

#: A target is printed at least this often on the page ...
MIN_TARGET_COUNT = 2
#: ... more often than the token itself, and the token has at least this many letters.
MIN_LEN = 4
#: Channel cost (nats) a reading may have at most.
MAX_COST = 5.0
#: Margin (nats) the reading needs in context; the page's counts lower its cost.
THRESHOLD = 0.0
#: Tokens with more letters than this get no search (garbage runs).
MAX_LEN = 20
#: A capitalised form no list knows is a target when the page prints it this often ...
NAME_TARGET_COUNT = 2
#: ... for a capitalised token this cheap (nats) to read as it.
NAME_MAX_COST = 3.0
#: Unlisted names are targets (see the module doc).
UNLISTED_NAMES = True
#: A capitalised known word or listed name the page prints once is a target for a
#: capitalised token printed once, this cheap (nats) to read as it ("Rhodcs" beside
#: "Rhodes", "Chartes" beside "Charles"; SMH dev token errors: off 5,492, 2.5 nats
#: 5,489, 3.6 nats 5,487) ...
ONCE = True
ONCE_MAX_COST = 3.6
#: ... on this margin (the language model knows few names; the page is the evidence).
ONCE_THRESHOLD = -2.5
#: Issue 12 (session 51): half of a word broken at a line end is read as a page word by
#: learned confusions only when the reading and the other half make a known word
#: ("fur-⏎tlier" -> "ther": "further"; "pro-⏎claimecl" -> "claimed"), never into a word of
#: its own beside the other half ("higher homolo-⏎gues" -> "gases", "att-⏎cnded" ->
#: "called", "auth-⏎oritics" -> "critics").  The OCR'd modern text audit's dev half;
#: measured in ``benchmarks/RESULTS.md``, session 51, ocraudit.
BROKEN_PIECES = True


def _restores_word(toks: Sequence[Token], i: int, target: str) -> bool:
    """Whether ``target`` read for word ``i``, half of a word broken at a line end, makes a
    known word with the other half (:data:`BROKEN_PIECES`).

    >>> from repair.tokenize import tokenize
    >>> toks = tokenize("the fur-\\ntlier damage and its homolo-\\ngues are")
    >>> _restores_word(toks, 5, "ther"), _restores_word(toks, 15, "gases")
    (True, False)
    """
    if i >= 3 and toks[i - 2].text == "-" and "\n" in toks[i - 1].text:
        joined = toks[i - 3].text + target  # the second half
    elif i + 3 < len(toks) and toks[i + 1].text == "-":
        joined = target + toks[i + 3].text  # the first half
    else:
        return False
    return joined.isalpha() and is_known(joined.lower())


def _is_name(word: str) -> bool:
    return get_ngrams().is_name(word)


def _clean(word: str) -> bool:
    """A form the page may be trusted to print: a known word (of today or of the period
    vocabulary, "Time's") or a listed name."""
    return is_known(word) or get_ngrams().known(word) or (word[:1].isupper() and _is_name(word))


def doc_vocab_candidates(
    toks: Sequence[Token],
    indices: Iterable[int] | None = None,
    counts: Mapping[str, int] | None = None,
    old_print: bool = True,
) -> list[Candidate]:
    """Readings of garbled tokens as words the page prints more often (see module doc).

    ``indices``: the token indices to read (the detector's findings); every word token
    when ``None``.  ``counts``: how often the page prints each word (counted if ``None``).
    ``old_print``: the page may spell as early modern print does (old spellings stay).
    """
    if counts is None:
        counts = page_word_counts(toks)
    targets = page_targets(counts)
    if not targets:
        return []
    prefixes = prefixes_of(w.lower() for w in targets)
    out: list[Candidate] = []
    memo: dict[str, tuple[str, float, tuple] | None] = {}
    page = ocr_pageedit.PageIndex(targets, counts)  # built on its first use
    upper = ocr_pagecase.upper_targets(targets) if ocr_pagecase.CASE_TARGETS else None
    for i in range(len(toks)) if indices is None else indices:
        t = toks[i]
        text = t.text
        if t.kind != "word" or not (MIN_LEN <= len(text) <= MAX_LEN):
            continue
        if text in targets and _clean(text):
            continue
        if text not in memo:
            memo[text] = _best_target(text, counts, targets, prefixes, old_print, page, upper)
        best = memo[text]
        if best is None or _next_to_hyphen(toks, i):
            continue
        target, cost, subs = best
        if line_broken_piece(toks, i):
            if not subs:
                continue  # a plain edit of half a broken word ("legisl-⏎ution" is no "Union")
            if BROKEN_PIECES and not _restores_word(toks, i, target):
                continue  # "homolo-⏎gues" is no "gases": "homologases" is no word
        once = counts[target] <= counts[text]
        out.append(
            word_cand(
                t,
                target,
                "OCR_DOC_WORD",
                finding="doc_vocab",
                cost=cost,
                threshold=ONCE_THRESHOLD if once else THRESHOLD,
                subs=[list(x) for x in subs],
            )
        )
    return out


def _best_target(
    text: str,
    counts: Mapping[str, int],
    targets: dict[str, int],
    prefixes: PrefixIndex,
    old_print: bool = True,
    page: ocr_pageedit.PageIndex | None = None,
    upper: Mapping[str, tuple[str, int]] | None = None,
) -> tuple[str, float, tuple] | None:
    if not any(c.isalpha() for c in text) or _clean(text):
        return None  # a word
    if old_print and archaic_form(text):
        return None  # an old spelling ("profest" beside "protest")
    variants = confusion_variants(text, prefixes, min(MAX_COST, cost_bound(text)), WIDE_MAX_SUBS)
    best: tuple[str, float, tuple] | None = None
    for v, (cost, subs) in variants.items():
        n = targets.get(v)
        if n is None or cost > MAX_COST:
            continue
        if n <= counts[text] and not (
            n == 1 and _capitalised(text) and _once(v, n) and cost <= ONCE_MAX_COST
        ):
            continue
        if not _clean(v) and not (_capitalised(text) and cost <= NAME_MAX_COST):
            continue  # an unlisted name is read only from a capitalised token, cheaply
        total = cost - math.log(n / counts[text])
        if best is None or total < best[1]:
            best = (v, total, subs)
    if best is None and upper and text.isupper():  # "OOPP" beside "Copp" x6 (ocr_pagecase)
        for v, (cost, subs) in variants.items():
            hit = upper.get(v)
            if hit is None or not v.isupper() or cost > MAX_COST:
                continue
            form, n = hit
            if n < MIN_TARGET_COUNT or n <= counts[text]:
                continue
            if not _clean(form) and cost > NAME_MAX_COST:
                continue
            total = cost - math.log(n / counts[text])
            if best is None or total < best[1]:
                best = (v, total, subs)
    if best is None and ocr_pageedit.PLAIN and not old_print:  # no confusion leads there;
        # early print spells a word several ways on a page ("Barnardine", "Barnadine")
        hit = ocr_pageedit.plain_edit_target(text, counts, targets, _clean, page)
        if hit is not None:
            best = (hit[0], hit[1], ())
    return best


def page_targets(counts: Mapping[str, int]) -> dict[str, int]:
    """The words of the page (``counts``: how often it prints each) that a garbled token may
    be read as, with their counts: printed often enough (or once, :func:`_once`) and a
    target (:func:`_target`)."""
    return {
        w: n
        for w, n in counts.items()
        if len(w) >= MIN_LEN
        and w.isalpha()
        and (n >= MIN_TARGET_COUNT or _once(w, n))
        and _target(w, n)
        and (_clean(w) or ocr_garbletarget.garble_of(w, counts) is None)  # not "Fdward"
    }


def _once(word: str, n: int) -> bool:
    """A capitalised clean form the page prints once (:data:`ONCE`)."""
    return ONCE and n == 1 and _capitalised(word) and len(word) >= ONCE_MIN_LEN and _clean(word)


#: Shortest form a once-printed target may be (short names collide: "Hale", "Hals").
ONCE_MIN_LEN = 5


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower()


def _target(word: str, n: int) -> bool:
    """Whether the page's form ``word`` (printed ``n`` times) may be a reading: a clean
    form, or a capitalised name the page repeats (:data:`NAME_TARGET_COUNT`)."""
    if _clean(word):
        return True
    return UNLISTED_NAMES and n >= NAME_TARGET_COUNT and _capitalised(word)


def _next_to_hyphen(toks: Sequence[Token], i: int) -> bool:
    before = toks[i - 1].text if i > 0 else ""
    after = toks[i + 1].text if i + 1 < len(toks) else ""
    return before == "-" or after == "-"
