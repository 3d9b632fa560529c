"""Instructions of the speakers package alone (`SpeakerRules.find`, warm), by valgrind's
callgrind, and of its whole-text steps, so a change to the speakers shows without the rest
of `extract` around it.

    python benchmarks/speakers_instructions.py [--kb 100] [--root CHECKOUT]

One process: the first --kb KB of KazNERD-valid (kk) and NEREL-dev (ru), normalized and split
into sentences as the pipeline does, one warm-up pass, then with instrumentation on: a `find`
pass over every document; then each whole-text step alone (the scan for reporting cues over
every document; the word split, for the documents that have a cue or a quotation mark); then
ten `regex` \\w+ passes, for scale.
"""
import argparse
from pathlib import Path

from callgrind import counted  # this folder: run as python benchmarks/speakers_instructions.py

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"

CHILD = r"""
import json, os, subprocess, sys
sys.path.insert(0, {root!r})
import regex
from extractor.normalize import normalize
from extractor.sentences import split_sentences
from extractor.speakers import speaker_rules
from extractor.speakers.quotes import QUOTE_MARKS
from extractor.speakers.text import words_of

def callgrind(*args):
    subprocess.run(["callgrind_control", *args, str(os.getpid())], capture_output=True, check=True)

docs = []
for name, lang in (("kaznerd-valid.kk.jsonl", "kk"), ("nerel-dev.ru.jsonl", "ru")):
    part = 0
    for line in open({data!r} + "/" + name, encoding="utf-8"):
        if line.strip() and part < {kb} * 1000:
            text = normalize(json.loads(line)["text"]).text
            docs.append((speaker_rules(lang), text, split_sentences(text))); part += len(text.encode("utf-8"))
cued = [(rules, text) for rules, text, _ in docs if rules._trigger_positions(text) or QUOTE_MARKS.search(text)]
word = regex.compile(r"\w+")
for rules, text, sentences in docs:
    rules.find(text, sentences)
callgrind("-i", "on")
for rules, text, sentences in docs:
    rules.find(text, sentences)
callgrind("-d", "find")
for rules, text, _ in docs:
    rules._trigger_positions(text)
callgrind("-d", "cues")
for rules, text in cued:
    words_of(text)
callgrind("-d", "words")
for _ in range(10):
    for _, text, _ in docs:
        sum(1 for _ in word.finditer(text))
callgrind("-d", "regex")
callgrind("-i", "off")
print(sum(len(text.encode("utf-8")) for _, text, _ in docs), len(docs), len(cued))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", type=int, default=100, help="KB of each development file")
    ap.add_argument("--root", default=str(ROOT), help="the checkout whose extractor to measure")
    args = ap.parse_args()
    code = CHILD.format(root=str(Path(args.root).resolve()), data=str(DATA), kb=args.kb)
    dumps, stdout = counted(["-c", code])
    size, n, cued = map(int, stdout.split()[-3:])
    kb = size / 1000
    regex_per_kb = dumps["regex"] / 10 / kb
    print(f"{kb:.0f} KB of news, {n} documents, {cued} with a reporting cue or a quotation mark")
    print(f"speakers (find): {dumps['find'] / kb / 1e6:.3f} M instructions per KB, "
          f"{dumps['find'] / kb / regex_per_kb:.2f}x a regex word pass")
    print("  of which, measured alone: " + ", ".join(
        f"{step} {dumps[step] / dumps['find']:.0%}" for step in ("cues", "words")))


if __name__ == "__main__":
    main()
