"""Is a text that fails the common-word test English all the same? (lists of names in OCR)

The pipeline's language gate (:func:`repair.pipeline.english_share`) counts common
English words; garbled OCR that still uses English function words passes its second
test.  Roll-calls, sports entries and share lists of old newspapers fail both: most of
their words are names and initials ("Ptes Alfred John Alexander Frrol Angus, Sgt."),
and the few running words are garbled.  Such a page is English when its words
(counting capitalised names of the period name list) are still half common English,
it has a few English function words, and hardly any of the commonest function words of
the other languages written in Latin letters (French, German, Spanish, Italian,
Portuguese, Dutch, Latin): a paragraph of any of those uses them in every line.

>>> english_list_text("Ptes Alfred John Alexander, Sgt. Horace Appleton, Pte Eric Apps. "
...     "The following is a list of the soldiers who will disembark to-day.")
True
>>> english_list_text("Le président et les représentants des syndicats sont à Paris "
...     "avec Jean, Pierre et Marie.")
False
"""

from __future__ import annotations

from collections.abc import Sequence

from repair.resources.frequency import zipf
from repair.types import Token

#: Function words of other Latin-script languages that are no English word (nor a
#: usual OCR misreading of one): French, German, Spanish/Portuguese, Italian, Dutch, Latin.
FOREIGN_FUNCTION = frozenset(
    """les des une est et avec dans pour sont qui cette nous vous aux sur pas
    der ist nicht eine dem sich auf werden wird auch
    los las del que por una para pero sus esta
    della che gli sono nel degli alla
    het een zijn niet voor ook
    não uma pela
    quod cum sunt enim""".split()
)
#: English function words no French, German or Spanish sentence uses ("a", "in", "was"
#: are words there too); also the pipeline's second language test
#: (:func:`repair.pipeline.english_function_share`). Clean English: 20-30 % of word
#: tokens; heavily garbled newspaper OCR (SMH, CER 0.2) 5-30 %; French, German, Spanish,
#: Italian news sentences 0 %.
ENGLISH_FUNCTION = frozenset(
    "the of and to that for with from which this have had his are be by at it".split()
)
#: At least this share of word tokens are common English words or listed names.
MIN_ENGLISH_OR_NAME = 0.5
#: At least this many English function words.
MIN_FUNCTION = 3
#: Fewer than this share of word tokens are foreign function words (single ones are OCR
#: garble: "las", "los" in a roll-call); a paragraph of French or German has 8-20 %.
MAX_FOREIGN_SHARE = 0.02


def english_list_text(text_or_words: str | Sequence[Token]) -> bool:
    """Whether a text the common-word test refused reads as an English list of names."""
    if isinstance(text_or_words, str):
        from repair.tokenize import tokenize

        words = [t for t in tokenize(text_or_words) if t.kind == "word"]
    else:
        words = list(text_or_words)
    ws = [t.text for t in words[:2000]]
    if len(ws) < 5:
        return False
    low = [w.lower() for w in ws]
    english = sum(1 for w in low if w in ENGLISH_FUNCTION)
    foreign = sum(1 for w in low if w in FOREIGN_FUNCTION)
    if english < MIN_FUNCTION or foreign >= MAX_FOREIGN_SHARE * len(ws):
        return False
    from repair.score.ngrams import get_ngrams

    is_name = get_ngrams().is_name
    long = [w for w in ws if len(w) > 1]
    good = sum(1 for w in long if zipf(w.lower()) >= 3.0 or (w[:1].isupper() and is_name(w)))
    return good >= MIN_ENGLISH_OR_NAME * len(long)
