"""
Counts cannot lose updates: many learners submit at the same moment to a
workbench served by three gunicorn processes (a multi-worker LMS in small),
then the staff summary counts every one of them with the right shares.

Each learner's work is only in their own user-state row, and the summary is
computed from those rows when staff ask, so there is no shared record for
simultaneous requests to overwrite.
"""
import csv
import io
import subprocess
import threading
import time

import pytest

from helpers import WorkbenchUser
from run_workbench import serving

pytestmark = pytest.mark.slow

SCENARIO = "customer_tenet.0"
WORKERS = 3
# Four kinds of answer, each given by a quarter of the class.
PATTERNS = (
    "insureds\nmy boss",  # policyholders, management
    "brokers\ncoworkers",  # agents, coworkers
    "insureds\nbrokers\ncoworkers",  # policyholders, agents, coworkers
    "the lighthouse keeper",  # nothing placed
)
LEARNERS = 24
EXPECTED_SHARES = {
    "policyholders": 0.5, "agents": 0.5, "agent_staff": 0.0,
    "departments": 0.0, "management": 0.25, "coworkers": 0.5,
}


@pytest.fixture(scope="module")
def multi_worker_bench(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("concurrent-workbench"), workers=WORKERS) as (process, base):
        yield base, process


def worker_pids(master, wait=20):
    """The gunicorn master's worker processes, once it has forked them all."""
    deadline = time.monotonic() + wait
    while True:
        pids = subprocess.run(["pgrep", "-P", str(master.pid)], capture_output=True, text=True).stdout.split()
        if len(pids) >= WORKERS or time.monotonic() > deadline:
            return pids
        time.sleep(0.2)


def submit_all_at_once(learners):
    """Every learner's submit request leaves at the same moment; returns (status, start, end) per learner."""
    barrier = threading.Barrier(len(learners))
    results = [None] * len(learners)

    def run(index, learner):
        barrier.wait()
        start = time.monotonic()
        response = learner.post("submit", {"answer": PATTERNS[index % len(PATTERNS)]})
        results[index] = (response.status_code, start, time.monotonic())

    threads = [threading.Thread(target=run, args=(index, learner)) for index, learner in enumerate(learners)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    return results


def most_in_flight(results):
    """The largest number of requests the server had open at one time."""
    events = sorted([(start, 1) for _s, start, _e in results] + [(end, -1) for _s, _st, end in results])
    current = peak = 0
    for _moment, change in events:
        current += change
        peak = max(peak, current)
    return peak


def test_simultaneous_submissions_are_all_counted(multi_worker_bench):
    base, process = multi_worker_bench
    assert len(worker_pids(process)) == WORKERS  # gunicorn's master has forked its three workers

    learners = [WorkbenchUser(base, f"learner{index:02d}", timeout=120) for index in range(LEARNERS)]
    results = submit_all_at_once(learners)
    assert [status for status, _start, _end in results] == [200] * LEARNERS
    assert most_in_flight(results) >= WORKERS  # the requests really overlapped

    response = WorkbenchUser(base, "staff1", timeout=120).post("class_summary", {})
    assert response.status_code == 200
    summary = response.json()
    assert summary["learners"] == LEARNERS
    assert {row["id"]: row["share"] for row in summary["groups"]} == EXPECTED_SHARES
    assert [row["text"] for row in summary["unplaced"]] == ["the lighthouse keeper"]
    assert summary["unplaced"][0]["learners"] == LEARNERS // len(PATTERNS)
    # Scores: 6 learners each with 0, 2, 2 and 3 points.
    counts = {row["label"]: row["text"] for row in summary["scores"]}
    assert (counts["0 points"], counts["2 points"], counts["3 points"]) == ("6 learners", "12 learners", "6 learners")

    export = WorkbenchUser(base, "staff1", timeout=120).post("export_responses", {}).json()
    usernames = [row[0] for row in csv.reader(io.StringIO(export["csv"]))][1:]
    assert sorted(usernames) == [learner.name for learner in learners]
