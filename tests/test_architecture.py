"""The package's shape: no import cycles, nothing outside the CLI imports it, no module over 400
lines, and every stage the README's pipeline names is a module of its own."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("chatbot", "analytics", "eval", "prompts")


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def _imports(path: Path, name: str, modules: dict[str, Path]) -> set[str]:
    """Modules of ours that `path` imports anywhere (lazy imports inside functions count too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(path, name, modules) for name, path in modules.items()}


def _is_package(name: str) -> bool:
    return _modules()[name].name == "__init__.py"


def test_no_import_cycles():
    graph = _graph()
    # a package's __init__ importing its own modules is how a package exposes them, not a cycle
    edges = {m: {t for t in ts if not (_is_package(m) and t.startswith(m + "."))} for m, ts in graph.items()}
    state: dict[str, int] = {}
    cycles = []

    def visit(node, path):
        state[node] = 1
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_nothing_outside_the_cli_imports_it():
    offenders = [(m, t) for m, ts in _graph().items() if not m.startswith("chatbot.cli")
                 for t in ts if t.startswith("chatbot.cli")]
    assert not offenders


def test_no_module_over_400_lines():
    long = {name: n for name, path in _modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long


def test_the_readme_pipeline_names_one_module_per_stage():
    from chatbot.answer import pipeline

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for stage in pipeline.STAGES:
        module = stage.__module__
        assert stage.__name__ == "run" and module.startswith("chatbot.answer.")
        assert f"chatbot/answer/{module.rsplit('.', 1)[1]}.py" in readme, module
