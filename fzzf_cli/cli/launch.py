"""The ``fzzf`` command: choose the language, import the application, then run it. Kept
tiny so that an interrupt while Python is still importing fzzf's dependencies exits
quietly too; the language comes first because the commands' help is built at import."""

from __future__ import annotations

import gc
import os
import sys

from fzzf_cli.text import LANGUAGES, join, language, msg, use


def main() -> None:
    lang = language(sys.argv[1:], os.environ)
    if lang not in LANGUAGES:
        sys.stderr.write(msg("usage_bad_lang", lang=lang, langs=join(list(LANGUAGES))) + "\n")
        raise SystemExit(2)
    use(lang)
    # Importing makes modules, classes and functions that live as long as the process: the
    # collector would walk them dozens of times for nothing (a tenth of a quick query's
    # time). It is paused while importing, and what importing made is set aside for good.
    gc.disable()
    try:
        from fzzf_cli.cli.main import main as run
    except KeyboardInterrupt:
        sys.stderr.write(msg("interrupted") + "\n")
        raise SystemExit(130) from None
    finally:
        gc.freeze()
        gc.enable()
    run()
