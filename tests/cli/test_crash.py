"""fzzf's own bugs (exit 3): one line on stderr that names a log file in the user's cache
folder; the traceback goes to that file, never to the screen or a CI log."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from fzzf_cli.cli import main as entry
from fzzf_cli.errors import EXIT_INTERNAL


def _bug() -> None:
    raise RuntimeError("内部数据 deqing-秘密")


def _crash(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setattr(sys, "stdout", sys.stdout)  # main() wraps the streams; undo it after
    monkeypatch.setattr(sys, "stderr", sys.stderr)
    monkeypatch.setattr(entry, "app", _bug)
    with pytest.raises(SystemExit) as exit_:
        entry.main()
    assert exit_.value.code == EXIT_INTERNAL
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err and "秘密" not in err
    assert "RuntimeError" in err  # the kind of bug, for the report
    return err


def test_the_traceback_goes_to_a_log_the_message_names(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("FZZF_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("FZZF_NO_CACHE", "1")  # no plan cache, but a crash still leaves its log
    err = _crash(monkeypatch, capsys)
    logs = list((tmp_path / "cache").glob("crash-*.log"))
    assert len(logs) == 1
    assert str(logs[0]) in err
    text = logs[0].read_text(encoding="utf-8")
    assert text.startswith("fzzf ")
    assert "Traceback" in text and "RuntimeError: 内部数据 deqing-秘密" in text and "_bug" in text
    if sys.platform != "win32":
        assert logs[0].stat().st_mode & 0o077 == 0  # only the user can read it


def test_without_a_writable_cache_folder_the_one_line_remains(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("FZZF_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot exist
    err = _crash(monkeypatch, capsys)
    assert len(err.strip().splitlines()) == 1
