"""RepairConfig: documented fields only, stage flags from the registry, checked values."""

from __future__ import annotations

import dataclasses

import pytest

from repair.config import RepairConfig
from repair.stages import REGISTRY


def test_no_free_form_options() -> None:
    names = {f.name for f in dataclasses.fields(RepairConfig)}
    assert "options" not in names
    with pytest.raises(TypeError):
        RepairConfig(options={"ocr_realword_min_garble": 0.1})  # type: ignore[call-arg]


def test_stage_flags_follow_the_registry() -> None:
    config = RepairConfig()
    for s in REGISTRY:
        assert getattr(config, s.name) is s.default
    assert dataclasses.replace(config, spin=False).spin is False


def test_settings_are_checked_and_hashable() -> None:
    with pytest.raises(ValueError, match="mojibake_unescape_html"):
        RepairConfig(mojibake_unescape_html="yes")  # type: ignore[arg-type]
    assert hash(RepairConfig()) == hash(RepairConfig())
    assert RepairConfig(ocr_realword_min_garble=0.1) != RepairConfig()
