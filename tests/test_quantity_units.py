"""Comparable values and the CLDR long tail: exact base values, hand-written words win."""
import pytest

from extractor import extract
from extractor.patterns import load
from extractor.quantities import to_base


@pytest.mark.parametrize("unit,value,base", [
    ("t", 16.4e6, (16_400_000_000.0, "kg")),
    ("c", 15.2, (1520.0, "kg")),
    ("ha", 0.3, (3000.0, "m2")),
    ("m3", 1.2e6, (1_200_000_000.0, "l")),
    ("MWh", 2.5, (2500.0, "kWh")),
    ("GW", 1.2, (1_200_000_000.0, "W")),
    ("°C", 5, (None, None)),
    (None, 5, (None, None)),
])
def test_base_values_are_exact(unit, value, base):
    assert to_base(unit, value) == base


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_generated_tables_cover_current_currencies(lang):
    generated = load(lang, "currencies_cldr")["currencies"]
    for code in ("AED", "KRW", "GEL", "AMD", "ILS", "BRL", "AZN", "TMT", "BYN"):
        assert code in generated
    assert "units" in load(lang, "units_cldr")


@pytest.mark.parametrize("lang,text,unit", [
    ("ru", "Штраф 500 сомов.", "KGS"),            # сом is the Kyrgyz som, whatever CLDR says of Uzbek сум
    ("kk", "Айыппұл 500 сом.", "KGS"),
    ("ru", "Долг 5 фунтов стерлингов.", "GBP"),   # фунт is money here, not the pound of weight
    ("ru", "Цена 40 лари.", "GEL"),
    ("ru", "Пошлина 100 AED.", "AED"),
])
def test_hand_written_words_win(lang, text, unit):
    money = [r for r in extract(text, lang=lang).records if r.kind == "money"]
    assert [r.unit for r in money] == [unit]


def test_an_iso_code_before_digits_needs_the_hand_written_list():
    doc = extract("Партия TOP 09 получила 41 мандат.", lang="ru")
    assert not [r for r in doc.records if r.kind == "money"]
