"""The `sanaq` command."""
from __future__ import annotations

import argparse
import os
import sys

import orjson


def _cmd_extract(args: argparse.Namespace) -> int:
    doc = _read_and_extract(args)
    if doc is None:
        return 2
    option = orjson.OPT_INDENT_2 if args.pretty and args.format == "json" else 0
    sys.stdout.buffer.write(orjson.dumps(doc.to_dict(), option=option) + b"\n")
    return 0


def _read_and_extract(args: argparse.Namespace):
    from . import extract
    from .textio import InputError, read_text

    try:
        text = read_text(args.file)
        return extract(text, lang=None if args.lang == "auto" else args.lang, date=args.date,
                       doc_id=getattr(args, "id", None) or (None if args.file == "-" else args.file),
                       kinds=getattr(args, "kinds", None))
    except (InputError, ValueError) as err:
        print(f"sanaq: {err}", file=sys.stderr)
        return None


def _cmd_show(args: argparse.Namespace) -> int:
    from .show import render_html

    doc = _read_and_extract(args)
    if doc is None:
        return 2
    page = render_html(doc)
    if args.html == "-":
        sys.stdout.write(page)
    else:
        with open(args.html, "w", encoding="utf-8") as fh:
            fh.write(page)
        print(f"sanaq: {len(doc.records)} records → {args.html}", file=sys.stderr)
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    from .batch import Fields, Refused, WriteFailed, run

    fields = Fields(text=args.text_field, id=args.id_field, date=args.date_field, lang=args.lang_field,
                    kinds=args.kinds)
    keep = tuple(name.strip() for name in (args.keep_fields or "").split(",") if name.strip())
    try:
        if args.engine == "dask":
            from .dask_engine import run_dask
            summary = run_dask(args.inputs, args.out, scheduler=args.scheduler, fields=fields)
        else:
            summary = run(args.inputs, args.out, workers=args.workers, fields=fields, resume=args.resume,
                          time_limit=args.time_limit, progress_bar=None if not args.quiet else False,
                          keep_fields=keep, date=args.date, lang=args.lang)
    except (Refused, ValueError) as err:
        print(f"sanaq: {err}", file=sys.stderr)
        return 2
    except (WriteFailed, RuntimeError) as err:           # disk full, size limit; workers that cannot start
        print(f"sanaq: {err}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        if args.engine == "local":                       # only the local engine keeps checkpoints
            print("sanaq: interrupted; run again with --resume to finish", file=sys.stderr)
        return 130
    mb = summary.bytes_in / 1e6
    rate = f", {mb / summary.seconds:.2f} MB/s, {summary.done / summary.seconds:.1f} articles/s" \
        if summary.seconds > 0 else ""
    print(f"sanaq: {summary.done} articles ({mb:.1f} MB){rate}; {summary.errors} errors"
          + (f", {summary.warnings} warnings" if summary.warnings else "")
          + (f" → {args.out}.errors.jsonl" if summary.errors or summary.warnings else "")
          + (f"; {summary.skipped} already done" if summary.skipped else ""), file=sys.stderr)
    return 1 if summary.errors else 0


def _cmd_serve(args: argparse.Namespace) -> int:
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        print('sanaq: the service needs its extra: pip install "sanaq[serve]"', file=sys.stderr)
        return 2
    from .serve import serve

    serve(host=args.host, port=args.port, workers=args.workers or os.cpu_count() or 1,
          max_bytes=int(args.max_mb * 1_000_000), time_limit=args.time_limit, max_items=args.max_items,
          log_level="warning" if args.quiet else "info")
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from .records import json_schema

    sys.stdout.buffer.write(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2) + b"\n")
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_file, report

    for path in args.files:
        tallies = evaluate_file(path, lang=args.lang, limit=args.limit)
        print(report(path, tallies))
        if args.show_errors:
            for label, t in sorted(tallies.items()):
                for kind, items in (("miss", t.misses), ("false", t.false_alarms)):
                    for item in items[: args.show_errors]:
                        print(f"  {label} {kind}: {item}")
        print()
    return 0


KINDS_HELP = ("only these record kinds, comma-separated (money, percent, quantity, number, ratio, ordinal, "
              "period, duration, quote); other kinds' rules do not run (default: all)")


def _kinds(value: str) -> str:
    from .pipeline import parse_kinds
    try:
        return ",".join(sorted(parse_kinds(value)))
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="sanaq", description="Numbers out of Kazakh and Russian news, as JSON records.")
    parser.add_argument("--version", action="version", version=f"sanaq {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract records from one text file (or - for stdin) and print JSON")
    ex.add_argument("file", help="a text file, or - for standard input")
    ex.add_argument("--lang", choices=["auto", "kk", "ru"], default="auto", help="language (default: detect)")
    ex.add_argument("--date", help="the article's date, YYYY-MM-DD (resolves былтыр, в прошлом году)")
    ex.add_argument("--id", help="document id in the output (default: the file name)")
    ex.add_argument("--format", choices=["json", "jsonl"], default="json", help="json (default) or one line")
    ex.add_argument("--pretty", action="store_true", help="indent the JSON")
    ex.add_argument("--kinds", type=_kinds, metavar="K,K", help=KINDS_HELP)
    ex.set_defaults(func=_cmd_extract)

    sh = sub.add_parser("show", help="render one article as HTML with every record highlighted")
    sh.add_argument("file", help="a text file, or - for standard input")
    sh.add_argument("--html", required=True, metavar="OUT", help="where to write the page (- for stdout)")
    sh.add_argument("--lang", choices=["auto", "kk", "ru"], default="auto")
    sh.add_argument("--date", help="the article's date, YYYY-MM-DD")
    sh.set_defaults(func=_cmd_show)

    ba = sub.add_parser("batch", help="an archive of articles → JSONL documents or a Parquet table of records",
                        description="Read every article of the inputs (in order), extract, and write "
                                    "OUT.jsonl (documents) or OUT.parquet (records) plus OUT.documents.parquet; "
                                    "problems go to OUT.errors.jsonl. See docs/batch.md for the guarantees.")
    ba.add_argument("inputs", nargs="+", help="files or folders: .txt, .jsonl, .json, .csv, .tsv, .parquet, "
                                              "plain or .gz/.zst/.bz2/.xz; folders are read recursively")
    ba.add_argument("--out", required=True, help="required: OUT.jsonl (one document per line) or OUT.parquet "
                                                 "(one row per record, and OUT.documents.parquet); never an input")
    ba.add_argument("--workers", type=int, default=None, metavar="N", help="worker processes (default: all cores)")
    ba.add_argument("--resume", action="store_true", help="continue an interrupted run of the same inputs and "
                                                          "options from its last checkpoint (default: start anew)")
    ba.add_argument("--time-limit", type=float, default=60.0, metavar="S",
                    help="seconds per article before it becomes a timeout error, 0 for none (default: 60)")
    ba.add_argument("--text-field", default="text", metavar="NAME",
                    help="the field or column holding the article text (default: text)")
    ba.add_argument("--id-field", default="id", metavar="NAME",
                    help="the field or column holding the article id (default: id; .txt files: the file path)")
    ba.add_argument("--date-field", default="date", metavar="NAME",
                    help="the field or column holding the article date: YYYY-MM-DD, DD.MM.YYYY, YYYY/MM/DD or "
                         "an RSS date (default: date)")
    ba.add_argument("--lang-field", default="lang", metavar="NAME",
                    help="the field or column holding kk or ru (default: lang; missing: detected per article)")
    ba.add_argument("--keep-fields", metavar="A,B", default="",
                    help="input fields to pass through to the output, comma-separated, e.g. title,url (default: none)")
    ba.add_argument("--date", metavar="YYYY-MM-DD", default=None,
                    help="the date of articles that have none of their own, e.g. a folder of .txt (default: none)")
    ba.add_argument("--lang", choices=["auto", "kk", "ru"], default="auto",
                    help="read every article as this language (default: auto: each article's lang field, or "
                         "detected; articles in neither language are skipped with a warning)")
    ba.add_argument("--engine", choices=["local", "dask"], default="local",
                    help="local processes, or a Dask cluster (default: local; dask needs sanaq[dask] and has "
                         "no --resume)")
    ba.add_argument("--scheduler", metavar="ADDRESS",
                    help="Dask scheduler address, tcp://HOST:PORT (default: a local cluster)")
    ba.add_argument("--quiet", action="store_true", help="no progress bar (default: a bar when stderr is a terminal)")
    ba.add_argument("--kinds", type=_kinds, metavar="K,K", help=KINDS_HELP)
    ba.set_defaults(func=_cmd_batch)

    se = sub.add_parser("serve", help="an HTTP service: POST /extract, POST /batch, GET /schema, GET /health")
    se.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1; 0.0.0.0 for all)")
    se.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    se.add_argument("--workers", type=int, default=None, help="extraction processes (default: all cores)")
    se.add_argument("--max-mb", type=float, default=10.0, metavar="MB",
                    help="largest request body in MB; larger gets 413 (default 10)")
    se.add_argument("--time-limit", type=float, default=30.0, metavar="S",
                    help="seconds per article; longer gets 422 (default 30)")
    se.add_argument("--max-items", type=int, default=1000, metavar="N",
                    help="most articles in one /batch request (default 1000)")
    se.add_argument("--quiet", action="store_true", help="log warnings only, not every request")
    se.set_defaults(func=_cmd_serve)

    sc = sub.add_parser("schema", help="print the JSON Schema of the output document")
    sc.set_defaults(func=_cmd_schema)

    ev = sub.add_parser("eval", help="precision/recall/F1 against gold-span JSONL (the development sets)")
    ev.add_argument("files", nargs="+", help="JSONL files with text and gold spans")
    ev.add_argument("--lang", choices=["kk", "ru"], help="force a language (default: each row's lang)")
    ev.add_argument("--limit", type=int, help="only the first N documents")
    ev.add_argument("--show-errors", type=int, default=0, metavar="N", help="print N misses and false alarms per label")
    ev.set_defaults(func=_cmd_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
