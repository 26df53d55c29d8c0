"""The wide name search of a heavy page reads no name through a capital row priced by
its class (``build_ocr_confusions.CAPITAL_BACKOFF``): "Moabit", printed right 13 times
in the 1 M-word OCR speed text, was read "Nesbit" (M -> N, a class row never counted,
3.67 nats, + o -> e + a -> s) once that row was no longer at the 6.5-nat floor."""

from collections import Counter
from types import SimpleNamespace

import repair.candidates.ocr as ocr
from repair.candidates import ocr_capname
from repair.score.ocr_channel import Correction


def _info(counts: Counter) -> SimpleNamespace:
    return SimpleNamespace(corrections={("Moabit", "nonword"): None}, counts=counts)


def _fake_wide(readings: list[Correction]):
    return lambda text, names=True: readings


def test_class_row_is_no_evidence_for_a_wide_name(monkeypatch) -> None:
    assert not ocr_capname.name_row("M", "N")  # a class-priced capital row in the table
    nesbit = Correction("Nesbit", 5.0 - 0.1, (("M", "N"), ("o", "e"), ("a", "s")), True)
    monkeypatch.setattr(ocr, "wide_candidates", _fake_wide([nesbit]))
    assert ocr._wide_name("Moabit", _info(Counter()), "nonword") == []


def test_counted_rows_still_read_a_wide_name(monkeypatch) -> None:
    name = Correction("Nesbit", 4.0, (("o", "e"), ("a", "s")), True)
    monkeypatch.setattr(ocr, "wide_candidates", _fake_wide([name]))
    assert ocr._wide_name("Moabit", _info(Counter()), "nonword") == [name]


def test_a_name_the_page_prints_is_read_through_any_row(monkeypatch) -> None:
    nesbit = Correction("Nesbit", 5.0, (("M", "N"), ("o", "e"), ("a", "s")), True)
    monkeypatch.setattr(ocr, "wide_candidates", _fake_wide([nesbit]))
    assert ocr._wide_name("Moabit", _info(Counter({"Nesbit": 2})), "nonword") == [nesbit]
