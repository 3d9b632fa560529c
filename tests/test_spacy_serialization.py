"""The spaCy component's docs survive nlp.pipe(n_process=2), DocBin(store_user_data=True) and
pickling, and take the article's date from as_tuples context."""
import pickle

import spacy
from spacy.tokens import DocBin

import extractor.spacy_component  # noqa: F401  (registers the factory)

KK = "Былтыр тауар айналымы 1,5 млрд долларға жетті."
RU = "В прошлом году экспорт вырос на 5%."


def _nlp(lang="kk"):
    nlp = spacy.blank(lang)
    nlp.add_pipe("sanaq")
    return nlp


def _check_kk(doc, year="2023"):
    spans = doc.spans["sanaq"]
    assert [(s.text, s.label_) for s in spans] == [("Былтыр", "period"), ("1,5 млрд долларға", "money")]
    money = spans[1]._.sanaq
    assert (money.value, money.unit, money.period_id) == (1.5e9, "USD", spans[0]._.sanaq.id)
    assert spans[0]._.sanaq.start_date == f"{year}-01-01"
    document = doc._.sanaq
    assert document.text == KK and [r.kind for r in document.records] == ["period", "money"]


def test_pipe_with_two_processes_and_dates_from_context():
    nlp = _nlp()
    texts = [(KK, {"date": "2024-11-22"}), (KK, {"date": "2020-03-01"})] * 3
    out = list(nlp.pipe(texts, as_tuples=True, n_process=2, batch_size=2))
    assert [context["date"] for _, context in out] == ["2024-11-22", "2020-03-01"] * 3
    for (doc, _), year in zip(out, ["2023", "2019"] * 3):
        _check_kk(doc, year)
        assert doc._.sanaq.date == ("2024-11-22" if year == "2023" else "2020-03-01")


def test_docbin_with_user_data_and_pickle():
    nlp = _nlp()
    doc = next(nlp.pipe([(KK, {"date": "2024-11-22"})], as_tuples=True))[0]
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    [back] = DocBin().from_bytes(data).get_docs(spacy.blank("kk").vocab)
    _check_kk(back)
    _check_kk(pickle.loads(pickle.dumps(doc)))


def test_russian_context_date():
    nlp = _nlp("ru")
    doc, _ = next(nlp.pipe([(RU, {"date": "2024-11-22"})], as_tuples=True))
    period = doc.spans["sanaq"][0]._.sanaq
    assert (period.kind, period.start_date, period.end_date) == ("period", "2023-01-01", "2023-12-31")
