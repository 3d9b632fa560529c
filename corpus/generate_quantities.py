"""Write corpus/*/quantities.jsonl: hand-written examples plus template combinations.

The expected values come from the templates (amount × unit × hedge × frame),
never from the extractor, so the corpus can catch regressions. Run again after
editing the lists: `python corpus/generate_quantities.py`.
"""
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent

KK = {
    "amounts": [("3 млрд", 3e9), ("1,5 млрд", 1.5e9), ("1.5 млрд", 1.5e9), ("260 млн", 2.6e8), ("2 млн", 2e6),
                ("15000000000", 1.5e10), ("20000000", 2e7), ("380", 380), ("1 500 000", 1.5e6),
                ("үш жарым миллиард", 3.5e9), ("жиырма миллион", 2e7), ("он жеті мың", 17000),
                ("алты миллиард", 6e9), ("төрт жүз", 400), ("елу", 50), ("он екі жарым миллион", 1.25e7),
                ("12,5 миллион", 1.25e7), ("3,5 миллиард", 3.5e9), ("бес жүз", 500), ("110", 110)],
    "units": [("долларға", "money", "USD"), ("доллар", "money", "USD"), ("АҚШ долларына", "money", "USD"),
              ("АҚШ доллары", "money", "USD"), ("теңгеден", "money", "KZT"), ("теңге", "money", "KZT"),
              ("теңгені", "money", "KZT"), ("рубль", "money", "RUB"), ("еуро", "money", "EUR"),
              ("тонна", "quantity", "t"), ("тоннаға", "quantity", "t"), ("гектар", "quantity", "ha"),
              ("гектарға", "quantity", "ha"), ("шақырым", "quantity", "km"), ("шаршы метр", "quantity", "m2"),
              ("текше метр", "quantity", "m3"), ("литр", "quantity", "l"), ("килограмм", "quantity", "kg")],
    "hedged_units": [("теңгеге", " дейін", "max"), ("тоннадан", " астам", "min"), ("долларға", " жуық", "approx"),
                     ("теңгеге", " жуық", "approx"), ("гектардан", " астам", "min"), ("шақырымға", " дейін", "max")],
    "hedged_unit_kind": {"теңгеге": ("money", "KZT"), "тоннадан": ("quantity", "t"), "долларға": ("money", "USD"),
                         "гектардан": ("quantity", "ha"), "шақырымға": ("quantity", "km")},
    "percents": [("4,1", 4.1), ("50", 50), ("елу", 50), ("жиырма бес", 25), ("74,9", 74.9), ("1,4", 1.4),
                 ("төрт жарым", 4.5), ("30", 30), ("бір бүтін оннан төрт", 1.4), ("100", 100)],
    "percent_units": ["пайыз", "пайызға", "процентке", "%", "%-ға", "%-ы", "процент"],
    "frames": ["Көрсеткіш {q} жетті.", "Көлемі {q} құрады.", "Бағасы {q} болды.", "Оған {q} бөлінді."],
    "before": [("шамамен ", "approx")],
    "change": [("Экспорт {q} артты.", "increase"), ("Өндіріс {q} өсті.", "increase"),
               ("Бағасы {q} төмендеді.", "decrease"), ("Шығын {q} азайды.", "decrease")],
}
RU = {
    "amounts": [("1,5 млрд", 1.5e9), ("8,1 млн", 8.1e6), ("45 тысяч", 45000), ("750 тысяч", 750000),
                ("3,04 млрд", 3.04e9), ("полтора миллиарда", 1.5e9), ("двух миллионов", 2e6), ("5000", 5000),
                ("15,4 тыс.", 15400), ("200 миллиардов", 2e11), ("12,8 млн", 1.28e7), ("1 500 000", 1.5e6),
                ("тридцати миллионов", 3e7), ("80 млн", 8e7), ("2,5 трлн", 2.5e12)],
    "units": [("долларов", "money", "USD"), ("долларов США", "money", "USD"), ("рублей", "money", "RUB"),
              ("руб.", "money", "RUB"), ("евро", "money", "EUR"), ("тенге", "money", "KZT"),
              ("юаней", "money", "CNY"), ("тонн", "quantity", "t"), ("гектаров", "quantity", "ha"),
              ("километров", "quantity", "km"), ("кв. м", "quantity", "m2"), ("литров", "quantity", "l"),
              ("кг", "quantity", "kg"), ("фунтов стерлингов", "money", "GBP")],
    "percents": [("4,1", 4.1), ("50", 50), ("3", 3), ("27", 27), ("0,5", 0.5), ("99", 99), ("12,5", 12.5)],
    "percent_units": ["%", " %", " процентов", " процента"],
    "frames": ["Сумма составила {q}.", "Объём достиг {q}.", "Было выделено {q}.", "По оценкам, это {q}."],
    "before": [("около ", "approx"), ("более ", "min"), ("свыше ", "min"), ("до ", "max"), ("почти ", "approx"),
               ("не менее ", "min")],
    "change": [("Показатель вырос на {q}.", "increase"), ("Выручка увеличилась на {q}.", "increase"),
               ("Цены снизились на {q}.", "decrease"), ("Добыча сократилась на {q}.", "decrease")],
}


def expect(text, kind, value, unit, **extra):
    e = {"text": text, "kind": kind, "value": value, "unit": unit}
    e.update({k: v for k, v in extra.items() if v is not None})
    return e


def generate(lang, spec, handwritten, n_templates):
    rng = random.Random(20241122)
    rows = [dict(r) for r in handwritten]
    seen = {r["text"] for r in rows}
    sep = {"kk": " ", "ru": " "}[lang]

    def add(text, exp):
        if text.endswith(".."):
            # "… 5000 руб." ends the sentence: one dot, and it is not part of the amount
            text = text[:-1]
            exp = [dict(e, text=e["text"].rstrip(".")) if text.endswith(e["text"]) else e for e in exp]
        if text not in seen:
            seen.add(text)
            rows.append({"text": text, "expect": exp})

    while len(rows) < n_templates:
        choice = rng.random()
        frame = rng.choice(spec["frames"])
        if choice < 0.45:
            a, v = rng.choice(spec["amounts"])
            u, kind, code = rng.choice(spec["units"])
            q = f"{a}{sep}{u}"
            extra = {}
            if rng.random() < 0.3:
                b, meaning = rng.choice(spec["before"])
                q = b + q
                extra = {"approx": True} if meaning == "approx" else {meaning: v}
                if meaning == "max" and "достиг" in frame:
                    extra = {"to_value": v}     # after a verb of reaching, до names the level reached
            add(frame.format(q=q), [expect(q, kind, v, code, **extra)])
        elif choice < 0.6 and "hedged_units" in spec:
            a, v = rng.choice(spec["amounts"])
            u, tail, meaning = rng.choice(spec["hedged_units"])
            kind, code = spec["hedged_unit_kind"][u]
            q = f"{a} {u}{tail}"
            extra = {"approx": True} if meaning == "approx" else {meaning: v}
            add(frame.format(q=q), [expect(q, kind, v, code, **extra)])
        elif choice < 0.8:
            a, v = rng.choice(spec["percents"])
            u = rng.choice(spec["percent_units"])
            if lang == "kk":
                q = f"{a}{u}" if u.startswith("%") else f"{a} {u}"
                if not a[0].isdigit() and u.startswith("%"):
                    continue
            else:
                q = f"{a}{u}"
                if not a[0].isdigit() and not u.startswith(" п"):
                    continue
            add(frame.format(q=q), [expect(q, "percent", v, "%")])
        else:
            a, v = rng.choice(spec["percents"])
            template, direction = rng.choice(spec["change"])
            if lang == "kk":
                u = rng.choice(["%-ға", " пайызға", " процентке"])
                if not a[0].isdigit() and u.startswith("%"):
                    continue
                q = f"{a}{u}"
                text = template.format(q=q)
            else:
                q = f"{a}%"
                text = template.format(q=q)
            add(text, [expect(q, "percent", v, "%", change=direction)])
    rows += newsroom_templates(lang, seen)
    out = HERE / lang / "quantities.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(out, len(rows))


# Deterministic families for the constructions of issue 16 (signs, frost, compounds, rates,
# multipliers); every expected value is computed here from the parts.
TEMPERATURE = {
    "kk": {"frame": "Түнде {q} болады.", "units": ["градус", "°С"], "frost": " аяз",
           "signs": [("-", -1), ("−", -1), ("минус ", -1), ("+", 1), ("", 1)]},
    "ru": {"frame": "Ночью ожидается {q}.", "units": ["градусов", "°С"], "frost": " мороза",
           "signs": [("-", -1), ("−", -1), ("минус ", -1), ("+", 1), ("", 1)]},
}
COMPOUND = {
    "kk": {"frame": "Жобаға {q} бөлінді.", "big": [("3 млн", 3e6), ("8 трлн", 8e12), ("2 миллиард", 2e9)],
           "small": {1e6: [("600 мың", 6e5), ("250 мың", 2.5e5)], 1e12: [("250 млрд", 2.5e11)],
                     1e9: [("750 млн", 7.5e8), ("15 миллион", 1.5e7)]},
           "units": [("теңге", "money", "KZT"), ("доллар", "money", "USD"), ("тонна", "quantity", "t")]},
    "ru": {"frame": "На проект выделено {q}.", "big": [("132 миллиона", 1.32e8), ("8 трлн", 8e12), ("2 млрд", 2e9)],
           "small": {1e6: [("300 тысяч", 3e5), ("450 тыс.", 4.5e5)], 1e12: [("250 млрд", 2.5e11)],
                     1e9: [("750 млн", 7.5e8), ("93,1 млн", 9.31e7)]},
           "units": [("сомов", "money", "KGS"), ("рублей", "money", "RUB"), ("тонн", "quantity", "t")]},
}
RATES = {
    "kk": [("{a} ц/га", "quantity", "c", "ha"), ("{a} км/сағ", "quantity", "km", "h"), ("{a} м/с", "quantity", "m", "s")],
    "ru": [("{a} ц/га", "quantity", "c", "ha"), ("{a} км/ч", "quantity", "km", "h"), ("{a} м/с", "quantity", "m", "s")],
}
RATIOS = {
    "kk": [("{a} есе өсті", "{a} есе", "increase"), ("{a} есеге қысқарды", "{a} есеге", "decrease")],
    "ru": [("выросла в {a} раза", "в {a} раза", "increase"), ("сократилась в {a} раза", "в {a} раза", "decrease")],
}
BASE = {"t": ("kg", 1000), "c": ("kg", 100), "km": ("m", 1000), "m": ("m", 1)}


def _num(value):
    return f"{value:g}".replace(".", ",")


def newsroom_templates(lang, seen):
    from decimal import Decimal
    rows = []

    def add(text, exp):
        if text not in seen:
            seen.add(text)
            rows.append({"text": text, "expect": exp})

    t = TEMPERATURE[lang]
    for sign, factor in t["signs"]:
        for value in (3, 18, 27):
            for unit in t["units"]:
                q = f"{sign}{value} {unit}" if unit[0].isalpha() else f"{sign}{value}{unit}"
                add(t["frame"].format(q=q), [expect(q, "quantity", factor * value, "°C")])
                if sign in ("", "-") and unit[0].isalpha():
                    qf = q + t["frost"]       # a frost word makes it negative, whatever the sign
                    add(t["frame"].format(q=qf), [expect(qf, "quantity", -value, "°C")])
    for low, high in ((5, 13), (20, 25)):
        q = f"{low}-{high} {t['units'][0]}{t['frost']}"
        add(t["frame"].format(q=q), [expect(q, "quantity", -high, "°C", min=-high, max=-low)])
        q = f"-{low}…-{high} {t['units'][0]}"
        add(t["frame"].format(q=q), [expect(q, "quantity", -high, "°C", min=-high, max=-low)])
        q = f"+{low}...+{high} {t['units'][0]}"
        add(t["frame"].format(q=q), [expect(q, "quantity", low, "°C", min=low, max=high)])
    c = COMPOUND[lang]
    for big, big_value in c["big"]:
        scale = 1e12 if big_value >= 1e12 else 1e9 if big_value >= 1e9 else 1e6
        for small, small_value in c["small"][scale]:
            for unit, kind, code in c["units"]:
                q = f"{big} {small} {unit}"
                value = float(Decimal(repr(big_value)) + Decimal(repr(small_value)))
                extra = {"base_value": value * 1000, "base_unit": "kg"} if code == "t" else {}
                add(c["frame"].format(q=q), [expect(q, kind, value, code, **extra)])
    for template, kind, unit, per in RATES[lang]:
        for value in (15.2, 60, 8):
            q = template.format(a=_num(value))
            base_unit, factor = BASE[unit]
            base = float(Decimal(repr(float(value))) * factor)
            add(f"{q}.".capitalize() if False else f"Көрсеткіш {q}." if lang == "kk" else f"Показатель {q}.",
                [expect(q, kind, value, unit, per=per, base_value=base, base_unit=base_unit)])
    for phrase, span, direction in RATIOS[lang]:
        for value in (2, 1.5, 3):
            text = f"Көлем {phrase.format(a=_num(value))}." if lang == "kk" else f"Выручка {phrase.format(a=_num(value))}."
            add(text, [{"text": span.format(a=_num(value)), "kind": "ratio", "value": value, "change": direction}])
    return rows


def load_handwritten(lang):
    path = HERE / lang / "quantities.handwritten.jsonl"
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


if __name__ == "__main__":
    generate("kk", KK, load_handwritten("kk"), 230)
    generate("ru", RU, load_handwritten("ru"), 230)
