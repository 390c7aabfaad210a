"""JSON output: UTF-8, Chinese written as is, keys in the order the records give them."""

from __future__ import annotations

import json
from typing import Any, TextIO


def write_json(data: Any, stream: TextIO) -> None:
    stream.write(json.dumps(data, ensure_ascii=False, indent=2))
    stream.write("\n")
