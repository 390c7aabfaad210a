"""Where a command's results and messages about files go: standard output or a file
written by ``writefile``'s rules, and paths shown the way the user can find them. Part of
the command-line layer (it reads the working folder)."""

from __future__ import annotations

import errno
import sys
from pathlib import Path
from typing import TextIO

from fzzf_cli.errors import EXIT_FINDINGS, EXIT_USAGE, FzzfError
from fzzf_cli.text import msg
from fzzf_cli.validate.load import DataRoot


def write_result(
    output: str | None,
    text: str | bytes,
    *,
    default: Path | None = None,
    name: str | None = None,
    root: DataRoot | None = None,
    force: bool = False,
    ours: bool = True,
    announce: TextIO | None = None,
    mark: str = "",
) -> None:
    """Standard output (``-o -``, or no ``-o`` and no ``default``), else a file: the one
    asked for (a folder means ``name`` inside it) or ``default``, written by
    ``writefile.write_output``'s rules, with ``mark`` (fzzf's marker) first; a refusal
    or failure is a one-line error. Bytes (a workbook) only go to a file."""
    from fzzf_cli.read.writefile import Refused, no_links_between, place, write_output

    if output == "-" or (output is None and default is None):
        write_stdout(text)
        return
    target = default
    protect = root.data if root is not None and root.origin != "embedded" else None
    try:
        if output is not None:
            target = place(output, name)
        elif root is not None and not no_links_between(root.path, target or root.path):
            raise Refused("out_linked_folder")
        assert target is not None
        content = mark + text if isinstance(text, str) else text
        write_output(target, content, force=force, ours=ours, protect=protect)
    except Refused as refused:
        where = shown_path(target) if target is not None else str(output)
        code = EXIT_USAGE if refused.key in ("os_is_dir", "out_symlink") else EXIT_FINDINGS
        raise FzzfError(msg(refused.key, path=where), code) from None
    except OSError as error:
        where = shown_path(target) if target is not None else str(output)
        raise FzzfError(
            msg("new_write_failed", path=where, reason=os_reason(error)), EXIT_USAGE
        ) from None
    (announce or sys.stdout).write(msg("new_written", path=shown_path(target)) + "\n")


def write_stdout(content: str | bytes) -> None:
    """Text to standard output. Bytes (a workbook) never: a terminal would show noise, a
    PowerShell redirect would re-encode it, and a CI runner reads workflow commands from
    any line of it; a usage error says to name a file with ``-o``."""
    if isinstance(content, bytes):
        raise FzzfError(msg("binary_to_stdout"), EXIT_USAGE)
    sys.stdout.write(content)


def working_dir() -> Path:
    """The folder fzzf was started in; a usage error when it has been deleted."""
    try:
        return Path.cwd()
    except OSError:
        raise FzzfError(msg("cwd_missing"), EXIT_USAGE) from None


def shown_path(path: Path) -> str:
    """A written file as the user can find it: relative to where they are, else absolute."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return str(path.resolve())


def os_reason(error: OSError) -> str:
    """Why a file could not be written, in the user's language where we know the case."""
    known = {
        errno.EISDIR: "os_is_dir",
        errno.EACCES: "os_denied",
        errno.EPERM: "os_denied",
        errno.ENOSPC: "os_no_space",
        errno.EROFS: "os_read_only",
        errno.ENOENT: "os_missing",
    }
    key = known.get(error.errno or 0)
    return msg(key) if key else (error.strerror or type(error).__name__)
