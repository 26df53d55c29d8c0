"""OCR casing errors: a capital glyph read inside running text.

Two patterns newspaper OCR makes (Sydney Morning Herald, ABBYY FineReader):

* the lower-case ``i``/``j`` that opens a word read as a capital, inside a line (a
  verse line opens with a capital): "went In the house",
  "it Is said", "was Joined by" -> "in", "is", "joined";
* one capital inside a lower-case word: "reductIon", "waS", "sHould" -> lower case.

Both only lower-case a letter; the word itself must be known.  Real mixed-case forms
(IoT, iPhone, pH, mRNA, McDonald) are never touched: a word that starts with a capital
is only lowered when it opens with I/J, sits between lower-case words and is a function
word (or a word the document itself writes in lower case); an inner capital only after
the second letter of a lower-case word that does not recur in that form.

>>> from repair.tokenize import tokenize
>>> toks = tokenize("the men went In the house")
>>> [c.replacement for c in case_candidates(toks, 6, frozenset(), {}, garbled=False)]
['in']
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.candidates.ocr_rules import cand
from repair.score.frequency import zipf
from repair.score.ocr_channel import is_known
from repair.types import Candidate, Token

#: Words an initial I/J capital is lowered for in any document (never names).
FUNCTION_WORDS = frozenset({"in", "is", "it", "its", "into", "if"})
#: Other words need a garbled document, the lower-case form in the document, and this
#: frequency ("joined", "income", "information").
OTHER_MIN_ZIPF = 3.5
#: An inner capital is lowered when the lower-case word is at least this frequent.
INNER_MIN_ZIPF = 3.5
#: Confidence of a casing repair (no language-model decision: the LM has no case).
CONFIDENCE = 0.8


_VERSE_OPENERS = frozenset(
    "The And But Of To With That For As When Where Which Who What How Or Nor Yet So".split()
)
#: A text with this many capitalised openers after a lower-case word on the same line
#: ("the steeple And the bells") is verse set as prose: its capitals are the author's.
VERSE_MIN = 2


def verse_like(toks: list[Token]) -> bool:
    """Whether capitals after lower-case words are a habit of the text (verse run into
    one line, titles): then a capital "In" is the author's, not the OCR's."""
    n = 0
    for i in range(2, len(toks)):
        t = toks[i]
        if t.kind == "word" and t.text in _VERSE_OPENERS:
            sep, before = toks[i - 1], toks[i - 2]
            if sep.kind == "space" and "\n" not in sep.text and before.kind == "word":
                if before.text.islower():
                    n += 1
                    if n >= VERSE_MIN:
                        return True
    return False


def _word_before(toks: list[Token], i: int) -> Token | None:
    """The token before ``i`` on the same line (a verse line opens with a capital)."""
    j = i - 1
    if j >= 0 and toks[j].kind == "space":
        if "\n" in toks[j].text:
            return None
        j -= 1
    return toks[j] if j >= 0 else None


def _word_after(toks: list[Token], i: int) -> Token | None:
    j = i + 1
    if j < len(toks) and toks[j].kind == "space" and "\n\n" not in toks[j].text:
        j += 1
    return toks[j] if j < len(toks) else None


def case_candidates(
    toks: list[Token],
    i: int,
    lower_words: frozenset[str],
    counts: Mapping[str, int],
    *,
    garbled: bool,
) -> list[Candidate]:
    """A lower-casing candidate for word token ``i``, or nothing."""
    tok = toks[i]
    text = tok.text
    if len(text) < 2 or not text.isalpha():
        return []
    low = text.lower()
    if text[0] in "IJ" and text[1:].islower():
        before, after = _word_before(toks, i), _word_after(toks, i)
        if before is None or after is None or after.kind != "word":
            return []
        if not (before.kind == "word" and before.text.islower() and after.text[:1].islower()):
            return []
        ok = low in FUNCTION_WORDS or (
            garbled and low in lower_words and zipf(low) >= OTHER_MIN_ZIPF
        )
        rule_finding = "initial_capital"
    elif garbled and text[0].islower() and sum(ch.isupper() for ch in text) == 1:
        pos = next(k for k, ch in enumerate(text) if ch.isupper())
        ok = (
            len(text) >= 3
            and pos >= 2
            and counts.get(text, 0) < 2
            and is_known(low)
            and zipf(low) >= INNER_MIN_ZIPF
        )
        rule_finding = "inner_capital_case"
    else:
        return []
    if not ok:
        return []
    return [cand(tok.start, tok.end, low, "OCR_CASE", finding=rule_finding, fixed=CONFIDENCE)]
