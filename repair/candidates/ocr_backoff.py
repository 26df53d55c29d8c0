"""Generic back-off for non-words the learned confusion table cannot read.

The channel model (:mod:`repair.score.ocr_channel`) proposes readings only through
confusions it learned from aligned OCR.  Garble it never saw ("aluays" for "always",
"pojt" for "post", "runningr" for "running", "beinj" for "being") then gets no reading
at all.  This module backs off to **one generic edit** -- a substitution, insertion,
deletion or transposition of a letter -- at a fixed, higher cost
(:data:`BACKOFF_COST`), and only:

* on pages whose garble gate is open (the caller checks);
* for a lower-case, purely alphabetic non-word (never a capitalised or name-like
  token, a number, an acronym or a mixed-case form) that the page prints once (and
  never capitalised, as it would a name), the
  web does not use (Zipf below :data:`RARE_ZIPF`), and neither the period vocabulary
  nor the old-spelling rules know, on a page that is not early modern print;
* when the token is neither glued to a digit ("0ffer") nor two merged words
  ("showsa"), which other candidates read whole;
* when no learned confusion reads it cheaply (:data:`LISTED_MAX_COST`);
* towards a common word (Zipf at least :data:`TARGET_ZIPF`).

Whether the reading is taken is decided by the same two-sided language-model scorer
as every other candidate (:mod:`repair.score.ocr`), with a higher margin
(:data:`THRESHOLD`): the context must clearly want the word.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence

from repair.candidates.ocr_rules import word_cand
from repair.resources.frequency import zipf
from repair.score.ocr_channel import (
    archaic_form,
    is_known,
    is_target,
    split_candidates,
    vocabulary,
)
from repair.types import Candidate, Token

#: Channel cost (nats) of one generic edit (the learned table's single confusions
#: cost 0.3-4.5).
BACKOFF_COST = 5.0
#: The back-off runs only when no learned reading costs less than this (nats).
LISTED_MAX_COST = 5.0
#: Readings are words at least this common (Zipf).
TARGET_ZIPF = 3.5
#: Tokens the web uses this often are rare words, not garble.
RARE_ZIPF = 1.5
#: Margin (nats) the reading needs in context.
THRESHOLD = 1.5
#: Shortest token read.
MIN_LEN = 3
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def one_edits(word: str) -> dict[str, tuple[str, str]]:
    """Strings one edit from ``word`` -> the edit as (source, target) glyphs."""
    out: dict[str, tuple[str, str]] = {}
    n = len(word)
    for i in range(n + 1):
        for ch in _LETTERS:
            out.setdefault(word[:i] + ch + word[i:], ("", ch))  # insertion
        if i < n:
            out.setdefault(word[:i] + word[i + 1 :], (word[i], ""))  # deletion
            for ch in _LETTERS:
                if ch != word[i]:
                    out.setdefault(word[:i] + ch + word[i + 1 :], (word[i], ch))
        if i + 1 < n and word[i] != word[i + 1]:
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            out.setdefault(swapped, (word[i : i + 2], word[i + 1] + word[i]))
    out.pop(word, None)
    return out


def one_edits_in(word: str, keep: Container[str]) -> dict[str, tuple[str, str]]:
    """:func:`one_edits` of ``word`` kept to the strings in ``keep``: the same strings
    with the same edits in the same order (each edit is recorded where
    :func:`one_edits` meets its string first; only strings in ``keep`` are recorded, so
    no pair is built for the ~54 x length others; issue 14, session 23)."""
    out: dict[str, tuple[str, str]] = {}
    n = len(word)
    for i in range(n + 1):
        head, tail = word[:i], word[i:]
        for ch in _LETTERS:
            s = head + ch + tail
            if s in keep and s not in out:
                out[s] = ("", ch)  # insertion
        if i < n:
            rest = word[i + 1 :]
            s = head + rest
            if s in keep and s not in out:
                out[s] = (word[i], "")  # deletion
            for ch in _LETTERS:
                if ch != word[i]:
                    s = head + ch + rest
                    if s in keep and s not in out:
                        out[s] = (word[i], ch)
        if i + 1 < n and word[i] != word[i + 1]:
            swapped = head + word[i + 1] + word[i] + word[i + 2 :]
            if swapped in keep and swapped not in out:
                out[swapped] = (word[i : i + 2], word[i + 1] + word[i])
    out.pop(word, None)
    return out


def backoff_applies(
    toks: Sequence[Token], i: int, counts: Mapping[str, int], period_word: bool
) -> bool:
    """Whether token ``i`` (a non-word finding of a garbled page) may get back-off readings."""
    text = toks[i].text
    if _glued(toks, i):
        return False  # a piece of a longer form ("0ffer", "rainfal1"): read it whole
    if split_candidates(text) or (text[-1] == "a" and is_target(text[:-1])):
        return False  # merged words ("kingwas", "showsa" for "shows a"): not one misreading
    if len(text) < MIN_LEN or not text.isascii() or not text.isalpha() or not text.islower():
        return False  # capitals, names, acronyms, numbers, accented or mixed forms
    if counts.get(text, 0) >= 2 or period_word or is_known(text):
        return False  # the page repeats it, or it is a (period) word
    if counts.get(text.capitalize(), 0) or counts.get(text.upper(), 0):
        return False  # the page prints it capitalised: a name ("Miss Chave")
    if zipf(text) >= RARE_ZIPF or archaic_form(text):
        return False
    return True


def _glued(toks: Sequence[Token], i: int) -> bool:
    """Whether a number or word touches token ``i`` with no space between."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(toks) and toks[j].kind in ("word", "number"):
            return True
    return False


def backoff_candidates(tok: Token, listed_costs: Iterable[float], reason: str) -> list[Candidate]:
    """One-edit readings of ``tok`` when no learned confusion reads it cheaply.

    The caller has checked :func:`backoff_applies` and that the gate is open."""
    if any(c < LISTED_MAX_COST for c in listed_costs):
        return []
    out = []
    vocab = vocabulary()
    for word, sub in one_edits_in(tok.text, vocab).items():
        if zipf(word) < TARGET_ZIPF or not is_target(word):
            continue
        out.append(
            word_cand(
                tok,
                word,
                "OCR_SPELLING",
                finding=reason,
                cost=BACKOFF_COST,
                threshold=THRESHOLD,
                subs=[list(sub)],
                backoff=True,
            )
        )
    return out
