"""`make bench` compares this block with its peers only if each block's submit really stores an answer."""
import json
import subprocess
import sys

import pytest

from helpers import REPO

# The in-process workbench of scripts/bench_peers.py, in a process of its own: it sets Django up its own way.
PROBE = """
import json, sys, tempfile
from pathlib import Path
sys.path.insert(0, "scripts")
import bench, bench_peers
bench.setup_workbench(Path(tempfile.mkdtemp()))
if sys.argv[1] == "lifted":
    bench_peers.lift_workbench_deadline()
bench_peers.SQL_WARM_UP, bench_peers.SQL_ROUNDS = 1, 2
sql, sizes = bench_peers.sql_and_bytes_figures()
print(json.dumps({"sql": sql, "sizes": sizes}))
"""


def measured(deadline):
    result = subprocess.run([sys.executable, "-W", "ignore", "-c", PROBE, deadline], cwd=REPO, capture_output=True,
                            text=True, timeout=300, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def lifted():
    return measured("lifted")


@pytest.mark.slow
def test_every_block_writes_its_submit_and_ftr_would_refuse_it_under_the_workbench_deadline(lifted):
    """
    The workbench stamps every block it handles with due=now
    (workbench/runtime.py, WorkbenchRuntime._patch_xblock): FTR then refuses
    each submit as past due, with a 200 and not one write, and the comparison
    would be against nothing. The bench lifts the stamp, as an LMS has none.
    """
    assert measured("stock")["sql"]["FTR"][1] == 0
    for name, (statements, writes) in lifted["sql"].items():
        assert 1 <= writes < statements, name


@pytest.mark.slow
def test_a_repeat_view_counts_only_what_is_not_fetched_by_url(lifted):
    """FTR adds its JS by URL (a browser caches it): its repeat view is smaller than its first."""
    sizes = lifted["sizes"]
    first, repeat = sizes["FTR"]
    assert 0 < repeat < first
    for name, (first, repeat) in sizes.items():
        assert 0 < repeat <= first, name


@pytest.mark.slow
def test_a_submit_makes_no_more_statements_than_ftrs(lifted):
    """
    Mirrors workbench/runtime.py (WorkbenchDjangoKeyValueStore: has() and get()
    each query the state's row): a submit reads each learner field with one
    look-up, so its statements stay at or under FTR's (issue 15).
    """
    ours, ftr = lifted["sql"]["this block"], lifted["sql"]["FTR"]
    assert ours[0] <= ftr[0] and ours[1] == 2, (ours, ftr)


@pytest.mark.slow
def test_a_view_adds_no_more_to_a_page_than_issue_15_allows(lifted):
    """
    Mirrors xblock/runtime.py (Runtime.wrap_xblock writes init arguments with
    json.dumps): for a learner who answered, a repeat view (what a browser
    cannot cache) adds no more than FTR's, and a first view no more than
    before issue 15; the scripts and styles still come by URL.
    """
    from bench_peers import FIRST_VIEW_BEFORE
    first, repeat = lifted["sizes"]["this block"]
    assert repeat <= lifted["sizes"]["FTR"][1] and first <= FIRST_VIEW_BEFORE
    assert first - repeat > 15_000
