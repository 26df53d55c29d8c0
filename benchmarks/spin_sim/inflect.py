"""Part of speech and inflection for word swaps (lemminflect), as a dumb spinner does it.

The part of speech is guessed from the word's possible lemmas and the word before
it (a determiner before: a noun or adjective; "to" or a modal before: a verb); the
synonym gets the same Penn tag as the word (``decided`` → ``determined``).
"""

from __future__ import annotations

from functools import cache

UPOS = ("NOUN", "VERB", "ADJ", "ADV")
_BASE_TAG = {"NOUN": "NN", "VERB": "VB", "ADJ": "JJ", "ADV": "RB"}
_DETS = frozenset(
    "a an the this that these those his her its their our my your some any no every each "
    "another such".split()
)
_VERB_BEFORE = frozenset(
    "to will would can could should may might must not did does do don't didn't never also".split()
)


@cache
def analyses(word: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(upos, lemma, Penn tags whose main form is ``word``) for each reading of ``word``."""
    from lemminflect import getAllInflections, getAllLemmas

    out = []
    for upos, lemmas in getAllLemmas(word).items():
        if upos not in UPOS or not lemmas:
            continue
        lemma = lemmas[0]
        infl = getAllInflections(lemma, upos)
        tags = tuple(sorted(t for t, forms in infl.items() if forms and forms[0] == word))
        if not tags and word == lemma:
            tags = (_BASE_TAG[upos],)
        if tags:
            out.append((upos, lemma, tags))
    return tuple(out)


def guess_pos(
    word: str, prev: str, rank: dict[str, int] | None = None
) -> tuple[str, str, tuple[str, ...]] | None:
    """The reading of ``word`` a context-blind spinner would take (``prev``: the word before).

    ``rank`` (upos -> weight, e.g. WordNet sense counts) breaks ties; without it,
    nouns come first, then verbs, adjectives, adverbs.
    """
    options = analyses(word)
    if not options:
        return None
    prev = prev.lower()
    if prev in _DETS:
        preferred = [o for o in options if o[0] in ("NOUN", "ADJ")]
    elif prev in _VERB_BEFORE:
        preferred = [o for o in options if o[0] == "VERB"]
    else:
        preferred = []
    pool = preferred or list(options)
    order = {u: i for i, u in enumerate(UPOS)}
    pool.sort(key=lambda o: (-(rank or {}).get(o[0], 0), order[o[0]]))
    return pool[0]


def is_lemma(word: str, upos: str) -> bool:
    """Whether lemminflect knows ``word`` as a lemma of ``upos``."""
    from lemminflect import getAllInflections

    return bool(getAllInflections(word, upos))


def inflect(lemma: str, upos: str, tags: tuple[str, ...]) -> str | None:
    """``lemma`` (one word or a phrase) in the form ``tags`` ask for; None if unclear."""
    from lemminflect import getInflection

    parts = lemma.split()
    head = 0 if upos == "VERB" else len(parts) - 1
    forms = set()
    for tag in tags:
        if tag in ("NN", "VB", "VBP", "JJ", "RB"):
            forms.add(parts[head])
            continue
        got = getInflection(parts[head], tag)
        if not got:
            return None
        forms.add(got[0])
    if len(forms) != 1:
        return None
    parts[head] = forms.pop()
    return " ".join(parts)


def attested(form: str) -> bool:
    """Whether every word of an inflected form is in wordfreq (no "talkings")."""
    from wordfreq import zipf_frequency

    return all(zipf_frequency(w, "en") > 0 for w in form.split())
