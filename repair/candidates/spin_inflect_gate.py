"""A document-level gate for the profile rows read at their other inflections (session 62,
``spinfam``; issue 11).

:mod:`repair.candidates.spin_inflect` reads each one-word profile row at the inflections the
profile lacks ("misplaced" → "lost" gives "misplaces" → "loses"), as weak rows of source
``inflected``.  On their own they are weak rows of common words ("areas", "determine",
"appears"), and on the honest words of a document the LM gain is their only test.  A
dictionary spinner writes a family's inflections where it writes its profile forms, so a
document's inflected occurrence is kept (:func:`gated`) only where the document shows that
spinner, read from the shipped profile's own rows (the inflected rows left out, so they
cannot open themselves):

- ``profile``: the document's profile score over those rows is at least
  :data:`PROFILE_BAR` (the document is plainly spun by the profile's spinner); or
- ``family`` (off: :data:`FAMILY_LLR` is None, it opened honest words on dev): a profile
  spun form of the row's own family (``PairInfo.family``) occurs with evidence (its profile
  evidence above :data:`FAMILY_LLR` nats: used beyond its clean share over its originals,
  in a context its original fits).

An occurrence no evidence opens is dropped before the profile score and the candidates are
read; a kept one carries what opened it (``PairInfo.opened_by``, the edit's evidence
``inflect_opened_by``: ``profile:<score>:<the three profile forms of most evidence>``, or
``family:<form>:<its evidence>``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from repair.candidates.spin import Occurrence
from repair.document import Document

#: Gate the inflected rows (read only with ``candidates/spin.INFLECT_ROWS``; session 62,
#: spinfam).  ON, with the rows: dev (40 documents each) ``seedinfl`` 0.6020 -> 0.6060 (its
#: inflections' recall 0.44 -> 0.52; ungated 0.6039, 0.62), ``seedprof`` 0.6040 =, ``seed``
#: 0.6677 = (ungated 0.6639), ``seeddense`` 0.4683 =; the calibration's clean documents
#: 0.038 and short pieces 0.362 changed tokens per 1,000 = (ungated 0.365)
#: (benchmarks/RESULTS.md, "Session 62, spinfam").
INFLECT_GATE = True
#: The profile score (shipped rows only) at which a document opens every inflected row;
#: None: the family route alone.  0.95 is where :mod:`repair.score.spin` starts reading a
#: document as plainly spun (``RELAX_FROM``); on dev 0.9 / 0.95 / 0.97 give ``seedinfl``
#: 0.6036 / 0.6060 / 0.6051, ``seedprof`` 0.6027 / 0.6040 / 0.6039, ``seed`` 0.6677 each;
#: 0.5 (the gate's own profile open, with the family route at 0.0) 0.6039 / 0.6027 / 0.6639.
PROFILE_BAR: float | None = 0.95
#: A family form's profile evidence (nats) above which it opens its family's inflected
#: rows; None: the profile route alone.  Off: at 0.0 (with the profile route) dev ``seed``
#: 0.6677 -> 0.6658, ``seedinfl`` 0.6060 -> 0.6033 (an honest "determined", "therapy",
#: "acquired" beside an honest "determine", "therapies", "acquires" has evidence as high
#: as a spun one: 0.2-3.4 nats against 0.3-2.6); alone (no profile route) ``seedinfl``
#: 0.6016; at 2.0 every dev row as None.
FAMILY_LLR: float | None = None
#: The profile forms of most evidence named in a ``profile`` opening.
TOP_FORMS = 3


def gated(doc: Document, occ: Sequence[Occurrence]) -> list[Occurrence]:
    """``occ`` without the inflected occurrences the document does not open; each kept one
    with its evidence in ``info.opened_by`` (module docstring)."""
    if not any(o.info.source == "inflected" for o in occ):
        return list(occ)
    from repair.detect.spin import profile_score

    score, details = profile_score(doc, [o for o in occ if o.info.source == "lexicon"])
    ev = details["_ev"]
    profile = PROFILE_BAR is not None and score >= PROFILE_BAR
    top = sorted(ev, key=lambda f: -ev[f]["llr"])[:TOP_FORMS]  # the rows that opened it
    out = []
    for o in occ:
        if o.info.source != "inflected":
            out.append(o)
            continue
        opened = []
        if FAMILY_LLR is not None:
            opened += [
                f"family:{f}:{ev[f]['llr']:.2f}"
                for f in o.info.family
                if f in ev and ev[f]["llr"] > FAMILY_LLR
            ]
        if profile:
            opened.append(f"profile:{score:.4f}:" + ",".join(top))
        if opened:
            out.append(replace(o, info=replace(o.info, opened_by=tuple(opened))))
    return out
