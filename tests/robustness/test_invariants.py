"""Property tests (hypothesis) over random text and mutated real sentences: never an
exception, offsets exact, records sorted and non-overlapping within a kind, valid JSON
against the schema, deterministic."""
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extractor

from ..corpus import cases
from .conftest import check_invariants

REAL = [p.values[0]["text"] for lang in ("kk", "ru") for name in ("quantities", "periods", "speakers")
        for p in cases(lang, name)]
# Characters that matter to the rules: digits and marks, quotes, dashes, spaces of every kind,
# Cyrillic and Kazakh letters, Latin look-alikes, invisible characters, HTML.
ALPHABET = st.sampled_from(list("0123456789.,'% -–—«»\"„“”:;()!?\n\t\u00a0\u202f\u00ad\u200bаеоиқғүұәіөңһ"
                                "АБКМТЫЖбмлрдтнсяьъ$€₸₽aopceMBTH<>&#/"))
TOKENS = st.sampled_from(["млрд", "млн", "мың", "тыс.", "долларға", "рублей", "теңге", "пайыз", "%-ға",
                          "жылы", "году", "былтыр", "вчера", "деді", "заявил", "Тоқаев", "«", "»", " – ", "&nbsp;",
                          "<p>", "жарым", "полтора", "бүтін", "оннан", "үш", "семь", "2024", "8", "айында"])
TEXT = st.lists(st.one_of(st.text(ALPHABET, max_size=12), TOKENS), max_size=40).map(" ".join)


def mutate(draw_text, ops):
    text = draw_text
    for op, pos, piece in ops:
        pos = pos % (len(text) + 1)
        if op == 0:
            text = text[:pos] + piece + text[pos:]
        elif op == 1:
            text = text[:pos] + text[pos + len(piece):]
        else:
            text = text[:pos] + piece * 3 + text[pos:]
    return text


MUTATED = st.builds(mutate, st.sampled_from(REAL),
                    st.lists(st.tuples(st.integers(0, 2), st.integers(0, 10_000), st.one_of(TOKENS, st.text(ALPHABET, max_size=4))),
                             max_size=6))

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text=TEXT, lang=st.sampled_from(["kk", "ru", None]), date=st.sampled_from([None, "2024-11-22", "2000-02-29"]))
def test_random_text(text, lang, date, validator):
    doc = extractor.extract(text, lang=lang, date=date)
    check_invariants(text, doc, validator)


@SETTINGS
@given(text=MUTATED, lang=st.sampled_from(["kk", "ru"]))
def test_mutated_real_sentences(text, lang, validator):
    doc = extractor.extract(text, lang=lang, date="2024-11-22")
    check_invariants(text, doc, validator)
    again = extractor.extract(text, lang=lang, date="2024-11-22")
    assert json.dumps(doc.to_dict()) == json.dumps(again.to_dict())       # deterministic
