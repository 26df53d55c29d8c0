"""A written multi-word span read once for the whole document: the original that fits it best
summed over every place it is written ("with regard to" -> "about" at each of four places).

A phrase spinner maps a form the same way wherever it writes it, and writes it for nearly
every occurrence of its original, so the original is then missing from its output.  An
author's own wordy phrase sits beside the plain word ("prior to" once, "before" five times)
and, read in varied contexts, is not the best fit everywhere.  So a span written in at least
:data:`MIN_PLACES` different contexts (word before, word after: a passage the document
copies is one choice) whose one-word original

* is the best by the LM gain summed over all places, ahead of the runner-up by
  :data:`MIN_LEAD` nats in the sum: one choice for the document, not one a place (a single
  place's near tie, "of" / "about", is settled by the others);
* has a mean gain of at least :data:`MIN_MEAN_GAIN` and neither side against it at any place
  (the left side for it, the right one no lower than :data:`RIGHT_FLOOR` where the sentence
  goes on; the sentence goes on after at least one place);
* is a closed-class word (:func:`repair.detect.span_echo.closed_class`: no verb reading, a
  stop word or no noun reading; a wordy paraphrase stands for a function word or an adverb,
  a topic's compound for a content word: "fiscal year" -> "day");
* is written in the document itself at most :data:`MAX_WRITTEN` times (since session 50 the
  originals are narrowed to those before they are ranked: :data:`UNWRITTEN_FIRST`);

and the span has at least :data:`MIN_WORDS` words;

is a *document mapping*: the spin stage may restore it at every place even where no other
gate of the document is open (``repair.stages.spin.PHRASE_SELF_GATE``).  No list of pairs:
the originals are the span table's (:mod:`repair.candidates.spin_phrase`), stopword-only
spans included ("after that" -> "then").  Session 29's echo reader
(:mod:`repair.detect.span_echo`, off) chose each place's original alone and did not ask
whether the document writes it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from repair.candidates import spin_phrase_long, spin_phrase_pair
from repair.candidates.spin_phrase import PhraseEvidence, phrase_evidence, span_rows
from repair.detect.span_echo import closed_class
from repair.document import Document

#: Places a written span needs in the document.
MIN_PLACES = 2
#: Lead (nats) of the best original over the runner-up, gains summed over the places.
MIN_LEAD = 2.0
#: Mean whole-span gain (nats) of the chosen original over the places.
MIN_MEAN_GAIN = 9.0
#: Times the document itself may write the original (as a word, any case).
MAX_WRITTEN = 1
#: Least right-side gain (nats) of the original at each place where the sentence goes on
#: (session 44: 0; a right "about" for "with regard to" is often -0.3 at one place).
#: Session 50 (spinphrase50), on the 240 phrase-spun dev documents (list rows held out) with
#: UNWRITTEN_FIRST and MIN_WORDS 3: right places 49 (0) -> 73 (-0.5) -> 79 (-1.0), places
#: with no gold span 0 -> 0 -> 2, no wrong original; clean mappings in the 2,676 calibration
#: documents 0 at each.
RIGHT_FLOOR = -1.0
#: Session 50 (spinphrase50): the originals a mapping is chosen among are first narrowed to
#: closed-class words the document writes at most MAX_WRITTEN times, then ranked by the
#: summed gain (session 44 ranked all originals, then declined a best one the document
#: writes).  A spinner that writes its form for nearly every occurrence of the original
#: leaves the original out of its output, so an original the document writes ten times
#: ("of", "on" for "with regard to") is not the one its recurring span stands for, however
#: well it fits each place.  False: session 44's order.  Session 50: right places on the 240
#: phrase-spun dev documents 41 -> 51 (right floor 0, mean 9, spans of any length), no wrong
#: one, no clean mapping more; phrase dev ``--unlisted`` 0.029 -> 0.036 (session 44's gate).
UNWRITTEN_FIRST = True
#: Least written words of a mapped span (session 44: 2, every span of the reading).  A
#: phrase spinner's paraphrase is wordy; the two-word spans an author writes twice are
#: idiom.  Chosen on the clean dev documents: at mean gain >= 9 their one mapping is a
#: two-word span (ABC rural#374 "below standard" -> off); at >= 7 two of four ("upon which",
#: "below standard"; "at one time", "in relation to" are read only under 9).  Session 50
#: (spinphrase50): 3 costs 81 -> 79 right places on the 240 phrase-spun dev documents and
#: takes every clean mapping of the calibration corpus at mean 9 (dev 2 places, test 4: the
#: test-half inaugural "at length" and "upon which" of session 44).
MIN_WORDS = 3
#: Session 61 (speedspin61), a pure speed change (exact): the long reader
#: (:func:`_long_mappings`) asks its cheap questions before it reads a span's places with
#: the LM.  A span written at fewer than :data:`MIN_PLACES` places is skipped before its
#: contexts are read; a span whose places fail ``spin_phrase_long.distinct_neighbours`` is
#: skipped before its gain rows (``kept`` would decline any mapping of it); with
#: :data:`UNWRITTEN_FIRST` the places are read only against the originals the mapping could
#: choose (written at most ``cap`` times, closed class: the others are dropped before the
#: ranking, and each original's rows are its own), and a span with none of them, or none
#: that agrees in function with it (``spin_phrase_long.POS_AGREEMENT``), is skipped.  Clean
#: 100 k words (``repair.bench.speed``): the long reader 0.34 -> 0.1 s in process; every
#: output byte-identical (RESULTS.md, "Session 61, speedspin").  False: session 60's order.
LONG_EARLY = True

#: Session 65 (spinphrase65): a long mapping (decided on the span's lower-case places, as
#: ``spin_phrase_long.long_spans`` reads them) also holds the places where the document
#: writes the span sentence-initially with its first letter capitalised ("At this point in
#: time" beside five "at this point in time"), each where both sides of that place favour
#: the original (left gain > 0, right gain >= :data:`RIGHT_FLOOR` where the sentence goes
#: on): a spinner maps its form the same way at a sentence's start.  Phrase dev (list rows
#: held out) +3 right places (Reagan's "At this point in time" -> "Now" x2, "In the event
#: that" -> "If"), no wrong one; every other ``--all`` dev row and the calibration identical.
#: False: lower-case places only.  benchmarks/RESULTS.md, "Session 65, spinphrase".
INITIAL_PLACES = True

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass(frozen=True, slots=True)
class DocumentMapping:
    """A written span (lower case) read as one original at every place it is written."""

    written: str
    original: str
    places: tuple[tuple[int, int], ...]
    mean_gain: float
    lead: float
    #: The smallest gain of the original at one place.
    min_gain: float


def document_mappings(
    doc: Document, phrases: Sequence[PhraseEvidence], covered: set[int]
) -> list[DocumentMapping]:
    """:class:`DocumentMapping` of each recurring written span of ``phrases`` and of the
    stopword-only spans the reading skips, outside ``covered``, by the floors above."""
    rows = [*phrases, *phrase_evidence(doc, covered, function_only=True)]
    places: dict[str, dict[tuple[int, int], bool]] = {}
    for ph in rows:
        if any(i in covered for i in range(ph.start, ph.end)):
            continue
        places.setdefault(ph.written.lower(), {})[(ph.start, ph.end)] = ph.has_right
    recurring = {w: at for w, at in places.items() if _contexts(doc.text, at) >= MIN_PLACES}
    if not recurring and not spin_phrase_long.LONG_SPANS:
        return []
    written = doc.word_counts
    out: list[DocumentMapping] = []
    for w, at in recurring.items():
        if len(w.split()) < MIN_WORDS:
            continue
        m = _mapping(doc, w, at, written)
        if m is not None:
            out.append(m)
    if spin_phrase_long.LONG_SPANS:
        out.extend(_long_mappings(doc, covered, out, written))
    if spin_phrase_pair.PAIR_MAPPINGS and MIN_WORDS > spin_phrase_pair.PAIR_WORDS:
        out.extend(_pair_mappings(doc, covered, recurring, out, written))
    return out


def _pair_mappings(
    doc: Document,
    covered: set[int],
    recurring: dict[str, dict[tuple[int, int], bool]],
    longer: list[DocumentMapping],
    written: Counter[str],
) -> list[DocumentMapping]:
    """Document mappings of the recurring two-word spans (:mod:`spin_phrase_pair`): the
    mapping's floors at ``spin_phrase_pair.PAIR_MIN_MEAN_GAIN``, each passing
    :func:`spin_phrase_long.kept` (function agreement, neighbours, gain beyond frequency),
    none overlapping a ``longer`` mapping or another pair mapping (the higher mean gain
    first)."""
    taken = {i for m in longer for s, e in m.places for i in range(s, e)}
    found = []
    for w, at in recurring.items():
        if len(w.split()) != spin_phrase_pair.PAIR_WORDS:
            continue
        if any(i in taken for s, e in at for i in range(s, e)):
            continue
        m = _mapping(doc, w, at, written, mean_floor=spin_phrase_pair.PAIR_MIN_MEAN_GAIN)
        if m is None or not spin_phrase_long.kept(doc.text, w, m.original, m.places, m.mean_gain):
            continue
        floor = spin_phrase_pair.PAIR_MIN_CONTEXT_GAIN
        if floor is not None and spin_phrase_long.context_gain(w, m.original, m.mean_gain) < floor:
            continue
        if INITIAL_PLACES:
            m = _with_initial_places(doc, m, covered)
        found.append(m)
    return _disjoint(found, taken)


def _long_mappings(
    doc: Document, covered: set[int], short: list[DocumentMapping], written: Counter[str]
) -> list[DocumentMapping]:
    """Document mappings of the recurring 4-5-word spans (:mod:`spin_phrase_long`): the
    original written fewer times than the span's places; of overlapping long mappings the
    one with the higher mean gain, none over a shorter mapping; each passing
    :func:`spin_phrase_long.kept` (neighbours, gain beyond frequency)."""
    taken = {i for m in short for s, e in m.places for i in range(s, e)}
    found = []
    memo: tuple[dict[int, str], dict[int, str]] | None = ({}, {}) if LONG_EARLY else None
    for w, at in spin_phrase_long.long_spans(doc, covered).items():
        if LONG_EARLY and len(at) < MIN_PLACES:
            continue  # (fewer places than contexts wanted)
        if _contexts(doc.text, at, memo) < MIN_PLACES or not spin_phrase_long.fixed_expression(w):
            continue
        rows_of = spin_phrase_long.span_rows
        if LONG_EARLY:
            origs = _long_originals(doc.text, w, at, written)
            if origs is not None and not origs:
                continue
            rows_of = partial(spin_phrase_long.span_rows, origs=origs)
        m = _mapping(doc, w, at, written, rows_of, len(at) - 1, spin_phrase_long.is_original)
        if m is not None and spin_phrase_long.kept(doc.text, w, m.original, m.places, m.mean_gain):
            if INITIAL_PLACES:
                m = _with_initial_places(doc, m, covered)
            found.append(m)
    return _disjoint(found, taken)


def _disjoint(found: list[DocumentMapping], taken: set[int]) -> list[DocumentMapping]:
    """Of ``found``, by falling mean gain, the mappings whose places overlap no token
    index in ``taken`` nor a mapping kept before them (``taken`` grows with each kept)."""
    found.sort(key=lambda m: -m.mean_gain)
    out: list[DocumentMapping] = []
    for m in found:
        cells = {i for s, e in m.places for i in range(s, e)}
        if cells & taken:
            continue
        taken |= cells
        out.append(m)
    return out


def _with_initial_places(
    doc: Document, m: DocumentMapping, covered: set[int]
) -> DocumentMapping:
    """``m`` with the sentence-initial capitalised places of its span that favour its
    original on both sides (:data:`INITIAL_PLACES`)."""
    text = doc.text
    form = m.written[:1].upper() + m.written[1:]
    extra = []
    for hit in re.finditer(re.escape(form), text):
        a, b = hit.span()
        if (a > 0 and (text[a - 1].isalnum() or text[a - 1] in "'’-")) or (
            b < len(text) and (text[b].isalnum() or text[b] in "'’-")
        ):
            continue  # inside a longer word
        if any(i in covered for i in range(a, b)):
            continue
        if not _sentence_start(text, a):
            continue
        rows = spin_phrase_long.span_rows(doc, a, b, (m.original,))
        if not rows:
            continue
        _g, lg, rg, _o = rows[0]
        rest = text[b : b + 3].lstrip(" ")
        goes_on = bool(rest) and rest[0] not in ".!?\n"
        if lg > 0 and (rg >= RIGHT_FLOOR or not goes_on):
            extra.append((a, b))
    if not extra:
        return m
    places = tuple(sorted({*m.places, *extra}))
    return DocumentMapping(m.written, m.original, places, m.mean_gain, m.lead, m.min_gain)


def _sentence_start(text: str, a: int) -> bool:
    """Whether offset ``a`` opens a sentence: the text's start, a line's start, or after a
    sentence mark (and closing quotes or brackets) and white space."""
    i = a
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return True
    if i == a:
        return False  # no space before the capital
    j = i
    while j > 0 and text[j - 1] in "\"'”’)]":
        j -= 1
    return j > 0 and text[j - 1] in ".!?"


def _long_originals(
    text: str, w: str, at: dict[tuple[int, int], bool], written: Counter[str]
) -> tuple[str, ...] | None:
    """The originals of ``spin_phrase_long.originals`` a long mapping of ``w`` at ``at`` could
    choose (:data:`LONG_EARLY`), in their order; ``None`` for all of them, and an empty tuple
    where no mapping of it could pass ``spin_phrase_long.kept``."""
    L = spin_phrase_long
    if L.DISTINCT_NEIGHBOURS and not L.distinct_neighbours(
        text, tuple(sorted(at)), L.SHARED_AT_EVERY_PLACE
    ):
        return ()
    if not UNWRITTEN_FIRST:
        return None
    cap = len(at) - 1
    origs = tuple(
        o for o in L.originals() if written[o.lower()] <= cap and L.is_original(o.lower())
    )
    if L.POS_AGREEMENT and not any(L.agrees(w, o, L.PRONOUNS, L.DETERMINERS) for o in origs):
        return ()
    return origs


def _mapping(
    doc: Document,
    w: str,
    at: dict[tuple[int, int], bool],
    written: Counter[str],
    rows_of: Callable[[Document, int, int], list[tuple[float, float, float, str]]] = span_rows,
    cap: int = MAX_WRITTEN,
    closed: Callable[[str], bool] | None = None,
    mean_floor: float | None = None,
) -> DocumentMapping | None:
    """The document mapping of the span ``w`` written at ``at`` (place -> whether the
    sentence goes on after it), or None; ``rows_of`` reads a place's originals, ``cap`` is
    the most times the document may write the original, ``closed`` the closed class it is
    chosen in (default :func:`~repair.detect.span_echo.closed_class`), ``mean_floor`` the
    least mean gain (default :data:`MIN_MEAN_GAIN`)."""
    if closed is None:
        closed = closed_class
    total: Counter[str] = Counter()
    least: dict[str, float] = {}
    sides: dict[str, bool] = {}
    for (start, end), right in at.items():
        rows = rows_of(doc, start, end)
        for g, lg, rg, o in rows:
            total[o] += g
            least[o] = min(g, least.get(o, g))
            ok = lg > 0 and (rg >= RIGHT_FLOOR or not right)
            sides[o] = sides.get(o, True) and ok
        for o in set(total) - {r[3] for r in rows}:
            sides[o] = False  # an original not read at every place
    if UNWRITTEN_FIRST:
        total = Counter(
            {
                o: g for o, g in total.items()
                if written[o.lower()] <= cap and closed(o.lower())
            }
        )  # fmt: skip
    if not total:
        return None
    ranked = total.most_common(2)
    best, best_sum = ranked[0]
    lead = best_sum - (ranked[1][1] if len(ranked) > 1 else best_sum - 10.0)
    mean = best_sum / len(at)
    floor = MIN_MEAN_GAIN if mean_floor is None else mean_floor
    if lead < MIN_LEAD or mean < floor or not sides.get(best, False):
        return None
    if not any(at.values()) or not closed(best.lower()):
        return None
    if written[best.lower()] > cap:
        return None
    return DocumentMapping(
        w, best, tuple(sorted(at)), round(mean, 3), round(lead, 3), round(least[best], 3)
    )


def _contexts(
    text: str,
    at: dict[tuple[int, int], bool],
    memo: tuple[dict[int, str], dict[int, str]] | None = None,
) -> int:
    """How many different (word before, word after) contexts the places ``at`` stand in
    (``memo``: the word before each start and after each end read so far, kept by the
    caller across spans that share offsets)."""
    keys = set()
    if memo is None:
        for start, end in at:
            before = _WORD.findall(text[max(0, start - 40) : start])
            after = _WORD.findall(text[end : end + 40])
            keys.add((before[-1].lower() if before else "", after[0].lower() if after else ""))
        return len(keys)
    befores, afters = memo
    for start, end in at:
        b = befores.get(start)
        if b is None:
            found = _WORD.findall(text[max(0, start - 40) : start])
            b = befores[start] = found[-1].lower() if found else ""
        a = afters.get(end)
        if a is None:
            found = _WORD.findall(text[end : end + 40])
            a = afters[end] = found[0].lower() if found else ""
        keys.add((b, a))
    return len(keys)
