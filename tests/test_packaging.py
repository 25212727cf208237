"""The built wheel holds every subpackage and data file, and its `shopbot` works outside the tree.

The wheel is built from a copy of the tracked files (so no build/ or egg-info lands in the
checkout) and installed with `pip install --no-deps --target`; commands then run from an empty
folder with only that target on PYTHONPATH, so `chatbot` is imported from the wheel, not from
the source tree or an editable install (the test checks `chatbot.__file__`). Dependencies come
from the environment: what is under test is the wheel's own contents.
"""
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import MINI_PRODUCTS, MINI_REVIEWS, write_jsonl

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("chatbot", "analytics", "prompts", "eval")


def _tracked() -> list[str]:
    try:
        out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
        return [f for f in out.splitlines() if (ROOT / f).is_file()]
    except (OSError, subprocess.CalledProcessError):  # not a git checkout: every file but caches
        return [str(p.relative_to(ROOT)) for p in ROOT.rglob("*")
                if p.is_file() and not {".git", ".venv", "__pycache__"} & set(p.parts)]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    work = tmp_path_factory.mktemp("wheel")
    src = work / "src"
    for name in _tracked():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, src / name)
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                           "-w", str(work / "dist"), str(src)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    (built,) = (work / "dist").glob("shopbot-*.whl")
    return built


@pytest.mark.slow  # builds and installs a wheel: ~30-60 s on the shared 2-core box
def test_the_wheel_holds_every_package_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = [f for f in _tracked() if f.split("/")[0] in PACKAGES]
    missing = sorted(f for f in shipped if f not in names)
    assert not missing, f"tracked package files missing from the wheel: {missing}"
    for must in ("chatbot/cli/__init__.py", "chatbot/cli/data.py", "chatbot/data/demo/products.jsonl",
                 "prompts/answer_system.jinja", "analytics/data/sentiment_head.npz", "chatbot/data/schema.py"):
        assert must in names
    entry = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "shopbot = chatbot.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()


@pytest.mark.slow
def test_the_installed_wheel_runs_help_models_ingest_and_search_outside_the_tree(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=600)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    catalog = outside / "catalog"
    catalog.mkdir()
    write_jsonl(catalog / "products.jsonl", MINI_PRODUCTS)
    write_jsonl(catalog / "reviews.jsonl", MINI_REVIEWS)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SHOPBOT_")}
    env.update(PYTHONPATH=str(target), SHOPBOT_HOME=str(outside / "home"))

    def run(*args):
        proc = subprocess.run(args, cwd=outside, env=env, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr[-3000:]
        return proc.stdout

    where = run(sys.executable, "-c", "import chatbot, chatbot.cli.data, prompts; print(chatbot.__file__)")
    assert where.strip().startswith(str(target)), where
    shopbot = [sys.executable, str(target / "bin" / "shopbot")]
    assert "ingest" in run(*shopbot, "--help") and "doctor" in run(*shopbot, "--help")
    assert "e5-small" in run(*shopbot, "models")
    run(*shopbot, "ingest", str(catalog), "--no-analytics")
    hits = json.loads(run(*shopbot, "search", "coffee beans from Colombia", "--k", "2", "--json"))
    assert hits[0]["product_id"] == "P4"
    assert "ok:" in run(*shopbot, "doctor")
