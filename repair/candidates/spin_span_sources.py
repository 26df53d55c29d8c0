"""Spans WordNet relates to one word by a gloss, a hypernym or a class (session 63, spinlack).

The seed family's habits a profile lacks write one word as a span no thesaurus lists as
its synonym ("financial institution" for "bank", "Chinese language" for "Chinese").
``lexicons/spin_span_sources.tsv`` (``scripts/build_spin_span_sources.py``) holds what
WordNet 3.0 says of such spans beyond synonymy:

* ``hyper`` / ``gloss`` rows: a multi-word lemma of the word's hypernym, or the genus
  phrase of its noun gloss -> the word ("financial institution" -> bank, fund): read
  as extra one-word originals of :func:`repair.candidates.spin_phrase.span_originals`
  where :data:`repair.candidates.spin_phrase.SOURCE_ROWS` is on, scored there like every
  table original (LM gain both sides, the stage's floors; a loose source);
* ``language`` rows: "X language" for every capitalised noun lemma X under WordNet's
  *natural language* -> X itself (a kept-word reading from a class, not a pair list):
  :func:`language_evidence` reads them as :class:`PhraseEvidence` whose original is the
  written X, where :data:`repair.stages.spin.LANGUAGE_KEPT` is on.
"""

from __future__ import annotations

from functools import lru_cache

from repair.document import Document
from repair.lexicons import read_tsv
from repair.types import Token

TABLE = "spin_span_sources.tsv"
COLUMNS = ("written", "originals", "source")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[str, ...]], frozenset[str], frozenset[str], dict[str, str]]:
    """(word rows: span -> originals, language rows' spans, the word rows' opening words
    and two-word prefixes, word rows: span -> source); header checked."""
    rows: dict[str, tuple[str, ...]] = {}
    sources: dict[str, str] = {}
    lang: set[str] = set()
    prefixes: set[str] = set()
    for span, origs, source in read_tsv(TABLE, COLUMNS):
        if source == "language":
            lang.add(span)
            continue
        rows[span] = tuple(origs.split(","))
        sources[span] = source
        words = span.split(" ")
        prefixes.add(words[0])
        if len(words) == 3:
            prefixes.add(f"{words[0]} {words[1]}")
    return rows, frozenset(lang), frozenset(prefixes), sources


def source_originals(span: str) -> tuple[str, ...]:
    """The ``hyper`` / ``gloss`` originals of the lower-case written ``span`` (none: ())."""
    return _tables()[0].get(span, ())


def source_of(span: str, original: str) -> str:
    """``wordnet:<source>`` (``hyper``, ``gloss`` or both) where ``original`` is one of the
    lower-case ``span``'s word-row originals, else ''."""
    if original.lower() not in source_originals(span):
        return ""
    return "wordnet:" + _tables()[3][span]


def opens(prefix: str) -> bool:
    """Whether a ``hyper`` / ``gloss`` span starts with the word or two-word ``prefix``."""
    return prefix in _tables()[2]


def language_spans(doc: Document, covered: set[int]) -> list[tuple[Token, Token]]:
    """Each "X language" of ``doc`` (X a capitalised word, "language" in lower case one
    space after it, neither in ``covered``) whose lower-case form is a ``language`` row."""
    lang = _tables()[1]
    toks = [t for t in doc.tokens if t.kind in ("word", "number")]
    text = doc.text
    out = []
    for a, b in zip(toks, toks[1:], strict=False):
        if b.text != "language" or a.kind != "word" or not a.text[:1].isupper():
            continue
        if b.start != a.end + 1 or text[a.end] != " ":
            continue
        if a.start in covered or b.start in covered:
            continue
        if f"{a.text.lower()} language" in lang:
            out.append((a, b))
    return out


def language_evidence(doc: Document, covered: set[int], tight: bool = False) -> list:
    """A :class:`~repair.candidates.spin_phrase.PhraseEvidence` for each "X language" of
    :func:`language_spans`, its original the written X (the LM read in lower case, as
    every span reading; ``tight``: marked as a WordNet original)."""
    from repair.candidates.spin_phrase import PhraseEvidence, _gain_rows
    from repair.resources.frequency import zipf
    from repair.resources.lm import get_lm
    from repair.score.spin_context import WordContext, context

    spans = language_spans(doc, covered)
    if not spans:
        return []
    ctx = WordContext.of(doc)
    lm = get_lm()
    out = []
    for a, b in spans:
        x = a.text.lower()
        if not lm.known(x):
            continue
        low = [x, "language"]
        left, right, _initial = context(doc, ctx, a.start, b.end)
        g, lg, rg, _o = _gain_rows((x,), low, left, right)[0]
        lp_o = lm.sequence_logprob([x])
        lp_span = lm.sequence_logprob(low)
        zg = zipf(x) - (zipf(x) + zipf("language")) / 2
        out.append(
            PhraseEvidence(
                a.start,
                b.end,
                doc.text[a.start : b.end],
                a.text,
                g,
                10.0,
                zg,
                lg,
                rg,
                g - (lp_o - lp_span),
                bool(right),
                2,
                tight,
                None,
                lp_o - lp_span / 2,
            )  # fmt: skip
        )
    return out
