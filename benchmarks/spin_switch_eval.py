"""``spin_eval.py`` with one switch of :mod:`repair.stages.spin` set first.

Paired on/off figures of a spin setting without editing the source::

    python benchmarks/spin_switch_eval.py SPAN_RARE=0 --spinner rare --split dev
    python benchmarks/spin_switch_eval.py SPAN_RARE=1 --spinner rare --split dev

``NAME=0`` / ``NAME=1`` set a boolean switch (False / True); the rest of the arguments go
to :func:`spin_eval.main` unchanged.  Only names the module already has are accepted.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def set_switch(arg: str) -> tuple[str, bool]:
    """Set ``repair.stages.spin.NAME`` from ``NAME=0|1``; return (name, value)."""
    from repair.stages import spin

    name, sep, value = arg.partition("=")
    if not sep or value not in ("0", "1"):
        raise SystemExit(f"expected NAME=0 or NAME=1, got {arg!r}")
    if not isinstance(getattr(spin, name, None), bool):
        raise SystemExit(f"repair.stages.spin has no boolean switch {name!r}")
    setattr(spin, name, value == "1")
    return name, value == "1"


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        raise SystemExit(__doc__)
    name, value = set_switch(args[0])
    print(f"# repair.stages.spin.{name} = {value}", file=sys.stderr)
    import spin_eval

    return spin_eval.main(args[1:])


if __name__ == "__main__":
    raise SystemExit(main())
