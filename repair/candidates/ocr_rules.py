"""Rule names of the ocr stage and the edit kind of each; the candidate constructor."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from operator import attrgetter, countOf
from types import MemberDescriptorType
from typing import Any

from repair.types import Candidate, Token

KIND_OF_RULE = {
    "OCR_CONFUSION": "ocr",
    "OCR_DOC_WORD": "ocr",
    "OCR_SPELLING": "ocr",
    "OCR_REALWORD": "ocr",
    "OCR_DIGIT_I": "ocr",
    "OCR_CASE": "ocr",
    "OCR_NAME": "ocr",
    "OCR_STRAY_MARK": "ocr",
    "OCR_LOST_STOP": "ocr",
    "OCR_SPLIT_MERGED": "spacing",
    "OCR_JOIN_SPLIT": "spacing",
    "OCR_COMMA_SPACE": "spacing",
    "OCR_DEHYPHENATE": "hyphenation",
    "OCR_HYPHEN_COMPOUND": "hyphenation",
    "OCR_INLINE_HYPHEN": "hyphenation",
    "OCR_REFLOW": "hyphenation",
}


def capitalised_word(word: str) -> bool:
    """A plain capitalised word: letters only, one capital first, the rest lower case
    ("Hoskin"; not "A", "McKay", "IoT", "O'Neil").

    >>> [capitalised_word(w) for w in ("Hoskin", "A", "McKay", "hoskin", "Ab1")]
    [True, False, False, False, False]
    """
    return word.isalpha() and word[0].isupper() and word[1:].islower()


def cand(start: int, end: int, repl: str, rule: str, **features: object) -> Candidate:
    """A candidate of the ocr stage; its kind follows from ``rule``."""
    # ``**features`` is already a new dict: no copy of it (one per candidate; issue 14)
    kind = KIND_OF_RULE[rule]
    if not _FAST:
        return Candidate(start, end, repl, kind, rule, features)
    # ``Candidate(...)`` without the frozen dataclass's ``__init__`` (a Python frame and
    # six ``object.__setattr__`` calls): the same six slots set in C (issue 14, session 25;
    # as :func:`repair.tokenize.tokenize` makes its tokens)
    new, set_start, set_end, set_repl, set_kind, set_source, set_features = _SLOTS
    c = new(Candidate)
    set_start(c, start)
    set_end(c, end)
    set_repl(c, repl)
    set_kind(c, kind)
    set_source(c, rule)
    set_features(c, features)
    return c


def word_cand(tok: Token, reading: str, rule: str, finding: str, **features: object) -> Candidate:
    """:func:`cand` reading one token as one word: ``orig`` its text, ``alt`` the word (the
    features in the order ``finding``, ``orig``, ``alt``, then ``features``' own)."""
    return cand(
        tok.start, tok.end, reading, rule, finding=finding, orig=[tok.text], alt=[reading],
        **features,
    )  # fmt: skip


def join_cand(a: Token, b: Token, joined: str, finding: str, **features: object) -> Candidate:
    """:func:`cand` reading tokens ``a`` to ``b`` as one word (``OCR_JOIN_SPLIT``): ``orig``
    their texts, ``alt`` the word (the features in :func:`word_cand`'s order)."""
    return cand(
        a.start, b.end, joined, "OCR_JOIN_SPLIT", finding=finding, orig=[a.text, b.text],
        alt=[joined], **features,
    )  # fmt: skip


def letters_around(text: str, k: int) -> tuple[int, int] | None:
    """Where the letter runs on both sides of ``text[k]`` start and end, ``(i, j)``: the
    run before it is ``text[i:k]``, the one after it ``text[k + 1 : j]``; ``None`` unless
    letters stand on both sides of it."""
    if not (0 < k < len(text) - 1 and text[k - 1].isalpha() and text[k + 1].isalpha()):
        return None
    return letter_runs(text, k)


def letter_runs(text: str, k: int) -> tuple[int, int]:
    """``(i, j)``: the letters right before ``text[k]`` are ``text[i:k]``, those right after
    it ``text[k + 1 : j]`` (either may be empty)."""
    i, j = k, k + 1
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    while j < len(text) and text[j].isalpha():
        j += 1
    return i, j


def with_features(c: Candidate, features: dict) -> Candidate:
    """``dataclasses.replace(c, features=features)``: the same candidate, made as
    :func:`cand` makes one (no frozen ``__init__``; issue 14, session 26)."""
    if not _FAST:
        return replace(c, features=features)
    new, set_start, set_end, set_repl, set_kind, set_source, set_features = _SLOTS
    out = new(Candidate)
    set_start(out, c.start)
    set_end(out, c.end)
    set_repl(out, c.replacement)
    set_kind(out, c.kind)
    set_source(out, c.source)
    set_features(out, features)
    return out


#: The fast construction of :func:`cand` holds while a candidate is exactly its six
#: slots, with no ``__post_init__`` (else it calls the constructor).
_FIELDS = ("start", "end", "replacement", "kind", "source", "features")
_FAST = (
    tuple(getattr(Candidate, "__dataclass_fields__", ())) == _FIELDS
    and not hasattr(Candidate, "__post_init__")
    and all(isinstance(Candidate.__dict__.get(f), MemberDescriptorType) for f in _FIELDS)
)
#: ``object.__new__`` and the slot setters of :class:`Candidate`, for :func:`cand`.
_SLOTS = (object.__new__, *(Candidate.__dict__[f].__set__ for f in _FIELDS)) if _FAST else ()


def confusion_reading(
    text: str,
    start: int,
    repl: str,
    word: str,
    cost: float,
    subs: tuple[tuple[str, str], ...],
    reason: str,
    threshold: float,
    **flags: object,
) -> list[Candidate]:
    """The one ``OCR_CONFUSION`` reading of the whole flagged token ``text`` at ``start`` as
    ``repl`` (the word ``word`` in the print's case), priced ``cost`` by the confusions ``subs``."""
    return [
        cand(
            start,
            start + len(text),
            repl,
            "OCR_CONFUSION",
            finding=reason,
            orig=[text],
            alt=[word],
            cost=cost,
            threshold=threshold,
            subs=[list(x) for x in subs],
            **flags,
        )
    ]


#: Switch: the ocr candidate builders share one count of the page's words
#: (:func:`page_word_counts`, each a copy) while :func:`counting_page` is open (issue 14,
#: session 38: eight builders counted the same 100 k words, ~8 ms each).
SHARED_COUNTS = True
#: Switch: :func:`page_text_count` answers from one count of the open page's token texts.
PAGE_TEXTS = True
_PAGE = threading.local()


def page_word_counts(toks: list[Token]) -> Counter[str]:
    """``Counter(t.text for t in toks if t.kind == "word")``: a copy of the count made
    when :func:`counting_page` opened for this very list, else counted now (the same
    keys, counts and order either way)."""
    got = getattr(_PAGE, "counts", None)
    if got is not None and got[0] is toks:
        return Counter(got[1])
    return Counter(t.text for t in toks if t.kind == "word")


def page_count(word: str, counts: Mapping[str, int], as_printed: bool = False) -> int:
    """How often the page prints ``word`` in lower case, capitalised or in capitals (and,
    with ``as_printed``, in its own casing too), from :func:`page_word_counts`.

    >>> page_count("Those", {"those": 2, "THOSE": 1, "tHose": 5})
    3
    >>> page_count("tHose", {"those": 2, "THOSE": 1, "tHose": 5}, as_printed=True)
    8
    """
    low = word.lower()
    forms = {low, low.capitalize(), low.upper()}
    if as_printed:
        forms.add(word)
    return sum(counts.get(form, 0) for form in forms)


@contextmanager
def counting_page(toks: list[Token]) -> Iterator[None]:
    """While open, :func:`page_word_counts` of ``toks`` copies one count (this thread's;
    the list must not change meanwhile: the builders only read it)."""
    if not SHARED_COUNTS:
        yield
        return
    old = getattr(_PAGE, "counts", None)
    old_texts = getattr(_PAGE, "texts", None)
    old_readings = getattr(_PAGE, "readings", None)
    _PAGE.counts = (toks, Counter(t.text for t in toks if t.kind == "word"))
    _PAGE.texts = None  # :func:`page_text_count`'s count, made on its first question
    _PAGE.readings = {}  # :func:`page_readings`' table, this page's only
    try:
        yield
    finally:
        _PAGE.counts = old
        _PAGE.texts = old_texts
        _PAGE.readings = old_readings


#: Switch: while :func:`counting_page` is open, a reader whose answer depends only on a
#: word and its context (and the shipped tables) keeps it in one table for the page,
#: which every pass asking the same question reads (:func:`page_readings`; issue 14,
#: session 43: the slot passes asked the same (word, context) 3,036 times in 6,526 on
#: 100 k OCR words).
PAGE_READINGS = True


def page_readings() -> dict[tuple, Any] | None:
    """The open page's table of answers (keyed by the reader's name and its arguments),
    or None when no page is open (then each question is answered anew)."""
    return getattr(_PAGE, "readings", None) if PAGE_READINGS else None


#: Switch: while :func:`counting_page` is open, a scan of the page's whole token list that
#: several passes make alike (its chunks and their texts:
#: :func:`repair.candidates.ocr_glued.page_chunks`) is made once and read by each
#: (:func:`page_scan`).  Exact: the same function of the same list.  Issue 14, session
#: 49: on 100 k OCR words (222 k tokens, 100 k chunks) six passes scanned the chunks and
#: four joined their texts (~60 ms a scan with its texts): the passes that read it 1.52 /
#: 1.08 / 1.12 -> 1.36 / 0.86 / 0.90 s (``benchmarks/pass_clock.py`` with ``--set``, 3
#: rounds); whole-process CPU not shown better at load 3-9.  Outputs byte-identical on and
#: off (``tests/test_ocr_pagescan49.py``; OCR 100 k, SMH dev 4,305 / 7,009, the audit 121 /
#: 28,189).
SHARED_SCANS = True


def page_scan(toks: list[Token], key: tuple, build: Callable[[], Any]) -> Any:
    """``build()``, kept for the open page under ``key`` when :func:`counting_page` is open
    for this very list (the first pass that asks builds it, the others read it; the value
    must be treated as read-only), else built anew."""
    got = getattr(_PAGE, "counts", None) if SHARED_SCANS else None
    if got is None or got[0] is not toks:
        return build()
    table = _PAGE.readings
    full = ("page_scan", *key)
    value = table.get(full, _NONE)
    if value is _NONE:
        value = table[full] = build()
    return value


_NONE = object()
_TEXT = attrgetter("text")


def page_text_count(toks: list[Token], text: str) -> int:
    """``operator.countOf(t.text for t in toks, text)``: how many tokens of any kind read
    ``text``.  While :func:`counting_page` is open for this very list, one count of all its
    token texts answers every question (made on the first; a scan of 220 k tokens was
    ~50 ms a question on 100 k OCR words: issue 14, session 39); any other list (a copy
    with a token swapped in) is scanned."""
    got = getattr(_PAGE, "counts", None) if PAGE_TEXTS else None
    if got is not None and got[0] is toks:
        texts = _PAGE.texts
        if texts is None:
            texts = _PAGE.texts = Counter(map(_TEXT, toks))
        return texts[text]
    return countOf(map(_TEXT, toks), text)


def after_line_hyphen(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` opens a line after a line-end hyphen glued to a word: the
    second half of a broken word ("rc-⏎cently" is not "gently", "forma-⏎tions" not
    "lions"), read with its first half by the hyphenation candidates or not at all."""
    if i < 3 or toks[i - 1].kind != "space" or "\n" not in toks[i - 1].text:
        return False
    return toks[i - 2].text == "-" and toks[i - 3].kind == "word"
