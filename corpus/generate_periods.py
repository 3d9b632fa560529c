"""Write corpus/*/periods.jsonl: hand-written examples plus template combinations.

Each row states its document date; the expected dates come from the templates
(year × form, day × month, relative word × document date), never from the
extractor. Run again after editing: `python corpus/generate_periods.py`.
"""
import calendar
import datetime as dt
from corpus_files import write_corpus
DOC_DATES = ["2024-11-22", "2025-02-10", "2023-06-15"]


def year(y):
    return f"{y}-01-01", f"{y}-12-31"


def month(y, m):
    return f"{y}-{m:02d}-01", f"{y}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


def season(first_month, doc_date):
    """The season of the document's year; winter in January–February began the December before."""
    y = doc_date.year - (1 if first_month == 12 and doc_date.month <= 2 else 0)
    last_y, last_m = (y + 1, first_month - 10) if first_month > 10 else (y, first_month + 2)
    return f"{y}-{first_month:02d}-01", month(last_y, last_m)[1]


def tensed_day(m, d, doc_date, tense):
    """A day written without its year: a past event is not after the document date, a
    coming one not before it (the year the verb's tense implies)."""
    doc = dt.date.fromisoformat(doc_date)
    y = doc.year
    if tense == "past" and dt.date(y, m, d) > doc:
        y -= 1
    elif tense == "future" and dt.date(y, m, d) < doc:
        y += 1
    return (f"{y}-{m:02d}-{d:02d}",) * 2


def tensed_month(m, doc_date, tense):
    doc = dt.date.fromisoformat(doc_date)
    y = doc.year
    if tense == "past" and dt.date(y, m, 1) > doc:
        y -= 1
    elif tense == "future" and dt.date(y, m, calendar.monthrange(y, m)[1]) < doc:
        y += 1
    return month(y, m)


def weekday(wd, doc_date, tense):
    doc = dt.date.fromisoformat(doc_date)
    if tense == "future":
        day = doc + dt.timedelta(days=(wd - doc.weekday()) % 7 or 7)
    else:
        day = doc - dt.timedelta(days=(doc.weekday() - wd) % 7)
    return (day.isoformat(),) * 2


def period(text, span, grain, relative=False):
    return {"text": text, "kind": "period", "start_date": span[0], "end_date": span[1], "grain": grain,
            "relative": relative}


def duration(text, value, unit):
    return {"text": text, "kind": "duration", "value": value, "unit": unit}


def row(text, date, *expect):
    return {"text": text, "date": date, "expect": list(expect)}


KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
             "қазан", "қараша", "желтоқсан"]
KK_MONTHS_GEN = ["қаңтардың", "ақпанның", "наурыздың", "сәуірдің", "мамырдың", "маусымның", "шілденің",
                 "тамыздың", "қыркүйектің", "қазанның", "қарашаның", "желтоқсанның"]
KK_DAY_LOC = {1: "1-інде", 5: "5-інде", 22: "22-сінде", 9: "9-ында", 30: "30-ында"}
KK_MONTHS_LOC = ["қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда", "шілдеде", "тамызда",
                 "қыркүйекте", "қазанда", "қарашада", "желтоқсанда"]
KK_WEEKDAYS_LOC = ["Дүйсенбіде", "Сейсенбіде", "Сәрсенбіде", "Бейсенбіде", "Жұма күні", "Сенбіде", "Жексенбіде"]
RU_WEEKDAYS = [("В понедельник", "заявил", "заявит"), ("Во вторник", "рассказал", "расскажет"),
               ("В среду", "сообщил", "сообщит"), ("В четверг", "объявил", "объявит"),
               ("В пятницу", "заявил", "заявит"), ("В субботу", "рассказал", "расскажет"),
               ("В воскресенье", "сообщил", "сообщит")]
KK_ORD = ["бірінші", "екінші", "үшінші", "төртінші"]
RU_MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                 "октября", "ноября", "декабря"]
RU_MONTHS_PREP = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
                  "октябре", "ноябре", "декабре"]
RU_ORD_PREP = ["первом", "втором", "третьем", "четвёртом"]
ROMAN = ["I", "II", "III", "IV"]


def kazakh():
    rows = []
    for y in (1991, 2019, 2024, 2030):
        rows.append(row(f"Зауыт {y} жылы іске қосылды.", "2024-11-22", period(f"{y} жылы", year(y), "year")))
        rows.append(row(f"Жоба {y}-жылы басталды.", "2024-11-22", period(f"{y}-жылы", year(y), "year")))
        rows.append(row(f"Көрсеткішті {y} жылға дейін екі есе арттыру көзделген.", "2024-11-22",
                        period(f"{y} жылға дейін", (None, f"{y}-12-31"), "year")))
        rows.append(row(f"{y} жылдан бастап бағдарлама жұмыс істейді.", "2024-11-22",
                        period(f"{y} жылдан бастап", (f"{y}-01-01", None), "year")))
        rows.append(row(f"Ол {y} жылдан бері осы салада.", "2024-11-22",
                        period(f"{y} жылдан бері", (f"{y}-01-01", "2024-11-22"), "year", True)))
    for m in range(1, 13):
        for d in (1, 22):
            rows.append(row(f"Жиын {d} {KK_MONTHS[m - 1]} 2024 жылы өтті.", "2024-11-22",
                            period(f"{d} {KK_MONTHS[m - 1]} 2024 жылы", (f"2024-{m:02d}-{d:02d}",) * 2, "day")))
        d = (5, 9, 30)[m % 3] if m != 2 else 9
        rows.append(row(f"Келісім {KK_MONTHS_GEN[m - 1]} {KK_DAY_LOC[d]} жасалды.", "2023-06-15",
                        period(f"{KK_MONTHS_GEN[m - 1]} {KK_DAY_LOC[d]}", tensed_day(m, d, "2023-06-15", "past"),
                               "day", True)))
        # tense: the same day with a past and a future verb
        rows.append(row(f"Көрме {d} {KK_MONTHS_LOC[m - 1]} ашылды.", "2023-06-15",
                        period(f"{d} {KK_MONTHS_LOC[m - 1]}", tensed_day(m, d, "2023-06-15", "past"), "day", True)))
        rows.append(row(f"Көрме {d} {KK_MONTHS_LOC[m - 1]} ашылады.", "2023-06-15",
                        period(f"{d} {KK_MONTHS_LOC[m - 1]}", tensed_day(m, d, "2023-06-15", "future"), "day",
                               True)))
    for n in (3, 6, 8, 9, 11):
        rows.append(row(f"2024 жылдың {n} айында өндіріс өсті.", "2024-11-22",
                        period(f"2024 жылдың {n} айында", ("2024-01-01", month(2024, n)[1]), "month")))
    for q in range(1, 5):
        rows.append(row(f"2023 жылдың {KK_ORD[q - 1]} тоқсанында табыс артты.", "2024-11-22",
                        period(f"2023 жылдың {KK_ORD[q - 1]} тоқсанында", (month(2023, 3 * q - 2)[0],
                                                                            month(2023, 3 * q)[1]), "quarter")))
    for date in DOC_DATES:
        d = dt.date.fromisoformat(date)
        rows.append(row("Биыл экспорт артты.", date, period("Биыл", year(d.year), "year", True)))
        rows.append(row("Тауар айналымы былтыр өсті.", date, period("былтыр", year(d.year - 1), "year", True)))
        rows.append(row("Өткен жылы жол салынды.", date, period("Өткен жылы", year(d.year - 1), "year", True)))
        rows.append(row("Келесі жылы мектеп ашылады.", date, period("Келесі жылы", year(d.year + 1), "year", True)))
        rows.append(row("Кеше жиын өтті.", date,
                        period("Кеше", ((d - dt.timedelta(days=1)).isoformat(),) * 2, "day", True)))
        rows.append(row("Бүгін ауа райы жылы.", date, period("Бүгін", (date, date), "day", True)))
        rows.append(row("Осы айда баға өсті.", date, period("Осы айда", month(d.year, d.month), "month", True)))
        for wd, day in enumerate(KK_WEEKDAYS_LOC):
            rows.append(row(f"{day} жиын өтті.", date, period(day, weekday(wd, date, "past"), "day", True)))
            rows.append(row(f"{day} жиын өтеді.", date, period(day, weekday(wd, date, "future"), "day", True)))
        for word, first in (("Жазда", 6), ("Күзде", 9), ("Қыста", 12), ("Көктемде", 3)):
            rows.append(row(f"{word} жөндеу жүрді.", date, period(word, season(first, d), "season", True)))
    for n, unit, word in ((14, "day", "күн"), (5, "year", "жыл"), (3, "month", "ай"), (72, "hour", "сағат"),
                          (2, "week", "апта")):
        rows.append(row(f"Жұмыс {n} {word} бойы жүрді.", "2024-11-22", duration(f"{n} {word} бойы", n, unit)))
        rows.append(row(f"Оған {n} {word} қажет.", "2024-11-22", duration(f"{n} {word}", n, unit)))
    return rows


def russian():
    rows = []
    for y in (1991, 2009, 2024, 2030):
        rows.append(row(f"Завод открылся в {y} году.", "2024-11-22", period(f"в {y} году", year(y), "year")))
        rows.append(row(f"Программа действует с {y} года.", "2024-11-22",
                        period(f"с {y} года", (f"{y}-01-01", None), "year")))
        rows.append(row(f"Показатель планируют удвоить до {y} года.", "2024-11-22",
                        period(f"до {y} года", (None, f"{y}-12-31"), "year")))
        rows.append(row(f"Итоги {y} года подвели в марте.", "2025-02-10",
                        period(f"{y} года", year(y), "year"),
                        period("в марте", tensed_month(3, "2025-02-10", "past"), "month", True)))
        rows.append(row(f"Итоги {y} года подведут в марте.", "2025-02-10",
                        period(f"{y} года", year(y), "year"),
                        period("в марте", tensed_month(3, "2025-02-10", "future"), "month", True)))
    for m in range(1, 13):
        for d in (1, 22):
            rows.append(row(f"Встреча прошла {d} {RU_MONTHS_GEN[m - 1]} 2024 года.", "2024-11-22",
                            period(f"{d} {RU_MONTHS_GEN[m - 1]} 2024 года", (f"2024-{m:02d}-{d:02d}",) * 2, "day")))
        rows.append(row(f"Решение приняли в {RU_MONTHS_PREP[m - 1]} 2019 года.", "2024-11-22",
                        period(f"в {RU_MONTHS_PREP[m - 1]} 2019 года", month(2019, m), "month")))
        rows.append(row(f"Выставка открылась {m + 10} {RU_MONTHS_GEN[m - 1]}.", "2023-06-15",
                        period(f"{m + 10} {RU_MONTHS_GEN[m - 1]}", tensed_day(m, m + 10, "2023-06-15", "past"),
                               "day", True)))
        rows.append(row(f"Выставка откроется {m + 10} {RU_MONTHS_GEN[m - 1]}.", "2023-06-15",
                        period(f"{m + 10} {RU_MONTHS_GEN[m - 1]}", tensed_day(m, m + 10, "2023-06-15", "future"),
                               "day", True)))
        rows.append(row(f"Договор подписан {m + 10} {RU_MONTHS_GEN[m - 1]}.", "2023-06-15",
                        period(f"{m + 10} {RU_MONTHS_GEN[m - 1]}", (f"2023-{m:02d}-{m + 10:02d}",) * 2, "day", True)))
    for n in (3, 6, 8, 9, 11):
        rows.append(row(f"За {n} месяцев 2024 года выпуск вырос.", "2024-11-22",
                        period(f"За {n} месяцев 2024 года", ("2024-01-01", month(2024, n)[1]), "month")))
    for q in range(1, 5):
        rows.append(row(f"В {ROMAN[q - 1]} квартале 2023 года выручка выросла.", "2024-11-22",
                        period(f"В {ROMAN[q - 1]} квартале 2023 года",
                               (month(2023, 3 * q - 2)[0], month(2023, 3 * q)[1]), "quarter")))
    for date in DOC_DATES:
        d = dt.date.fromisoformat(date)
        rows.append(row("В этом году экспорт вырос.", date, period("В этом году", year(d.year), "year", True)))
        rows.append(row("Товарооборот в прошлом году вырос.", date,
                        period("в прошлом году", year(d.year - 1), "year", True)))
        rows.append(row("В следующем году откроют школу.", date,
                        period("В следующем году", year(d.year + 1), "year", True)))
        rows.append(row("Вчера прошло заседание.", date,
                        period("Вчера", ((d - dt.timedelta(days=1)).isoformat(),) * 2, "day", True)))
        rows.append(row("Сегодня тепло.", date, period("Сегодня", (date, date), "day", True)))
        rows.append(row("В этом месяце цены выросли.", date,
                        period("В этом месяце", month(d.year, d.month), "month", True)))
        for word, first in (("Летом", 6), ("Осенью", 9), ("Зимой", 12), ("Весной", 3)):
            rows.append(row(f"{word} шёл ремонт.", date, period(word, season(first, d), "season", True)))
        for wd, (acc, verb_past, verb_future) in enumerate(RU_WEEKDAYS):
            rows.append(row(f"{acc} министр {verb_past} об этом.", date,
                            period(acc, weekday(wd, date, "past"), "day", True)))
            rows.append(row(f"{acc} министр {verb_future} об этом.", date,
                            period(acc, weekday(wd, date, "future"), "day", True)))
        monday = d - dt.timedelta(days=d.weekday() + 7)
        rows.append(row("На прошлой неделе прошли переговоры.", date,
                        period("На прошлой неделе", (monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()),
                               "week", True)))
    for n, unit, word in (("три", "month", "месяца"), ("14", "day", "дней"), ("пять", "year", "лет"),
                          ("72", "hour", "часа"), ("две", "week", "недели")):
        value = {"три": 3, "пять": 5, "две": 2}.get(n) or int(n)
        rows.append(row(f"Работы продлятся {n} {word}.", "2024-11-22", duration(f"{n} {word}", value, unit)))
        n_gen = {"три": "трёх", "пять": "пяти", "две": "двух"}.get(n, n)
        rows.append(row(f"В течение {n_gen} {_gen(word)} шли работы.", "2024-11-22",
                        duration(f"В течение {n_gen} {_gen(word)}", value, unit)))
    return rows


def _gen(word):
    return {"месяца": "месяцев", "лет": "лет", "часа": "часов", "недели": "недель", "дней": "дней"}[word]


if __name__ == "__main__":
    write_corpus("kk", "periods", kazakh())
    write_corpus("ru", "periods", russian())
