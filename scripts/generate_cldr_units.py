"""Write patterns/<lang>/currencies_cldr.yaml and units_cldr.yaml from the Unicode CLDR.

CLDR (shipped with Babel) has every current currency's name, plural forms and
symbol, and the unit names in Kazakh and Russian. This script turns them into
the long tail of the rule data; the hand-written currencies.yaml and units.yaml
keep the everyday and ambiguous words and win over these (сом is KGS, манат is
left to the hand-written file). Babel is a development dependency only
(`pip install "sanaq[dev]"`); the generated YAML is committed and shipped.

    python scripts/generate_cldr_units.py
"""
from __future__ import annotations

import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path

import yaml
from babel import Locale
from babel.core import get_global
from babel.numbers import get_territory_currencies

ROOT = Path(__file__).resolve().parent.parent
# bare currency nouns that are everyday words too (марка "brand", кина "of the film", лев "lion",
# алтын "gold", сол "left"): only the full CLDR name is taken for these
NOT_ALONE = frozenset("марка марк кина кино пула пул тала вата вату лев кип кипа бат колон соль сол добро "
                      "добра лек лег алтын така седи леон леоне тенг юан иена лир сума".split())
LANGS = ("kk", "ru")

# CLDR unit id → our unit symbol (the ones a newsroom writes; composite units are built from these)
UNITS = {
    "length-kilometer": "km", "length-meter": "m", "length-centimeter": "cm", "length-millimeter": "mm",
    "length-mile": "mi", "length-foot": "ft", "length-inch": "in", "length-yard": "yd",
    "length-nautical-mile": "nmi",
    "mass-tonne": "t", "mass-kilogram": "kg", "mass-gram": "g", "mass-milligram": "mg",
    "mass-pound": "lb", "mass-ounce": "oz", "mass-carat": "ct",
    "area-square-kilometer": "km2", "area-hectare": "ha", "area-square-meter": "m2", "area-acre": "ac",
    "volume-liter": "l", "volume-milliliter": "ml", "volume-cubic-meter": "m3", "volume-gallon": "gal",
    "volume-cubic-kilometer": "km3",
    "power-watt": "W", "power-kilowatt": "kW", "power-megawatt": "MW", "power-gigawatt": "GW",
    "power-horsepower": "hp",
    "energy-kilowatt-hour": "kWh", "energy-calorie": "cal", "energy-kilocalorie": "kcal",
    "temperature-celsius": "°C", "temperature-fahrenheit": "°F",
    "digital-megabyte": "MB", "digital-gigabyte": "GB", "digital-terabyte": "TB",
    "pressure-millimeter-ofhg": "mmHg", "pressure-hectopascal": "hPa",
}


def current_currencies() -> set[str]:
    """ISO codes legal tender somewhere today (not the historic ones CLDR also names)."""
    today = dt.date.today()
    codes = set()
    for territory in get_global("territory_currencies"):
        codes.update(get_territory_currencies(territory, start_date=today, tender=True))
    return codes


def _forms(pattern_set) -> list[str]:
    """Unit name forms from CLDR patterns such as "{0} километра"."""
    out = []
    for key, pattern in pattern_set.items():
        if key == "per" or not isinstance(pattern, str) or "{0}" not in pattern:
            continue                     # "{0}/см", "{0} на сантиметр": a rate, not the unit
        word = pattern.replace("{0}", "").strip()
        if word and word not in out:
            out.append(word)
    return out


def _head_ru(name: str) -> str | None:
    """The noun of a Russian currency name as written: дирхам ОАЭ → дирхам, армянский драм → драм
    (pymorphy3's normal form would guess wrong for loanwords: драм → драма)."""
    import pymorphy3
    morph = pymorphy3.MorphAnalyzer(lang="ru")
    for word in name.split():
        if word.isalpha() and word.islower() and morph.parse(word)[0].tag.POS not in ("ADJF", "PRTF") \
                and not word.endswith(("ский", "цкий")):
            return word
    return None


def _head_kk(name: str) -> str | None:
    """The noun of a Kazakh currency name, without its possessive: Армения драмы → драм."""
    last = name.split()[-1].lower()
    for ending in ("сы", "сі", "ы", "і"):
        if last.endswith(ending) and len(last) - len(ending) >= 3:
            return last[: -len(ending)]
    return None


def _kk_stems_of_hand(name: str, hand_stems: set[str]) -> str:
    """A Kazakh name with each word that is a hand-written stem plus endings written as that stem
    (Гонконг доллары → Гонконг доллар): the matcher reads доллары as доллар, and a listed
    "доллары" would take that reading away from the hand-written доллар (and теңгесі from теңге)."""
    sys.path.insert(0, str(ROOT))
    from extractor.lang.kk.morph import grammar
    out = []
    for word in name.split():
        a = grammar().analyze(word.lower(), hand_stems.__contains__)
        out.append(a.stem if a is not None and a.endings else word)
    return " ".join(out)


def currencies(lang: str, hand: dict, hand_units: dict | None = None) -> dict:
    locale = Locale.parse(lang)
    codes = sorted(current_currencies())
    hand_words = {w.lower() for e in hand.values() for w in e.get("words", [])}
    hand_symbols = {s for e in hand.values() for s in e.get("symbols", [])}
    hand_stems = {w.lower() for e in (*hand.values(), *(hand_units or {}).values()) for w in e.get("words", [])
                  if " " not in w}
    names: dict[str, list[str]] = {}
    heads: dict[str, str] = {}
    head_codes: dict[str, set[str]] = defaultdict(set)
    for code in codes:
        name = locale.currencies.get(code)
        if not name:
            continue
        plural = locale._data["currency_names_plural"].get(code, {})
        forms = [name] + [v for v in plural.values() if isinstance(v, str)]
        if lang == "kk":
            forms = [_kk_stems_of_hand(f, hand_stems) for f in forms]
        names[code] = list(dict.fromkeys(f for f in forms if f.lower() not in hand_words))
        head = _head_ru(name) if lang == "ru" else _head_kk(name)
        if head:
            heads[code] = head
            head_codes[head].add(code)
    symbol_codes: dict[str, set[str]] = defaultdict(set)
    for code in codes:
        symbol = locale.currency_symbols.get(code)
        if symbol and symbol != code:
            symbol_codes[symbol].add(code)
    out = {}
    for code in codes:
        words = list(names.get(code, []))
        head = heads.get(code)
        # the bare noun only when one currency has it and no hand-written word does (манат, доллар: no)
        if head and len(head_codes[head]) == 1 and head not in hand_words and len(head) >= 3 \
                and head not in NOT_ALONE and head not in words:
            words.append(head)
            if lang == "ru":
                # and its plural forms as written (драмов, шекелей: pymorphy3 cannot derive them
                # from a loanword's lemma)
                name = locale.currencies[code].split()
                at = name.index(head)
                for form in locale._data["currency_names_plural"].get(code, {}).values():
                    parts = form.split() if isinstance(form, str) else []
                    if len(parts) == len(name) and parts[at] not in words:
                        words.append(parts[at])
        symbols = [s for s in [locale.currency_symbols.get(code)] if s and s != code
                   and len(symbol_codes[s]) == 1 and s not in hand_symbols and not s.isalpha()]
        entry = {}
        if words:
            entry["words"] = words
        if symbols:
            entry["symbols"] = symbols
        out[code] = entry             # an empty entry still makes the ISO code known: 42 BYN, AED 100
    return out


def _key(word: str, lang: str) -> str:
    """What the matcher compares: the Russian lemma of a one-word form, the Kazakh word itself."""
    word = word.lower()
    if lang == "ru" and word.isalpha():
        import pymorphy3
        return pymorphy3.MorphAnalyzer(lang="ru").parse(word)[0].normal_form
    return word


def units(lang: str, hand: dict, hand_currencies: dict) -> dict:
    locale = Locale.parse(lang)
    hand_words = {w.lower() for e in hand.values() for w in e.get("words", [])}
    # a generated form that reads as a hand-written word (фунта → фунт, which is GBP) is left out
    taken = {_key(w, lang) for e in (*hand.values(), *hand_currencies.values()) for w in e.get("words", [])}
    patterns = locale._data["unit_patterns"]
    out = {}
    for cldr_id, symbol in UNITS.items():
        if cldr_id not in patterns:
            continue
        words = []
        for width in ("long", "short"):
            for w in _forms(patterns[cldr_id].get(width, {})):
                # one letter (м, г, л) is left to the hand-written list, which knows its contexts
                if (len(w) > 2 or not w.isalpha()) and not w.endswith(".") and w.lower() not in hand_words \
                        and w not in words \
                        and _key(w, lang) not in taken and not any(w.lower().startswith(t) for t in taken
                                                                    if lang == "kk" and len(t) >= 4):
                    words.append(w)
        if words:
            out[symbol] = {"words": words}
    return out


def write(path: Path, section: str, data: dict) -> None:
    header = ("# GENERATED by scripts/generate_cldr_units.py from the Unicode CLDR (Babel); do not edit.\n"
              "# Hand-written entries in the file without _cldr win over these.\n")
    body = yaml.safe_dump({section: data}, allow_unicode=True, sort_keys=True, default_flow_style=None, width=120)
    path.write_text(header + body, encoding="utf-8")
    print(path, len(data))


def main() -> None:
    for lang in LANGS:
        hand_cur = yaml.safe_load((ROOT / "patterns" / lang / "currencies.yaml").read_text("utf-8"))["currencies"]
        hand_units = yaml.safe_load((ROOT / "patterns" / lang / "units.yaml").read_text("utf-8"))["units"]
        write(ROOT / "patterns" / lang / "currencies_cldr.yaml", "currencies", currencies(lang, hand_cur, hand_units))
        write(ROOT / "patterns" / lang / "units_cldr.yaml", "units", units(lang, hand_units, hand_cur))


if __name__ == "__main__":
    main()
