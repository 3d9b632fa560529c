"""The source of a statement: its kind, its span as written, and the figures on annotated news."""
from pathlib import Path

import pytest

from extractor import extract
from extractor.evaluate_sources import score

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

KINDS = [  # (lang, text, speaker_text, speaker, kind)
    ("ru", "Эксперты отмечают, что спрос на жильё падает.", "Эксперты", "Эксперты", "group"),
    ("ru", "По мнению аналитиков, рубль ослабнет.", "аналитиков", "аналитики", "group"),
    ("ru", "В МИД заявили, что визит состоится в мае.", "МИД", "МИД", "organization"),
    ("ru", "Глава государства отметил, что экономика выросла на 5%.", "Глава государства", "Глава государства", "office"),
    ("ru", "Она сказала, что вернётся.", "Она", "Она", "pronoun"),
    ("ru", "«Я горжусь тобой», — сказала мама.", "мама", "мама", "person"),
    ("ru", "Рост цен замедлится, заявил посол Казахстана Даурен Абаев.", "Даурен Абаев", "Даурен Абаев", "person"),
    ("kk", "«Баға тағы да көтерілуі мүмкін», – дейді сарапшылар.", "сарапшылар", "сарапшылар", "group"),
    ("kk", "Сарапшылардың пікірінше, инфляция биыл 9 пайыздан аспайды.", "Сарапшылардың", "Сарапшылар", "group"),
    ("kk", "Ведомство басшысының айтуынша, жаңа ереже қаңтарда күшіне енеді.", "Ведомство басшысының",
     "Ведомство басшысы", "office"),
    ("kk", "Ұлттық статистика бюросы инфляция 8,5 пайызға жеткенін хабарлады.", "Ұлттық статистика бюросы",
     "Ұлттық статистика бюросы", "organization"),
    ("kk", "Өңірде 12 жаңа мектеп ашылды, деп хабарлайды BAQ.KZ тілшісі.", "BAQ.KZ тілшісі", "BAQ.KZ тілшісі",
     "organization"),
]


@pytest.mark.parametrize("lang,text,written,speaker,kind", KINDS)
def test_source_kind_and_span(lang, text, written, speaker, kind):
    quotes = extract(text, lang=lang).records_of("quote")
    assert len(quotes) == 1
    q = quotes[0]
    assert (q.speaker_text, q.speaker, q.speaker_kind) == (written, speaker, kind)
    assert text[q.speaker_start:q.speaker_end] == written


def test_pronoun_resolves_to_the_previous_speaker():
    text = ("Председатель ЦБ Эльвира Набиуллина выступила на форуме. «Инфляция замедляется», — сказала "
            "Набиуллина. Она добавила, что ставка останется на уровне 16%.")
    quotes = extract(text, lang="ru").records_of("quote")
    assert [(q.speaker, q.speaker_text, q.speaker_kind) for q in quotes] == [
        ("Эльвира Набиуллина", "Набиуллина", "person"), ("Эльвира Набиуллина", "Она", "pronoun")]


def test_pro_drop_carries_the_speaker_over():
    text = "Денсаулық сақтау министрі Әлия Ғалымова: «Дәрі қоры жеткілікті», – деді. «Қазір 40 аурухана жаңартылып жатыр», – дейді."
    quotes = extract(text, lang="kk").records_of("quote")
    assert [q.speaker for q in quotes] == ["Әлия Ғалымова", "Әлия Ғалымова"]


@pytest.mark.parametrize("lang,floor_p,floor_r", [("kk", 0.95, 0.88), ("ru", 0.95, 0.74)])
def test_annotated_news_sentences(lang, floor_p, floor_r):
    """Sources hand-annotated in KazNERD / NEREL development sentences (read alone, without their
    document): the figures must not fall below what this version reaches."""
    got = score(str(CORPUS / lang / "speaker_sources.dev.jsonl"))
    assert got["precision"] >= floor_p and got["recall"] >= floor_r


@pytest.mark.parametrize("lang,text,speaker,via", [
    ("ru", "Министр торговли Серик Абенов заявил, что экспорт зерна вырос, сообщает корреспондент Zakon.kz.",
     "Серик Абенов", "корреспондент Zakon.kz"),
    ("ru", "Эксперты рассказали о росте цен на жильё, сообщает агентство Рейтер.", "Эксперты", "агентство Рейтер"),
    ("kk", "Облыс әкімі Нұрлан Нөгаев жол жөнделетінін айтты, деп хабарлайды Kazinform тілшісі.",
     "Нұрлан Нөгаев", "Kazinform тілшісі"),
    ("ru", "Урожай зерна превысил 2 млн тонн, передает корреспондент Zakon.kz.", "корреспондент Zakon.kz", None),
])
def test_credit_line_is_via_when_someone_speaks(lang, text, speaker, via):
    """The outlet crediting a statement is its source only when nobody else is; otherwise it is `via`."""
    quotes = extract(text, lang=lang).records_of("quote")
    assert [(q.speaker, q.via) for q in quotes] == [(speaker, via)]
    q = quotes[0]
    assert via is None or text[q.via_start:q.via_end] == via
    assert "сообщает" not in q.text and "передает" not in q.text and "хабарлайды" not in q.text
