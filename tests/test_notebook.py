"""Notebook display: a Document (a list of them, a frame of records) shows itself as HTML
with styles scoped to its own root, and examples/notebook.ipynb runs top to bottom."""
import os
import re
from pathlib import Path

import pytest

import extractor
from extractor.records import Document
from extractor.show import render_fragment, render_html, view

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = (ROOT / "extractor" / "samples" / "kk-trade-kz-kg.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def doc():
    return extractor.extract(SAMPLE, date="2024-11-22")


def selectors(fragment: str) -> list[str]:
    css = "".join(re.findall(r"<style>(.*?)</style>", fragment, flags=re.S))
    return [s.strip() for block in re.findall(r"([^{}]+)\{[^{}]*\}", css) for s in block.split(",")]


def test_document_displays_through_ipython(doc):
    from IPython.core.formatters import DisplayFormatter

    data, _ = DisplayFormatter().format(doc)
    html = data["text/html"]
    assert html.startswith('<div class="sanaq-view" id="sanaq-')
    assert "<html" not in html and "<body" not in html
    for r in doc.records:
        assert f'data-for="{r.id}"' in html and f'data-record="{r.id}"' in html
    assert "≈\u00a02\u00a0млрд\u00a0USD" in html


def test_styles_are_scoped_to_the_root(doc):
    fragment = render_fragment(doc, prefix="sanaq-test")
    found = selectors(fragment)
    assert len(found) > 20
    assert all(s.startswith("#sanaq-test") for s in found), [s for s in found if not s.startswith("#sanaq-test")]
    ids = re.findall(r'\bid="([^"]+)"', fragment)
    assert len(ids) == len(set(ids)) and all(i.startswith("sanaq-test") for i in ids)
    page = render_html(doc)           # the page of `sanaq show`: the same renderer inside
    assert '<div class="sanaq-view" id="sanaq"' in page


def test_two_views_do_not_share_ids(doc):
    a, b = doc._repr_html_(), doc._repr_html_()
    assert re.search(r'id="(sanaq-\w+)"', a).group(1) != re.search(r'id="(sanaq-\w+)"', b).group(1)


def test_from_dict_keeps_the_text_when_asked(doc):
    saved = doc.to_dict(with_text=True)
    assert saved["text"] == SAMPLE
    back = Document.from_dict(saved)
    assert back.text == SAMPLE and back.to_dict() == doc.to_dict()
    assert 'class="seg' in back._repr_html_()
    plain = Document.from_dict(doc.to_dict())
    assert plain.text == "" and "from_dict(d, text=article)" in plain._repr_html_()
    assert Document.from_dict(doc.to_dict(), text=SAMPLE)._repr_html_().count('class="seg') \
        == doc._repr_html_().count('class="seg')
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(saved, extractor.json_schema())


def test_view_of_a_list_and_of_a_frame(doc):
    other = extractor.extract("Экспорт вырос на 5% в 2023 году, до 1,2 млрд долларов.", doc_id="ru-1")
    html = view([doc, other])._repr_html_()
    assert html.count('<div class="sanaq-view"') == 2
    assert "1,2\u00a0млрд\u00a0USD" in html
    pytest.importorskip("pandas")
    frame = extractor.to_frame([doc, other])
    table = view(frame)._repr_html_()
    assert table.count("<tr>") == len(frame) + 1
    assert "ru-1" in table and "1,2\u00a0млрд\u00a0USD" in table and "nan" not in table
    with pytest.raises(TypeError):
        view([1, 2])


def test_example_notebook_runs(monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    monkeypatch.setenv("PYTHONPATH", str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    nb = nbformat.read(ROOT / "examples" / "notebook.ipynb", as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT / "examples")}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    htmls = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    views = [h for h in htmls if 'class="sanaq-view"' in h]
    assert len(views) >= 4                      # the document, the list, the frame, the one read back
    assert 'data-for="r1"' in views[0] and "шамамен 2 млрд долларға" in views[0]
    assert 'class="seg' in views[-1]            # read back from JSON with its text: highlighted again
    kinds_cell = next(c for c in nb.cells if "kinds=" in c.source)
    listed = kinds_cell.outputs[0]["data"]["text/plain"]
    assert "('money', 'шамамен 2 млрд долларға', 2000000000.0, 'USD')" in listed and "period" not in listed
