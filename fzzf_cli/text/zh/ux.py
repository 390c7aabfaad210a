"""Wording found wanting in a walk through the commands as their users would run them."""

from __future__ import annotations

ZH_UX: dict[str, str] = {
    "name_unknown_close": "没有叫“{name}”的单位，是否想写 {candidates}？",
    "name_unknown_none": "没有叫“{name}”的单位；全部单位及其写法见 fzzf units",
    "remind_progress_record": "其余事项的进展记在本单位的进展记录中（用 fzzf new record {unit} 报送期 生成）。",
    "new_exists_draft": "{path} 已存在，不覆盖：它是草稿，请直接编辑，报送时在其中填上 submitted（报送日期，YYYY-MM-DD）",
    "dates_reason_uncommitted": "data/measures.yaml 还没有提交到 git 仓库，无法核对入库日期；提交后即按入库日期核对",
}
