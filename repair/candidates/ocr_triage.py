"""Per-type triage of a garbled page's unflagged words: builders asked once per type (issue 14).

On a garbled page every word no finding covers walks the per-token loop of
:meth:`repair.candidates.ocr._Generator.candidates`, and several builders there start with
tests of the printed word alone before any test of its neighbours.  Session 58 (speedocr)
counted, on the 100 k-word OCR speed text (``speed_text("ocr", 100000)``, one garbled
document), how often each builder is asked and how often it answers nothing:

* :func:`repair.candidates.ocr_namecase.name_capital_candidates` ("Horace leslie
  Appleton"): 73,954 calls (every lower-case word), 4,728 distinct words, **none** with a
  candidate;
* :func:`repair.candidates.ocr_shortreal.short_real_candidates` ("tie use" -> "the"), from
  :meth:`~repair.candidates.ocr._Generator._realword`: 22,595 calls, 1,672 distinct words,
  21,949 empty (21,792 of them on words that never get one);
* :func:`repair.candidates.ocr_case.capital_word_candidates` ("of Tune, the"): 14,066
  calls, 1,321 distinct words, 14,012 empty.

Each of them answers ``[]`` whatever the context when the word's own tests fail; those
tests are asked here once per word type of the page (``*_may``, remembered in the
page's ``_DocInfo``) and the builder is not called for a word that cannot pass them.
Only tests that cost a table look-up, or whose answer the builder itself reads before
any context test, are hoisted: a first version that asked every title-case type's
confusion readings and short readings (which the builders ask only where the context
holds) added first-time work and was slower in process pairs (session 58).

Exact: each ``*_may`` is the conjunction of the builder's own tests that read only the
printed word (and the shared tables, fixed within a page), so a word for which it is
False gets ``[]`` from the builder in every context; the builders themselves are
unchanged and still make every candidate they made (tested on the words of real and
generated pages against the builders, ``tests/test_ocr_triage58.py``).

Switch: :data:`TRIAGE`.
"""

from __future__ import annotations

from collections.abc import Callable

from repair.candidates import ocr_case, ocr_namecase, ocr_shortreal
from repair.score.ngrams import get_ngrams

#: Ask the word-only tests of three per-token builders once per word type of a garbled
#: page and skip the builder where they fail (hooks in
#: :meth:`repair.candidates.ocr._Generator.candidates` and ``_realword``).  Exact (every
#: output byte-identical; session 58, speedocr: the 100 k-word OCR speed text's 110,615
#: calls of the three builders replayed 0.159 -> 0.112 s, ~0.25 % of the run; process
#: pairs do not resolve it; measured in ``benchmarks/RESULTS.md``).
TRIAGE = True


def may(memo: dict[str, bool], text: str, test: Callable[[str], bool]) -> bool:
    """``test(text)``, remembered in ``memo`` (a page's answers per word type); every word
    may when :data:`TRIAGE` is off."""
    if not TRIAGE:
        return True
    answer = memo.get(text)
    if answer is None:
        answer = memo[text] = test(text)
    return answer


def name_capital_may(text: str) -> bool:
    """Whether :func:`~repair.candidates.ocr_namecase.name_capital_candidates` can give
    the lower-case word ``text`` a candidate in any context: its tests of the word alone
    (a listed name of three letters or more that period text capitalises, with the
    weaker evidence's length bound when the strong evidence is missing)."""
    if len(text) < 3 or not text.isalpha() or not text.islower():
        return False
    table = get_ngrams()
    if not table.is_name(text):
        return False
    share = table.capital_share(text)
    if share is not None and share < ocr_namecase.PERIOD_MIN_SHARE:
        return False
    n = table.count(text)
    if share is not None and n * (1.0 - share) >= ocr_namecase.PERIOD_MAX_LOWER:
        return False
    strong = share is not None and n >= ocr_namecase.PERIOD_MIN_COUNT
    return strong or len(text) >= ocr_namecase.WEAK_MIN_LEN


def capital_word_may(text: str) -> bool:
    """Whether :func:`~repair.candidates.ocr_case.capital_word_candidates` can give the
    capitalised word ``text`` a candidate in any context: a title-case word of four
    letters or more that period text rarely capitalises (table look-ups only: the
    builder's confusion readings are left to it, asked only where its context holds, so
    the triage adds no first-time work)."""
    if len(text) < 4 or not (text[0].isupper() and text[1:].islower()):
        return False
    share = get_ngrams().capital_share(text.lower())
    return share is not None and share < ocr_case.CAPITAL_WORD_MAX_SHARE


def short_real_may(text: str, heavy: bool) -> bool:
    """Whether :func:`~repair.candidates.ocr_shortreal.short_real_candidates` can read
    the word ``text`` in any context: not on a light page, nor a lower-case word without
    a table reading (the readings the builder reads first for a lower-case word; a
    capitalised word's are read only in its context, so it is left to the builder and the
    triage adds no first-time work)."""
    if not (ocr_shortreal.SHORT_REAL and heavy):
        return False
    if not text.islower():
        return True
    return bool(ocr_shortreal.short_real_readings(text))
