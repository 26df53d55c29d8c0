"""Page habits found without a table: an archive's own glyph confusions, learned on the page.

The confusion table (``lexicons/ocr_confusions.tsv``) is learned from two archives; a
third one's engine and type have habits it never counted (ICDAR's books print "d" for
"il": "Mdes", "wdls"; old type prints its long s as "f": "faid", "Minifter",
"himfelf").  On such a page the table reads little, or reads each word its own way
("fays" -> "lays", "muft" -> "muff"), but the page itself shows the habit: many
*different* non-words become common words by the *same* substitution.

**Learning** (:func:`learn`): each non-word type of the page (a finding: lower-case,
capitalised or with an inner capital, 4+ letters, letters only) is tried once with every
substitution of one letter for another and of the glyph-shape table's look-alike runs
(``lexicons/ocr_glyph_shapes.tsv``: rendered type, no archive): set look-ups of the
substituted forms in the target words.  A type read by several substitutions ("fays":
"says", "days", "lays", ...) counts whole for the one that reads most types of the page
and 1 / their number for the others; a substitution
whose shares sum to :data:`MIN_SUPPORT` (look-alike glyphs: :data:`MIN_SUPPORT_SHAPE`) is
a *page habit*, priced by its support (:func:`habit_cost`: the more types it reads, the
cheaper).

**Reading** (:func:`habit_readings`): every word of the page printed with a habit's
glyphs is read with the habits applied at any of its places (up to :data:`MAX_PLACES`:
"ferioufly" -> "seriously", "fufficient" -> "sufficient"), the same way for every word;
readings that are common words become candidates, non-words at margin
:data:`THRESHOLD`, real words ("fo" -> "so") as real-word confusions when the habit is
strong (:data:`REALWORD_SUPPORT`) and the table has no row for it.  Other readings of a
span the habit reads are one-offs and cost :data:`ONE_OFF` nats more ("fays" -> "says",
not "lays").  A page whose garble gate is shut gets non-word readings only, at a higher
margin; a clean page has too few non-words sharing one substitution.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from itertools import combinations

from repair.candidates.ocr_rules import cand, page_word_counts, with_features
from repair.resources.frequency import zipf
from repair.score.ocr_channel import is_target  # module level: asked per reading (issue 14)
from repair.types import Candidate, Token

#: On (benchmarks/RESULTS.md, "OCR: another archive's habits").
PAGE_HABITS = True
#: Glyphs at least this alike in shape (``ocr_glyph_shapes.tsv``).
MIN_SIM = 0.75
#: One glyph read for two ("m" printed for "rn") at least this alike (there are hundreds
#: of pairs at MIN_SIM, nearly all with "m").
MIN_SIM_SPLIT = 0.8
#: A look-alike substitution is the page's habit at this support (non-word types read:
#: whole where it is the type's likeliest habit, else a share; :func:`learn`) ...
MIN_SUPPORT_SHAPE = 3.0
#: ... any other letter for letter at this.
MIN_SUPPORT = 5.0
#: ... and at least this share of the page's non-word types (a long book window
#: has thousands: there chance pairs add up).
MIN_SHARE = 0.02
#: A word learned from is read as a word at least this common (Zipf) ...
TARGET_ZIPF = 3.0
#: ... a word read by a habit at least this common (the channel's target words: 2.0).
READ_ZIPF = 2.0
#: Channel cost of one habit substitution: COST_BASE - COST_SLOPE * ln(support), at
#: least COST_MIN (nats).
COST_BASE = 3.0
COST_SLOPE = 0.8
COST_MIN = 0.3
#: Margin a habit reading of a non-word needs in context.
THRESHOLD = -1.0
#: ... in a page whose garble gate is shut (no real words read there), which is
#: learned from only when it has this many lower-case non-word types.
SHUT_THRESHOLD = 1.0
SHUT_MIN_TYPES = 5
#: Real words are read by a habit this strong ("fo" -> "so" on a long-s page) ...
REALWORD_SUPPORT = 8.0
#: ... at this margin.
REALWORD_THRESHOLD = 2.0
#: Cost added to the other readings of a span a habit reads (nats).
ONE_OFF = 1.0
#: Shortest non-word learned from; shortest word read.
MIN_LEN = 4
MIN_READ_LEN = 2
#: Most places of one word tried (all their subsets).
MAX_PLACES = 5
REASONS = frozenset({"nonword", "capitalized_unknown", "inner_capital"})
_LETTERS = "abcdefghijklmnopqrstuvwxyz"

Sub = tuple[str, str]


@lru_cache(maxsize=4)
def shape_pairs(min_sim: float = MIN_SIM) -> frozenset[Sub]:
    """(printed, meant) lower-case glyph runs alike in shape, from the shipped shape table."""
    from repair.lexicons import read_tsv

    return frozenset(
        (o, g)
        for o, g, sim in read_tsv("ocr_glyph_shapes.tsv")
        if float(sim) >= min_sim and (o + g).isalpha() and (o + g).islower()
    )


@lru_cache(maxsize=4)
def _runs(min_sim: float = MIN_SIM) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """The look-alike substitutions that are not one letter for one letter (those are
    all tried anyway), as (printed, (meant, ...)) by the printed side's first two glyphs
    (its one glyph when it has one)."""
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    split = shape_pairs(max(min_sim, MIN_SIM_SPLIT))
    for o, g in sorted(shape_pairs(min_sim)):
        if len(o) > 1 or (len(g) > 1 and (o, g) in split):
            out[o[:2]][o].append(g)
    return {k: tuple((o, tuple(gs)) for o, gs in v.items()) for k, v in out.items()}


def _lower(text: str) -> str | None:
    """``text`` in lower case when cased as a word (lower, capitalised), else None."""
    if text.islower() or (text[:1].isupper() and text[1:].islower()):
        return text.lower()
    return None


def _is_reading(word: str) -> bool:
    return is_target(word) and (READ_ZIPF <= 2.0 or zipf(word) >= READ_ZIPF)


def _targets() -> frozenset[str] | None:
    """The channel's target words as a set once it is loaded (a garbled page loads it)."""
    from repair.score import ocr_channel

    ocr_channel.is_target("the")
    return ocr_channel._target_words


def _prefix_reach(low: str) -> int:
    """How many places of ``low`` a one-letter substitution can make a dictionary word at:
    one past the longest prefix of ``low`` some word starts with (a form replacing place
    ``at`` keeps ``low[:at]``), at most ``len(low)``."""
    from repair.score.ocr_channel import vocabulary_lines

    has_prefix = vocabulary_lines().has_prefix
    k = 0
    while k < len(low) and has_prefix(low[: k + 1]):
        k += 1
    return min(k + 1, len(low))


@lru_cache(maxsize=16_384)
def type_subs(low: str) -> tuple[Sub, ...]:
    """The substitutions that make a common word of the lower-case non-word ``low``
    (one place each): every other letter at each place (all the substituted forms
    looked up in the target words at once), then the look-alike runs; the Zipf test
    on hits only."""
    from repair.score.ocr_channel import is_target_unmemoised as is_target
    from repair.score.ocr_walk_fast import one_letter_found

    targets = _targets()
    hits: dict[Sub, str] = {}
    found = one_letter_found(low, _LETTERS, targets) if targets is not None else None
    if found is None:  # the compiled look-up builds the same set (issue 14, session 22)
        if targets is not None:
            forms = [low[:at] + b + low[at + 1 :] for at in range(len(low)) for b in _LETTERS]
            found = targets.intersection(forms)
        else:  # the word lines: no place past the longest word prefix of ``low`` (same forms)
            places = range(_prefix_reach(low))
            forms = [low[:at] + b + low[at + 1 :] for at in places for b in _LETTERS]
            found = filter(is_target, forms)
    for word in found:
        if word == low:
            continue
        at = next(i for i, (x, y) in enumerate(zip(low, word, strict=True)) if x != y)
        hits[low[at], word[at]] = word
    runs = _runs(MIN_SIM)
    for at in range(len(low)):
        for src, dsts in runs.get(low[at], ()) + runs.get(low[at : at + 2], ()):
            if len(src) > 2 and not low.startswith(src, at):
                continue
            pre, post = low[:at], low[at + len(src) :]
            for dst in dsts:
                word = pre + dst + post
                if word in targets if targets is not None else is_target(word):
                    hits[src, dst] = word
    return tuple(sorted(sub for sub, word in hits.items() if zipf(word) >= TARGET_ZIPF))


def learn(nonwords: Iterable[str]) -> dict[Sub, float]:
    """The page's habits with their support, from its non-word types (each once)."""
    shapes = shape_pairs(MIN_SIM)
    types = {low: type_subs(low) for low in set(nonwords)}
    raw: Counter[Sub] = Counter(sub for subs in types.values() for sub in subs)
    support: dict[Sub, float] = defaultdict(float)
    for subs in types.values():
        top = max((raw[sub] for sub in subs), default=0)
        for sub in subs:  # the type's likeliest habit takes it whole, the others a share
            support[sub] += 1.0 if raw[sub] == top else 1.0 / len(subs)
    share = MIN_SHARE * len(types)
    return {
        sub: n
        for sub, n in support.items()
        if n >= max(share, MIN_SUPPORT_SHAPE if sub in shapes else MIN_SUPPORT)
    }


def unseen(sub: Sub) -> bool:
    """Whether the learned table has no row for ``sub``."""
    from repair.score.ocr_channel import confusions

    return all(d != sub[1] for d, _c in confusions().get(sub[0], ()))


def habit_cost(support: float) -> float:
    """Channel cost (nats) of one substitution of a habit with this support."""
    return max(COST_MIN, COST_BASE - COST_SLOPE * math.log(support))


def habit_readings(low: str, habits: dict[Sub, float]) -> list[tuple[str, float, list[Sub]]]:
    """(word, cost, substitutions) of the lower-case ``low`` read by the habits at any
    of its places, cheapest first."""
    places: list[tuple[int, Sub]] = []
    for sub in habits:
        src = sub[0]
        at = low.find(src)
        while at >= 0:
            places.append((at, sub))
            at = low.find(src, at + 1)
    if not places:
        return []
    places.sort()
    places = places[:MAX_PLACES]
    out: dict[str, tuple[float, list[Sub]]] = {}
    for k in range(1, len(places) + 1):
        for chosen in combinations(places, k):
            word, last, cost, subs = [], 0, 0.0, []
            for at, sub in chosen:
                if at < last:
                    break  # overlapping places
                word += [low[last:at], sub[1]]
                last = at + len(sub[0])
                cost += habit_cost(habits[sub])
                subs.append(sub)
            else:
                text = "".join(word) + low[last:]
                if (text not in out or cost < out[text][0]) and _is_reading(text):
                    out[text] = (cost, subs)
    return sorted(((w, c, s) for w, (c, s) in out.items()), key=lambda x: x[1])


#: A capitalised word the page prints this often, and which the frequency list knows as
#: a word of the language, is a name of the page ("Seles" six times in a tennis report,
#: Zipf 1.9, which an e -> a habit it helped teach read "Sales"): it teaches no habit and
#: is not read.  A garbled name has no frequency ("Mdes" for Miles, three times in an
#: ICDAR book, is still read).  Session 35.
KEEP_NAMES = True
NAME_MIN_COUNT = 3


#: Use :func:`repair.candidates.ocr_pagename.printed_name` (also never printed in lower
#: case, Zipf below its ``MAX_ZIPF``) for the page's names here too (session 37: one rule
#: for both readers; see RESULTS.md for its figures).
SHARED_NAME = True


def _printed_names(toks: list[Token]) -> frozenset[str]:
    """Capitalised words (first letter only) printed :data:`NAME_MIN_COUNT` times or more
    that the frequency list knows."""
    if SHARED_NAME:
        from repair.candidates.ocr_pagename import printed_name

        words = page_word_counts(toks)
        return frozenset(w for w in words if printed_name(w, words))
    counts = Counter(
        t.text for t in toks if t.kind == "word" and t.text[:1].isupper() and t.text[1:].islower()
    )
    return frozenset(w for w, n in counts.items() if n >= NAME_MIN_COUNT and zipf(w.lower()) > 0)


def with_page_habits(
    toks: list[Token],
    findings: Iterable[tuple[int, str]],
    found: list[Candidate],
    garbled: bool = True,
) -> list[Candidate]:
    """``found`` (the page's other candidates) with the page's habit readings, the other
    readings of the spans they read a one-off dearer (``findings``: (token index,
    reason) of the detector; ``garbled``: the gate is open, else only non-words are read,
    at :data:`SHUT_THRESHOLD`)."""
    from repair.score.ocr_channel import transfer_case

    names = _printed_names(toks) if KEEP_NAMES else frozenset()
    nonword_at: set[int] = set()
    types: set[str] = set()
    lower: set[str] = set()  # printed in lower case
    for i, reason in findings:
        text = toks[i].text
        if reason not in REASONS or len(text) < MIN_LEN or not text.isalpha():
            continue
        if _hyphen_piece(toks, i):
            continue  # "responsibil-⏎ities": a piece of a word, not a misreading
        low = _lower(text)
        if low is not None:
            nonword_at.add(i)
            if text in names:
                continue  # a name of the page teaches no habit
            types.add(low)
            if low == text:
                lower.add(low)
    if len(types) < MIN_SUPPORT_SHAPE or (not garbled and len(lower) < SHUT_MIN_TYPES):
        return found  # a clean page's few names: nothing learned (nor the word list read)
    habits = learn(types)
    if not habits:
        return found
    # real words only by habits the table does not read (it has its own real-word pass)
    strong = {s: n for s, n in habits.items() if garbled and n >= REALWORD_SUPPORT and unseen(s)}
    memo: dict[tuple[str, bool], list[tuple[str, float, list[Sub]]]] = {}
    out: list[Candidate] = []
    for i, t in enumerate(toks):
        if t.kind != "word" or len(t.text) < MIN_READ_LEN or not t.text.isalpha():
            continue
        if t.text in names:
            continue
        nonword = i in nonword_at
        if not nonword and not strong:
            continue
        low = _lower(t.text)
        if low is None:
            continue
        key = (low, nonword)
        got = memo.get(key)
        if got is None:
            if nonword:
                got = habit_readings(low, habits)[:3]
            else:
                got = [
                    r
                    for r in habit_readings(low, strong)[:2]
                    if zipf(r[0]) > zipf(low) and len(r[2]) == 1
                ]
            memo[key] = got
        for word, cost, subs in got:
            word = transfer_case(t.text, word)
            feats: dict = dict(
                finding="page_habit",
                orig=[t.text],
                alt=[word],
                cost=cost,
                subs=[list(s) for s in subs],
            )
            if nonword:
                feats["threshold"] = THRESHOLD if garbled else SHUT_THRESHOLD
                out.append(cand(t.start, t.end, word, "OCR_CONFUSION", **feats))
            else:
                from repair.candidates.ocr import REALWORD_PRIOR_PER_ZIPF

                feats.update(
                    orig_known=True,
                    prior_per_zipf=REALWORD_PRIOR_PER_ZIPF,
                    threshold=REALWORD_THRESHOLD,
                )
                out.append(cand(t.start, t.end, word, "OCR_REALWORD", **feats))
    if not out:
        return found
    read: dict[tuple[int, int], set[str]] = defaultdict(set)
    for c in out:
        read[c.start, c.end].add(c.replacement.lower())
    # a reading of a span no habit reads is kept as it is (``_one_off``'s first test,
    # without the call: issue 14, session 38)
    penalised = [c if (c.start, c.end) not in read else _one_off(c, read) for c in found]
    return penalised + out


def _hyphen_piece(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` is one piece of a word hyphenated at a line end."""
    after = i + 2 < len(toks) and toks[i + 1].text == "-" and "\n" in toks[i + 2].text
    before = i >= 2 and toks[i - 2].text == "-" and "\n" in toks[i - 1].text
    return after or before


def _one_off(c: Candidate, read: dict[tuple[int, int], set[str]]) -> Candidate:
    """``c`` a one-off dearer when a habit reads its span as something else."""
    f = c.features
    other = read.get((c.start, c.end))
    if other is None or "cost" not in f or "fixed" in f or c.replacement.lower() in other:
        return c
    return with_features(c, {**f, "cost": float(f["cost"]) + ONE_OFF})
