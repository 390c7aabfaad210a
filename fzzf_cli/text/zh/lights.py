"""The Chinese catalogue, the lights (三色预警) and the duties' states in owes and status."""

from __future__ import annotations

ZH_LIGHTS: dict[str, str] = {
    "light_red": "红",
    "light_yellow": "黄",
    "light_blue": "蓝",
    "light_green": "绿",
    "light_none": "—",
    "tcol_light": "预警",
    "tcol_lights": "预警（红/黄/蓝/绿）",
    "dcol_light": "预警",
    "dcol_status": "状态",
    "lights_counts": "{red}/{yellow}/{blue}/{green}",
    "lights_rule": (
        "预警：绿 已完成（已销号或文件已报送）；蓝 未到期；黄 {window}内到期未完成，"
        "或自报完成待复核、退回待重报；红 逾期。"
    ),
    "owes_no_filings": "内置方案没有报送记录，此处只列期限；在数据仓库中运行可看到每项的状态和预警。",
}
