"""Run a Python program under valgrind's callgrind with instrumentation off, and read the
instruction counts of the parts it dumps by name: the program switches counting on around what
it measures and names each part (`callgrind_control -i on`, then `-d NAME`). Shared by
instructions.py, window_instructions.py, speakers_instructions.py and passes.py.
"""
import os
import subprocess
import sys
import tempfile
from pathlib import Path

def counted(args: list[str]) -> tuple[dict[str, int], str]:
    """({dump name: instructions}, stdout) of `python ARGS` under callgrind (PYTHONHASHSEED=0, so
    two runs of the same code read the same sets in the same order). Exits on failure."""
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no",
                              f"--callgrind-out-file={tmp}/cg.out", sys.executable, *args],
                             capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        if out.returncode:
            sys.exit(out.stderr[-2000:])
        counts = {}
        for path in Path(tmp).glob("cg.out.*"):
            lines = path.read_text().splitlines()
            trigger = next((x for x in lines if x.startswith("desc: Trigger")), None)
            if trigger is not None:
                counts[trigger.split()[-1]] = int(next(x for x in lines if x.startswith("totals:")).split()[1])
    return counts, out.stdout
