"""Which words no real-word reader can read, told once per word type (issue 14, session 23).

On a garbled page every word no finding covers is offered to the real-word readers
(:meth:`repair.candidates.ocr._Generator._realword`): the confusion walk's readings
(:func:`repair.candidates.ocr_realword.realword_candidates`), the two-letter readings in a
lone letter's place (:func:`repair.candidates.ocr_shortword.short_readings`) and the
short real words' readings (:func:`repair.candidates.ocr_shortreal.short_real_candidates`).
Each of them starts from a table of readings cached per word type and returns nothing
when that table is empty, whatever the word's neighbours; most words of a page ("the",
"said", "government") have none in any of the three.  :func:`reads_nothing` asks the
three tables once per type, and the caller skips the readers (about eight Python calls
a word) for a word that has none.

Exact: a word of two or more letters for which :func:`reads_nothing` is true gets ``[]``
from ``_realword`` in any context (the test is the readers' own first test, in their
order of evidence: ``realword_candidates`` returns ``[]`` on an empty
``ocr_realword._readings``; the lone-letter branch builds its readings from
``short_readings``, which is empty for any word but a lower-case two-letter one; and
``short_real_candidates`` builds its readings from ``short_real_readings``, empty outside
:data:`~repair.candidates.ocr_shortreal.MIN_LEN` to
:data:`~repair.candidates.ocr_shortreal.MAX_LEN` letters).  Tested on every word of the
identity inputs against ``_realword`` itself (``tests/test_ocr_firstpass.py``).

Switch: :data:`FIRST_PASS`.
"""

from __future__ import annotations

from repair.candidates import ocr_realword, ocr_shortreal, ocr_shortword

#: Skip the real-word readers for words no table reads (hook in
#: :meth:`repair.candidates.ocr._Generator.candidates`).
FIRST_PASS = True


def reads_nothing(text: str, heavy: bool) -> bool:
    """Whether ``_realword`` of a word printed ``text`` (two letters or more) on a page
    that is ``heavy`` (or not) returns ``[]`` wherever it stands (module doc)."""
    if not FIRST_PASS or len(text) < 2:
        return False
    if ocr_realword._readings(text, heavy):
        return False
    if ocr_realword.GARBLED_REACH and heavy and text.islower():
        if ocr_realword._garbled_readings(text, frozenset()):
            return False  # read beside a garbled word only (:data:`~.ocr_realword.GARBLED_REACH`)
    size = len(text)
    if not heavy:  # the lone-letter and short real readings are heavy pages' only
        return not (
            ocr_shortword.GARBLED_PAGES
            and ocr_shortword.SHORT_WORDS
            and size == 2
            and ocr_shortword.short_readings(text)
        )
    if ocr_shortword.SHORT_WORDS and size == 2 and ocr_shortword.short_readings(text):
        return False
    return not (
        ocr_shortreal.SHORT_REAL
        and ocr_shortreal.MIN_LEN <= size <= ocr_shortreal.MAX_LEN
        and ocr_shortreal.short_real_readings(text)
    )
