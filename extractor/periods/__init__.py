"""Periods, dates and durations in a tokenized sentence, resolved against the document date.

A time expression is read in two steps. First its *core*: a year
(`2024 жылы`, `екі мың он жетінші жылы`, `в 2018 году`), a day and month
(`22 қараша`, `қарашаның 22-сі`, `14 августа 1945 года`, `22.11.2024`), a month,
a weekday, a part of a year (`2024 жылдың 8 айында`, `бірінші тоқсанда`,
`I квартал`), a relative word (`биыл`, `былтыр`, `вчера`), a shifted unit
(`өткен жылы`, `в прошлом году`) or a duration (`14 күн`, `три месяца`).
Then the words around it that shape its meaning and belong to its span: ranges
(`2020-2024 жылдары`, `с 2009 по 2013 год`), bounds (`2030 жылға дейін`,
`с 2020 года`, `жыл басынан бері`) and `назад` / `бұрын` / `кейін`.

Cores become a `Spec` (what the text says); `resolve` turns a Spec into
inclusive ISO dates with the document date. Full dates with a month name go
through dateparser first (it knows every month form in both languages);
the project's own components are the fallback for Kazakh inflected forms
(`қарашаның 22-сінде`) that dateparser does not read. dateparser never sees a
bare number. All words are in patterns/<lang>/periods.yaml.

Modules: `spec` (what an expression says), `reading` (the lexicons and which rule a
word can begin), `numbers`, `calendar_words`, `relative_words` (the cores: one rule per
kind of expression), `compose` (a whole expression: pieces, ranges,
bounds, lists), `dates` (a Spec on the calendar), `tense` (the year a verb's tense
implies), `compare` (comparison bases), `clock` (times of day), `dateline` (the
article's own date). docs/periods.md describes the records.
"""
from .compose import PeriodRules, period_rules
from .dates import resolve
from .spec import Duration, PeriodMatch, Spec

__all__ = ["PeriodRules", "period_rules", "resolve", "Spec", "Duration", "PeriodMatch"]
