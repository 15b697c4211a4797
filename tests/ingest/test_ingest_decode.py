"""Legacy encodings without a declared charset, and JSON Lines decoded line by line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.ingest import read_paths
from storyline.ingest.decode import decode_bytes
from storyline.ingest.errors import IngestError

#: Invented news sentences, each in an encoding its language was commonly published in.
#: Short texts are the hard case: charset-normalizer scores cp1250 and cp1252 alike on them.
LEGACY_NEWS = [
    ("cp1252", "Le ministre Jean-Luc Moreau a annoncé mardi une baisse des impôts pour les ménages modestes, après des mois de négociations à Paris."),
    ("latin-1", "Les élèves de Ruritanie reprendront les cours lundi, a précisé la préfecture, qui évoque « une situation maîtrisée »."),
    ("cp1252", "El Gobierno de España aprobó el martes un plan de ayudas para los agricultores afectados por la sequía en Andalucía."),
    ("cp1252", "A inflação no Brasil desacelerou em março, segundo o instituto de estatística, e o governo espera juros mais baixos."),
    ("latin-1", "O presidente de Ruritânia visitará Lisboa na próxima semana para discutir a cooperação económica e a imigração."),
    ("cp1252", "Die Bundesregierung hat am Dienstag neue Hilfen für Landwirte beschlossen, die unter der Dürre in Süddeutschland leiden."),
    ("cp1252", "Il governo italiano ha approvato giovedì la riforma delle pensioni, ma i sindacati annunciano uno sciopero già la prossima settimana."),
    ("latin-1", "Regeringen i Stockholm meddelade på tisdagen att skatterna sänks för hushåll med låga inkomster nästa år."),
    ("latin-1", "Statsministeren sagde mandag, at regeringen vil øge støtten til de små øer og bønderne på Fyn."),
    ("cp1252", "The minister said on Tuesday that “the reforms will go ahead” despite protests – a decision critics called “reckless”."),
    ("cp1250", "Premier Polski zapowiedział we wtorek obniżkę podatków dla rodzin, a opozycja skrytykowała ten pomysł jako kosztowny."),
    ("cp1250", "Česká vláda ve středu schválila nový rozpočet, který počítá s vyššími výdaji na zdravotnictví a školství."),
    ("cp1250", "A magyar kormány kedden bejelentette, hogy jövőre csökkentik a családok adóterheit és növelik a nyugdíjakat."),
    ("cp1250", "Guvernul de la Bucureşti a anunţat marţi noi măsuri pentru fermierii afectaţi de secetă în sudul ţării."),
    ("cp1254", "Hükümet salı günü çiftçilere yönelik yeni destek paketini açıkladı ve kuraklıktan etkilenen bölgelere yardım gönderilecek."),
    ("cp1251", "Министр финансов Ольга Петренко заявила во вторник, что налоги для семей с детьми будут снижены в следующем году."),
    ("koi8-r", "Президент Рурутании прибудет в Москву на следующей неделе для переговоров о торговле и энергетике."),
    ("cp1251", "Уряд України у вівторок ухвалив новий бюджет, який передбачає більші видатки на оборону та освіту."),
    ("cp1253", "Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα στήριξης για τους αγρότες που επλήγησαν από την ξηρασία."),
    ("cp1255", "הממשלה אישרה ביום שלישי תוכנית חדשה לסיוע לחקלאים שנפגעו מהבצורת בדרום הארץ."),
    ("cp1256", "أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لدعم المزارعين المتضررين من الجفاف في جنوب البلاد."),
    ("shift_jis", "政府は火曜日、干ばつの被害を受けた農家への新たな支援策を発表した。首相は記者会見で説明した。"),
    ("euc-jp", "東京都は水曜日、新しい防災計画を発表し、住民に避難経路の確認を呼びかけた。"),
    ("gb18030", "政府周二宣布了一项新的计划，帮助受干旱影响的农民，总理在记者会上作了说明。"),
    ("big5", "政府週二宣布了一項新的計劃，幫助受乾旱影響的農民，總理在記者會上作了說明。"),
    ("euc-kr", "정부는 화요일 가뭄 피해를 입은 농민들을 위한 새로운 지원 대책을 발표했다."),
    ("utf-16", "Le ministre a annoncé mardi une baisse des impôts pour les ménages modestes."),
]  # fmt: skip


@pytest.mark.parametrize(("encoding", "text"), LEGACY_NEWS, ids=[f"{e}-{t[:12]}" for e, t in LEGACY_NEWS])
def test_legacy_news_decoded(encoding: str, text: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


def test_html_without_charset_read_as_its_language(tmp_path: Path, limit: int) -> None:
    body = "".join(f"<p>{text}</p>" for encoding, text in LEGACY_NEWS[2:4])
    page = f"<html><head><title>Ayudas para el campo</title></head><body><article>{body}</article></body></html>"
    path = tmp_path / "noticia.html"
    path.write_bytes(page.encode("cp1252"))
    (outcome,) = read_paths([path], max_file_bytes=limit)
    assert "España" in outcome.article.text and "inflação" in outcome.article.text


def _jsonl(tmp_path: Path, lines: list[bytes]) -> Path:
    path = tmp_path / "items.jsonl"
    path.write_bytes(b"\n".join(lines))
    return path


def _line(title: str, text: str, encoding: str = "utf-8") -> bytes:
    return json.dumps({"title": title, "text": text}, ensure_ascii=False).encode(encoding)


def test_jsonl_line_in_another_encoding_repaired_rest_kept(tmp_path: Path, limit: int, story: list[str]) -> None:
    path = _jsonl(tmp_path, [
        _line("Über die Grenze", story[0]),
        _line("Impôts en baisse", LEGACY_NEWS[0][1], "cp1252"),
        _line("Crème brûlée ban", story[1]),
    ])  # fmt: skip
    outcomes = list(read_paths([path], max_file_bytes=limit))
    assert [o.error for o in outcomes] == [None, None, None]
    assert [o.article.title for o in outcomes] == ["Über die Grenze", "Impôts en baisse", "Crème brûlée ban"]
    assert "baisse des impôts" in outcomes[1].article.text


def test_jsonl_garbled_line_fails_alone(tmp_path: Path, limit: int, story: list[str]) -> None:
    path = _jsonl(tmp_path, [_line("Über die Grenze", story[0]), b"\x81\x8d\x8f\x90\x9d" * 40, _line("Three", story[1])])
    outcomes = list(read_paths([path], max_file_bytes=limit))
    assert [o.article.title for o in outcomes if o.article] == ["Über die Grenze", "Three"]
    (failed,) = [o for o in outcomes if o.error]
    assert failed.source == f"{path}#L2"
    assert "line 2" in failed.error


def test_empty_jsonl_still_an_error(tmp_path: Path, limit: int) -> None:
    (outcome,) = read_paths([_jsonl(tmp_path, [b"", b"  "])], max_file_bytes=limit)
    assert outcome.error == "empty file"


def test_warc_header_charset_loses_to_valid_utf8_and_the_page_meta(tmp_path: Path, limit: int, warc_bytes) -> None:
    para = "<p>Olga Petrenko said that’s the harbour’s last ferry to Port Elwyn this winter, and the café closes.</p>"
    utf8_page = f"<html><head><title>Ferry</title></head><body><article>{para * 3}</article></body></html>"
    cp1251_page = ("<html><head><meta charset='windows-1251'><title>Паром</title></head><body><article>"
                   + "<p>Ольга Петренко сказала, что последний паром в Порт-Элвин уходит в пятницу вечером.</p>" * 3
                   + "</article></body></html>")
    warc = warc_bytes([
        ("https://herald.example.rt/ferry", "text/html; charset=iso-8859-1", utf8_page.encode("utf-8")),
        ("https://herald.example.rt/parom", "text/html; charset=iso-8859-1", cp1251_page.encode("cp1251")),
        ("https://herald.example.rt/cafe", "text/html; charset=windows-1252", utf8_page.replace("’", "'").encode("cp1252")),
    ])
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc)
    ferry, parom, cafe = [o.article for o in read_paths([path], max_file_bytes=limit)]
    assert "that’s" in ferry.text and "â" not in ferry.text
    assert "Ольга Петренко" in parom.text
    assert "café" in cafe.text  # no meta, not UTF-8: the header's charset


def test_a_stray_nul_and_a_bad_byte_spoil_no_feed(tmp_path: Path, limit: int) -> None:
    items = "".join(
        f"<item><title>Pier {n}: that’s news</title><link>https://herald.example.rt/{n}</link>"
        f"<description>Olga Petrenko’s council backed pier number {n} in Port Elwyn on Monday evening.</description></item>"
        for n in range(10)
    )
    feed = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Ruritania Herald</title>'
            f"{items}</channel></rss>").encode()
    cut = feed.index(b"<item>", feed.index(b"Pier 2"))
    damaged = tmp_path / "feed.xml"
    damaged.write_bytes(feed[:cut] + b"\x00\xff" + feed[cut:])
    outcomes = list(read_paths([damaged], max_file_bytes=limit))
    assert [o.error for o in outcomes] == [None] * 10
    assert all(o.warning == "1 stray NUL byte(s) removed" for o in outcomes)
    assert all("that’s" in o.article.title and "’s council" in o.article.text for o in outcomes)


def test_terminal_escape_sequences_are_removed_not_taken_for_binary() -> None:
    """Text pasted from a terminal or a log keeps its colour codes: they are no content and no sign of binary."""
    coloured = (
        "\x1b[1mPort Elwyn ferry strike ends\x1b[0m\n\n\x1b[32mThe strike\x1b[0m ended on Tuesday, said \x1b[1;33mRuth"
        " Adler\x1b[0m.\n\x1b]0;terminal title\x07\x1b[2KCrossings resume on \x1b[4mWednesday\x1b[24m.\n"
    )
    text = decode_bytes(coloured.encode())
    assert text == (
        "Port Elwyn ferry strike ends\n\nThe strike ended on Tuesday, said Ruth Adler.\nCrossings resume on Wednesday.\n"
    )
    with pytest.raises(IngestError, match="control characters"):
        decode_bytes(("Port Elwyn " + "\x01\x02\x03" * 5 + " ferry").encode())
