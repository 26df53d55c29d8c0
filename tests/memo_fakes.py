"""Shared set-up for the window-memo tests (sessions 63-64): a fake OCR module whose per-word
memos the carrying code treats as its own, and the carrying code's module state made fresh."""

from __future__ import annotations

import sys
import types

import pytest

from repair import window_fork, window_memos


def carry_only(monkeypatch: pytest.MonkeyPatch, name: str, module: types.ModuleType) -> None:
    """Install ``module`` as ``name``, make it the only module whose memos are carried, and
    reset every piece of :mod:`repair.window_memos` state a test run could have filled."""
    monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(window_memos, "_carried_module", lambda other: other == name)
    monkeypatch.setattr(window_memos, "_installed", {})
    monkeypatch.setattr(window_memos, "_cheap", set())
    monkeypatch.setattr(window_memos, "MIN_MISS_US", 0.0)
    monkeypatch.setattr(window_memos, "_held_at_fork", 0)
    monkeypatch.setattr(window_memos, "_bytes_at_fork", 0)
    monkeypatch.setattr(window_memos, "_held_bytes", 0)
    monkeypatch.setattr(window_memos, "_full", False)
    monkeypatch.setattr(window_fork, "_memo_parts", [])
