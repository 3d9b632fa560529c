"""The user's sample article (bundled as extractor/samples/) comes out exactly right."""
from pathlib import Path

import pytest

from extractor import extract

SAMPLE = Path(__file__).resolve().parent.parent / "extractor" / "samples" / "kk-trade-kz-kg.txt"

EXPECTED = [  # (text, kind, value, unit, extra)
    ("шамамен 2 млрд долларға", "money", 2e9, "USD", {"approx": True}),
    ("жетінші", "ordinal", 7, None, {}),
    ("3 млрд долларға", "money", 3e9, "USD", {}),
    ("3 млрд АҚШ долларына", "money", 3e9, "USD", {}),
    ("1.5 млрд доллар", "money", 1.5e9, "USD", {}),
    ("1,5 млрд долларға", "money", 1.5e9, "USD", {}),
    ("2 млрд долларға", "money", 2e9, "USD", {}),
    ("195", "number", 195, None, {"noun": "тауар түрі"}),
    ("260 млн доллар", "money", 2.6e8, "USD", {}),
    ("4,1%-ға", "percent", 4.1, "%", {"change": "increase"}),
    ("3 млн тоннаға", "quantity", 3e6, "t", {}),
]


@pytest.fixture(scope="module")
def doc():
    return extract(SAMPLE.read_text(encoding="utf-8"), date="2024-11-22")


def test_language_and_date(doc):
    assert doc.lang == "kk" and doc.date == "2024-11-22"


def test_every_amount_with_value_unit_and_span(doc):
    text = SAMPLE.read_text(encoding="utf-8")
    got = [r for r in doc.records if r.kind in ("money", "percent", "quantity", "ordinal")
           or (r.kind == "number" and r.value >= 10)]
    assert [(r.text, r.kind) for r in got] == [(t, k) for t, k, *_ in EXPECTED]
    for r, (t, k, value, unit, extra) in zip(got, EXPECTED):
        assert text[r.start:r.end] == t
        assert r.value == value
        if k != "ordinal":
            assert r.unit == unit
            for field, want in extra.items():
                assert getattr(r, field) == want


EXPECTED_PERIODS = [  # (text, start_date, end_date, relative, recurring); document date 2024-11-22
    ("жыл сайын", None, None, False, True),
    ("2030 жылға дейін", None, "2030-12-31", False, False),
    ("Былтыр", "2023-01-01", "2023-12-31", True, False),
    ("былтыр", "2023-01-01", "2023-12-31", True, False),
    ("биыл", "2024-01-01", "2024-12-31", True, False),
    ("былтырдың", "2023-01-01", "2023-12-31", True, False),
    ("2024 жылдың 8 айында", "2024-01-01", "2024-08-31", False, False),
]


def test_periods_resolved_against_the_article_date(doc):
    text = SAMPLE.read_text(encoding="utf-8")
    got = doc.records_of("period")
    assert [(r.text, r.start_date, r.end_date, r.relative, r.recurring) for r in got] == EXPECTED_PERIODS
    assert all(text[r.start:r.end] == r.text for r in got)


def test_years_and_periods_are_not_counts(doc):
    texts = [r.text for r in doc.records if r.kind in ("money", "percent", "quantity", "number", "ordinal")]
    assert not any(t.startswith(("2030", "2024", "8")) for t in texts)


def test_records_sorted_with_unique_ids(doc):
    assert [r.start for r in doc.records] == sorted(r.start for r in doc.records)
    assert len({r.id for r in doc.records}) == len(doc.records)


def test_quotes_and_speakers(doc):
    quotes = doc.records_of("quote")
    direct = [q for q in quotes if q.direct]
    assert [q.speaker for q in direct] == ["Қасым-Жомарт Тоқаев", "Садыр Жапаров"]
    assert direct[0].text.startswith("Екіжақты сауда айналымы шамамен 2 млрд долларға жетті.")
    assert direct[0].speaker_text == "Тоқаев" and direct[0].verb == "деді"
    assert direct[1].text.startswith("Қазақстан – біздің ең жақын көршіміз")
    assert all(q.speaker in ("Қасым-Жомарт Тоқаев", "Садыр Жапаров") for q in quotes)
    money = next(r for r in doc.records if r.text == "шамамен 2 млрд долларға")
    assert money.speaker == "Қасым-Жомарт Тоқаев" and money.quote_id == direct[0].id


def test_byline_is_the_author_not_a_speaker(doc):
    assert doc.author == "Мөлдір Түктібай"
    assert all(q.speaker != "Мөлдір Түктібай" for q in doc.records_of("quote"))
    assert doc.to_dict()["author"] == "Мөлдір Түктібай"


def _linked_period(doc, text):
    amount = next(r for r in doc.records if r.text == text and r.kind in ("money", "quantity", "percent"))
    period = next((r for r in doc.records if r.id == amount.period_id), None)
    return amount, period


def test_links_period_subject_speaker(doc):
    amount, period = _linked_period(doc, "3 млн тоннаға")
    assert (period.start_date, period.end_date) == ("2024-01-01", "2024-08-31")
    amount, period = _linked_period(doc, "3 млрд АҚШ долларына")
    assert (period.start_date, period.end_date) == (None, "2030-12-31")
    assert amount.subject == "тауар айналымы"
    amount, period = _linked_period(doc, "1,5 млрд долларға")
    assert (period.start_date, period.end_date) == ("2023-01-01", "2023-12-31")
    assert amount.subject == "тауар айналымы"
    amount, _ = _linked_period(doc, "шамамен 2 млрд долларға")
    assert amount.speaker == "Қасым-Жомарт Тоқаев" and amount.subject == "сауда айналымы"
    amount, period = _linked_period(doc, "4,1%-ға")
    assert period.text == "2024 жылдың 8 айында" and amount.subject == "экспорт-импорт тасымалы"
