"""Chinese, Japanese, Korean and Arabic without a model: character tokens, dotted foreign names, country names,
reported speech from word order, and calendar notation (invented news text)."""

from __future__ import annotations

from datetime import datetime

import pytest

from storyline.enrich.entities_fallback import unspaced_mentions
from storyline.enrich.languages import get_language_model
from storyline.enrich.times import find_times
from storyline.enrich.times_cjk import chinese_number

SUNDAY = datetime(2022, 12, 18, 10, 30)

CHINESE = (
    "外交部发言人奥尔加·彼得连科周日表示，该国的对外政策是独立的，不受任何国家的影响。\n\n"
    "彼得连科在新闻发布会上说：「我们不会接受任何外国的干涉。」他还指出，美国官员上周五的声明毫无根据。\n\n"
    "据报道，国务院发言人朱利安·马尔尚12月9日曾表示，华盛顿对两国之间的合作感到担忧。"
)
JAPANESE = (
    "外務省のオルガ・ペトレンコ報道官は18日、記者会見で「外交政策は独立している」と述べた。\n\n"
    "ペトレンコ報道官は、ロシアの主張には根拠がないと強調した。"
)


def test_characters_are_tokens_and_latin_words_stay_whole() -> None:
    doc = get_language_model("ja").parse("報道官は18日、「問題ない」と述べた。Olga Petrenko も来た。")
    tokens = [t.text for t in doc]
    assert tokens[:8] == ["報", "道", "官", "は", "18", "日", "、", "「"]
    assert "Olga" in tokens and "Petrenko" in tokens
    assert doc.text == "報道官は18日、「問題ない」と述べた。Olga Petrenko も来た。"
    assert len(list(doc.sents)) == 2


def test_dotted_foreign_names_and_their_surnames_are_people() -> None:
    people = {(m.text, m.start) for m in unspaced_mentions(CHINESE) if m.type == "PERSON"}
    assert ("奥尔加·彼得连科", CHINESE.index("奥尔加")) in people  # "发言人" before it is no part of the name
    assert ("彼得连科", CHINESE.index("彼得连科在")) in people
    assert ("朱利安·马尔尚", CHINESE.index("朱利安")) in people
    japanese = {m.text for m in unspaced_mentions(JAPANESE) if m.type == "PERSON"}
    assert japanese == {"オルガ・ペトレンコ", "ペトレンコ"}


def test_country_names_are_places_inside_running_text() -> None:
    places = {m.text for m in unspaced_mentions(CHINESE + JAPANESE) if m.type == "PLACE"}
    assert places == {"美国", "ロシア", "华盛顿"}  # a capital too


def test_enriched_chinese_article(enricher, make_article) -> None:
    article = enricher.enrich(make_article(CHINESE, language="zh"))
    entities = {e.name: e for e in article.entities}
    assert entities["奥尔加·彼得连科"].variants == ["奥尔加·彼得连科", "彼得连科"]
    assert entities["United States"].type == "PLACE"  # 美国, named in English as other languages' countries are
    assert (entities["华盛顿"].refers_to, entities["华盛顿"].reference_kind) == ("United States", "capital-for-country")
    quotes = [(q.text, q.speaker, q.cue, q.kind) for q in article.quotes]
    assert quotes == [
        ("该国的对外政策是独立的，不受任何国家的影响", "奥尔加·彼得连科", "表示", "indirect"),
        ("「我们不会接受任何外国的干涉。」", "奥尔加·彼得连科", "说", "direct"),
        ("美国官员上周五的声明毫无根据", "奥尔加·彼得连科", "指出", "indirect"),  # "他" resolved
        ("华盛顿对两国之间的合作感到担忧", "朱利安·马尔尚", "表示", "indirect"),
    ]
    for quote in article.quotes:
        assert article.text[quote.start : quote.end] == quote.text


def test_a_role_without_a_name_speaks_and_hearsay_does_not(enricher, make_article) -> None:
    text = "外交部发言人表示，合作不针对第三方。据说，双方已经达成协议。"
    article = enricher.enrich(make_article(text, language="zh"))
    assert [(q.text, q.speaker) for q in article.quotes] == [("合作不针对第三方", "外交部发言人")]


KOREAN = (
    '올가 페트렌코 외무부 대변인은 18일 기자회견에서 "외교 정책은 독립적이다"라고 말했다.\n\n'
    "페트렌코 대변인은 미국 측의 주장이 근거가 없다고 강조했다. 그는 \"협력은 계속될 것\"이라고 덧붙였다. "
    "이란의 입장은 변함이 없다."
)


def quotes_and_places(enricher, make_article, text: str, language: str) -> tuple[list[tuple], dict[str, list[str]]]:
    """(text, speaker, cue, kind) of each quote, and each place's mentions as written."""
    article = enricher.enrich(make_article(text, language=language))
    quotes = [(q.text, q.speaker, q.cue, q.kind) for q in article.quotes]
    places = {p.name: [article.text[s:e] for s, e in p.mentions] for p in article.entities if p.type == "PLACE"}
    return quotes, places


def test_enriched_korean_article(enricher, make_article) -> None:
    quotes, places = quotes_and_places(enricher, make_article, KOREAN, "ko")
    assert quotes == [
        ('"외교 정책은 독립적이다"', "올가 페트렌코 외무부 대변인", "말했", "direct"),
        ("미국 측의 주장이 근거가 없다", "페트렌코 대변인", "강조했", "indirect"),  # no particle in the speaker
        ('"협력은 계속될 것"', "페트렌코 대변인", "덧붙였", "direct"),  # "그는": the previous speaker
    ]
    assert places == {"United States": ["미국"], "Iran": ["이란"]}  # "이란의": the name without its particle


ARABIC = (
    "وقال المتحدث باسم وزارة الخارجية أولغا بترينكو يوم الأحد إن سياسة البلاد الخارجية مستقلة.\n\n"
    "وأضاف بترينكو في مؤتمر صحفي: «لن نقبل أي تدخل أجنبي». وأضاف أن التعاون مع روسيا مستمر.\n\n"
    "وكانت الولايات المتحدة قد أعربت عن قلقها."
)


def test_enriched_arabic_article(enricher, make_article) -> None:
    quotes, places = quotes_and_places(enricher, make_article, ARABIC, "ar")
    assert quotes == [
        # the speaker's phrase stops where the time begins ("يوم الأحد")
        ("سياسة البلاد الخارجية مستقلة", "المتحدث باسم وزارة الخارجية أولغا بترينكو", "قال", "indirect"),
        ("«لن نقبل أي تدخل أجنبي»", "بترينكو", "أضاف", "direct"),
        ("التعاون مع روسيا مستمر", "بترينكو", "أضاف", "indirect"),  # no one named: the previous speaker
    ]
    assert places == {"Russia": ["روسيا"], "United States": ["الولايات المتحدة"]}  # "مع روسيا", prefixes too


def test_enriched_japanese_article(enricher, make_article) -> None:
    article = enricher.enrich(make_article(JAPANESE, language="ja"))
    quotes = [(q.text, q.speaker, q.kind) for q in article.quotes]
    assert quotes == [
        ("「外交政策は独立している」", "オルガ・ペトレンコ", "direct"),  # the quotation, not "記者会見で"
        ("ロシアの主張には根拠がない", "オルガ・ペトレンコ", "indirect"),
    ]


@pytest.mark.parametrize(
    ("language", "sentence", "expression", "value"),
    [
        ("zh", "发言人周日表示，合作是正常的。", "周日", "2022-12-18"),
        ("zh", "美国官员上周五发表声明。", "上周五", "2022-12-09"),  # the Friday of the week before, not two days back
        ("zh", "协议于2022年12月9日签署。", "2022年12月9日", "2022-12-09"),
        ("zh", "新华社12月18日电", "12月18日", "2022-12-18"),
        ("zh", "双方12月9日曾会谈。", "12月9日", "2022-12-09"),
        ("zh", "三天前，警方介入。", "三天前", "2022-12-15"),
        ("zh", "去年3月，价格上涨。", "去年3月", "2021-03"),
        ("zh", "会议将于下个月举行。", "下个月", "2023-01"),
        ("zh", "他昨天抵达。", "昨天", "2022-12-17"),
        ("zh", "2021年全年增长。", "2021年", "2021"),
        ("ja", "報道官は18日、声明を発表した。", "18日", "2022-12-18"),
        ("ja", "報道官は先週金曜日に述べた。", "先週金曜日", "2022-12-09"),
        ("ja", "物価は昨年上昇した。", "昨年", "2021"),
        ("ja", "3か月前に合意した。", "3か月前", "2022-09"),
        ("ja", "2022/12/9に合意した。", "2022/12/9", "2022-12-09"),
        ("zh", "会议于15时30分开始。", "15时30分", "2022-12-18T15:30"),
        ("ko", "협정은 2022년 12월 9일 서명됐다.", "2022년 12월 9일", "2022-12-09"),
        ("ko", "대변인은 지난 9일 우려를 표명했다.", "지난 9일", "2022-12-09"),
        ("ko", "회의는 오는 20일 열린다.", "오는 20일", "2022-12-20"),
        ("ko", "그는 지난주 금요일에 말했다.", "지난주 금요일", "2022-12-09"),
        ("ko", "물가는 작년 3월에 올랐다.", "작년 3월", "2021-03"),
        ("ko", "3년 전에 합의했다.", "3년 전", "2019"),
        ("ko", "한 달 전에 시작됐다.", "한 달 전", "2022-11"),
    ],
)
def test_calendar_notation(language: str, sentence: str, expression: str, value: str) -> None:
    found = {t.text: t.value for t in find_times(sentence, SUNDAY, language)}
    assert found.get(expression) == value


def test_every_sunday_is_no_date_and_no_anchor_leaves_relative_dates_open() -> None:
    assert find_times("每周日举行。", SUNDAY, "zh") == []
    found = {t.text: t.value for t in find_times("周日表示，12月9日", None, "zh")}
    assert found == {"周日": "XXXX-WXX-7", "12月9日": "XXXX-12-09"}


def test_chinese_numbers() -> None:
    assert [chinese_number(n) for n in ("18", "十八", "二十", "两", "二十五", "十")] == [18, 18, 20, 2, 25, 10]
