"""The compiled build (docs/speed.md, "Compiled build (mypyc)") really runs compiled code.

Skipped unless SANAQ_EXPECT_COMPILED=1: `.ci/compiled` sets it when it runs this suite against the
mypyc-built wheel, so a wheel that silently fell back to pure Python fails here instead of
passing the suite as pure Python again.
"""
import importlib
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(os.environ.get("SANAQ_EXPECT_COMPILED") != "1",
                                reason="only against the compiled wheel (.ci/compiled)")


def _compiled_modules() -> list[str]:
    """The modules the build hook compiles, read from pyproject.toml's hook `include` list."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    hook = text.split("[tool.hatch.build.targets.wheel.hooks.mypyc]", 1)[1].split("\n[", 1)[0]
    paths = re.findall(r'"/(extractor/[\w/]+)\.py"', hook)
    return [p.replace("/", ".") for p in paths]


def test_the_hook_compiles_something():
    assert len(_compiled_modules()) >= 10


@pytest.mark.parametrize("name", _compiled_modules())
def test_module_is_an_extension(name):
    module = importlib.import_module(name)
    assert "site-packages" in module.__file__, module.__file__      # the installed wheel, not the checkout
    assert module.__file__.endswith((".so", ".pyd")), module.__file__


def test_uncompiled_modules_stay_python():
    import extractor.lexicon
    import extractor.pipeline
    # monkey-patched per instance (Lexicon.keys) or setting attributes on records: interpreted
    assert extractor.lexicon.__file__.endswith(".py")
    assert extractor.pipeline.__file__.endswith(".py")
