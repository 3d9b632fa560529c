"""The HTML view of documents: `sanaq show`, and what notebooks display.

    render_html(doc)        a whole page
    render_fragment(doc)    one <div> with scoped styles (what `Document._repr_html_` returns)
    view(x)                 something a notebook displays: a Document, a list of them, or a
                            frame of records (`extractor.to_frame`)
"""
from __future__ import annotations

from .notebook import view
from .render import render_fragment, render_html
from .styles import COLOURS
from .values import number

__all__ = ["COLOURS", "number", "render_fragment", "render_html", "view"]
