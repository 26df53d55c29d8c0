"""Form rows: WordNet senses whose lemma is an inflected form ("authorities", "arms").

The reverse synonym table (``lexicons/spin_synonyms.tsv``, :mod:`repair.candidates.spin_synonyms`)
is keyed by WordNet lemma, and :func:`~repair.candidates.spin_synonyms.originals_of` reads a
written form by lemminflect's lemmas of it.  WordNet also lists senses under lemmas that are
themselves inflected forms (``government.n.01``: government, authorities, regime; ``weapon``:
arms, weaponry; ``redress``: amends), and lemminflect reads "authorities" as the plural of
"authority" only: the table's own row for the form is never read, so a spinner that writes
"authorities" for "government" leaves a word with no candidate for its original
(session 42, spingate42: 740 of 1,319 unprofiled seed dev substitutions had none).

:func:`form_originals` gives, for a lower-case written form, the originals of the table's rows
keyed by that form itself (any part of speech) that its ordinary reading lacks: one-word,
alphabetic, known to the LM, at least :data:`MIN_ZIPF` common and not a spelling or stem
variant of the form ("colours" -> "colors", "bounds" -> "bound"). Nothing is read from any
evaluation text: the rows are WordNet 3.0's, as shipped.  The rows are found once per process
(:func:`form_index`, ~3 k forms) from the table text, which is not kept (the full reverse table
costs ~40 MB), and are read only by the spin stage's form reading
(:func:`repair.stages.spin.form_reading`), in documents whose word gate is open.
"""

from __future__ import annotations

from functools import lru_cache

from repair.candidates.spin_synonyms import (
    STOPWORDS,
    TABLE,
    _same_word,
    originals_of,
)
from repair.resources.frequency import zipf

#: Originals rarer than this (Zipf) are not proposed (a spinner writes a rarer word for an
#: ordinary one; the build's own floor for WordNet rows is lower).
MIN_ZIPF = 3.5
#: At most this many originals per written form (most common first).
MAX_PER_FORM = 6
_UPOS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})


@lru_cache(maxsize=1)
def form_index() -> dict[str, tuple[str, ...]]:
    """Written form -> originals of the table's rows keyed by the form that
    :func:`~repair.candidates.spin_synonyms.originals_of` does not give for it."""
    from repair.lexicons import read_tsv

    rows: dict[str, list[str]] = {}
    for row in read_tsv(TABLE):
        if len(row) != 3 or row[1] not in _UPOS:
            continue
        form = row[0]
        if not form.isalpha() or not form.islower() or form in STOPWORDS:
            continue
        rows.setdefault(form, []).extend(row[2].split(","))
    out: dict[str, tuple[str, ...]] = {}
    for form, origs in rows.items():
        have = set(originals_of(form))
        new = [
            o for o in dict.fromkeys(origs)
            if o.isalpha() and o not in have and o != form and not _same_word(form, o)
            and zipf(o) >= MIN_ZIPF
        ]  # fmt: skip
        if new:
            new.sort(key=lambda o: -zipf(o))
            out[form] = tuple(new[:MAX_PER_FORM])
    return out


def form_originals(word: str) -> tuple[str, ...]:
    """The form rows' originals of the lower-case written ``word`` known to the LM (may be
    empty).

    >>> "government" in form_originals("authorities")
    True
    >>> form_originals("house")
    ()
    """
    from repair.resources.lm import get_lm

    lm = get_lm()
    return tuple(o for o in form_index().get(word, ()) if lm.known(o))


#: Forward Moby originals (:func:`moby_forward_originals`): at least this common (Zipf) ...
FORWARD_MIN_ZIPF = 4.0
#: ... at least this much more common than the written lemma (Zipf: a spinner writes the
#: rarer word) ...
FORWARD_MIN_LEAD = 0.3
#: ... and at most this many per written lemma (most common first).
FORWARD_MAX = 24


class _ForwardRows:
    """Written lemma -> its own Moby entry's one-word words more common than it (the
    :data:`FORWARD_MIN_ZIPF` / :data:`FORWARD_MIN_LEAD` / :data:`FORWARD_MAX` cut), read
    lazily: a mapping for :func:`repair.candidates.spin_wide.wide_originals_live`."""

    def __contains__(self, lemma: object) -> bool:
        return bool(isinstance(lemma, str) and self.get(lemma))

    @staticmethod
    @lru_cache(maxsize=20_000)
    def get(lemma: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        from repair.candidates.spin import moby_lines

        line = moby_lines().get(lemma)
        if not line:
            return default
        floor = max(FORWARD_MIN_ZIPF, zipf(lemma) + FORWARD_MIN_LEAD)
        words = {w for w in line.split(",") if w.isalpha() and w.islower() and w != lemma}
        ranked = sorted((w for w in words if zipf(w) >= floor), key=lambda w: (-zipf(w), w))
        return tuple(ranked[:FORWARD_MAX]) or default


@lru_cache(maxsize=20_000)
def moby_forward_originals(word: str) -> tuple[str, ...]:
    """Originals from the written word's own Moby entry (not only the mutual listings the
    shipped table keeps): the words of its lemma's entry more common than the lemma,
    inflected like ``word``, known to the LM, not already among its candidates.

    >>> "important" in moby_forward_originals("necessary")
    True
    """
    from repair.candidates.spin_wide import wide_originals_live
    from repair.resources.lemmas import install_styles
    from repair.resources.lm import get_lm

    install_styles()
    lm = get_lm()
    have = set(originals_of(word))
    return tuple(
        o
        for o in wide_originals_live(word, _ForwardRows())  # type: ignore[arg-type]
        if o != word and o not in have and lm.known(o) and not _same_word(word, o)
    )


#: The sources the stage's form reading reads (:func:`extra_originals`).
SOURCES: tuple[str, ...] = ("form", "forward")


def extra_originals(word: str) -> tuple[str, ...]:
    """The originals of every source of :data:`SOURCES` ("form": :func:`form_originals`;
    "forward": :func:`moby_forward_originals`), each once."""
    out: list[str] = []
    for name in SOURCES:
        got = form_originals(word) if name == "form" else moby_forward_originals(word)
        out.extend(o for o in got if o not in out)
    return tuple(out)
