"""Every bad input a clear `file:line: field: problem`, exit 2, and nothing stored changes.

The cases are those of `bench/bad_inputs.py` (which runs them through subprocesses for the table
in bench/README.md); here they run in-process through the real CLI entry point, real SQLite and
Chroma, and the real offline embedder. The hypothesis tests feed random malformed lines.
"""
import json
import string
import sys
import traceback
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from chatbot.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import bad_inputs  # noqa: E402


@pytest.fixture(scope="module")
def template_home(e5_embedder, tmp_path_factory):
    """A home with the bench's good catalog ingested and its events imported, built once."""
    work = tmp_path_factory.mktemp("good")
    good = bad_inputs.good_catalog(work / "catalog")
    home = ["--home", str(work / "home")]
    assert main(home + ["ingest", str(good), "--no-analytics", "--json"]) == 0
    assert main(home + ["events", "import", str(good / "interactions.jsonl")]) == 0
    return work / "home"


@pytest.fixture
def good_home(template_home, settings, e5_embedder, monkeypatch):
    """A copy of the template home (the embedder is the session's, not loaded again)."""
    import shutil

    import chatbot.data.embed as embed

    monkeypatch.setattr(embed, "load_embedder", lambda *a, **k: e5_embedder)
    shutil.copytree(template_home, settings.home)
    return settings.home


def _run(argv):
    """(exit code, traceback or None) of the CLI, as a shell would see it."""
    try:
        return main(argv), None
    except SystemExit as exc:
        return exc.code, None
    except BaseException:  # noqa: BLE001 - what we test is that nothing gets here
        return None, traceback.format_exc()


@pytest.mark.parametrize("case", bad_inputs.cases(), ids=lambda c: c.name)
def test_each_bad_input_is_named_by_file_line_and_field_and_stores_nothing(case, good_home, tmp_path, capsys):
    capsys.readouterr()
    target = bad_inputs.write_case(case, tmp_path / "case")
    before = bad_inputs.fingerprint(good_home)
    argv = ["--home", str(good_home)] + (["events", "import", str(target)] if case.command == "events"
                                          else ["ingest", str(target), "--no-analytics"])
    code, tb = _run(argv)
    assert tb is None, tb
    out = capsys.readouterr()
    if case.expect is None:
        assert code == 0, out.err
    else:
        assert code == 2
        assert case.expect in out.err, out.err
    assert bad_inputs.fingerprint(good_home) == before


_FIELDS = ["id", "product_id", "text", "rating", "title", "price", "in_stock", "features", "attributes"]
_odd_text = st.text(alphabet=st.characters(categories=["Cs", "Cc", "Zs"]), max_size=3)  # lone surrogates...
_junk = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30), st.text(alphabet=" \t\u3000\u00a0", max_size=5),
    _odd_text, _odd_text.map(lambda t: "ok" + t),
    st.lists(st.one_of(st.text(max_size=5), st.integers(), st.none()), max_size=3),
    st.dictionaries(st.text(max_size=5), st.one_of(st.text(max_size=5), st.integers(), st.lists(st.none())), max_size=3),
)
# A valid record (as a product or a review) with one to three fields replaced by junk, so that
# junk also reaches storage, not only the first required-field check.
_record = st.dictionaries(st.sampled_from(_FIELDS), _junk, min_size=1, max_size=3).map(
    lambda junk: {"id": "F1", "product_id": "P1", "text": "ok", **junk})
_line = st.one_of(
    _record.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    _record.map(lambda r: json.dumps(r).encode()),  # \ud800-style escapes
    st.binary(max_size=40).filter(lambda b: b"\n" not in b and b"\r" not in b),
    st.text(alphabet=string.printable.replace("\n", "").replace("\r", ""), max_size=40).map(str.encode),
    st.integers(1, 60).map(lambda n: b"[" * n + b"]" * n),
)


@hsettings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(_line, min_size=1, max_size=5), kind=st.sampled_from(["products", "reviews"]),
       csv=st.booleans())
def test_random_malformed_lines_exit_2_or_import_cleanly_and_strict_changes_nothing(
        good_home, tmp_path_factory, lines, kind, csv):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / f"{kind}.{'csv' if csv else 'jsonl'}").write_bytes(
        (b"id,product_id,text,rating,title,price\n" if csv else b"") + b"\n".join(lines) + b"\n")
    before = bad_inputs.fingerprint(good_home)
    code, tb = _run(["--home", str(good_home), "ingest", str(folder), "--no-analytics", "--strict", "--json"])
    assert tb is None, tb
    assert code in (0, 2)
    if code == 2:
        assert bad_inputs.fingerprint(good_home) == before


@hsettings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(_line, min_size=1, max_size=5))
def test_random_malformed_events_import_all_or_nothing(good_home, tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("fuzz") / "interactions.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    before = bad_inputs.fingerprint(good_home)
    code, tb = _run(["--home", str(good_home), "events", "import", str(path)])
    assert tb is None, tb
    assert code in (0, 2)
    if code == 2:
        assert bad_inputs.fingerprint(good_home) == before
