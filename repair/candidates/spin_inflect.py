"""A profile row at its other inflections (session 61, ``spininfl``).

A dictionary spinner maps a lemma to a lemma and re-inflects: where the profile holds
"battled" → "fought" (its family at one form only), the spinner also writes "battles" for
"fights" and "battling" for "fighting". :func:`inflected_rows` reads every one-word profile
row at its other inflections with lemminflect (read in place,
:mod:`repair.resources.lemmas`): the spun form and the original must be inflected alike (one
tag of one part of speech shared by both words, found in lemminflect's dictionary, never its
rules for unknown words), and the part of speech must be evident from the row: the words are
inflected alike under one part of speech only, and the shared tag is an inflected one
("battled" / "fought": VBD) or the part of speech is the only one both words have ("points"
/ "issues", plural nouns and verbs alike, gives nothing). A base-form row of an ambiguous
pair ("brief" → "short", adjective, verb and noun alike) gives nothing ("briefed" →
"shorted" would be a part of speech crossing). Each other tag both lemmas have gives a row
(spun form → original at that tag), when both forms are words wordfreq knows and have the
same parts of speech, and the original is the commoner word exactly when the row's is
("newest" → "latest" gives no "new" → "late"; ("academic" → "teacher" from "academics" →
"teachers" does not: "academic" is an adjective too), the spun form is no profile spun form
or original, and the original is no profile spun form. The rows are read as weak rows of
their own source, ``inflected`` (the edit's ``pair_source``).
"""

from __future__ import annotations

from collections.abc import Iterable

#: The parts of speech whose inflections are read, and each one's base-form tags (the
#: lemma itself).
_UPOS = {"VERB": ("VB", "VBP"), "NOUN": ("NN",), "ADJ": ("JJ",)}


def _forms(lemma: str, upos: str) -> dict[str, str]:
    """tag -> form of ``lemma`` as ``upos`` from lemminflect's dictionary (first form; a
    verb's missing VBN/VBD taken from the other, the base tags from the lemma)."""
    from repair.resources.lemmas import getAllInflections

    out = {t: f[0] for t, f in getAllInflections(lemma, upos=upos).items() if f}
    if not out:
        return {}
    for t in _UPOS[upos]:
        out.setdefault(t, lemma)
    if upos == "VERB":
        if "VBD" in out:
            out.setdefault("VBN", out["VBD"])
        if "VBN" in out:
            out.setdefault("VBD", out["VBN"])
    return out


def _readings(word: str) -> dict[str, list[tuple[dict[str, str], set[str]]]]:
    """upos -> [(forms of a lemma of ``word``, the tags ``word`` has among them)]."""
    from repair.resources.lemmas import getAllLemmas

    out: dict[str, list[tuple[dict[str, str], set[str]]]] = {}
    for upos, lemmas in getAllLemmas(word).items():
        if upos not in _UPOS:
            continue
        for lemma in lemmas:
            forms = _forms(lemma, upos)
            tags = {t for t, f in forms.items() if f == word}
            if tags:
                out.setdefault(upos, []).append((forms, tags))
    return out


def _word(w: str) -> bool:
    return w.isascii() and w.isalpha() and w.islower()


def inflections_of(spun: str, orig: str) -> list[tuple[str, str]]:
    """(spun form, original) at the other inflections of the row ``spun`` → ``orig``."""
    from wordfreq import zipf_frequency

    if not (_word(spun) and _word(orig)) or spun == orig:
        return []
    rs, ro = _readings(spun), _readings(orig)
    alike = [
        (upos, fs, fo, ts & to)
        for upos in rs.keys() & ro.keys()
        for fs, ts in rs[upos]
        for fo, to in ro[upos]
        if ts & to
    ]
    if len({a[0] for a in alike}) != 1:
        return []  # inflected alike under no part of speech, or under several (no evident one)
    commoner = zipf_frequency(orig, "en") > zipf_frequency(spun, "en")
    out: list[tuple[str, str]] = []
    for upos, fs, fo, common in alike:
        if common <= set(_UPOS[upos]) and len(rs.keys() & ro.keys()) > 1:
            continue  # a base-form row of an ambiguous pair: no evident part of speech
        for tag in fs.keys() & fo.keys():
            if tag in common:
                continue
            s, o = fs[tag], fo[tag]
            if s == o or not (_word(s) and _word(o)) or (s, o) in out:
                continue
            zs, zo = zipf_frequency(s, "en"), zipf_frequency(o, "en")
            if zs <= 0 or zo <= 0 or (zo > zs) != commoner:
                continue  # not a word, or the row's frequency direction turned ("new" -> "late")
            if zs > zipf_frequency(spun, "en"):
                continue  # commoner than the row's spun form: more honest uses than it has
            if _readings(s).keys() != _readings(o).keys():
                continue  # the new forms read as different parts of speech ("academic")
            out.append((s, o))
    return out


def inflected_rows(
    rows: Iterable[tuple[str, str, str, str, str]],
) -> list[tuple[str, str, str, str, str]]:
    """New weak rows (spun, original, "weak", caps, family) of the profile ``rows`` at
    their other inflections (:func:`inflections_of`), none touching a profile form."""
    rows = list(rows)
    spun_forms = {r[0].lower() for r in rows}
    originals = {r[1].lower() for r in rows}
    out: list[tuple[str, str, str, str, str]] = []
    seen: set[str] = set()
    for spun, orig, _strength, caps, family in rows:
        if " " in spun or " " in orig:
            continue
        for s, o in inflections_of(spun.lower(), orig.lower()):
            if s in spun_forms or s in originals or o in spun_forms or s in seen:
                continue
            seen.add(s)
            out.append((s, o, "weak", caps, family))
    return out
