"""JSON output: UTF-8, Chinese written as is, keys in the order the records give them."""

from __future__ import annotations

import json
from typing import Any, TextIO

_PIECES = 8192  # written a few thousand pieces at a time: the whole text is never held


def write_json(data: Any, stream: TextIO) -> None:
    """What ``json.dumps(data, ensure_ascii=False, indent=2)`` gives, and a newline; a list
    of status lines at a province's scale is millions of pieces and tens of megabytes."""
    pieces: list[str] = []
    for piece in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data):
        pieces.append(piece)
        if len(pieces) >= _PIECES:
            stream.write("".join(pieces))
            pieces.clear()
    pieces.append("\n")
    stream.write("".join(pieces))
