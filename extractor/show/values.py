"""Values as a reader writes them: `1,2 млрд USD` in a Kazakh or Russian view, `1.2 bn USD` in English.

Used by the HTML view (text labels, details, the record table); the records keep the
plain numbers.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..records import Record

# (size, word) per locale, largest first; below the smallest, numbers are written out with groups
SCALES = {
    "ru": [(1e12, "трлн"), (1e9, "млрд"), (1e6, "млн"), (1e3, "тыс.")],
    "kk": [(1e12, "трлн"), (1e9, "млрд"), (1e6, "млн"), (1e3, "мың")],
    "en": [(1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")],
}
DECIMAL = {"ru": ",", "kk": ",", "en": "."}
GROUP = {"ru": "\u202f", "kk": "\u202f", "en": ","}      # narrow no-break space, or comma
WORDS = {
    "en": {"approx": "about", "min": "from", "max": "up to", "increase": "up", "decrease": "down",
           "open": "…", "recurring": "every", "relative": "relative", "direct": "direct", "indirect": "reported"},
    "ru": {"approx": "около", "min": "от", "max": "до", "increase": "рост", "decrease": "снижение",
           "open": "…", "recurring": "каждый", "relative": "относительно даты", "direct": "прямая",
           "indirect": "косвенная"},
    "kk": {"approx": "шамамен", "min": "бастап", "max": "дейін", "increase": "өсім", "decrease": "төмендеу",
           "open": "…", "recurring": "сайын", "relative": "күнге қатысты", "direct": "тура", "indirect": "төл емес"},
}


def locale_for(lang: str | None, locale: str | None = None) -> str:
    return locale if locale in SCALES else lang if lang in SCALES else "en"


def number(value: float | None, locale: str = "en", scale: bool = True) -> str:
    """1200000000.0 → '1,2 млрд' (ru, kk) / '1.2 bn' (en); 1500 → '1 500' / '1,500'; 4.1 → '4,1'."""
    if value is None:
        return ""
    if not math.isfinite(value):
        return str(value)
    sign = "−" if value < 0 else ""
    value = abs(value)
    word = ""
    if scale:
        for size, name in SCALES[locale]:
            if value >= size and value / size < 1000 or size == 1e12 and value >= size:
                if size > 1e3 or value % 1000 == 0 or value >= 1e5:   # 1 500 reads better than 1,5 тыс.
                    value, word = value / size, name
                break
    text = _plain(value, locale)
    return sign + text + (("\u00a0" + word) if word else "")


def _plain(value: float, locale: str) -> str:
    """Up to 3 significant decimals, no trailing zeros, integer part grouped by thousands."""
    if value == int(value):
        whole, frac = int(value), ""
    else:
        digits = max(0, 3 - len(str(int(value)))) if value >= 1 else 4
        text = f"{value:.{max(digits, 1)}f}".rstrip("0").rstrip(".")
        whole_text, _, frac = text.partition(".")
        whole = int(whole_text)
    grouped = f"{whole:,}".replace(",", GROUP[locale])
    return grouped + (DECIMAL[locale] + frac if frac else "")


def amount(d: dict[str, Any], locale: str = "en") -> str:
    """money, percent, quantity, number: '≈ 2 млрд USD', '80–82 KZT', 'до 5 млн t', '4,1 % ↑'."""
    words = WORDS[locale]
    unit = d.get("unit")
    lo, hi, value = d.get("min"), d.get("max"), d.get("value")
    if lo is not None and hi is not None:
        core = f"{number(lo, locale)}–{number(hi, locale)}"
    elif lo is not None:
        core = f"{words['min']} {number(lo, locale)}"
    elif hi is not None:
        core = f"{words['max']} {number(hi, locale)}"
    else:
        core = number(value, locale)
    if d.get("approx"):
        core = "≈\u00a0" + core
    if unit:
        core += ("\u00a0%" if unit == "%" else "\u00a0" + unit)
    if d.get("per"):
        core += "/" + d["per"]             # 80 USD/bbl, 15,2 c/ha
    change = d.get("change")
    if change in ("increase", "decrease"):
        core += f" ({'↑' if change == 'increase' else '↓'} {words[change]})"
    return core


def short(r: Record, locale: str = "en") -> str:
    """The record's normalized content in a few words (the label's value, the table's main column)."""
    d = r.to_dict()
    words = WORDS[locale]
    if r.kind in ("money", "percent", "quantity", "number", "ratio"):
        out = ("×" if r.kind == "ratio" else "") + amount(d, locale)
        return out + (f" · {d['noun']}" if d.get("noun") else "")
    if r.kind == "ordinal":
        return f"#{d['value']}"
    if r.kind == "period":
        if d.get("recurring"):
            return f"{words['recurring']} {d.get('grain') or ''}".strip()
        start, end = d.get("start_date"), d.get("end_date")
        if start is None and end is None:
            return d.get("grain") or "?"
        if start == end:
            return start
        return f"{start or words['open']} – {end or words['open']}"
    if r.kind == "duration":
        unit = d.get("unit") or ""
        if d.get("min") is not None or d.get("max") is not None:
            return amount({"min": d.get("min"), "max": d.get("max"), "unit": unit}, locale)
        return f"{number(d['value'], locale, scale=False)} {unit}" if d.get("value") is not None else f"? {unit}"
    if r.kind == "quote":
        return d.get("speaker") or "?"
    return ""


NUMBER_FIELDS = ("value", "min", "max", "from_value", "to_value", "base_value")


def details(r: Record, locale: str = "en") -> list[tuple[str, str]]:
    """(field, value) pairs worth showing, values formatted; links as record ids."""
    d = r.to_dict()
    skip = {"kind", "text", "start", "end", "sentence", "id", "speaker_start", "speaker_end"}
    out = []
    for key, value in d.items():
        if key in skip or value is None or value is False:
            continue
        if key in NUMBER_FIELDS and isinstance(value, (int, float)) and not isinstance(value, bool) \
                and r.kind != "ordinal":
            value = number(value, locale, scale=False)        # exact here; the short form scales
        elif value is True:
            value = "yes"
        out.append((key, str(value)))
    return out
