"""A garbled name beside its clean form: the page's own name is the reading ("Mbiia", "Mbua" x3).

A page names the same person several times and the OCR garbles one of them: "Written By
Rodney Mbiia" on a page that prints "Mbua" cleanly elsewhere.  The page's vocabulary
reading (:mod:`repair.candidates.ocr_docvocab`, ``OCR_DOC_WORD``) finds "Mbua", but the
language model knows no "Mbua" and the token's other readings are what it knows: a
common word through a costly capital row ("while", the language model's favourite after a
name) or a listed name the page never prints ("Moira").  Neither has the page's
evidence.

So when a capitalised token has a page reading to a capitalised word the page prints at
least :data:`MIN_COUNT` times (more often than the token), and that word is a name on the
page (never printed in lower case there, and no common word: Zipf below
:data:`MAX_ZIPF`), the token's other whole-token readings that are lower-case words or
capitalised words the page prints fewer than :data:`MIN_COUNT` times are dropped, and
the page reading is taken on the margin :data:`THRESHOLD` (the language model knows few
names; the page is the evidence).  Readings of other spans (splits, joins), other page
readings and readings to capitalised words the page prints (:data:`KEEP_COUNT`) stay
and compete.  The name must be at least as name-like as the print
(:data:`MIN_SHAPE_GAIN`).  A token that is itself a known word or a listed name is left to the usual
readings (the page may print a garble more often than the name: "Balgownio" x3).  Only
on garbled pages (the caller's gate).  On by default (:data:`PAGE_NAME`, session 41).

>>> from collections import Counter
>>> from repair.candidates.ocr_rules import cand
>>> cs = [cand(0, 5, "Mbua", "OCR_DOC_WORD", orig=["Mbiia"], alt=["Mbua"], cost=1.2,
...            threshold=0.0, subs=[["ii", "u"]]),
...       cand(0, 5, "while", "OCR_CONFUSION", orig=["Mbiia"], alt=["while"], cost=10.8),
...       cand(0, 5, "Moira", "OCR_NAME", orig=["Mbiia"], alt=["Moira"], cost=6.0)]
>>> kept = prefer_page_names(cs, Counter({"Mbua": 3, "Mbiia": 1}))
>>> [(c.replacement, c.features.get("threshold")) for c in kept] == (
...     [("Mbua", THRESHOLD)] if PAGE_NAME else [("Mbua", 0.0), ("while", None), ("Moira", None)])
True
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.candidates.ocr_rules import capitalised_word as _capitalised
from repair.candidates.ocr_rules import with_features
from repair.types import Candidate

#: Prefer the page's printed name over other readings of a garbled capitalised token.
#: Off: SMH dev 4,699 -> 4,695 tokens wrong (with :data:`NAME_PLACE_MARGIN` of
#: :mod:`repair.candidates.ocr_nameplace`: 4,691), but SMH test is flat (5,581 -> 5,582 with
#: both; "Tamos" -> "James" becomes "Tames", a garble the page prints twice):
#: benchmarks/RESULTS.md, session 32.  On since session 41 (ocrname41): SMH dev-a 2,014 /
#: 3,255 unchanged, dev-b 2,511 -> 2,508 tokens / 4,058 -> 4,052 chars ("Montcfiorc's",
#: "Goodlilnd", "Risiian"), test unchanged, ICDAR 1-80 no edit differs, the 1 M-word OCR'd
#: modern text 449 broken both ways (+7 fixed): session 35's two breaks there are gone.
PAGE_NAME = True
#: The page's name must be the clean form of its cluster: no listed name is one cheap
#: learned confusion away from it (a page may print a garble of a listed name twice:
#: "Tames" beside "Tamos", read "James"; session 35).
CLEAN_NAME = True
#: The page prints the name at least this often (and more often than the token; SMH dev
#: 4,691 tokens wrong with 2, 4,694 with 3).
MIN_COUNT = 2
#: The garbled token is printed at most this often, and read through learned confusions
#: (``subs``; no plain edit): the speed text prints "Mueggelsee" twice beside
#: "Mueggelberge", a plain edit away.
MAX_TOKEN_COUNT = 1
#: Capitalised readings the page prints this often compete with the page's name.
KEEP_COUNT = 2
#: A common word is no page name ("The", "Company"): its lower-case Zipf is below this.
MAX_ZIPF = 3.0
#: The page's name is at least this much more name-like than the print (nats, the names'
#: character model of :mod:`repair.candidates.ocr_nameshape`): a page of old print may
#: print a garble twice ("Devdl" x2 beside "Devill": -21; "Mbua" beside "Mbiia": +5.2).
MIN_SHAPE_GAIN = 0.0
#: Margin (nats) the page's name needs in context: the page reading costs at most 5
#: nats (``ocr_docvocab.MAX_COST``), so the name wins unless the language model is
#: against it (SMH dev: -2.5 leaves "Risiian" beside "Risman" x2, cost 4.5).
THRESHOLD = -5.0


def _garbled_name(word: str) -> bool:
    """Whether ``word`` reads as a listed name by one cheap learned confusion
    (:func:`repair.candidates.ocr._cheap_names`: "Tames" -> "James"): a garble the page
    repeats, not the cluster's clean form."""
    from repair.candidates.ocr import _cheap_names
    from repair.score.ngrams import get_ngrams

    table = get_ngrams()
    return any(c.text != word for c in _cheap_names(word, table.is_name))


def _listed(word: str) -> bool:
    """A known word or a listed name (:func:`repair.candidates.ocr_docvocab._clean`)."""
    from repair.candidates.ocr_docvocab import _clean

    return _clean(word)


def _shape_gain(printed: str, name: str) -> float:
    """How much more name-like ``name`` is than ``printed`` (names' character model)."""
    from repair.candidates.ocr_nameshape import _logprob, _model

    model = _model()
    return _logprob(model, name) - _logprob(model, printed)


def page_name(word: str, counts: Mapping[str, int]) -> bool:
    """Whether ``word`` is a name the page prints: capitalised, printed at least
    :data:`MIN_COUNT` times, never in lower case, and no common word.

    >>> page_name("Mbua", {"Mbua": 3}), page_name("Mbua", {"Mbua": 1})
    (True, False)
    >>> page_name("Company", {"Company": 9}), page_name("Mbua", {"Mbua": 3, "mbua": 1})
    (False, False)
    """
    from repair.resources.frequency import zipf

    if not _capitalised(word) or counts.get(word, 0) < MIN_COUNT:
        return False
    low = word.lower()
    return counts.get(low, 0) == 0 and zipf(low) < MAX_ZIPF


def prefer_page_names(cands: list[Candidate], counts: Mapping[str, int]) -> list[Candidate]:
    """``cands`` with the page's name preferred where a page reading finds one (module doc)."""
    if not PAGE_NAME:
        return cands
    chosen: dict[tuple[int, int], Candidate] = {}
    for c in cands:
        if c.source != "OCR_DOC_WORD":
            continue
        f = c.features
        orig = f.get("orig")
        if not orig or len(orig) != 1 or not _capitalised(orig[0]) or _listed(orig[0]):
            continue  # a listed name as printed is no garble of the page's ("Balgownie")
        if not f.get("subs") or counts.get(orig[0], 0) > MAX_TOKEN_COUNT:
            continue  # a plain edit, or a form the page repeats: a name of its own ("Mueggelsee")
        name = c.replacement
        if counts.get(name, 0) <= counts.get(orig[0], 0) or not page_name(name, counts):
            continue
        if _shape_gain(orig[0], name) < MIN_SHAPE_GAIN:
            continue
        if CLEAN_NAME and _garbled_name(name):
            continue  # the page's form is itself a garble of a listed name ("Tames" x2)
        span = (c.start, c.end)
        old = chosen.get(span)
        if old is None or float(f["cost"]) < float(old.features["cost"]):
            chosen[span] = c
    if not chosen:
        return cands
    out: list[Candidate] = []
    for c in cands:
        page = chosen.get((c.start, c.end))
        if page is None:
            out.append(c)
        elif c is page:
            f = c.features
            thr = f.get("threshold")
            thr = THRESHOLD if thr is None else min(float(thr), THRESHOLD)
            out.append(with_features(c, {**f, "threshold": thr, "page_name": True}))
        elif c.source == "OCR_DOC_WORD" or (
            c.replacement[:1].isupper() and counts.get(c.replacement, 0) >= KEEP_COUNT
        ):
            out.append(c)  # another word the page prints: the two compete ("Bpt": "Sgt")
    return out


#: A capitalised word the page prints :data:`PRINTED_MIN_COUNT` times or more, never in
#: lower case, and which the frequency list knows as a word of the language, is a name of
#: the page: no reading to another content word replaces it ("Seles" five times in a
#: tennis report, Zipf 1.9, was read "Sales" by a cheap e -> a confusion); a common
#: word (Zipf :data:`MAX_ZIPF` or more: "Major" beside a garbled "Mayor") is no name.  OCR garbles
#: one print at a time; the same garble printed three times over is a systematic
#: misreading of a common word ("Tbe", "Tho"), whose reading is a closed-class word and
#: stays.  Session 36 (the lead); :data:`repair.candidates.ocr_pagehabit.KEEP_NAMES` does
#: the same for the page-habit reader.
KEEP_PRINTED = True
PRINTED_MIN_COUNT = 3


def printed_name(word: str, counts: Mapping[str, int]) -> bool:
    """Whether ``word`` is a name the page prints (:data:`KEEP_PRINTED`).

    >>> printed_name("Seles", {"Seles": 5}), printed_name("Seles", {"Seles": 2})
    (True, False)
    >>> printed_name("Seles", {"Seles": 5, "seles": 1}), printed_name("Mdes", {"Mdes": 3})
    (False, False)
    >>> printed_name("Major", {"Major": 4})  # a common word: a garbled "Mayor" may share it
    False
    """
    from repair.resources.frequency import zipf

    if not _capitalised(word) or counts.get(word, 0) < PRINTED_MIN_COUNT:
        return False
    low = word.lower()
    return counts.get(low, 0) == 0 and 0 < zipf(low) < MAX_ZIPF


def keep_printed_names(cands: list[Candidate], counts: Mapping[str, int]) -> list[Candidate]:
    """``cands`` without one-word readings of a page's printed name to another content word
    (:data:`KEEP_PRINTED`)."""
    if not KEEP_PRINTED:
        return cands
    from repair.detect.span_echo import closed_class

    names: dict[str, bool] = {}
    out = []
    for c in cands:
        orig = c.features.get("orig")
        word = orig[0] if orig and len(orig) == 1 else ""
        if word and c.end - c.start == len(word) and c.replacement.isalpha():
            if word not in names:
                names[word] = printed_name(word, counts)
            if (
                names[word]
                and c.replacement.lower() != word.lower()
                and not counts.get(c.replacement, 0)
                and not closed_class(c.replacement.lower())
            ):
                continue
        out.append(c)
    return out
