"""The shortcut for ordinary files (read/yamlfast.py) says exactly what the full checks say."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzzf_cli.read import yamlio

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(
    [
        *(ROOT / "tests" / "corpus").rglob("*.yaml"),
        *(ROOT / "examples").rglob("*.yaml"),
        *(ROOT / "data").glob("*.yaml"),
    ]
)
EXTRA = [
    b"a: 1\nb: [1, 2.5, true, null, '3', x]\nc: {d: -0, e: +7, f: .5e3, g: 1.}\n",
    b"a:\n  - b:\n    - c: [[[[[[1]]]]]]\n",
    b"a: 1\na: 2\n",  # a duplicate key: the key check, on either path
    b"[1]: x\n",  # a collection as a key
    b"a: [1, 2\n",  # a syntax error, said as the pre-scan says it
    b"a: " + b"[" * 70 + b"]" * 70 + b"\n",  # too deep, found on the tree
    b"a: [" + b"1," * 30_000 + b"]\n",  # too many events: too big for the shortcut
    b"a: b:c\nd:e\n",
]


def _slow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "plain_text", lambda text: False)
    monkeypatch.setattr(yamlio, "plain_events", lambda text: False)


@pytest.mark.parametrize("raw", [p.read_bytes() for p in FILES] + EXTRA)
def test_the_shortcut_reads_as_the_full_checks(raw: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    quick, quick_problems = yamlio.parse_yaml(raw, "f.yaml")
    _slow(monkeypatch)
    full, full_problems = yamlio.parse_yaml(raw, "f.yaml")
    assert quick_problems == full_problems
    assert (quick is None) == (full is None)
    if quick is not None and full is not None:
        assert yamlio._same(quick.data, full.data)


def test_ordinary_files_take_the_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    """Most files must skip the scans, or the shortcut is worth nothing."""
    from fzzf_cli.read import yamlfast

    examples = [p.read_text(encoding="utf-8") for p in (ROOT / "examples").rglob("*.yaml")]
    plain = [t for t in examples if yamlfast.plain_text(t) and yamlfast.plain_events(t)]
    assert len(plain) >= len(examples) * 3 // 4
