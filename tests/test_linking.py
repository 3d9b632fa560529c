"""Amount → period and subject links, Kazakh and Russian."""
import pytest

from extractor import extract

CASES = [
    ("kk", "Былтыр тауар айналымы 1,5 млрд долларға жетті.", "1,5 млрд долларға", "Былтыр", "тауар айналымы"),
    ("kk", "Екіжақты тауар айналымын 2030 жылға дейін 3 млрд долларға жеткізу көзделген.", "3 млрд долларға",
     "2030 жылға дейін", "тауар айналымы"),
    ("kk", "2024 жылдың 8 айында жүк тасымалы 4,1%-ға артып, 3 млн тоннаға жетті.", "3 млн тоннаға",
     "2024 жылдың 8 айында", "жүк тасымалы"),
    ("kk", "Биыл экспорт көлемі 12 пайызға өсті.", "12 пайызға", "Биыл", "экспорт көлемі"),
    ("ru", "За 8 месяцев 2024 года объём экспорта вырос на 5%.", "5%", "За 8 месяцев 2024 года", "объём экспорта"),
    ("ru", "В 2023 году товарооборот составил 2 млрд долларов.", "2 млрд долларов", "В 2023 году", "товарооборот"),
    ("ru", "Товарооборот в прошлом году вырос на 7%, в этом году — на 3%.", "3%", "в этом году", None),
]


@pytest.mark.parametrize("lang,text,amount,period,subject", CASES)
def test_amount_links(lang, text, amount, period, subject):
    doc = extract(text, lang=lang, date="2024-11-22")
    r = next(r for r in doc.records if r.text == amount)
    linked = next((p for p in doc.records if p.id == r.period_id), None)
    assert linked is not None and linked.text == period
    if subject is not None:
        assert r.subject == subject


def test_heading_sets_the_frame():
    text = "2023 жылдың қорытындысы\nТауар айналымы 5 млрд долларға жетті."
    doc = extract(text, lang="kk", date="2024-11-22")
    money = doc.records_of("money")[0]
    assert next(p for p in doc.records if p.id == money.period_id).text == "2023 жылдың"
