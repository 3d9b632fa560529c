"""One article → its outcome, in whichever process runs it; never raises."""
from __future__ import annotations

import gc
import signal
import threading

import orjson

from .items import Item, Options, Result

LANG_NAMES = {"kk": "kk", "kaz": "kk", "kz": "kk", "ru": "ru", "rus": "ru"}

_options = Options()
_output = "jsonl"


class ArticleTimeout(Exception):
    pass


def configure(options: Options, output: str) -> None:
    """What `process` does in this process: the options and the output kind (jsonl or parquet)."""
    global _options, _output
    _options, _output = options, output


def tune_gc() -> None:
    """Collect cycles less often: extraction makes millions of short-lived tokens and records
    and almost no cycles, and the default threshold (700) spent 5–10 % of a batch in the GC."""
    gc.set_threshold(50_000, 20, 100)


def init_worker(options: Options, output: str) -> None:
    configure(options, output)
    tune_gc()
    signal.signal(signal.SIGINT, signal.SIG_IGN)       # the parent handles Ctrl-C
    warm_up()


def warm_up() -> None:
    """Build the pipeline and both languages' rules now, not under an article's time limit."""
    from ..pipeline import default_extractor
    extractor = default_extractor()
    for lang in ("kk", "ru"):
        extractor.rules(lang)


def _on_alarm(signum, frame):
    raise ArticleTimeout


def _language(item: Item) -> tuple[str | None, str | None]:
    """(lang to extract with, None) or (None, why the article is skipped)."""
    if _options.lang:
        return _options.lang, None
    given = item.data.get("lang")
    if given:
        lang = LANG_NAMES.get(str(given).strip().lower())
        if lang is None:
            return None, f"language {given!r} (its lang field) is neither Kazakh nor Russian; skipped (--lang forces one)"
        return lang, None
    from ..langdetect import detect_language, is_kazakh_or_russian
    if not is_kazakh_or_russian(item.data["text"]):
        return None, "written neither in Kazakh nor in Russian (too little Cyrillic); skipped (--lang forces one)"
    return detect_language(item.data["text"]), None      # what extract() would detect, told once


def process(item: Item) -> Result:
    """The outcome of one item: its document (JSON bytes or table rows) or an error."""
    result = Result(item.position, item.id, warnings=list(item.warnings), source=item.source, keep=item.keep)
    if item.error is not None:
        result.error = item.error
        return result
    text = item.data["text"]
    result.size = len(text.encode("utf-8", "surrogatepass"))
    lang, why_skipped = _language(item)
    if why_skipped:
        result.skipped = True
        result.warnings.append(f"{item.source}: {why_skipped}")
        return result
    limit = _options.time_limit
    use_alarm = limit > 0 and threading.current_thread() is threading.main_thread()
    if use_alarm:
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        from ..api import extract
        doc = extract(text, lang=lang, date=item.data.get("date"), doc_id=item.id, kinds=_options.fields.kinds)
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
        result.payload = _payload(doc, item)
    except ArticleTimeout:
        result.error = f"timeout: more than {limit:g} s"
    except Exception as err:                            # one bad article must not stop the batch
        result.error = f"{type(err).__name__}: {err}"
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return result


def _payload(doc, item: Item):
    """JSONL: the document plus an `input` object (position, source, kept fields).
    Parquet: (record rows, document row) with the batch columns."""
    if _output == "jsonl":
        out = doc.to_dict()
        out["input"] = {"position": item.position, "source": item.source, **(item.keep or {})}
        return orjson.dumps(out, option=orjson.OPT_PASSTHROUGH_DATETIME, default=str)
    from ..tables import document_row, to_rows
    extra = {"position": item.position, "source": item.source, **(item.keep or {})}
    rows = [{**row, **extra} for row in to_rows(doc)]
    return rows, {**document_row(doc), **extra}
