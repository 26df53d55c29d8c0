"""A garbled title the page's own reading turns into a title opens a surname's slot (issue 12).

:func:`repair.candidates.ocr_surname.keep_surnames` keeps a listed surname as printed where
a surname stands: after a title or an initial, or after a listed name in that place
("Mr. Bussell", "Sgt John Doak").  On a garbled page the title is often garbled too:
"Mra. Bussell" (read "Russell"), "Sfrt John Doak" (read "Desk"): the slot test reads the
printed title and finds none, so the right surname is read as another word.  The page's
own readings say otherwise: the repair reads "Mra" as "Mrs" and "Sfrt" as "Sgt" (those
readings are among the candidates the surname guard is given).  Where a candidate reads
the whole word before a capitalised token (across one space and an optional full stop)
as a title of :data:`repair.candidates.ocr_namepos.TITLES`, that token stands in a
surname's slot, as after the printed title; so does a listed name after such a token
("Sfrt John Doak").

No list of names or pairs: the name list, the title list the slot test already uses and
the page's own readings decide.  The surname guard's other tests stay (a listed name the
English word list lacks, :data:`repair.candidates.ocr_surname.UNKNOWN_ONLY`).

>>> from repair.tokenize import tokenize
>>> from repair.candidates.ocr_rules import cand
>>> toks = tokenize("and Mra. Bussell, Sfrt John Doak")
>>> by_start = {t.start: i for i, t in enumerate(toks)}
>>> titled = read_titles(toks, by_start, [cand(4, 7, "Mrs", "OCR_CONFUSION"),
...                                      cand(18, 22, "Sgt", "OCR_CONFUSION")])
>>> sorted(toks[j].text for j in titled)
['Mra', 'Sfrt']
>>> [toks[i].text for i in (5, 10, 12) if read_title_slot(toks, i, titled)]
['Bussell', 'John', 'Doak']
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from repair.candidates.ocr_namepos import TITLES
from repair.types import Candidate, Token

#: Issue 12 (session 58, ocrbroken): a word the page's readings turn into a title opens a
#: surname's slot for :func:`repair.candidates.ocr_surname.keep_surnames` (read only when
#: :data:`repair.candidates.ocr_surname.SURNAME_KEEP` is on).  With it, in-process on main
#: 4451ccf2: SMH dev 4,238 / 6,904 -> 4,234 / 6,899 (the surname guard alone 4,237 / 6,903;
#: "Mra. Bussell", "Sfrt John Doak" kept), proxy dev 4,769 / 7,867 -> 4,768 / 7,863 (alone
#: 4,769 / 7,864), audit dev 1 broken / 14,377 fixed both: benchmarks/RESULTS.md, "Session
#: 58, ocrbroken".  On.
READ_TITLE_SLOT = True


def read_titles(
    toks: list[Token], by_start: Mapping[int, int], cands: list[Candidate]
) -> frozenset[int]:
    """The indices of the word tokens some candidate of ``cands`` reads, whole, as a title
    (:data:`repair.candidates.ocr_namepos.TITLES`, a trailing full stop ignored)."""
    out: set[int] = set()
    for c in cands:
        i = by_start.get(c.start)
        if i is None or toks[i].end != c.end or toks[i].text in TITLES:
            continue
        if c.replacement.rstrip(".") in TITLES:
            out.add(i)
    return frozenset(out)


def _before(toks: list[Token], i: int) -> int | None:
    """The index of the word before token ``i`` across one space token and an optional
    full stop (as :func:`repair.candidates.ocr_namepos.word_before` reads it)."""
    j = i - 1
    if j < 0 or toks[j].kind != "space" or "\n\n" in toks[j].text:
        return None
    j -= 1
    if j >= 0 and toks[j].text == ".":
        j -= 1
    if j < 0 or toks[j].kind != "word":
        return None
    return j


def read_title_slot(toks: list[Token], i: int, titled: Collection[int]) -> bool:
    """Whether capitalised token ``i`` follows a word of ``titled`` (:func:`read_titles`),
    or follows a listed name that follows one, with no full stop after that name."""
    if not titled or not toks[i].text[:1].isupper():
        return False
    j = _before(toks, i)
    if j is None:
        return False
    if j in titled:
        return True
    if j != i - 2:
        return False  # a stop after the name: "... John. Doak"
    from repair.score.ngrams import get_ngrams

    k = _before(toks, j)
    word = toks[j].text
    return (
        k is not None
        and k in titled
        and word[:1].isupper()
        and word[1:].islower()
        and get_ngrams().is_name(word)
    )
