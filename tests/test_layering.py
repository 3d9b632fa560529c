"""The package's import graph: no cycles, and no low-level module reaches the pipeline.

Function-level imports count too: a lazy import is still a dependency, and a cycle through
one is how the tokenizer ended up owned by the pipeline that every word list needed.
"""
import ast
import pathlib

import extractor

ROOT = pathlib.Path(extractor.__file__).parent
# modules that the rules are built from: they may never depend on the flow that uses them
LOW_LEVEL = ("extractor.wordsets", "extractor.tokens", "extractor.patterns", "extractor.normalize",
             "extractor.sentences", "extractor.langdetect", "extractor.records", "extractor.lexicon",
             "extractor.numerals", "extractor.lang")


def _modules() -> dict[str, pathlib.Path]:
    mods = {}
    for f in ROOT.rglob("*.py"):
        parts = ("extractor",) + f.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        mods[name] = f
    return mods


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    graph: dict[str, set[str]] = {name: set() for name in mods}
    for name, f in mods.items():
        package = name if f.name == "__init__.py" else name.rsplit(".", 1)[0]
        tree = ast.parse(f.read_text(encoding="utf-8"))
        typing_only = {id(n) for block in ast.walk(tree) if _is_type_checking(block)
                       for n in ast.walk(block)}
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue            # `if TYPE_CHECKING:` imports never run
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                candidates = [target] + [f"{target}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                candidates = [a.name for a in node.names]
            else:
                continue
            graph[name].update(c for c in candidates if c in mods and c != name)
    return graph


def _is_type_checking(node) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _reachable(graph, start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for nxt in graph[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def test_no_import_cycles():
    graph = _graph()
    cycles = sorted(name for name in graph if name in _reachable(graph, name))
    assert cycles == [], f"modules on an import cycle: {cycles}"


def test_low_level_modules_never_reach_the_pipeline():
    graph = _graph()
    offenders = [name for name in graph if name.startswith(LOW_LEVEL)
                 and {"extractor.pipeline", "extractor.api"} & _reachable(graph, name)]
    assert offenders == []


def test_graph_sees_imports():
    # the test above would pass on an empty graph: check it reads real edges
    graph = _graph()
    assert "extractor.records" in graph["extractor.pipeline"]
    assert "extractor.lang.fast_tokenizer" in _reachable(graph, "extractor.lexicon")
