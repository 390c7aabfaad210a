"""Calendar feeds and working days (工作日)."""

from __future__ import annotations

ZH_CALENDAR: dict[str, str] = {
    "cmd_calendar": "导出日历（.ics）：某单位的各项任务，每项一个全天日程，提前 7 天和 1 天提醒。不写单位时为全部任务（牵头协调单位的日历）",
    "help_arg_calendar_unit": "单位或县（市、区）名称；不写则为全部任务",
    "help_calendar_all": "每个单位一个日历，另加全部任务的 all.ics，写入 -o 指定的文件夹",
    "help_output_ical": "写入的 .ics 文件（--all 时为文件夹）；不写或写 - 则输出到标准输出",
    "ical_unit_or_all": "写单位名称，或用 --all，二者只能选一个",
    "ical_all_folder": "--all 需要用 -o 指定一个文件夹，例如 -o calendars/",
    "ical_name": "{plan}：{unit}",
    "ical_name_all": "{plan}：全部任务",
    "ical_summary": "【{unit}】{title}",
    "ical_unit": "责任单位：{unit}",
    "ical_measure": "措施：第{n}项",
    "ical_pilot": "试点：第{n}项",
    "ical_due": "期限：{date}",
    "ical_quote": "方案原文：{quote}",
    "ical_alarm": "还有 {days} 天到期：{summary}",
    "date_with_weekday": "{date}（{weekday}）",
    "weekday_0": "星期一",
    "weekday_1": "星期二",
    "weekday_2": "星期三",
    "weekday_3": "星期四",
    "weekday_4": "星期五",
    "weekday_5": "星期六",
    "weekday_6": "星期日",
    "deadline_off_day": "注意：期限当天是周末或法定节假日",
    "deadline_year_unknown": "（{year}年的节假日安排尚未收录，无法判断期限当天是否为工作日）",
    "workdays_unknown_year": "{year}年的节假日和调休安排尚未收录（chinesecalendar 软件包还没有这一年的数据），无法按工作日计算；请升级该软件包（pip install -U chinesecalendar），或去掉 --workdays 按自然日计算",
    "help_workdays": "按工作日（国务院公布的节假日和调休安排）计算天数，而不是自然日",
    "notice_within_workdays": "{n}个工作日",
}
