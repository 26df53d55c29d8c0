"""British and period spellings priced by their American spelling in the OCR scorer (issue 12).

The trigram model (:mod:`repair.resources.lm`, trained on American news) does not know
"defences", "labourer", "honours", "colours", "recognised", "priour": each reads the
unknown-word floor (:data:`~repair.resources.lm.UNKNOWN_LOGPROB`, -16 nats), so the OCR
scorer charges a right reading of a British (SMH, ICDAR) page as if it were garble, and a
right word's context is cut where such a word stands beside it.

Method (no word list): a word the model does not know is mapped to its American spelling
by the regular British → American alternations of :data:`repair.score.ocr_usspell.RULES`
(-our/-or, -ise/-ize, -yse/-yze, -tre/-ter, a doubled l before -ed/-ing, -ogue/-og,
-ence/-ense) and :data:`EXTRA_RULES` (ae/e, oe/e, -xion/-ction, -dgement/-dgment), one
rule or two in a row, and the mapped spelling is used when the model knows it.  The word
is then priced at the mapped spelling's n-gram probability minus :data:`VARIANT_PENALTY`
nats, and, as history, gives its mapped spelling as context.  Known words, words shorter
than :data:`MIN_LEN` and words whose mapping the model does not know read the model as
before.

Only the OCR scorer's sequence scores read this model (:class:`repair.score.ocr.Scorer`,
and :mod:`repair.score.ocr_overlap`'s stretch score with :data:`OVERLAP`): the shared
model of :func:`~repair.resources.lm.get_lm` (the spin scorers') is not changed, and
:meth:`~repair.resources.lm.LanguageModel.known` still answers for the model's own
vocabulary.

Switches: :data:`VARIANT_BACKOFF` (off: see its note), :data:`OVERLAP`, :data:`ARCHAIC_BACKOFF`,
:data:`READERS`, :data:`FAST_SEQUENCE`, :data:`COMPILED_PROB`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from repair.resources import lm as lm_module
from repair.resources.lm import LanguageModel
from repair.score.ocr_usspell import RULES

#: Price a word the model does not know at its American spelling's probability in the OCR
#: scorer (off: the unknown-word floor, as before).  Measured (RESULTS "Session 57, ocrbrit"):
#: SMH dev 4,242 / 6,920 → 4,240 / 6,913 tokens / chars, proxy dev 4,776 → 4,773, ICDAR, audit,
#: census and light dev equal; test identical to main.  On (lead): every guard holds and it is a
#: rule, not a list; ICDAR is level rather than better.
VARIANT_BACKOFF = True
#: Also in :mod:`repair.score.ocr_overlap`'s stretch score (",dofoiiccs" → "defences").
OVERLAP = True
#: Also the modern word an early modern spelling stands for ("againe", "himselfe":
#: :func:`repair.score.ocr_channel.archaic_form`).  Off: ICDAR files 1-80 broken 26 → 25 but
#: file 81's train part 65 → 66 broken, 4,044 → 4,043 fixed; on SMH it maps names ("moreton").
ARCHAIC_BACKOFF = False
#: The OCR readers that read the trigram model themselves (not through the scorer) read
#: this model too: the real-word guard's features, its isolated-reading check and its
#: trigram side test (:mod:`repair.score.ocr`), the real-word end-of-sentence margin
#: (:mod:`repair.candidates.ocr_realword`) and the wide-context period reading
#: (:mod:`repair.score.ocr_widectx`), through :func:`reader_lm`.  Off (RESULTS "Session 57,
#: ocrvariant2"): those readers make 2,696 reads on SMH dev, 4 with a mapped word; SMH,
#: proxy, audit, census and light dev identical, SMH and proxy test identical.
READERS = False
#: The back-off model keeps the compiled sequence sum for a sequence (and history) with no
#: word the rules map, the Python sum otherwise (the same floats either way: a word with no
#: mapping is priced by the model itself).  Off: the Python sum for every sequence.  Exact
#: (100 k OCR words byte-identical); 100 k sequence reads 0.81 → 0.55 s, but a 100 k-word run
#: makes only ~1,700 (the back-off's cost is the compiled decision's ~300 k wrapped grams).
FAST_SEQUENCE = True
#: The back-off's ``prob`` (:class:`_VariantProb`, asked by the compiled decision 298,531
#: times on the 100 k-word OCR speed text) compiled: ``repair.resources._lmprob.Variant``,
#: the same calls of :func:`variant_of` and the base ``prob`` on the same objects and the
#: same int arithmetic.
#: Exact (issue 14, session 59, speedocr59): outputs byte-identical (100 k OCR text, SMH dev,
#: light dev, seeds); the 298,531 n-grams of that text replayed (best of 5) 0.471 -> 0.330 s.
#: Off (or not built): the Python class.  It holds :func:`variant_of` itself (the Python
#: class reads the module's name at each call).
COMPILED_PROB = True
#: Nats taken off the mapped spelling's probability (the word is not the model's own).
VARIANT_PENALTY = 1.0
#: Shortest word mapped (the rules' own stems need 2-3 letters before the ending).
MIN_LEN = 5
#: Alternations beside :data:`repair.score.ocr_usspell.RULES` (British / period → American):
#: "anaemia", "mediaeval"; "amoebas", "manoeuvred"; "connexion"; "judgement" (oe/e wants two
#: letters before and three after: "loest", "boest" of ICDAR's gold are not "lest", "best").
EXTRA_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=[a-z])ae(?=[a-z])"), "e"),
    (re.compile(r"(?<=[a-z]{2})oe(?=[a-z]{3})"), "e"),
    (re.compile(r"(?<=[a-z]{2})xion(s)?$"), r"ction\1"),
    (re.compile(r"(?<=[a-z])dgement(s)?$"), r"dgment\1"),
)  # fmt: skip

_UNKNOWN = -100_000_000  # pocketsphinx's sentinel bound (see LanguageModel._scaled)


@lru_cache(maxsize=1 << 16)
def variant_of(word: str) -> str:
    """The American spelling of ``word`` (lower case) the model knows, or "" when ``word``
    is known to the model itself, too short, or no rule (one, or two in a row) gives a
    known spelling.

    >>> variant_of("defences"), variant_of("honours"), variant_of("defence")
    ('defenses', 'honors', '')
    """
    if len(word) < MIN_LEN or not word.isalpha() or not word.isascii():
        return ""
    prob = lm_module.get_lm().prob
    if prob([word]) > _UNKNOWN:
        return ""
    rules = (*RULES, *EXTRA_RULES)
    seconds: list[str] = []
    for pattern, repl in rules:
        mapped = pattern.sub(repl, word)
        if mapped == word:
            continue
        if prob([mapped]) > _UNKNOWN:
            return mapped
        seconds.append(mapped)
    for first in seconds:
        for pattern, repl in rules:
            mapped = pattern.sub(repl, first)
            if mapped != first and prob([mapped]) > _UNKNOWN:
                return mapped
    if ARCHAIC_BACKOFF:
        from repair.score.ocr_channel import archaic_form

        modern = archaic_form(word)
        if modern and modern != word and prob([modern]) > _UNKNOWN:
            return modern
    return ""


class _VariantProb:
    """A model's ``prob(gram)`` (raw pocketsphinx ints, the word first, then its history)
    asked of the grams' mapped spellings, the mapped word priced :data:`VARIANT_PENALTY`
    lower."""

    __slots__ = ("base", "penalty")

    def __init__(self, base: object, penalty: int) -> None:
        self.base = base
        self.penalty = penalty

    def __call__(self, gram: list[str]) -> int:
        mapped = [variant_of(w) or w for w in gram]
        raw: int = self.base(mapped)  # type: ignore[operator]
        if mapped[0] is not gram[0] and raw > _UNKNOWN:
            raw -= self.penalty
        return raw


class _VariantSequence:
    """:attr:`LanguageModel._sequence` of the back-off model: the base model's compiled
    sum when no word of the sequence or its history has a mapping (every n-gram is then
    the base model's own), else :meth:`LanguageModel.sequence_logprob`'s Python loop over
    the wrapped ``prob``."""

    __slots__ = ("compiled", "prob")

    def __init__(self, compiled: object, prob: _VariantProb) -> None:
        self.compiled = compiled
        self.prob = prob

    def __call__(
        self, words: object, h1: str | None, h2: str | None, log_base: float, floor: float
    ) -> float:
        v = variant_of
        lowered = [w.lower() for w in words]  # type: ignore[attr-defined]
        if not (any(map(v, lowered)) or (h1 is not None and v(h1)) or (h2 is not None and v(h2))):
            return self.compiled(words, h1, h2, log_base, floor)  # type: ignore[operator,no-any-return]
        prob = self.prob
        total = 0.0
        for low in lowered:  # :meth:`LanguageModel.sequence_logprob`'s loop
            if h2 is not None:
                raw = prob([low, h1, h2])  # type: ignore[list-item]
            elif h1 is not None:
                raw = prob([low, h1])
            else:
                raw = prob([low])
            total += floor if raw <= _UNKNOWN else max(raw * log_base, floor)
            h2, h1 = h1, low
        return total


def _variant_prob(base: object, penalty: int) -> _VariantProb:
    """:class:`_VariantProb` of ``base``, compiled when :data:`COMPILED_PROB` and built."""
    if COMPILED_PROB:
        try:
            from repair.resources._lmprob import Variant  # type: ignore[attr-defined]
        except ImportError:  # not built: the Python class
            pass
        else:
            return Variant(base, variant_of, penalty)  # type: ignore[no-any-return]
    return _VariantProb(base, penalty)


@lru_cache(maxsize=4)
def _variant_model(base: LanguageModel) -> LanguageModel:
    model = object.__new__(LanguageModel)
    vars(model).update(vars(base))
    prob = _variant_prob(base.prob, round(VARIANT_PENALTY / lm_module._LOG_BASE))
    model.prob = prob
    model.prob_api = model.prob
    compiled = vars(base).get("_sequence")
    # the Python sum asks ``prob``; :data:`FAST_SEQUENCE` keeps the compiled one where exact
    model._sequence = (  # type: ignore[attr-defined]
        _VariantSequence(compiled, prob) if FAST_SEQUENCE and compiled is not None else None
    )
    model.known = base.known  # type: ignore[method-assign]  # the model's own vocabulary
    return model


def scorer_lm(base: LanguageModel, *, overlap: bool = False) -> LanguageModel:
    """The model the OCR scorer reads: ``base`` with the variant back-off when
    :data:`VARIANT_BACKOFF` is on (and :data:`OVERLAP` for the overlap score), else
    ``base`` itself.  One model object a base (its scores' memos are keyed by it)."""
    if not VARIANT_BACKOFF or (overlap and not OVERLAP) or type(base) is not LanguageModel:
        return base
    return _variant_model(base)


def reader_lm() -> LanguageModel:
    """The model an OCR reader outside the scorer reads: :func:`scorer_lm` of the shared
    model when :data:`READERS` is on, else the shared model itself."""
    base = lm_module.get_lm()
    return scorer_lm(base) if READERS else base
