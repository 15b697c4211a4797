"""Chinese, Japanese and Korean calendar notation: "2022年12月18日", "12月9日", "18日", "周日", "日曜日",
"上周五", "去年", "先月", "三天前", "2022년 12월 18일", "지난 9일", "일요일", "3년 전".

Written by hand because the notation is numeric and regular, and the
word-boundary grammar of :mod:`storyline.enrich.times_rules` cannot apply:
Chinese and Japanese put no space or word boundary between a date and the
words around it ("彼得连科周日表示"), and Korean attaches particles to it
("일요일에", "18일"). dateparser's locale data has the words but no way to
find them there.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from storyline.enrich import times_calendar as cal
from storyline.enrich.times_rules import Context, Resolution, Rule, _offset_value, _rule

#: Languages read with these rules instead of the word grammar.
CJK_LANGUAGES = frozenset({"zh", "ja", "ko"})
#: The calendar characters of each script: year, month, day.
_YEAR_MARK, _MONTH_MARK, _DAY_MARK = "[年년]", "[月월]", "[日号號일]"
#: Chinese numerals up to 99 ("十二" 12, "二十" 20, "两" 2) and Korean native ones ("세" 3), as news writes counts.
_DIGITS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10,
           "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMBER = r"(?P<num>\d{1,3}|[零〇一二两兩三四五六七八九十]{1,3}|다섯|여섯|일곱|여덟|아홉|[한두세네열])"
#: Weekday characters after 星期 / 周 / 週 / 礼拜 (Chinese) or before 曜日 (Japanese); 0 = Monday.
_ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_KO_WEEKDAYS = {"월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6}
_JA_WEEKDAYS = {"月": 0, "火": 1, "水": 2, "木": 3, "金": 4, "土": 5, "日": 6}
#: Week modifiers before a weekday: last week's, next week's, this week's.
_WEEK_SHIFTS = {"上": -1, "上个": -1, "上個": -1, "下": 1, "下个": 1, "下個": 1, "本": 0, "这": 0, "這": 0,
                "先週": -1, "来週": 1, "今週": 0, "지난주": -1, "이번 주": 0, "이번주": 0, "다음 주": 1, "다음주": 1}  # fmt: skip
#: Words for a day, week, month or year relative to publication: (unit, offset).
_RELATIVE_WORDS = {
    "今天": ("day", 0), "今日": ("day", 0), "昨天": ("day", -1), "昨日": ("day", -1), "明天": ("day", 1),
    "明日": ("day", 1), "前天": ("day", -2), "一昨日": ("day", -2), "后天": ("day", 2), "後天": ("day", 2),
    "明後日": ("day", 2), "本周": ("week", 0), "上周": ("week", -1), "下周": ("week", 1), "本週": ("week", 0),
    "上週": ("week", -1), "下週": ("week", 1), "今週": ("week", 0), "先週": ("week", -1), "来週": ("week", 1),
    "本月": ("month", 0), "上个月": ("month", -1), "上個月": ("month", -1), "上月": ("month", -1),
    "下个月": ("month", 1), "下個月": ("month", 1), "下月": ("month", 1), "今月": ("month", 0),
    "先月": ("month", -1), "来月": ("month", 1), "今年": ("year", 0), "去年": ("year", -1), "明年": ("year", 1),
    "前年": ("year", -2), "昨年": ("year", -1), "来年": ("year", 1),
    "오늘": ("day", 0), "어제": ("day", -1), "내일": ("day", 1), "그저께": ("day", -2), "그제": ("day", -2),
    "모레": ("day", 2), "지난주": ("week", -1), "이번 주": ("week", 0), "다음 주": ("week", 1), "지난달": ("month", -1),
    "이번 달": ("month", 0), "다음 달": ("month", 1), "작년": ("year", -1), "지난해": ("year", -1), "올해": ("year", 0),
    "금년": ("year", 0), "내년": ("year", 1),
}  # fmt: skip
_UNITS = {"일": "day", "주": "week", "주일": "week", "개월": "month", "달": "month", "년": "year",
          "天": "day", "日": "day", "周": "week", "週": "week", "星期": "week", "个星期": "week", "週間": "week",
          "个月": "month", "個月": "month", "か月": "month", "ヶ月": "month", "カ月": "month", "ヵ月": "month",
          "年": "year"}  # fmt: skip
#: Tense cues (future, past) for a bare weekday or month: Chinese aspect and time words, Japanese and Korean
#: verb endings.
TENSE_CUES = {
    "zh": (r"将|将要|將|会|會|计划|計劃|即将|即將|下周|下週|明天|明年", r"了|曾|已经|已經|昨天|上周|上週|去年"),
    "ja": (r"予定|見通し|方針|する|来週|明日|来年", r"した|した。|だった|ました|昨日|先週|昨年"),
    "ko": (r"예정|것이다|겠|오는|다음|내일|내년", r"했다|였다|었다|았다|했던|지난|어제|작년"),
}


@lru_cache(maxsize=2)
def cjk_tense_cues(language: str) -> re.Pattern[str]:
    """The language's tense cues, found without word boundaries (the scripts have none)."""
    future, past = TENSE_CUES[language]
    return re.compile(f"(?P<future>{future})|{past}")


def chinese_number(text: str) -> int:
    """"18" -> 18, "十八" -> 18, "二十" -> 20, "两" -> 2."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_DIGITS.get(tens, 1) if tens else 1) * 10 + (_DIGITS.get(units, 0) if units else 0)
    return _DIGITS.get(text, 0)


def _day_of_month(ctx: Context, day: int, direction: int) -> str:
    """"18日" alone: that day of the anchor's month, or of the month before (after) when it lies ahead
    of (behind) the anchor against the tense."""
    if ctx.day is None:
        return f"XXXX-XX-{day:02d}"
    month_start = ctx.day.replace(day=1)
    if direction == cal.PAST and day > ctx.day.day:
        month_start = (month_start - timedelta(days=1)).replace(day=1)
    elif direction == cal.FUTURE and day < ctx.day.day:
        month_start = (month_start + timedelta(days=32)).replace(day=1)
    try:
        return month_start.replace(day=day).isoformat()
    except ValueError:  # the 31st of a 30-day month: not a date
        return f"{month_start.year:04d}-{month_start.month:02d}"


@_rule("cjk-date", rf"(?:(?P<year>\d{{4}})\s*{_YEAR_MARK}\s*)?(?P<month>\d{{1,2}})\s*{_MONTH_MARK}\s*(?P<day>\d{{1,2}})\s*{_DAY_MARK}(?!\d)")
def _date(m: re.Match[str], ctx: Context) -> Resolution:
    month, day = int(m["month"]), int(m["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if m["year"]:
        try:
            return date(int(m["year"]), month, day).isoformat(), "DATE"
        except ValueError:
            return None
    return cal.day_of_year(ctx.day, month, day, ctx.side(m.start(), m.end())), "DATE"


@_rule("cjk-month", rf"(?<!\d)(?P<month>\d{{1,2}})\s*{_MONTH_MARK}(?:份)?(?!\s*\d)")
def _month(m: re.Match[str], ctx: Context) -> Resolution:
    month = int(m["month"])
    if not 1 <= month <= 12:
        return None
    return cal.month_of_year(ctx.day, month, ctx.side(m.start(), m.end())), "DATE"


@_rule("cjk-year-month", rf"(?P<year>\d{{4}})\s*{_YEAR_MARK}\s*(?P<month>\d{{1,2}})\s*{_MONTH_MARK}(?:份)?(?!\s*\d)")
def _year_month(m: re.Match[str], ctx: Context) -> Resolution:
    month = int(m["month"])
    return (f"{m['year']}-{month:02d}", "DATE") if 1 <= month <= 12 else None


_YEAR_WORDS = {w: amount for w, (unit, amount) in _RELATIVE_WORDS.items() if unit == "year"}


@_rule(
    "cjk-relative-year-month",
    "(?P<word>" + "|".join(_YEAR_WORDS) + rf")\s*(?P<month>\d{{1,2}})\s*{_MONTH_MARK}(?:\s*(?P<day>\d{{1,2}})\s*{_DAY_MARK})?(?!\s*\d)",
)
def _relative_year_month(m: re.Match[str], ctx: Context) -> Resolution:
    """"去年3月" (March of last year), "今年12月9日"."""
    month = int(m["month"])
    if ctx.day is None or not 1 <= month <= 12:
        return None
    year = ctx.day.year + _YEAR_WORDS[m["word"]]
    if not m["day"]:
        return f"{year:04d}-{month:02d}", "DATE"
    try:
        return date(year, month, int(m["day"])).isoformat(), "DATE"
    except ValueError:
        return None


@_rule("cjk-year", rf"(?<!\d)(?P<year>1[6-9]\d\d|20\d\d)\s*{_YEAR_MARK}(?!\s*\d)")
def _year(m: re.Match[str], ctx: Context) -> Resolution:
    return m["year"], "DATE"


@_rule("cjk-day", r"(?:(?P<mod>지난|오는)\s*)?(?<![\d月월/.-])(?P<day>\d{1,2})\s*[日일](?!\d|本|元|間)")
def _day(m: re.Match[str], ctx: Context) -> Resolution:
    """"18日" alone, or Korean "지난 9일" (the 9th just past) / "오는 20일" (the coming 20th)."""
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    direction = {"지난": cal.PAST, "오는": cal.FUTURE}.get(m["mod"] or "") or ctx.direction(m.start(), m.end())
    return _day_of_month(ctx, day, direction), "DATE"


@_rule(
    "zh-weekday",
    r"(?<!每)(?P<shift>上个|上個|下个|下個|上|下|本|这|這)?(?:星期|礼拜|禮拜|周|週)(?P<wd>[一二三四五六日天])",
)
def _zh_weekday(m: re.Match[str], ctx: Context) -> Resolution:
    return _weekday_value(m, ctx, _ZH_WEEKDAYS[m["wd"]])


@_rule("ko-weekday", r"(?:(?P<shift>지난주|이번\s?주|다음\s?주)\s*)?(?P<wd>[월화수목금토일])요일")
def _ko_weekday(m: re.Match[str], ctx: Context) -> Resolution:
    return _weekday_value(m, ctx, _KO_WEEKDAYS[m["wd"]])


@_rule("ja-weekday", r"(?<!毎)(?P<shift>先週|来週|今週)?の?(?P<wd>[月火水木金土日])曜(?:日)?")
def _ja_weekday(m: re.Match[str], ctx: Context) -> Resolution:
    return _weekday_value(m, ctx, _JA_WEEKDAYS[m["wd"]])


def _weekday_value(m: re.Match[str], ctx: Context, day_index: int) -> Resolution:
    """A bare weekday points where the tense does; "上周五" is the Friday of the calendar week before the
    anchor's (weeks start on Monday), which on a Sunday is nine days back, not two."""
    shift = _WEEK_SHIFTS.get(m["shift"] or "")
    if shift is None:
        return cal.weekday(ctx.day, day_index, ctx.direction(m.start(), m.end())), "DATE"
    if ctx.day is None:
        return f"XXXX-WXX-{day_index + 1}", "DATE"
    monday = ctx.day - timedelta(days=ctx.day.weekday())
    return (monday + timedelta(days=7 * shift + day_index)).isoformat(), "DATE"


@_rule("cjk-relative", "(?P<word>" + "|".join(sorted(_RELATIVE_WORDS, key=len, reverse=True)) + ")")
def _relative(m: re.Match[str], ctx: Context) -> Resolution:
    unit, amount = _RELATIVE_WORDS[m["word"]]
    return cal.shifted(ctx.day, unit, amount), "DATE"


@_rule(
    "cjk-offset",
    _NUMBER + r"\s*(?P<unit>" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")\s*(?:之|以)?(?P<dir>前|后|後|전|후|뒤)",
)
def _offset(m: re.Match[str], ctx: Context) -> Resolution:
    amount = chinese_number(m["num"])
    if not amount:
        return None
    return _offset_value(ctx, _UNITS[m["unit"]], amount if m["dir"] in "后後후뒤" else -amount)


@_rule("cjk-numeric-date", r"(?<!\d)(?P<year>(?:19|20)\d\d)[/.-](?P<month>\d{1,2})[/.-](?P<day>\d{1,2})(?!\d)")
def _numeric_date(m: re.Match[str], ctx: Context) -> Resolution:
    """"2022/12/18", "2022-12-18": year first, as both languages write it."""
    try:
        return date(int(m["year"]), int(m["month"]), int(m["day"])).isoformat(), "DATE"
    except ValueError:
        return None


@_rule("cjk-clock", r"(?<!\d)(?P<hour>[01]?\d|2[0-3])(?:[:：](?P<minute>[0-5]\d)|\s*[时時](?:\s*(?P<min>[0-5]?\d)\s*分)?)")
def _clock(m: re.Match[str], ctx: Context) -> Resolution:
    """"15:30", "15时30分", "15時": a time on the publication day."""
    day = ctx.day.isoformat() if ctx.day else "XXXX-XX-XX"
    return f"{day}T{int(m['hour']):02d}:{int(m['minute'] or m['min'] or 0):02d}", "TIME"


CJK_RULES: list[Rule] = [
    _numeric_date, _clock, _relative_year_month, _date, _year_month, _month, _year, _day,
    _zh_weekday, _ja_weekday, _ko_weekday, _relative, _offset,
]  # fmt: skip
