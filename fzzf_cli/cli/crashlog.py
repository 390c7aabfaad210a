"""Where fzzf's own bugs leave their trail: the traceback of an internal error (exit 3)
goes to a file in the user's cache folder, never to the screen or a CI log (as pre-commit
keeps ``pre-commit.log``), so that a user can send it to the maintainers and nothing of
the data is shown to whoever reads the log."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from fzzf_cli import __version__


def write_log(text: str, environ: dict[str, str] | os._Environ[str]) -> Path | None:
    """Write ``text`` to a new file readable only by the user; its path, or None."""
    from fzzf_cli.validate.cache import default_dir

    folder = default_dir({k: v for k, v in environ.items() if k != "FZZF_NO_CACHE"})
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        fd, name = tempfile.mkstemp(dir=folder, prefix=f"crash-{stamp}-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:  # mkstemp: mode 0600
            handle.write(f"fzzf {__version__}\n{text}")
    except OSError:
        return None
    return Path(name)
