"""Asking for some kinds only: `extract(text, kinds=...)`, `--kinds` on the CLI.

The records asked for must be exactly those of a full run (links to kinds that were
not asked for are left out), and the rules of other kinds must not run at all.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import extractor
from extractor.pipeline import Extractor, parse_kinds

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "extractor" / "samples" / "kk-trade-kz-kg.txt"
SUBSETS = [{"money"}, {"money", "percent"}, {"quantity", "number"}, {"ordinal"}, {"period"},
           {"duration"}, {"quote"}, {"money", "period"}, {"percent", "quote"}]
LINKS = {"period_id": "period", "quote_id": "quote", "speaker": "quote"}


def comparable(doc, kinds):
    """Records as dicts without ids; a link becomes its target's span, or goes when its kind was not asked."""
    by_id = {r.id: r for r in doc.records}
    out = []
    for r in doc.records:
        if r.kind not in kinds:
            continue
        d = r.to_dict()
        d.pop("id")
        for field, target_kind in LINKS.items():
            if field in d and target_kind not in kinds:
                del d[field]
        for field in ("period_id", "quote_id"):
            if field in d:
                d[field] = (by_id[d[field]].start, by_id[d[field]].end)
        out.append(d)
    return out


def corpus_texts(lang, every=3):
    rows = []
    for path in sorted((ROOT / "corpus" / lang).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows.append((row["text"], row.get("date")))
    return rows[::every]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_corpus_kinds_equal_the_full_run_filtered(lang):
    ex = Extractor()
    cases = corpus_texts(lang)
    assert len(cases) > 100
    for text, date in cases:
        full = ex.extract(text, lang=lang, date=date)
        for kinds in SUBSETS:
            part = ex.extract(text, lang=lang, date=date, kinds=kinds)
            assert {r.kind for r in part.records} <= kinds
            assert comparable(part, kinds) == comparable(full, kinds), (text, kinds)


def test_sample_article_by_kind():
    text = SAMPLE.read_text(encoding="utf-8")
    full = extractor.extract(text, date="2024-11-22")
    for kinds in SUBSETS:
        part = extractor.extract(text, date="2024-11-22", kinds=kinds)
        assert comparable(part, kinds) == comparable(full, kinds)
        assert [r.id for r in part.records] == [f"r{i}" for i in range(1, len(part.records) + 1)]
        assert part.author == full.author
    money = extractor.extract(text, date="2024-11-22", kinds="money")
    first = money.records[0]
    assert (first.text, first.value, first.unit) == ("шамамен 2 млрд долларға", 2e9, "USD")
    assert first.period_id is None and first.speaker is None           # their kinds were not asked
    with_links = extractor.extract(text, date="2024-11-22", kinds={"money", "quote"})
    assert with_links.records_of("money")[0].speaker == "Қасым-Жомарт Тоқаев"


def test_rules_of_other_kinds_do_not_run(monkeypatch):
    ex = Extractor()
    rules = ex.rules("ru")
    text = "«Экспорт вырос на 5% в 2023 году», — заявил министр Иванов. Это третий рост подряд."

    def forbidden(*args, **kwargs):
        raise AssertionError("rules of a kind not asked for ran")

    with monkeypatch.context() as m:
        m.setattr(rules.speakers, "find", forbidden)
        m.setattr(rules.quantities, "find", forbidden)
        doc = ex.extract(text, lang="ru", date="2024-05-05", kinds={"period", "ordinal"})
    assert [(r.kind, r.text) for r in doc.records] == [("period", "в 2023 году"), ("ordinal", "третий")]
    with monkeypatch.context() as m:
        m.setattr(rules.prefilter, "windows_in", forbidden)     # no tokenizing at all for quotes
        m.setattr(rules.periods, "find", forbidden)
        doc = ex.extract(text, lang="ru", kinds="quote")
    assert [(r.kind, r.speaker_text, r.speaker_title) for r in doc.records] == [("quote", "Иванов", "министр")]
    with monkeypatch.context() as m:
        m.setattr(rules.speakers, "find", forbidden)
        doc = ex.extract(text, lang="ru", kinds="percent")
    assert [(r.kind, r.value, r.unit) for r in doc.records] == [("percent", 5.0, "%")]


@pytest.mark.parametrize("bad,error", [("money,euros", ValueError), ("", ValueError), ([], ValueError),
                                       ({"money", 3}, TypeError)])
def test_unknown_kinds_refused(bad, error):
    with pytest.raises(error):
        parse_kinds(bad)


def test_kinds_parsed_from_text():
    assert parse_kinds(" money, percent ") == {"money", "percent"}
    assert parse_kinds(None) == set(extractor.records.KINDS)


def test_extract_many_passes_kinds():
    docs = list(extractor.extract_many(["Экспорт вырос на 5% в 2023 году."], kinds={"period"}))
    assert [r.kind for r in docs[0].records] == ["period"]


def run_cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "extractor", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT)


def test_cli_extract_kinds():
    out = run_cli("extract", str(SAMPLE), "--date", "2024-11-22", "--kinds", "money,percent")
    assert out.returncode == 0, out.stderr
    kinds = {r["kind"] for r in json.loads(out.stdout)["records"]}
    assert kinds == {"money", "percent"}
    bad = run_cli("extract", str(SAMPLE), "--kinds", "money,dollars")
    assert bad.returncode == 2 and "dollars" in bad.stderr and "Traceback" not in bad.stderr


def test_cli_batch_kinds(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Экспорт вырос на 5% в 2023 году.", "date": "2024-05-05"},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = run_cli("batch", str(src), "--out", str(out), "--workers", "1", "--quiet", "--kinds", "period")
    assert res.returncode == 0, res.stderr
    doc = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert [(r["kind"], r["start_date"]) for r in doc["records"]] == [("period", "2023-01-01")]


def test_spacy_component_kinds():
    import spacy
    nlp = spacy.blank("ru")
    nlp.add_pipe("sanaq", config={"date": "2024-05-05", "kinds": ["percent"]})
    doc = nlp("Экспорт вырос на 5% в 2023 году.")
    assert [(s.label_, s.text) for s in doc.spans["sanaq"]] == [("percent", "5%")]
    with pytest.raises(ValueError, match="euros"):
        spacy.blank("ru").add_pipe("sanaq", config={"kinds": ["euros"]})
