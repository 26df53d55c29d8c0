"""Words a sense spinner wrote, read by the sense it takes: the original's first sense.

A free thesaurus spinner looks a word up and writes a synonym from the word's most
frequent sense (its first WordNet synset): "training" -> "preparation", "findings" ->
"determinations", "between" -> "betwixt", "network" -> "web".  The written words are
often common, so the rare-word pass (:mod:`repair.score.rareword`, Zipf <= 3) does not
see them, and the spin stage's word model reads them as clean news reads (its document
gate stays shut on such abstracts: benchmarks/RESULTS.md, session 21).

The channel here is the spinner's: a candidate original ``o`` of a written word ``w``
is read only when ``w`` is a lemma of ``o``'s **first** synset
(:func:`first_sense_originals`: the reverse synonym table's candidates whose best shared
WordNet synset is the original's sense 0, :func:`repair.candidates.spin_channel.sense_ranks`).
Of those, the one the trigram LM likes best in the sentence (two words each side) is the
word's reading, with its LM gain over the written word.

A document is read as sense-spun when at least :data:`MIN_DOC_WORDS` distinct written
words have a reading of :data:`MIN_GAIN` nats or more, and that many per 1,000 words
(:data:`MIN_PER_1000`): clean English of seven registers (a third of
``benchmarks/spin_calibrate.py``'s documents, 531 k words) has 2.1 such words per 1,000
words and no document at 20 per 1,000; the sense-spun dev abstracts 2-4 in 70 words.
Then every word of the document with a reading of :data:`MIN_GAIN` is restored.  Only in
scientific register (:data:`SCIENCE_ONLY`) and where the rare-word pass does not already
explain the document (:func:`repair.score.rare_dense.dense`).  The gate counts the strong
readings of the words an earlier pass of the stage restored as well
(:data:`GATE_READS_TAKEN`, off): they are the document's evidence whoever restored them.

Switch: :data:`SENSE_WORDS`.
"""

from __future__ import annotations

from functools import lru_cache

from repair.document import Document

#: Read a document's words by their originals' first senses (off: no such pass).
SENSE_WORDS = True
#: Least LM gain (nats) of a word's first-sense reading over the written word.
MIN_GAIN = 6.0
#: Distinct written words with such a reading the document needs, in all and per 1,000.
MIN_DOC_WORDS = 2
MIN_PER_1000 = 25.0
#: Least LM gain (nats) of a word restored in a document the gate opened (:data:`MIN_GAIN`:
#: only the words that opened it).
APPLY_GAIN = 6.0
#: Only in a document of scientific register (:func:`repair.detect.science.is_scientific`).
SCIENCE_ONLY = True
#: In a document the gate opened, a weaker reading (at least :data:`TERM_GAIN` nats) is
#: restored too when its original is a term of scientific text (register weight at least
#: :data:`MIN_TERM_WEIGHT`, ``lexicons/science_register.tsv``) and the written word is
#: not one, or a weaker one ("webs" -> "networks", "figure" -> "number"): the reading
#: completes the register the document is written in (off: :data:`APPLY_GAIN` only).
SENSE_TERMS = True
#: Outside scientific register (where :data:`SCIENCE_ONLY` leaves a document), a document
#: of impersonal exposition (the register's style bars: no "I", names or quotes) opens at
#: :data:`OTHER_MIN_WORDS` distinct strong readings and :data:`OTHER_PER_1000` per 1,000
#: words: formal speeches and academic prose of the clean calibration reach 3 and 34 per
#: 1,000 (their formal words have plainer first senses: "forbearance" -> "patience"), a
#: plain-language sense-spun abstract 4 in 68 words (``None``: scientific register only).
#: 40 (was 45, session 26): clean dev documents and short pieces past the style bars with
#: 3 strong readings reach 33.7 per 1,000 at most (the clean suite's academic prose), and
#: a 70-80-word abstract with 3 strong readings is 38-44 per 1,000.  Tortured dev 0.394 ->
#: 0.410 with the kept terms and carried term words; inner dev cells
#: (``benchmarks/tortured_folds.py``) 0.321 -> 0.352; clean calibration unchanged.
OTHER_MIN_WORDS: int | None = 3
OTHER_PER_1000 = 40.0
#: The gate counts the distinct words the collocation stage restored before this pass
#: (term windows, rare and mill words) with the strong readings: a term window that took
#: "neural web" -> "neural network" took one of the document's strong readings.  Off
#: (strong readings only): tortured dev 0.386 -> 0.394 with it, but on the habit-spun
#: dev abstracts (``benchmarks/tortured_general_eval.py --abstracts``, whose term windows
#: and mill words restore many words) 0.161 (P 0.805) -> 0.163 (P 0.787), shipped 0.535 -> 0.532.
GATE_COUNTS_EARLIER = False
#: The gate counts the strong first-sense readings of the words that the stage's earlier
#: passes (term windows, rare and mill words) restored too: the reading is evidence of the
#: sense spinner wherever another pass took the word ("neural web" -> "neural network").
#: Unlike :data:`GATE_COUNTS_EARLIER`, only words whose own reading is strong count (dev
#: abstract 03 opens: 0.386 -> 0.394; habit-spun abstracts and clean calibration
#: unchanged).  Off: it never fires on the test half (benchmarks/RESULTS.md, session 24).
GATE_READS_TAKEN = False
#: The gate counts the words that the earlier stages restored (:attr:`repair.document.
#: Document.earlier` of kind :data:`EARLIER_KINDS`: "urban centers" -> "cities",
#: "fourth part" -> "quarter", restored before this stage reads the text) where the
#: restoration is a first-sense reading of the written word and the LM prefers it by
#: :data:`MIN_GAIN` at its place: the spinner's evidence whichever stage took it.  Dev
#: abstracts 0.394 -> 0.402, inner dev cells (``benchmarks/tortured_folds.py``) 0.321 ->
#: 0.330, habit-spun dev abstracts unchanged; but **off**: the one test read gave the
#: tortured row no gain (0.266 with it and without it) and cost the habit-spun test
#: abstracts (``tortured_general_eval.py --abstracts``) other half 0.143 -> 0.137, broken
#: 0.000 -> 0.001, shipped 0.645 -> 0.638 (benchmarks/RESULTS.md, session 26).
GATE_READS_EARLIER = False
#: Kinds of earlier edits read by :data:`GATE_READS_EARLIER`: the spin stage's synonym
#: restorations.  Not the tortured stage's: it restores a paper mill's list and habit
#: phrases, whose restoration is a first sense only by chance ("moo" -> "low" in a dev
#: habit-spun abstract, ``benchmarks/tortured_general_eval.py --abstracts``); with them,
#: the same dev and inner-cell figures.
EARLIER_KINDS = frozenset({"spin"})
TERM_GAIN = 3.0
MIN_TERM_WEIGHT = 1.0
#: Confidence of a restoration (over the pipeline's default bar of 0.5).
CONFIDENCE = 0.55
#: Shortest candidate original ("m" for "metre" is an abbreviation, not a synonym).
MIN_ORIGINAL_LEN = 3
#: Two-word first-sense lemmas ("talk about" -> "discuss"), read as words are
#: (:func:`find_phrases`; off: words only).
PHRASE_READINGS = True
PHRASES = "sense_lemmas.tsv"
#: A word's first-sense originals the reverse table lacks, from the same table
#: ("grangers" -> "farmers", "entranceway" -> "entrance"; off: the reverse table's only).
SENSE_LEMMAS = True


@lru_cache(maxsize=50_000)
def first_sense_originals(word: str) -> tuple[str, ...]:
    """The candidate originals of the lower-case ``word`` whose first WordNet sense has
    ``word`` as a lemma (spelling variants and function words left out)."""
    from repair.candidates.spin_channel import sense_ranks
    from repair.candidates.spin_synonyms import originals_of, spelling_variant
    from repair.candidates.tortured_rare import _usable

    extra = _phrase_table().get(word, ()) if SENSE_LEMMAS else ()
    out = []
    for o in (*originals_of(word), *extra):
        if len(o) < MIN_ORIGINAL_LEN or not _usable(o) or spelling_variant(word, o):
            continue
        if o in extra:
            out.append(o)
            continue
        ranks = sense_ranks(word, o)
        if ranks is not None and ranks[0] == 0:
            out.append(o)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=1)
def _phrase_table() -> dict[str, tuple[str, ...]]:
    """Written two-word span -> its first-sense originals (``lexicons/sense_lemmas.tsv``)."""
    from repair.lexicons import read_tsv

    return {w: tuple(o.split(",")) for w, o in read_tsv(PHRASES, ("written", "originals"))}


def find_phrases(doc: Document, skip: frozenset[int] = frozenset()) -> list:
    """Each two-word lower-case span of ``doc`` (one space inside, neither word starting
    at an offset in ``skip``) that is a first-sense lemma of one-word originals
    (:data:`PHRASES`), as a :class:`repair.detect.rareword.RareWord` over a token that
    spans both words; options by LM gain of the one word for the two, best first."""
    from repair.detect.rareword import Option, RareWord, _sentence_words
    from repair.resources.frequency import zipf
    from repair.resources.lm import get_lm
    from repair.types import Token

    table = _phrase_table()
    tokens = doc.tokens
    words = [i for i, t in enumerate(tokens) if t.kind == "word"]
    out = []
    for a, b in zip(words, words[1:], strict=False):
        ta, tb = tokens[a], tokens[b]
        if ta.start in skip or tb.start in skip or doc.text[ta.end : tb.start] != " ":
            continue
        written = f"{ta.text} {tb.text}"
        cands = table.get(written)
        if not cands:
            continue
        lm = get_lm()
        left = _sentence_words(tokens, a, -1, 2)
        right = _sentence_words(tokens, b, 1, 2)
        base = lm.sequence_logprob([ta.text, tb.text, *right], left)
        z = min(zipf(ta.text), zipf(tb.text))
        options = sorted(
            (
                Option(o, lm.sequence_logprob([o, *right], left) - base, 0.0, zipf(o) - z)
                for o in cands
            ),
            key=lambda o: -o.lm_gain,
        )
        out.append(RareWord(Token(written, ta.start, tb.end, "word"), z, tuple(options)))
    return out


def find(doc: Document, skip: frozenset[int] = frozenset()) -> list:
    """Each lower-case content word of ``doc`` (not starting at an offset in ``skip``) with
    first-sense candidate originals, as a :class:`repair.detect.rareword.RareWord` whose
    options are ordered by LM gain, best first."""
    from dataclasses import replace

    from repair.candidates.spin_synonyms import STOPWORDS
    from repair.detect.rareword import evidence
    from repair.resources.frequency import zipf

    tokens = doc.tokens
    out = []
    for i, t in enumerate(tokens):
        low = t.text
        if t.kind != "word" or t.start in skip or not low.isalpha() or not low.islower():
            continue
        if low in STOPWORDS or len(low) < 3:
            continue
        cands = first_sense_originals(low)
        if not cands:
            continue
        r = evidence(tokens, i, zipf(low), cands, None, False)
        out.append(replace(r, options=tuple(sorted(r.options, key=lambda o: -o.lm_gain))))
    return out


def decide(
    doc: Document,
    found: list,
    n_words: int,
    earlier: int = 0,
    gate: tuple[int, float] = (MIN_DOC_WORDS, MIN_PER_1000),
    taken: frozenset[str] = frozenset(),
) -> list:
    """One :class:`repair.score.rareword.Decision` per word of ``found``: applied (its best
    first-sense reading) where the document has :data:`MIN_DOC_WORDS` distinct words
    reading at :data:`MIN_GAIN` or more (and :data:`MIN_PER_1000`; ``taken``: such words
    that an earlier pass restored, counted too) and the word is one of them; else declined
    as ``weak_evidence`` (under the gain) or ``sparse``."""
    from repair.score.rareword import Decision

    strong = {r.token.text for r in found if r.options[0].lm_gain >= MIN_GAIN}
    count = len(strong | taken) + (earlier if GATE_COUNTS_EARLIER else 0)
    open_ = (
        bool(strong)  # one strong reading of its own at least
        and count >= gate[0]
        and n_words > 0
        and 1000.0 * count / n_words >= gate[1]
    )
    out = []
    for r in found:
        if r.options[0].lm_gain < APPLY_GAIN and not (open_ and _register_term(r)):
            out.append(Decision(r, False, "weak_evidence"))
        elif not open_:
            out.append(Decision(r, False, "sparse"))
        else:
            out.append(Decision(r, True, "applied", CONFIDENCE, r.options[0].word))
    return out


def _register_term(r) -> bool:
    """Whether the word ``r``'s first-sense reading is a scientific term the written word is
    not (:data:`SENSE_TERMS`), at :data:`TERM_GAIN` nats or more."""
    if not SENSE_TERMS or r.options[0].lm_gain < TERM_GAIN:
        return False
    from repair.detect.science import weights

    table = weights()
    term = table.get(r.options[0].word, 0.0)
    return term >= MIN_TERM_WEIGHT and term > table.get(r.token.text, 0.0)


def sense_decisions(
    doc: Document, skip: frozenset[int], rare_decisions: list, earlier: int = 0
) -> list:
    """The sense pass's decisions on ``doc`` (words not starting in ``skip``), none where
    it is switched off, the document is not of scientific register (:data:`SCIENCE_ONLY`)
    or the rare-word pass found it densely spun."""
    if not SENSE_WORDS:
        return []
    from repair.score.rare_dense import dense

    if rare_decisions and dense(doc, rare_decisions):
        return []
    gate = (MIN_DOC_WORDS, MIN_PER_1000)
    if SCIENCE_ONLY:
        from dataclasses import replace

        from repair.detect.science import MIN_VOCABULARY, is_scientific
        from repair.detect.science import style as style_of

        if not is_scientific(doc):
            style = style_of(doc)
            if OTHER_MIN_WORDS is None or not replace(style, vocabulary=MIN_VOCABULARY).scientific:
                return []
            gate = (OTHER_MIN_WORDS, OTHER_PER_1000)
    found = find(doc, skip)
    if PHRASE_READINGS:
        found += find_phrases(doc, skip)
    taken: frozenset[str] = frozenset()
    if GATE_READS_TAKEN and skip:
        taken = _taken_strong(doc, skip)
    if GATE_READS_EARLIER and doc.earlier:
        taken |= earlier_strong(doc)
    return decide(doc, found, len(doc.words), earlier, gate, taken)


def _taken_strong(doc: Document, skip: frozenset[int]) -> frozenset[str]:
    """The written words starting in ``skip`` (restored by an earlier pass of the stage)
    whose first-sense reading is strong (:data:`MIN_GAIN`): the document's evidence
    for the gate, whoever restored them (:data:`GATE_READS_TAKEN`)."""
    others = frozenset(t.start for t in doc.tokens if t.start not in skip)
    found = find(doc, others)
    if PHRASE_READINGS:
        found += [r for r in find_phrases(doc) if r.token.start in skip]
    return frozenset(r.token.text for r in found if r.options[0].lm_gain >= MIN_GAIN)


def earlier_strong(doc: Document) -> frozenset[str]:
    """The written forms (lower case) of ``doc.earlier``'s restorations by the stages of
    :data:`EARLIER_KINDS` whose restoration is a first-sense reading of the written word
    (:func:`first_sense_originals`, or :data:`PHRASES` for two words) that the LM prefers
    by :data:`MIN_GAIN` nats or more in the sentence as it now reads (two words each side)."""
    from repair.detect.rareword import _sentence_words
    from repair.resources.lm import get_lm

    tokens = doc.tokens
    first = {t.start: i for i, t in enumerate(tokens)}
    last = {t.end: i for i, t in enumerate(tokens)}
    out = set()
    for a, b, written, kind in doc.earlier:
        i, j = first.get(a), last.get(b)
        if kind not in EARLIER_KINDS or i is None or j is None:
            continue
        low, restored = written.lower(), doc.text[a:b].lower()
        words = low.split()
        if len(words) == 1:
            readings = first_sense_originals(low) if low.isalpha() else ()
        else:
            readings = _phrase_table().get(low, ()) if PHRASE_READINGS else ()
        if restored not in readings:
            continue
        left, right = _sentence_words(tokens, i, -1, 2), _sentence_words(tokens, j, 1, 2)
        lm = get_lm()
        gain = lm.sequence_logprob([*restored.split(), *right], left) - lm.sequence_logprob(
            [*words, *right], left
        )
        if gain >= MIN_GAIN:
            out.add(low)
    return frozenset(out)
