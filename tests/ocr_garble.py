"""Dictionary words garbled as the learned confusion table says OCR prints them (a test
helper shared by the speed tests that compare compiled and Python code on such words)."""

from __future__ import annotations

import random

from repair.score.ocr_channel import confusions


def printed_forms() -> dict[str, list[str]]:
    """Each true form of the table -> the printed forms OCR reads it as."""
    printed: dict[str, list[str]] = {}
    for src, rows in confusions().items():
        for dst, _cost in rows:
            if dst:
                printed.setdefault(dst, []).append(src)
    return printed


def garble(text: str, printed: dict[str, list[str]], rng: random.Random, most: int) -> str:
    """``text`` with 1 to ``most`` true forms replaced by one of their printed forms."""
    for _ in range(rng.randint(1, most)):
        spots = [(i, d) for d in printed for i in range(len(text)) if text.startswith(d, i)]
        if not spots:
            break
        i, d = rng.choice(spots)
        text = text[:i] + rng.choice(printed[d]) + text[i + len(d) :]
    return text
