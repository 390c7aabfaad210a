"""The ``fzzf`` command line: the Typer app with every command registered, and ``main``,
which keeps tracebacks away from users: usage errors exit 2, fzzf's own bugs exit 3."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from fzzf_cli import __version__
from fzzf_cli.app import app
from fzzf_cli.commands import docs, dues, gate, new, owners, plan, track  # noqa: F401 - registers them
from fzzf_cli.errors import EXIT_INTERNAL, EXIT_OK
from fzzf_cli.messages import msg

__all__ = ["app", "main"]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"fzzf {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本。")
    ] = False,
) -> None:
    """肇府办函〔2016〕48号落实情况跟踪工具。"""


def _safe_streams() -> None:
    """A console that cannot show a character (GBK on Chinese Windows) gets a replacement
    character instead of a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def main() -> None:
    """Console entry point: usage errors exit 2, our own bugs exit 3 without a traceback."""
    _safe_streams()
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write(msg("interrupted") + "\n")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as error:
        sys.stderr.write(
            msg("internal_error", version=__version__, kind=type(error).__name__) + "\n"
        )
        sys.exit(EXIT_INTERNAL)
