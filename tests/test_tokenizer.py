"""The Kazakh spaCy language and the number rules shared with Russian."""
import pytest
import spacy

from extractor.lang.tokenizers import tokenizer_for


def toks(text, lang="kk"):
    return [t.text for t in tokenizer_for(lang)(text)]


def test_spacy_blank_kk_is_registered():
    nlp = spacy.blank("kk")
    assert nlp.lang == "kk"
    assert [t.text for t in nlp("4,1%-ға артып")] == ["4,1", "%", "-ға", "артып"]


@pytest.mark.parametrize("text,expected", [
    ("4,1%-ға", ["4,1", "%", "-ға"]),
    ("1 500 000 теңге", ["1 500 000", "теңге"]),
    ("2024-жылы", ["2024", "-жылы"]),
    ("8-сыныпта", ["8", "-сыныпта"]),
    ("7:00-ден", ["7:00", "-ден"]),
    ("50-і", ["50", "-і"]),
    ("1-інші", ["1", "-інші"]),
    ("$3 млрд", ["$", "3", "млрд"]),
    ("3млрд", ["3", "млрд"]),
    ("70%-ын", ["70", "%", "-ын"]),
    ("АҚШ-тың", ["АҚШ", "-тың"]),
    ("т.б. деректер", ["т.б.", "деректер"]),
    ("2024 ж. қаңтар", ["2024", "ж.", "қаңтар"]),
    ("10-15%", ["10", "-", "15", "%"]),
    ("Қазақстан-Қырғызстан", ["Қазақстан-Қырғызстан"]),   # spaCy keeps letter-hyphen-letter
    ("1.500.000", ["1.500.000"]),
])
def test_kazakh_number_tokens(text, expected):
    assert toks(text) == expected


@pytest.mark.parametrize("sep", [" ", "\u00a0", "\u202f"])
def test_thousands_separators_after_normalization(sep):
    from extractor.normalize import normalize
    assert toks(normalize(f"1{sep}500{sep}000 теңге").text) == ["1 500 000", "теңге"]


@pytest.mark.parametrize("text,expected", [
    ("рост на 4,1%", ["рост", "на", "4,1", "%"]),
    ("7-й день", ["7", "-й", "день"]),
    ("1 500 000 рублей", ["1 500 000", "рублей"]),
    ("$27.5 млн", ["$", "27.5", "млн"]),
    ("15,4 тыс. долларов", ["15,4", "тыс.", "долларов"]),
])
def test_russian_number_tokens(text, expected):
    assert toks(text, "ru") == expected


def test_years_are_not_merged_as_thousands():
    assert toks("2023 2024 жылдары") == ["2023", "2024", "жылдары"]


def test_like_num_kazakh_words():
    nlp = spacy.blank("kk")
    doc = nlp("үш жарым миллион мыңға бесінші адам")
    assert [t.like_num for t in doc] == [True, True, True, True, True, False]
