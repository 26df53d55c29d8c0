from pathlib import Path

import pytest

from repair.io import InputError, atomic_write, decode_bytes, read_input


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"\x7fELF\x00\x00\x01", "binary"),
        (b"caf\xe9 au lait", "undecodable"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "doc.txt")
    assert info.value.reason == reason
    assert str(info.value).startswith("doc.txt: ")


def test_bom_and_text_are_accepted() -> None:
    assert decode_bytes("\ufeffHello “world”".encode()) == "\ufeffHello “world”"
    assert decode_bytes("\ufeffHello".encode(), keep_bom=False) == "Hello"


def test_too_large(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("word " * 100)
    with pytest.raises(InputError) as info:
        read_input(p, max_bytes=100)
    assert info.value.reason == "too_large"


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_input(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_input(tmp_path)


def test_atomic_write_replaces_whole_file(tmp_path: Path) -> None:
    p = tmp_path / "sub" / "out.txt"
    atomic_write(p, "first")
    atomic_write(p, "second\r\nline")
    assert p.read_bytes() == b"second\r\nline"
    assert [f.name for f in p.parent.iterdir()] == ["out.txt"]
