"""A speck read as a full stop inside a sentence (session 44, ocrpunct44; issue 12).

A speck on the line prints as a stop: "carried down to the. locals' goal", "he had two
or. three drinks", "now as it is . ascertained beyond a doubt", "that morning .he heard
cries".  English starts no sentence with a lower-case word, so a stop with a lower-case
word after it is the stop of an abbreviation ("hon. secretary", "4s. 7d.", "&c.") or a
speck.  Two shapes are read as specks and deleted:

* a stop glued to a word that English does not end a sentence with -- the language
  model's ln P(end of sentence | word) is below :data:`END_MAX` ("the" -5.1, "of"
  -4.5, "and" -4.0, "at" -4.4; a word the model does not know, an abbreviation, gets
  its back-off, -2.6, and is left alone, as are "since" -3.3, "them" -1.6) -- standing
  alone (nothing glued before it: a book catalogue's "4to." is a figure and "to") and
  with one space and a lower-case known word after it;
* a stop standing alone between two lower-case known words, a space before it and a
  space or the next word after it (no abbreviation ends with a space before its stop).

Runs in the stop pass (:mod:`repair.candidates.ocr_stoppass`) on the corrected text of
the pages where that pass runs (heavily garbled pages and newspaper columns, not verse),
one linear scan of the tokens.

>>> from repair.tokenize import tokenize
>>> page = "down to the. locals' goal as it is . ascertained; the hon. secretary, ever since. then"
>>> [(page[c.start : c.end], c.replacement) for c in stray_stop_candidates(tokenize(page))]
[('.', ''), (' .', '')]
"""

from __future__ import annotations

from repair.types import Candidate, Token

#: On/off (hook in :func:`repair.candidates.ocr_stoppass._stops`).  On: SMH dev -13 / -13
#: (dev-a -7 / -8, dev-b -6 / -5, 13 stops over 10 articles); without the rule for a word
#: glued to a figure, ICDAR gold with synthetic noise broke 116 -> 136 (a catalogue's
#: "4to. cloth"), with it 116 (RESULTS, "Session 44, ocrpunct44").
STRAY_STOP = True
#: ln P(</s> | word) below which a word does not end a sentence (nats).
END_MAX = -3.5
#: Confidence of the reading.
CONFIDENCE = 0.7


def _lower_known(t: Token) -> bool:
    from repair.score.ocr_channel import is_known

    return t.kind == "word" and t.text.isalpha() and t.text.islower() and is_known(t.text)


#: A stop after a determiner or "and" (:data:`NEVER_END`: a word that needs what follows
#: it) is a speck before a capitalised word or a figure too ("the rites of the. Church of
#: England", "between George and . Sussex streets"): the capital is the name's, not a
#: sentence's.  The language model's END_MAX test alone does not separate them: it passes
#: "dealt with. At", "complained of. The", "looked forward to. White" (SMH dev: 4 right,
#: 14 real stops deleted; with the closed set 3 right, 1 against a gold that keeps "fringe;
#: and . English").  On: SMH dev 4,291 / 6,978 -> 4,288 / 6,976 (the other session-50 readers
#: on).  Session 50 (ocrpunct50): see RESULTS.
STRAY_STOP_CAPITAL = True
#: Words :data:`STRAY_STOP_CAPITAL` reads: English ends no sentence with them.
NEVER_END = frozenset({"the", "an", "and", "his", "their", "its", "our", "my", "your"})


def _capital_or_figure(t: Token) -> bool:
    """:data:`STRAY_STOP_CAPITAL`: a capitalised word or a figure after the stop."""
    if not STRAY_STOP_CAPITAL:
        return False
    if t.kind == "number":
        return t.text[:1].isdigit()
    return t.kind == "word" and t.text[:1].isupper() and t.text[1:2].islower()


def _after_non_end(before: Token, nxt: Token, lm) -> bool:  # noqa: ANN001
    """A lone stop after lower-case known word ``before`` that no sentence ends with, before
    a capitalised word or figure ``nxt`` (:data:`STRAY_STOP_CAPITAL`)."""
    if not (_capital_or_figure(nxt) and before.text in NEVER_END):
        return False
    return bool(lm.logprob("</s>", [before.text]) < END_MAX)


def stray_stop_candidates(toks: list[Token]) -> list[Candidate]:
    """A deletion for each stop that is a speck (module doc); ``[]`` when off."""
    if not STRAY_STOP:
        return []
    from repair.candidates.ocr_rules import cand
    from repair.resources.lm import get_lm

    lm = get_lm()
    out: list[Candidate] = []
    n = len(toks)
    for i in range(2, n - 1):
        t = toks[i]
        if t.text != ".":
            continue
        before, after = toks[i - 1], toks[i + 1]
        if before.kind == "space":  # a lone stop: "is . ascertained", "morning .he"
            if "\n\n" in before.text or not _lower_known(toks[i - 2]):
                continue
            nxt = after
            if after.kind == "space":
                if "\n\n" in after.text or i + 2 >= n:
                    continue
                nxt = toks[i + 2]
                start = before.end - 1 if before.text.endswith(" ") else t.start
            else:
                start = t.start
            if not _lower_known(nxt) and not _after_non_end(toks[i - 2], nxt, lm):
                continue
        elif before.end == t.start and _lower_known(before):  # "the. locals'"
            if after.kind != "space" or "\n\n" in after.text or i + 2 >= n:
                continue
            glued = toks[i - 2].kind != "space" and toks[i - 2].end == before.start
            if glued or not (
                _lower_known(toks[i + 2])
                or (before.text in NEVER_END and _capital_or_figure(toks[i + 2]))
            ):
                continue  # a word glued to a figure or a mark: "4to.", "i.e."
            if lm.logprob("</s>", [before.text]) >= END_MAX:
                continue
            start = t.start
        else:
            continue
        out.append(cand(start, t.end, "", "OCR_STRAY_MARK", finding="stray_stop", fixed=CONFIDENCE))
    return out
