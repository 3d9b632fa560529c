"""The view's colours and CSS. Every rule is scoped to the view's root (`.sanaq-view`), so a
view placed in a notebook or another page restyles nothing around it."""
from __future__ import annotations

# light backgrounds, all readable with black text; the quote also gets a strong underline,
# since it is long and holds other records
COLOURS = {"money": "#ffd54f", "percent": "#aed581", "quantity": "#4fc3f7", "number": "#e0e0e0", "ratio": "#80cbc4",
           "ordinal": "#bcaaa4", "period": "#ce93d8", "duration": "#f48fb1", "quote": "#ffcc80"}
QUOTE_LINE = "#e65100"
SPEAKER_LINE = "#6a1b9a"

_RULES = """
{r} { font: 15px/1.7 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a; background: #fff;
      text-align: left; max-width: 62rem; }
{r} h2 { font-size: 1.15em; margin: 0 0 0.2em; }
{r} .meta { color: #555; margin: 0 0 0.6em; font-size: 0.9em; }
{r} .legend { display: flex; flex-wrap: wrap; gap: 0.3em 0.9em; list-style: none; padding: 0; margin: 0 0 0.8em;
              font-size: 0.85em; }
{r} .legend li { display: inline-flex; align-items: center; gap: 0.35em; margin: 0; }
{r} .chip { display: inline-block; width: 1.1em; height: 1.1em; border-radius: 3px; border: 1px solid #0003; }
{r} .text { white-space: pre-wrap; margin: 0 0 1.2em; }
{r} .seg { border-radius: 3px; padding: 1px 0; }
{r} .in-quote { border-bottom: 2px solid {quote_line}; }
{r} .speaker { font-weight: 600; border-bottom: 2px dotted {speaker_line}; }
{r} .chip.speaker-chip { background: #fff; border: 2px dotted {speaker_line}; }
{r} .chip.quote-chip { border-bottom: 3px solid {quote_line}; }
{r} .mark { position: relative; }
{r} a.label { font-size: 0.68em; font-weight: 600; vertical-align: super; margin: 0 2px; color: #333;
              text-decoration: none; border-radius: 3px; padding: 0 2px; }
{r} a.label:hover, {r} a.label:focus { text-decoration: underline; outline: 2px solid #1565c0; outline-offset: 1px; }
{r} .tip { display: none; position: absolute; left: 0; top: 1.4em; z-index: 10; min-width: 14em; max-width: 28em;
           background: #263238; color: #fff; font-size: 0.8em; line-height: 1.45; padding: 0.4em 0.6em;
           border-radius: 4px; white-space: normal; font-weight: normal; box-shadow: 0 2px 6px #0004; }
{r} .mark:hover .tip, {r} a.label:focus + .tip { display: block; }
{r} table { border-collapse: collapse; font-size: 0.88em; width: 100%; }
{r} td, {r} th { border: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: top; }
{r} th { background: #f5f5f5; }
{r} td.value, {r} td.kind { white-space: nowrap; }
{r} tr:target { background: #fff9c4; outline: 2px solid #1565c0; }
{r} .note { color: #555; font-style: italic; }
{r} .hit { outline: 2px solid #1565c0; box-shadow: 0 0 0 4px #90caf9; }
"""


def stylesheet(root: str) -> str:
    """The CSS for a view whose root element matches `root` (an id selector)."""
    css = _RULES.replace("{r}", root).replace("{quote_line}", QUOTE_LINE).replace("{speaker_line}", SPEAKER_LINE)
    return css + "".join(f"{root} .k-{k} {{ background: {c}; }}\n" for k, c in COLOURS.items())


def target_rules(root: str, prefix: str, ids: list[str]) -> str:
    """A record whose label is the link target, focused or hovered lights up wherever it stands
    (all its pieces), by CSS alone: notebooks may not run scripts."""
    out = []
    for rid in ids:
        anchor = f"#{prefix}-{rid}"
        out.append(f"{root}:has({anchor}:target, {anchor}:focus, {anchor}:hover) [data-ids~=\"{rid}\"], "
                   f"{root}:has({anchor}:target, {anchor}:focus, {anchor}:hover) [data-speaker-of=\"{rid}\"]"
                   " { outline: 2px solid #1565c0; box-shadow: 0 0 0 3px #90caf9; }\n")
    return "".join(out)
