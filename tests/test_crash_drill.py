"""kill -9 at random points of `shopbot ingest` and `shopbot events import`, then run again: the
next run converges to exact counts, and shop.db and Chroma agree (bench/crash_drill.py, short)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import crash_drill  # noqa: E402
import pytest  # noqa: E402


@pytest.mark.slow  # a minute on the shared 2-core box: four subprocess ingests and four doctors
def test_ingest_killed_at_random_points_converges_on_the_next_run(tmp_path):
    drill = crash_drill.ingest_drill(tmp_path, rounds=3, products=8, seed=1, min_landed=1)
    assert drill.kills >= 1, drill.rounds  # at least one kill landed mid-run
    assert drill.final["got"] == drill.final["expected"], drill.final
    assert drill.final["chunks_listed"] == drill.final["chunks_in_store"] == drill.final["chunks_expected"] > 0
    assert drill.converged, drill.final


def test_events_import_killed_at_random_points_imports_each_event_exactly_once(tmp_path):
    drill = crash_drill.events_drill(tmp_path, rounds=3, n_events=3000, seed=1, min_landed=1)
    assert drill.kills >= 1, drill.rounds
    assert drill.drift_after_kill == 0  # all or nothing: never a partial import
    assert drill.final["got"] == drill.final["after_rerun"] == 3000, drill.final
    assert drill.converged, drill.final
