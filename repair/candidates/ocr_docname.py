"""A capitalised print one plain edit from a name the same page prints as often.

A newspaper article names its people and places several times; the OCR garbles one
printing in a way an archive's learned glyph table may never have counted: a worn capital
read as another ("Tohn" beside "John" x2: T -> J is in no table learned from book print),
a letter dropped ("Lawence" beside "Lawrence" x8), "Rjde" beside "Ryde".  The page's own
vocabulary reading (:mod:`repair.candidates.ocr_docvocab`) reaches only what the learned
confusions reach.  This reader is the archive-free form of the same evidence: the page.

For a capitalised word token of a garbled page (first letter a capital, letters only, at
least :data:`MIN_LEN` of them; not a heading in capitals) that is no word (see below), the
page's **names** are its capitalised words (a capital and then lower case) printed at
least :data:`MIN_COUNT` times and at least :data:`MIN_RATIO` times as often as the
token, each a known word or a listed name, or a form no list knows printed at least
:data:`UNLISTED_COUNT` times and itself no garble of a page word.  A name at one plain
edit (:data:`MAX_EDITS` 1; with 2, two only on a heavy page and where the name or the print has
:data:`TWO_EDIT_MIN_LEN` letters and the page prints the name :data:`TWO_EDIT_MIN_COUNT`
times as often as the print; case aside) is the reading when it is the only nearest
one (fewest edits, then most printed); its cost is a generic price per edit
(:data:`EDIT_COST`, no learned row) less the page's odds, ``ln(n(name) / n(token))``, and
the scorer weighs it in context, both sides, against the print on the margin
:data:`THRESHOLD`.  A reading another builder already prices as cheaply is left to it.

A print with capitals inside ("WalPS", "ChnrlcH") is read at one edit only, and a print
that is the name's own plural or possessive, or the name the print's ("Masters" beside
"Master"), or the name with letters glued to either end, or a piece of it ("Quebecto",
"Israelof"), or differs from it by one doubled letter ("Gallahad" beside "Galahad"),
not at all.  A print the page prints more than :data:`MAX_PRINTS` times
is the writer's.

A print that is itself a word ("Tones" beside "Jones" x3, "Wiles" beside "Wales") is read
only with stronger evidence (:data:`REAL_WORDS`): one glyph replaced, a name the page
prints at least :data:`REAL_MIN_COUNT` times, a print no commoner than
:data:`REAL_MAX_ZIPF`, and the print in a name's slot (:func:`name_slot`: after a title
or an initial, or beside a capitalised word that opens no sentence).

Two edits on any garbled page, and a print that is a word, are also read where the
print's own line is garbled (:mod:`repair.candidates.ocr_ownline`: ``TWO_EDITS``,
``REAL_WORDS``, session 64): "Muior" among broken words is the OCR's, "Priya" on a clean
line the writer's.

Switch: :data:`DOC_NAME` (issue 12, session 63; figures in ``benchmarks/RESULTS.md``,
"Session 63, ocrcaps").

>>> from repair.tokenize import tokenize
>>> import repair.candidates.ocr_docname as dn
>>> toks = tokenize("Mr John Smith and John Brown met Tohn Smith at noon.")
>>> [(c.replacement, c.features["finding"]) for c in dn.doc_name_candidates(toks, force=True)]
[('John', 'doc_name')]
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence

from repair.types import Candidate, Token

#: Switch (``ocr.py`` calls :func:`doc_name_candidates` on garbled pages when on).  ON
#: (issue 12, session 63, ocrcaps): ICDAR-only proxy SMH dev 4,733 / 7,833 -> 4,727 /
#: 7,828 ("Lawence", "Tohn", "Rjde", "Bmith" read as the page's Lawrence, John, Ryde,
#: Smith), shipped SMH dev 4,207 / 6,870 -> 4,206 / 6,869; audit dev, light suite dev,
#: census dev, clean English and the speed suite's 100 k OCR text unchanged (figures and
#: the test halves in benchmarks/RESULTS.md, "Session 63, ocrcaps").
DOC_NAME = True
#: Shortest print (and name) read this way (short words are the function-word readers').
MIN_LEN = 4
#: A name is printed at least this often on the page ...
MIN_COUNT = 1
#: ... and at least this many times as often as the print.
MIN_RATIO = 1.0
#: A name no list knows is a target only when the page prints it this often.
UNLISTED_COUNT = 2
#: Most plain edits (letter replaced, inserted or deleted; case aside) between print and
#: name.  2 (with the two settings below) read "Muior" -> Major, "Cmincil" -> Council on SMH
#: dev but also "Priya" -> Prime in the audit and "Nauen" -> Laden in the speed suite's
#: OCR text: a clean unlisted name two edits from a name the page prints often, which no
#: context test here tells apart (the language model prefers any word it knows).
MAX_EDITS = 1
#: Two edits only where the name or the print has at least this many letters.
TWO_EDIT_MIN_LEN = 5
#: Two edits only to a name printed at least this many times as often as the print (a
#: name printed once is evidence for one edit only: "Priya" is no "Prime").
TWO_EDIT_MIN_COUNT = 2
#: Two edits only on a heavily garbled page (the caller's ``heavy``): on a lightly garbled
#: one a name two edits from a print is mostly another name ("Nauen" beside "Laden").
TWO_EDIT_HEAVY = True
#: No reading of a print that is two words run together, a word or name and a common
#: short word (:func:`glued_words`: "Israelof", "Xiand", "Parkis").
GLUED_WORDS = True
#: Cost (nats) of one plain edit, before the page's odds.
EDIT_COST = 2.5
#: Margin (nats) the reading needs in context.
THRESHOLD = 0.0
#: A print the page prints more often than this is the writer's.
MAX_PRINTS = 2
#: Speed only, exact (issue 14, session 65 speedocr): :func:`best_name` reads only the
#: page's names of a length within its reach (grouped once a call, :func:`names_by_length`)
#: instead of testing every name's length; its pick sorts the hits by (edits, -prints,
#: name), so the order the names come in changes nothing.
BY_LENGTH = True
#: Prints that are words are read too, on the stronger evidence below.  OFF (session 63):
#: proxy dev -2 tokens, SMH dev -1 ("Wiles" -> Wales; "Sidney" -> Sydney wrong), but the
#: OCR'd modern text audit broke 43 right tokens: in headline case every capital run is a
#: name's slot ("Core" -> More, "Tour" -> Four beside "More", "Four").
REAL_WORDS = False
#: ... a name printed at least this often,
REAL_MIN_COUNT = 3
#: ... for a print whose lower case is no commoner than this (Zipf: "Last" beside
#: "East" is a word too common to read as another),
REAL_MAX_ZIPF = 5.5
#: ... and only in a name's slot.
REAL_SLOT = True


def _capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower() and word.isalpha()


def _print_shape(word: str) -> bool:
    """A capitalised print: a capital first, letters only, not all capitals."""
    return word[:1].isupper() and word.isalpha() and not word.isupper() and len(word) >= MIN_LEN


def name_slot(toks: Sequence[Token], i: int) -> bool:
    """Whether capitalised token ``i`` stands where a name stands: after a title or an
    initial (:func:`repair.candidates.ocr_namepos.name_position`) or beside a capitalised
    word that opens no sentence (:func:`repair.candidates.ocr_capcase.in_capital_run`,
    or the next word on the line capitalised)."""
    from repair.candidates.ocr_capcase import in_capital_run
    from repair.candidates.ocr_namepos import name_position

    if name_position(list(toks), i) or in_capital_run(list(toks), i):
        return True
    j = i + 1
    if j < len(toks) and toks[j].kind == "space" and "\n" not in toks[j].text:
        j += 1
        return j < len(toks) and toks[j].kind == "word" and _capitalised(toks[j].text)
    return False


def page_names(counts: Mapping[str, int]) -> dict[str, int]:
    """The page's names (see the module doc) with their counts."""
    from repair.candidates import ocr_garbletarget
    from repair.candidates.ocr_docvocab import _clean

    out: dict[str, int] = {}
    for w, n in counts.items():
        if n < MIN_COUNT or len(w) < MIN_LEN or not _capitalised(w):
            continue
        if _clean(w) or (n >= UNLISTED_COUNT and ocr_garbletarget.garble_of(w, counts) is None):
            out[w] = n
    return out


def glued_words(text: str) -> bool:
    """Whether ``text`` is a word (Zipf >= :data:`GLUED_WORD_ZIPF`) run together with a
    common short word of two or three letters (Zipf >= 6) before or after it ("Israelof",
    "Xiand", "Heis").

    >>> glued_words("Israelof"), glued_words("Heis"), glued_words("Lawence"), glued_words("Muior")
    (True, True, False, False)
    """
    from repair.resources.frequency import zipf

    low = text.lower()
    for k in (2, 3):
        if len(low) - k < 2:
            continue
        if zipf(low[-k:]) >= 6.0 and zipf(low[:-k]) >= GLUED_WORD_ZIPF:
            return True
        if zipf(low[:k]) >= 6.0 and zipf(low[k:]) >= GLUED_WORD_ZIPF:
            return True
    return False


#: The word of :func:`glued_words` is at least this common ("Mui" + "or", "To" + "nes" are no glue).
GLUED_WORD_ZIPF = 3.5


def _doubled(a: str, b: str) -> bool:
    """Whether two lower-case forms differ by one doubled letter ("Gallahad", "Galahad"):
    a spelling, no misprint."""
    if abs(len(a) - len(b)) != 1:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    for i in range(1, len(long)):
        if long[i] == long[i - 1] and long[:i] + long[i + 1 :] == short:
            return True
    return False


def _plural_pair(a: str, b: str) -> bool:
    """Whether one of two lower-case forms is the other with "s" or "'s" added."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return long in (short + "s", short + "'s", short + "es")


def _glued(a: str, b: str) -> bool:
    """Whether one of two lower-case forms of unequal length starts or ends with the other:
    a word glued to the name ("Quebecto", "Israelof") or a piece of it, no misprint."""
    if len(a) == len(b):
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return long.startswith(short) or long.endswith(short)


def best_name(
    text: str,
    counts: Mapping[str, int],
    names: Mapping[str, int],
    heavy: bool = True,
    line_two: bool = False,
    by_len: Mapping[int, list[tuple[str, int, str]]] | None = None,
) -> tuple[str, int] | None:
    """The one nearest page name of print ``text`` and its edit count, or ``None``;
    ``heavy``: a heavily garbled page (two edits only there, :data:`TWO_EDIT_HEAVY`);
    ``line_two``: two edits on any page, the caller asking each print's own line
    (:data:`repair.candidates.ocr_ownline.TWO_EDITS`); ``by_len``: ``names`` as
    :func:`names_by_length` groups them (:data:`BY_LENGTH`), read instead of every name."""
    from rapidfuzz.distance import Levenshtein

    low = text.lower()
    mixed = not text[1:].islower()
    most = MAX_EDITS if heavy or not TWO_EDIT_HEAVY else 1
    if line_two:
        most = max(most, 2)
    reach = max(MAX_EDITS, most)
    if GLUED_WORDS and glued_words(text):
        return None  # "Xiand", "Heis", "Parkis": two words run together
    mine = max(1, counts.get(text, 0))
    if counts.get(text, 0) > MAX_PRINTS:
        return None
    found: list[tuple[int, int, str]] = []
    if by_len is not None:  # only the names of a length within reach (BY_LENGTH)
        size = len(text)
        near: Iterable[tuple[str, int, str]] = [
            row for m in range(size - reach, size + reach + 1) for row in by_len.get(m, ())
        ]
    else:
        near = ((w, n, w.lower()) for w, n in names.items())
    for w, n, wlow in near:
        if w == text or n < MIN_RATIO * mine or abs(len(w) - len(text)) > reach:
            continue
        d = Levenshtein.distance(low, wlow, score_cutoff=reach)
        if d == 0 or d > most:
            continue
        if d == 2 and (max(len(w), len(text)) < TWO_EDIT_MIN_LEN or n < TWO_EDIT_MIN_COUNT * mine):
            continue  # two edits: a longer word, and a name the page prints twice as often
        if d > 1 and mixed:
            continue  # "ChnrlcH", "HOOtl": capitals inside, a garble beyond one glyph
        if _plural_pair(low, wlow) or _glued(low, wlow) or _doubled(low, wlow):
            continue  # "Masters" beside "Master": the name's own form; "Quebecto": glued
        found.append((d, -n, w))
    if not found:
        return None
    found.sort()  # (edits, -prints, name): a total order, whatever order the names came in
    if len(found) > 1 and found[1][:2] == found[0][:2]:
        return None  # two names as near and as printed: no evidence for either
    d, _n, w = found[0]
    return w, d


def names_by_length(names: Mapping[str, int]) -> dict[int, list[tuple[str, int, str]]]:
    """``names`` grouped by length: ``(name, count, lower case)`` rows (:data:`BY_LENGTH`)."""
    out: dict[int, list[tuple[str, int, str]]] = {}
    for w, n in names.items():
        out.setdefault(len(w), []).append((w, n, w.lower()))
    return out


def priced(cands: Sequence[Candidate]) -> dict[tuple[int, int, str], float]:
    """The cheapest cost of each (start, end, reading) of ``cands``."""
    out: dict[tuple[int, int, str], float] = {}
    for c in cands:
        key = (c.start, c.end, c.replacement)
        cost = float(c.features.get("cost", 0.0))
        if cost < out.get(key, math.inf):
            out[key] = cost
    return out


def doc_name_candidates(
    toks: Sequence[Token],
    counts: Mapping[str, int] | None = None,
    taken: Mapping[tuple[int, int, str], float] | None = None,
    force: bool = False,
    heavy: bool = True,
    suspects: Collection[int] = (),
) -> list[Candidate]:
    """Readings of capitalised prints as a name the page prints more often (module doc).
    ``taken``: the cost of each (start, end, reading) already proposed (:func:`priced`; a
    reading is proposed again only cheaper); ``force``: read though :data:`DOC_NAME` is
    off (tests); ``heavy``: the page is heavily garbled; ``suspects``: the token indices
    the detector flags (:mod:`repair.candidates.ocr_ownline`'s damage)."""
    if not (DOC_NAME or force):
        return []
    from repair.candidates import ocr_ownline
    from repair.candidates.ocr_docvocab import _clean
    from repair.candidates.ocr_rules import page_word_counts, word_cand
    from repair.resources.frequency import zipf

    if counts is None:
        counts = page_word_counts(list(toks))
    names = page_names(counts)
    if not names:
        return []
    out: list[Candidate] = []
    memo: dict[str, tuple[str, int] | None] = {}
    by_len: dict[int, list[tuple[str, int, str]]] | None = None
    line_two = ocr_ownline.TWO_EDITS
    plain_two = MAX_EDITS >= 2 and (heavy or not TWO_EDIT_HEAVY)
    line_real = ocr_ownline.REAL_WORDS
    for i, t in enumerate(toks):
        text = t.text
        if t.kind != "word" or not _print_shape(text):
            continue
        if text not in memo:
            if by_len is None and BY_LENGTH:
                by_len = names_by_length(names)
            memo[text] = best_name(text, counts, names, heavy, line_two, by_len)
        hit = memo[text]
        if hit is None:
            continue
        name, d = hit
        if d == 2 and not plain_two:
            if counts.get(text, 0) > ocr_ownline.TWO_EDIT_MAX_PRINTS:
                continue  # "Thsss" x2 beside "This": a form repeated letter for letter
            if not ocr_ownline.garbled_line(toks, i, counts, suspects):
                continue  # "Priya" beside "Prime": two edits only among damaged words
            if ocr_ownline.LIST_GUARD and ocr_ownline.in_name_list(toks, i):
                continue  # "Rowett" beside "Robert" in a list of names: another person
        real = _clean(text) or _clean(text.lower())
        if real:
            if not (REAL_WORDS or line_real) or d > 1 or len(name) != len(text):
                continue
            if names[name] < REAL_MIN_COUNT or zipf(text.lower()) > REAL_MAX_ZIPF:
                continue
            if line_real and ocr_ownline.INFLECTIONS and ocr_ownline.same_lemma(text, name):
                continue  # "Aldermen" beside "Alderman": the word's own inflection
            slot = REAL_WORDS and (not REAL_SLOT or name_slot(toks, i))
            if not slot and not (
                line_real
                and ocr_ownline.garbled_line(
                    toks, i, counts, suspects, share=ocr_ownline.REAL_MIN_SHARE
                )
            ):
                continue  # "Core" beside "More" in a headline: a word, on a clean line
            if not slot and ocr_ownline.LIST_GUARD and ocr_ownline.in_name_list(toks, i):
                continue  # "Marr" beside "Mary" in a list of names: another person
        n, mine = names[name], max(1, counts.get(text, 0))
        cost = d * EDIT_COST - math.log(n / mine)
        if taken is not None and taken.get((t.start, t.end, name), math.inf) <= cost:
            continue  # another reader reads it as cheaply
        out.append(
            word_cand(
                t,
                name,
                "OCR_DOC_WORD",
                finding="doc_name",
                cost=round(cost, 4),
                threshold=THRESHOLD,
                edits=d,
                page_count=n,
            )
        )
    return out
