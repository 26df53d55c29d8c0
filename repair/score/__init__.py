"""score stage."""


def clip(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    """``x`` held inside ``[lo, hi]`` (by default a share or a confidence).

    >>> clip(1.7), clip(-0.2), clip(5.0, 0.0, 3.0)
    (1.0, 0.0, 3.0)
    """
    return max(lo, min(hi, x))
