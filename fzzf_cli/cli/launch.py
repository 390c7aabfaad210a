"""The ``fzzf`` command: import the application, then run it. Kept tiny so that an
interrupt while Python is still importing fzzf's dependencies exits quietly too."""

from __future__ import annotations

import sys

from fzzf_cli.text import msg


def main() -> None:
    try:
        from fzzf_cli.cli.main import main as run
    except KeyboardInterrupt:
        sys.stderr.write(msg("interrupted") + "\n")
        raise SystemExit(130) from None
    run()
