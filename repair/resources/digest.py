"""SHA-256 and BLAKE2b without :mod:`hashlib` (issue 14, cold start).

``import hashlib`` loads OpenSSL's ``_hashlib`` (a shared library and its symbols: ~11 M
instructions, ~1 % of a cold start); the digests a run needs (cache keys, file
fingerprints) are CPython's own built-in modules, the same functions ``hashlib`` falls
back to, with the same digests.  Where they are missing, ``hashlib``'s.

>>> sha256(b"abc").hexdigest()[:16], blake2b(b"abc", digest_size=8).hexdigest()
('ba7816bf8f01cfea', 'd8bb14d833d59559')
"""

from __future__ import annotations

try:
    from _sha256 import sha256  # CPython 3.11
except ImportError:  # pragma: no cover - 3.12 renamed it; else OpenSSL's
    try:
        from _sha2 import sha256  # type: ignore[no-redef]
    except ImportError:
        from hashlib import sha256  # type: ignore[no-redef]
try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b  # type: ignore[no-redef]

__all__ = ["blake2b", "sha256"]
