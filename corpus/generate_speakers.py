"""Write corpus/*/speakers.jsonl: hand-written passages plus template passages.

A template passage introduces a person with an office and full name, then
quotes them by surname (with a case ending), by office or by pronoun, in one
of several frames (quote before or after the attribution, direct or indirect).
The expected speaker is the template's person, never the extractor's output.
Run again after editing: `python corpus/generate_speakers.py`.
"""
from corpus_files import write_corpus

KK_PEOPLE = [  # (office, full name, surname, surname in genitive)
    ("Қазақстан Республикасының Президенті", "Қасым-Жомарт Тоқаев", "Тоқаев", "Тоқаевтың"),
    ("Қаржы министрі", "Мәди Тәкиев", "Тәкиев", "Тәкиевтің"),
    ("Ұлттық банк төрағасы", "Тимур Сүлейменов", "Сүлейменов", "Сүлейменовтың"),
    ("Алматы қаласының әкімі", "Ерболат Досаев", "Досаев", "Досаевтың"),
    ("Энергетика министрі", "Алмасәдам Сәтқалиев", "Сәтқалиев", "Сәтқалиевтің"),
    ("Сенат төрағасы", "Мәулен Әшімбаев", "Әшімбаев", "Әшімбаевтың"),
]
KK_FRAMES = [  # (passage, quoted words, direct); {o} office, {n} full name, {s} surname, {g} genitive
    ("{o} {n} жиында сөз сөйледі. «Экспорт 12 пайызға өсті», – деді {s}.", "Экспорт 12 пайызға өсті", True),
    ("{o} {n} брифинг өткізді. «Биыл 3 млрд теңге бөлінеді», – деп атап өтті {s}.",
     "Биыл 3 млрд теңге бөлінеді", True),
    ("{o} {n} мәлімдеме жасады. {g} айтуынша, тапшылық 2 трлн теңгеге жетеді.",
     "тапшылық 2 трлн теңгеге жетеді", False),
    ("{o} {n}: «Жоба 2026 жылы аяқталады», – деді.", "Жоба 2026 жылы аяқталады", True),
    ("{o} {n} кездесуге қатысты. Ол: «Бізде 40 кәсіпорын бар», – деді.", "Бізде 40 кәсіпорын бар", True),
]
RU_PEOPLE = [  # (office, full name, surname, surname in genitive)
    ("министр финансов", "Антон Силуанов", "Силуанов", "Силуанова"),
    ("глава МИД", "Сергей Лавров", "Лавров", "Лаврова"),
    ("председатель ЦБ", "Эльвира Набиуллина", "Набиуллина", "Набиуллиной"),
    ("президент Казахстана", "Касым-Жомарт Токаев", "Токаев", "Токаева"),
    ("вице-премьер", "Александр Новак", "Новак", "Новака"),
    ("мэр Москвы", "Сергей Собянин", "Собянин", "Собянина"),
]
RU_FRAMES = [
    ("Выступил {o} {n}. «Экспорт вырос на 12%», — заявил {s}.", "Экспорт вырос на 12%", True),
    ("{O} {n} провёл брифинг. «В этом году выделят 3 млрд рублей», — отметил {s}.",
     "В этом году выделят 3 млрд рублей", True),
    ("На встрече выступил {o} {n}. По словам {g}, дефицит составит 2 трлн рублей.",
     "дефицит составит 2 трлн рублей", False),
    ("{O} {n}: «Проект завершится в 2026 году».", "Проект завершится в 2026 году", True),
    ("{O} {n} прокомментировал итоги. {s} заявил, что рост составит 3,5%.", "рост составит 3,5%", False),
]


def rows(people, frames, lang):
    out = []
    for office, name, surname, genitive in people:
        for passage, quoted, direct in frames:
            text = passage.format(o=office, O=office[:1].upper() + office[1:], n=name, s=surname, g=genitive)
            if lang == "ru" and ("Набиуллин" in name) and "прокомментировал" in text:
                text = text.replace("прокомментировал", "прокомментировала").replace("заявил,", "заявила,")
            if lang == "ru" and "Набиуллин" in name and "провёл" in text:
                text = text.replace("провёл", "провела")
            out.append({"text": text, "expect": [{"text": quoted, "speaker": name, "direct": direct}]})
    return out


if __name__ == "__main__":
    write_corpus("kk", "speakers", rows(KK_PEOPLE, KK_FRAMES, "kk"))
    write_corpus("ru", "speakers", rows(RU_PEOPLE, RU_FRAMES, "ru"))
