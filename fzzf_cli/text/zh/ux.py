"""Wording found wanting in a walk through the commands as their users would run them."""

from __future__ import annotations

ZH_UX: dict[str, str] = {
    "name_unknown_close": "没有叫“{name}”的单位，是否想写 {candidates}？",
    "name_unknown_none": "没有叫“{name}”的单位；全部单位及其写法见 fzzf units",
    "remind_progress_record": "其余事项的进展记在本单位的进展记录中（用 fzzf new record {unit} 报送期 生成）。",
}
