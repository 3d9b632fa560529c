"""Kazakh endings that tell a source phrase's words apart: case, possessive, plural, agent
nouns, participles and verbal nouns. Shared by the source finder and the phrase rules."""
from __future__ import annotations

import regex

VOWELS = set("аәеиоөұүыіуэюя")
FRONT = set("әеөүіиэ")
UNVOICED = set("кқпстфхцчшщ")
GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
# endings of a word that is not the subject: locative, dative, ablative, instrumental, accusative
# (not the accusative: its -ды/-ді/-н are also the endings of adjectives and names: белсенді, Әділхан)
OBLIQUE = regex.compile(r"(?:да|де|та|те|нда|нде|ға|ге|қа|ке|на|не|нан|нен|дан|ден|тан|тен|мен|бен|пен"
                        r"|ына|іне|сына|сіне|ында|інде|сында|сінде)$")
VENUE = regex.compile(r"(?:ында|інде|сында|сінде)$")   # отырысында, жиынында: where, not who
POSSESSIVE = regex.compile(r"(?:ы|і|сы|сі)(?:ның|нің)?$")   # the head of бюросы, әкімі, мамандарының
PARTICIPLE = regex.compile(r"(?:ған|ген|қан|кен)$")    # Андрей Бабиш бастаған Чехия Үкіметі: "led by"
PLURAL = regex.compile(r"(?:лар|лер|дар|дер|тар|тер)(?:ы|і|ың|ің|ымыз|іміз|ының|інің|ыңыз|іңіз)?(?:дың|дің|тың|тің|ның|нің)?$")
AGENT = regex.compile(r"(?:шы|ші|гер|кер|ші|дағы|дегі|тағы|тегі)(?:лар|лер|дар|дер|тар|тер)"
                      r"(?:ы|і)?(?:ның|нің|дың|дің)?$")       # сарапшылар, министрліктегілер
# a clause that is the object of `атап өтті` "noted" (екенін, өскенін, болатынын, маңыздылығын),
# against a noun object (мерекені, мерейтойын: "celebrated")
NOMINALIZED = regex.compile(r"(?:ғанын|генін|қанын|кенін|атынын|етінін|йтынын|йтінін|екенін|лығын|лігін"
                            r"|дығын|дігін|тығын|тігін)$")
