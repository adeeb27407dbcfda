"""
`make bench`, second half: this block beside the peer blocks a course team
would otherwise pick, xblock-free-text-response (FTR) and
xblock-drag-and-drop-v2 (DnDv2), measured in one run on this machine, the
three interleaved round-robin so that load from elsewhere hits them alike.

- submit over HTTP: one workbench server process serving all three blocks;
- submit in memory: xblock's TestRuntime with DictFieldData (the block's own CPU);
- SQL statements and writes per submit, counted around the request in an
  in-process workbench (Django's test client, the workbench's SQLite);
- student view render time, in memory;
- bytes a view adds to a page: first view (HTML, init data, inline JS/CSS and
  the files fetched by URL) and repeat view (what a browser cannot cache);
- import time after what an LMS worker has already loaded;
- this block's grading core at 10 / 100 / 1,000 entries, every cache emptied.

Then one table with the targets of issue 15 and whether each is met. The
script exits 0 when a target is missed (it prints MISSED): it measures, the
tests judge. Nothing leaves 127.0.0.1.

Each peer is measured doing what its learner does: FTR's `submit` of a
free-text answer (unlimited attempts, no key phrases: full credit) and DnDv2's
`do_attempt` in assessment mode with every item already in its zone (set up as
its author and learner would: the Studio handler, then `drop_item`).
"""
import argparse
import contextlib
import dataclasses
import itertools
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Callable

import requests

import bench  # the workbench set-up and the modules an LMS has loaded
from run_workbench import free_port

HTTP_WARM_UP, HTTP_ROUNDS = 20, 200
MEMORY_WARM_UP, MEMORY_ROUNDS = 20, 600
RENDER_ROUNDS = 150
SQL_WARM_UP, SQL_ROUNDS = 3, 10
IMPORT_RUNS = 5
GRADING_SECONDS = 4.0  # the grading rounds stop after about this (and at least 5 rounds)
# Bytes of this block's first view before issue 15's changes (main at d8c89ce, 2026-11-23, by view_bytes).
FIRST_VIEW_BEFORE = 30_767
# A learner's answer: ten lines a learner would write, one the rubric cannot place.
REALISTIC_ENTRIES = (
    "policyholders", "insurance brokers", "the agents' office staff", "underwriting",
    "the claims department", "my boss", "the people I work with", "people who phone the helpline",
    "the CEO", "our suppliers",
)


def realistic_answer(count, variant=None):
    """`count` distinct entries; past ten, the same lines again for other regions. `variant` changes line one."""
    lines = [entry if n < len(REALISTIC_ENTRIES) else f"{entry} in region {n // len(REALISTIC_ENTRIES)}"
             for n, entry in zip(range(count), itertools.cycle(REALISTIC_ENTRIES))]
    if variant is not None:
        lines[0] += f" of branch {variant}"
    return "\n".join(lines)


# ---- the three blocks -------------------------------------------------------------

def prepare_nothing(author, learner):
    pass


def prepare_dnd(author, learner):
    """
    DnDv2's author sets assessment mode with unlimited attempts (its Studio
    handler); the learner drops every item.
    """
    from drag_and_drop_v2.default_data import DEFAULT_DATA
    author("studio_submit", {
        "display_name": "Drag and Drop", "mode": "assessment", "max_attempts": 0, "showanswer": "finished",
        "show_title": True, "problem_text": "", "show_problem_header": True, "weight": 1,
        "item_background_color": "", "item_text_color": "", "data": DEFAULT_DATA,
    })
    for item in DEFAULT_DATA["items"]:
        if item["zones"]:
            learner("drop_item", {"val": item["id"], "zone": item["zones"][0]})


@dataclasses.dataclass(frozen=True)
class Contender:
    name: str           # column heading
    block_type: str     # xblock.v1 entry point, as the workbench marks it on the page
    scenario: str       # a workbench scenario whose first block of that type has default settings
    module: str         # what an LMS imports to load the block
    handler: str        # the learner's submit
    body: Callable[[str], dict]  # the submit's JSON for an answer
    prepare: Callable = prepare_nothing  # (author's post, learner's post): what happens before the submits


CONTENDERS = (
    Contender("this block", "customer_tenet", "customer_tenet.0", "customer_tenet_xblock.block", "submit",
              lambda answer: {"answer": answer, "reflection": "I had never thought of my boss as a customer."}),
    Contender("FTR", "freetextresponse", "freetextresponse.0", "freetextresponse.xblocks", "submit",
              lambda answer: {"student_answer": answer}),
    Contender("DnDv2", "drag-and-drop-v2", "drag-and-drop-v2.1", "drag_and_drop_v2", "do_attempt",
              lambda answer: {}, prepare_dnd),
)
NAMES = tuple(contender.name for contender in CONTENDERS)


def submit_body(contender, round_number):
    """A new answer each round, so that no cache can answer it."""
    return contender.body(realistic_answer(10, variant=round_number))


def usage_on_page(html, block_type):
    found = re.search(rf"data-usage='([^']+)' data-block-type='{re.escape(block_type)}'", html)
    assert found, f"no {block_type} block on the page"
    return found.group(1)


def lift_workbench_deadline():
    """
    The workbench stamps every block it handles with due=now and no grace
    period (workbench/runtime.py, WorkbenchRuntime._patch_xblock, for legacy
    blocks), so FTR treats every submit as past due: it answers 200 and stores
    nothing (7 SELECTs, no write). An LMS gives an undated problem due=None;
    so does the bench, for all three blocks alike.
    """
    from workbench.runtime import WorkbenchRuntime
    stamp = WorkbenchRuntime._patch_xblock

    def patch_without_deadline(runtime, block):
        stamp(runtime, block)
        block.due = None

    WorkbenchRuntime._patch_xblock = patch_without_deadline


@contextlib.contextmanager
def phase(label):
    """Say what is being measured and how long it took: the run takes minutes on a busy machine."""
    print(f"  {label}...", end="", flush=True)
    started = time.monotonic()
    yield
    print(f" {time.monotonic() - started:.0f} s", flush=True)


def median_p90(samples):
    return statistics.median(samples), statistics.quantiles(samples, n=10)[-1]


# ---- submit over HTTP -------------------------------------------------------------

def serve(home, port):
    """The workbench server for the HTTP figures (run in a child process): run_workbench.py's, deadline lifted."""
    bench.setup_workbench(home)
    lift_workbench_deadline()
    from django.core.management import call_command
    from workbench.scenarios import get_scenarios
    get_scenarios()
    call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, skip_checks=True)


@contextlib.contextmanager
def workbench_server(home):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with open(home / "server.log", "w") as log:
        process = subprocess.Popen([sys.executable, __file__, "--serve", str(home), "--port", str(port)],
                                   stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while True:
                assert process.poll() is None and time.monotonic() < deadline, (home / "server.log").read_text()
                try:
                    with urllib.request.urlopen(base + "/", timeout=2):
                        break
                except OSError:
                    time.sleep(0.3)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=20)


class HttpUser:
    """Someone on a scenario's page: the page's cookie and CSRF token, posting as its JavaScript does."""

    def __init__(self, base, contender, student):
        self.base, self.student = base, student
        self.session = requests.Session()
        page = self.session.get(f"{base}/scenario/{contender.scenario}/", params={"student": student}, timeout=60)
        page.raise_for_status()
        self.usage = usage_on_page(page.text, contender.block_type)

    def post(self, handler, body):
        response = self.session.post(
            f"{self.base}/handler/{self.usage}/{handler}/", params={"student": self.student},
            data=json.dumps(body), timeout=60,
            headers={"Content-Type": "application/json", "X-CSRFToken": self.session.cookies["csrftoken"]})
        assert response.status_code == 200, (handler, response.status_code, response.text[:300])


def interleaved_submits(learners, warm_up, rounds):
    """Each contender's learner submits in turn, round after round; the seconds of each submit after the warm-up."""
    times = {contender.name: [] for contender in CONTENDERS}
    for round_number in range(warm_up + rounds):
        for contender in CONTENDERS:
            body = submit_body(contender, round_number)
            started = time.perf_counter()
            learners[contender.name].post(contender.handler, body)
            if round_number >= warm_up:
                times[contender.name].append(time.perf_counter() - started)
    return times


def http_figures():
    with tempfile.TemporaryDirectory(prefix="ct-bench-http-") as home, workbench_server(Path(home)) as base:
        learners = {}
        for contender in CONTENDERS:
            learner = learners[contender.name] = HttpUser(base, contender, "bench-learner")
            contender.prepare(HttpUser(base, contender, "bench-author").post, learner.post)
        times = interleaved_submits(learners, HTTP_WARM_UP, HTTP_ROUNDS)
    return {name: median_p90(samples) for name, samples in times.items()}


# ---- in memory: submit and render ---------------------------------------------------

def memory_runtime():
    """xblock's TestRuntime with fields in a dict, the services an LMS gives a learner, and no storage."""
    from xblock.field_data import DictFieldData
    from xblock.reference.user_service import UserService, XBlockUser
    from xblock.runtime import NullI18nService
    from xblock.test.tools import TestRuntime

    class Learner(UserService):
        def get_current_user(self):
            user = XBlockUser(is_current_user=True, full_name="learner")
            user.opt_attrs.update({"edx-platform.username": "learner", "edx-platform.user_is_staff": False,
                                   "edx-platform.anonymous_user_id": "learner"})
            return user

    class MemoryRuntime(TestRuntime):
        def publish(self, block, event_type, event_data):
            pass

        def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
            return f"/handler/{block.scope_ids.usage_id}/{handler_name}/{suffix}"

        def local_resource_url(self, block, uri):
            return f"/resource/{block.scope_ids.block_type}/{uri}"

    # One runtime per block: DictFieldData keys its values by field name only.
    return MemoryRuntime(services={"i18n": NullI18nService(), "field-data": DictFieldData({}), "user": Learner()})


class MemoryUser:
    """One learner's block in memory, built afresh for each request as a runtime does."""

    def __init__(self, contender):
        from xblock.core import XBlock
        from xblock.fields import ScopeIds
        self.runtime = memory_runtime()
        self.block_class = XBlock.load_class(contender.block_type)
        self.ids = ScopeIds("learner", contender.block_type, "definition", "usage")

    def block(self):
        return self.runtime.construct_xblock_from_class(self.block_class, self.ids)

    def post(self, handler, body):
        from webob import Request
        request = Request.blank("/", method="POST", body=json.dumps(body).encode("utf-8"))
        response = self.runtime.handle(self.block(), handler, request)
        assert response.status_code == 200, (handler, response.status_code, response.body[:300])

    def render(self):
        return self.block().render("student_view", {})


def memory_figures():
    """
    Submits of a new answer each, with the rubric's word caches as warm as a
    busy worker's (as over HTTP); renders for a learner who answered a while
    ago, whose graded answer is no longer cached.
    """
    from customer_tenet_xblock.rubric import grade
    learners = {}
    for contender in CONTENDERS:
        learner = learners[contender.name] = MemoryUser(contender)
        contender.prepare(learner.post, learner.post)  # one runtime: author and learner share the dict
    submits = interleaved_submits(learners, MEMORY_WARM_UP, MEMORY_ROUNDS)
    renders = {contender.name: [] for contender in CONTENDERS}
    for _round in range(RENDER_ROUNDS):
        for contender in CONTENDERS:
            grade.cache_clear()
            started = time.perf_counter()
            learners[contender.name].render()
            renders[contender.name].append(time.perf_counter() - started)
    return ({name: median_p90(samples) for name, samples in submits.items()},
            {name: median_p90(samples) for name, samples in renders.items()})


# ---- in the in-process workbench: SQL and bytes ----------------------------------------

class ClientUser:
    """A learner on a scenario's page, through Django's test client in this process."""

    def __init__(self, client, contender, student):
        self.client, self.student = client, student
        page = client.get(f"/scenario/{contender.scenario}/", {"student": student})
        assert page.status_code == 200, page.status_code
        self.usage = usage_on_page(page.content.decode("utf-8"), contender.block_type)

    def post(self, handler, body):
        response = self.client.post(f"/handler/{self.usage}/{handler}/?student={self.student}", json.dumps(body),
                                    content_type="application/json")
        assert response.status_code == 200, (handler, response.status_code, response.content[:300])


class StatementCounter:
    """Every SQL statement Django runs while it is installed (connection.execute_wrapper)."""

    WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")

    def __init__(self):
        self.statements = []

    def __call__(self, execute, sql, params, many, context):
        self.statements.append(sql)
        return execute(sql, params, many, context)

    @property
    def writes(self):
        return [sql for sql in self.statements if sql.lstrip().upper().startswith(self.WRITES)]


def sql_and_bytes_figures():
    from django.db import connection
    from django.test import Client
    client = Client()
    learners = {}
    for contender in CONTENDERS:
        learner = learners[contender.name] = ClientUser(client, contender, "bench-learner")
        contender.prepare(ClientUser(client, contender, "bench-author").post, learner.post)
    counts = {contender.name: ([], []) for contender in CONTENDERS}
    for round_number in range(SQL_WARM_UP + SQL_ROUNDS):
        for contender in CONTENDERS:
            counter = StatementCounter()
            with connection.execute_wrapper(counter):
                learners[contender.name].post(contender.handler, submit_body(contender, round_number))
            if round_number >= SQL_WARM_UP:
                counts[contender.name][0].append(len(counter.statements))
                counts[contender.name][1].append(len(counter.writes))
    sql = {name: (statistics.median(statements), statistics.median(writes))
           for name, (statements, writes) in counts.items()}
    return sql, {contender.name: view_bytes(client, contender) for contender in CONTENDERS}


def view_bytes(client, contender):
    """(first view, repeat view) bytes of the block's own fragment, for a learner who has submitted one answer."""
    from workbench.runtime import WorkbenchRuntime
    viewer = ClientUser(client, contender, "bench-viewer")
    contender.prepare(ClientUser(client, contender, "bench-author").post, viewer.post)
    viewer.post(contender.handler, contender.body(realistic_answer(10)))
    block = WorkbenchRuntime(viewer.student).get_block(viewer.usage)
    fragment = block.student_view({})
    inline = len(fragment.content.encode("utf-8"))
    if fragment.json_init_args is not None:  # the runtime writes them into the page as a JSON script
        inline += len(json.dumps(fragment.json_init_args).encode("utf-8"))
    by_url = 0
    for resource in fragment.resources:
        if resource.kind == "text":
            inline += len(resource.data.encode("utf-8"))
        elif resource.kind == "url":
            response = client.get(resource.data)  # the workbench serves the block's files
            assert response.status_code == 200, (resource.data, response.status_code)
            by_url += len(b"".join(response.streaming_content) if response.streaming else response.content)
    return inline + by_url, inline


# ---- import time, grading ----------------------------------------------------------

IMPORT_PROBE = """
import sys, time
import django
from django.conf import settings
settings.configure()
django.setup()
import {loaded}
assert {module!r} not in sys.modules
started = time.perf_counter()
import {module}
print(time.perf_counter() - started)
"""


def import_figures():
    """Wall-clock of importing each block's module in a fresh process, after what an LMS already has."""
    seconds = {contender.name: [] for contender in CONTENDERS}
    for _run in range(IMPORT_RUNS):
        for contender in CONTENDERS:
            code = IMPORT_PROBE.format(loaded=", ".join(bench.ALREADY_LOADED), module=contender.module)
            result = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True,
                                    cwd=bench.REPO, timeout=120, check=True)
            seconds[contender.name].append(float(result.stdout.strip().splitlines()[-1]))
    return {name: median_p90(samples) for name, samples in seconds.items()}


def grading_figures():
    """
    Seconds per new answer of 10, 100 and 1,000 entries, interleaved; then compiling the taxonomy.

    Compiling is timed in rounds of its own: a worker grades with a taxonomy it
    compiled long before, and grading right after a compile (as this loop did)
    measured a freshly built taxonomy's cold memory, not grading.
    """
    from customer_tenet_xblock.exercise.presets import default_taxonomy
    from customer_tenet_xblock.rubric import grade
    from customer_tenet_xblock.rubric.matching import compile_taxonomy
    taxonomy, caches = default_taxonomy(), bench.rubric_caches()
    answers = {count: realistic_answer(count) for count in (10, 100, 1_000)}
    samples = {count: [] for count in answers} | {"compile": []}
    stop = time.perf_counter() + GRADING_SECONDS
    while len(samples[10]) < 5 or time.perf_counter() < stop:
        for count, text in answers.items():
            bench.forget_answers(caches, taxonomy)
            started = time.perf_counter()
            grade(text, taxonomy)
            samples[count].append(time.perf_counter() - started)
    while len(samples["compile"]) < 20:
        for cache in caches:
            cache.cache_clear()
        started = time.perf_counter()
        compile_taxonomy(taxonomy)
        samples["compile"].append(time.perf_counter() - started)
    return {key: median_p90(values) for key, values in samples.items()}


# ---- the table -----------------------------------------------------------------------

def ms(figure):
    median, p90 = figure
    return f"{median * 1000:.2f} ms (p90 {p90 * 1000:.2f})"


def kb(count):
    return f"{count / 1000:.1f} kB"


def ratio(figures, name):
    """The median's ratio to FTR's."""
    return f" x{figures[name][0] / figures['FTR'][0]:.2f}"


def table_rows(http, submit, render, sql, sizes, imports, grading):
    ours = "this block"
    rows = []

    def timed_row(measure, figures, limit, factor=1.0):
        rows.append((measure, ms(figures[ours]) + ratio(figures, ours), ms(figures["FTR"]),
                     ms(figures["DnDv2"]) + ratio(figures, "DnDv2"), limit,
                     figures[ours][0] <= factor * figures["FTR"][0]))

    timed_row("submit over HTTP (DnDv2: do_attempt)", http, "<= FTR")
    timed_row("submit in memory", submit, "<= 2x FTR", factor=2.0)
    rows.append(("SQL statements per submit", *(f"{sql[name][0]:g}" for name in NAMES),
                 "<= FTR", sql[ours][0] <= sql["FTR"][0]))
    rows.append(("  of which writes", *(f"{sql[name][1]:g}" for name in NAMES), "", None))
    timed_row("student view render, in memory", render, "<= FTR")
    rows.append(("bytes, first view", *(kb(sizes[name][0]) for name in NAMES),
                 f"<= {kb(FIRST_VIEW_BEFORE)} (before)", sizes[ours][0] <= FIRST_VIEW_BEFORE))
    rows.append(("bytes, repeat view (not cacheable)", *(kb(sizes[name][1]) for name in NAMES),
                 "<= FTR", sizes[ours][1] <= sizes["FTR"][1]))
    rows.append(("import time after an LMS's modules", *(ms(imports[name]) for name in NAMES), "", None))
    # Past ten, entries carry "in region N": linearity compares 100 with 1,000, entries alike.
    targets = {10: ("<= 0.40 ms", grading[10][0] <= 0.4e-3), 100: ("", None),
               1_000: ("linear: per entry <= 1.25x at 100", grading[1_000][0] / 1_000 <= 1.25 * grading[100][0] / 100)}
    for count, (limit, met) in targets.items():
        rows.append((f"grading {count:,} entries, new answer", f"{ms(grading[count])}, "
                     f"{grading[count][0] / count * 1e6:.1f} us/entry", "-", "-", limit, met))
    rows.append(("compiling the taxonomy (once a worker)", ms(grading["compile"]), "-", "-", "", None))
    return rows


def print_table(rows):
    headings = ("measure", "this block", "FTR", "DnDv2", "target", "met/MISSED")
    cells = [headings] + [(*row[:5], {True: "met", False: "MISSED", None: ""}[row[5]]) for row in rows]
    widths = [max(len(row[column]) for row in cells) for column in range(len(headings))]
    for number, row in enumerate(cells):
        print(" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        if number == 0:
            print("-|-".join("-" * width for width in widths))


def main():
    from importlib.metadata import version
    print("Beside the peers: " + ", ".join(
        f"{name} {version(package)}" for name, package in (
            ("this block", "customer-tenet-xblock"), ("FTR", "xblock-free-text-response"),
            ("DnDv2", "xblock-drag-and-drop-v2"))))
    print(f"HTTP: {HTTP_ROUNDS} submits each after {HTTP_WARM_UP} of warm-up, interleaved; in memory: "
          f"{MEMORY_ROUNDS} submits and {RENDER_ROUNDS} renders each; SQL: {SQL_ROUNDS} submits each (median); "
          f"imports: {IMPORT_RUNS} fresh processes each (median).")
    with phase("submit over HTTP"):
        http = http_figures()
    with tempfile.TemporaryDirectory(prefix="ct-bench-peers-") as home:
        with phase("SQL and bytes in an in-process workbench"):
            bench.setup_workbench(Path(home))
            lift_workbench_deadline()
            sql, sizes = sql_and_bytes_figures()
        with phase("submit and render in memory"):
            submit, render = memory_figures()
        os.chdir(bench.REPO)
    with phase("imports"):
        imports = import_figures()
    with phase("grading"):
        grading = grading_figures()
    print()
    print_table(table_rows(http, submit, render, sql, sizes, imports, grading))
    print("\nEach submit is a new answer; over HTTP and in memory the rubric's word caches stay as warm as in a "
          "busy worker.\nEach render re-grades the learner's answer. Grading empties every rubric cache before each "
          "answer but the\ncompiled taxonomy, which a worker builds once (its own row).")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--serve", type=Path, metavar="HOME", help="(internal) run the bench's workbench server")
    parser.add_argument("--port", type=int)
    arguments = parser.parse_args()
    if arguments.serve:
        serve(arguments.serve, arguments.port)
    else:
        main()
