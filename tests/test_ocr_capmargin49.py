"""Session 49 (ocrcap49): a known capitalised form read at a negative margin through two
glyph errors keeps its form (``ocr_capkeep.KNOWN_MARGIN``); a glued run's words count
as printings (``ocr_capkeep.GLUED_PIECES``); a binomial's epithet is no garble
(``ocr_binomial.BINOMIAL_KEEP``)."""

from repair.score import ocr_binomial, ocr_capkeep
from repair.types import Edit

PLAIN = "Spandau lies partly on the Nauen Plain, which stretches to the west of Berlin."


def _edit(text: str, word: str, read: str, **ev: object) -> Edit:
    i = text.index(word)
    return Edit(i, len(word), word, read, "ocr", 0.5, "OCR_CONFUSION", evidence=dict(ev))


def _nation(margin: float = -1.5, subs: int = 2, word: str = "Nauen") -> Edit:
    pairs = [["u", "ti"], ["e", "o"]][:subs]
    return _edit(
        PLAIN, word, "Nation", margin=margin, finding="capitalized_unknown", substitutions=pairs
    )


def _off_but(monkeypatch, **on: object) -> None:
    """Every capkeep guard that could keep the word off, then ``on``."""
    for flag in ("RUN_KEEP", "REPEAT_KEEP", "EXCLAIM_KEEP", "BARE_KEEP", "KNOWN_MARGIN"):
        monkeypatch.setattr(ocr_capkeep, flag, False)
    for flag, value in on.items():
        monkeypatch.setattr(ocr_capkeep, flag, value)


def test_known_margin_keeps_a_known_form(monkeypatch):
    _off_but(monkeypatch, KNOWN_MARGIN=True)
    assert ocr_capkeep.keep(PLAIN, [_nation()], garble=0.2) == []


def test_known_margin_off_reads_it(monkeypatch):
    _off_but(monkeypatch)
    assert ocr_capkeep.keep(PLAIN, [_nation()], garble=0.2) == [_nation()]


def test_known_margin_reads_a_positive_margin_one_glyph_or_an_unknown_form(monkeypatch):
    _off_but(monkeypatch, KNOWN_MARGIN=True)
    for e in (_nation(margin=0.5), _nation(subs=1)):
        assert ocr_capkeep.keep(PLAIN, [e], garble=0.2) == [e]
    text = PLAIN.replace("Nauen", "Naueu")
    e = _edit(text, "Naueu", "Nation", margin=-1.5, finding="capitalized_unknown",
              substitutions=[["u", "ti"], ["e", "o"]])  # fmt: skip
    assert ocr_capkeep.keep(text, [e], garble=0.2) == [e]


def test_glued_pieces_count_as_a_printing(monkeypatch):
    text = "Authorities are interrogating Saud AbdulazizSaud al-Rasheed about it."
    e = _edit(text, "Saud", "Sand")
    _off_but(monkeypatch, RUN_KEEP=True, GLUED_PIECES=False)
    assert ocr_capkeep.keep(text, [e], garble=0.2) == [e]
    monkeypatch.setattr(ocr_capkeep, "GLUED_PIECES", True)
    assert ocr_capkeep.keep(text, [e], garble=0.2) == []


FROG = 'the oldest "true frog" is\nProsalirus bitis, from the Early Jurassic.'


def test_binomial_keeps_the_epithet(monkeypatch):
    e = _edit(FROG, "bitis", "bit is")
    monkeypatch.setattr(ocr_binomial, "BINOMIAL_KEEP", False)
    assert ocr_binomial.keep_epithets(FROG, [e]) == [e]
    monkeypatch.setattr(ocr_binomial, "BINOMIAL_KEEP", True)
    assert ocr_binomial.keep_epithets(FROG, [e]) == []


def test_binomial_reads_garble_after_a_name(monkeypatch):
    monkeypatch.setattr(ocr_binomial, "BINOMIAL_KEEP", True)
    for text, word, read in (
        ("a letter from Mr. Sydnoy tbis week.", "tbis", "this"),
        ("at the start. Prosalirus bitis is old.", "bitis", "bit is"),
    ):
        e = _edit(text, word, read)
        assert ocr_binomial.keep_epithets(text, [e]) == [e]


def test_binomial_reads_an_epithet_after_a_garbled_genus(monkeypatch):
    monkeypatch.setattr(ocr_binomial, "BINOMIAL_KEEP", True)
    text = "tariffs he placed on Cliina earlierthis year."
    china, glued = _edit(text, "Cliina", "China"), _edit(text, "earlierthis", "earlier this")
    assert ocr_binomial.keep_epithets(text, [china, glued]) == [china, glued]
