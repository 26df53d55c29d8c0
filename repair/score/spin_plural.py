"""The number of a restored noun where the written word cannot show it.

A thesaurus spinner that swaps lemmas writes a mass noun for a plural count noun and
cannot inflect it: "things" becomes "detestation", "laws" "jurisprudence", "exports"
"exportation".  The reverse synonym table inflects an original like the written word, so
such a word is restored in the singular ("thing") whatever the sentence says ("these
thing are").  Where the written word is a noun whose plural is itself (lemminflect gives
no other plural form: a mass noun), its number is unknown, and the restored noun takes
the number its context asks for: the plural when the trigram LM, reading the restored
context (two words either side), favours it by at least :data:`MIN_GAIN` nats (the LM's
unconditioned preference for the singular is part of that gain: no side rule, the cue may
be on either side: "these ...", "... are").  The decision to restore is not changed, only the form.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from repair.document import Document
from repair.resources.lm import get_lm
from repair.score.spin_context import WordContext, context
from repair.types import Edit

#: Rules whose restorations may take the plural (one written word -> one original word).
RULES = frozenset({"SPIN_SYNONYM", "CONSISTENT_RESTORATION"})
#: The same for the collocation stage's one-word restorations (rare words and a paper
#: mill's words, and their carried copies: :mod:`repair.stages.collocation`).
COLLOCATION_RULES = frozenset({"RARE_WORD", "TORTURED_WORD", "CONSISTENT_RESTORATION"})
#: LM gain (nats, plural over singular, restored context) the plural needs (dev, three
#: spinners, 245 such restorations: 0.5 -> 30 plurals right, 4 singulars broken; 1.0 ->
#: 23 / 0; 2.0 -> 17 / 0).
MIN_GAIN = 1.0


@lru_cache(maxsize=20_000)
def unmarked_noun(word: str) -> bool:
    """Whether the lower-case ``word`` is a noun that shows no number: its own lemma, and
    its only (first) plural form is itself ("jurisprudence", "detestation")."""
    from repair.resources.lemmas import getAllLemmas, getInflection

    lemmas = getAllLemmas(word).get("NOUN", ())
    if not lemmas or lemmas[0] != word:
        return False
    plural = getInflection(word, "NNS")
    return bool(plural) and plural[0] == word


@lru_cache(maxsize=20_000)
def plural_of(word: str) -> str | None:
    """The plural of the lower-case singular count noun ``word`` (None: not a singular
    noun, or no distinct plural)."""
    from repair.resources.lemmas import getAllLemmas, getInflection

    lemmas = getAllLemmas(word).get("NOUN", ())
    if not lemmas or lemmas[0] != word:
        return None
    forms = getInflection(word, "NNS")
    if not forms or forms[0] == word or not forms[0].isalpha():
        return None
    return forms[0]


def _cased(like: str, word: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def number_gain(
    left: Sequence[str], singular: str, plural: str, right: Sequence[str]
) -> tuple[float, float]:
    """(left part, right part) of the LM gain of ``plural`` over ``singular`` between
    ``left`` and ``right`` (lower-case words)."""
    lm = get_lm()
    left = [w.lower() for w in left]
    right = [w.lower() for w in right]
    lg = lm.sequence_logprob([plural], left) - lm.sequence_logprob([singular], left)
    rg = lm.sequence_logprob(right, [*left, plural]) - lm.sequence_logprob(right, [*left, singular])
    return lg, rg


def plural_forms(doc: Document, edits: Iterable[Edit], rules: frozenset[str] = RULES) -> list[Edit]:
    """``edits`` (spans on ``doc.text``, not overlapping) with each restoration of an
    unmarked written noun (:func:`unmarked_noun`) by one of ``rules`` put in the plural
    where its restored context asks for it (module doc); the others unchanged, in the same
    order."""
    edits = list(edits)
    wanted = []
    for i, e in enumerate(edits):
        if e.rule not in rules or " " in e.replacement:
            continue
        written = doc.text[e.offset : e.end]
        if not written.isalpha() or not unmarked_noun(written.lower()):
            continue
        plural = plural_of(e.replacement.lower())
        if plural is not None:
            wanted.append((i, plural))
    if not wanted:
        return edits
    ctx = WordContext.of(doc)
    for e in edits:
        ctx.restore(e.offset, e.end, e.replacement)
    out = list(edits)
    for i, plural in wanted:
        e = edits[i]
        left, right, _initial = context(doc, ctx, e.offset, e.end)
        lg, rg = number_gain(left, e.replacement.lower(), plural, right)
        if lg + rg < MIN_GAIN:
            continue
        new = _cased(e.replacement, plural)
        message = e.message.replace(f"'{e.replacement}'", f"'{new}'")
        out[i] = replace(
            e,
            replacement=new,
            message=f"{message} (the written noun shows no number; its context asks for a plural)",
            evidence={**e.evidence, "number": "plural", "number_lm_gain": round(lg + rg, 3)},
            alternatives=tuple(dict.fromkeys((e.replacement, *e.alternatives))),
        )
    return out
