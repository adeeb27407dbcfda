"""
What the tests share: a recording runtime for the block, a learner on the
workbench's pages, the insurance class, racing submissions and the browser
steps. Fixtures live in conftest.py; test modules import from here only.
"""
import json
import re
import shutil
import sqlite3
import sys
import threading
from collections import namedtuple
from pathlib import Path

import requests
from webob import Request
from xblock.field_data import DictFieldData
from xblock.fields import Scope, ScopeIds
from xblock.reference.user_service import UserService, XBlockUser
from xblock.runtime import NullI18nService
from xblock.test.tools import TestRuntime

from customer_tenet_xblock import rubric
from customer_tenet_xblock.block import CustomerTenetXBlock

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

TWO_ATTEMPTS = "customer_tenet.1"
FIRST = "our insureds\nbrokers\nmy boss\nthe weather"
SECOND = FIRST + "\nthe claims department\nmy coworkers"


class FixedUserService(UserService):
    """The current user, staff or not, as the LMS describes them."""

    def __init__(self, user_id, is_staff):
        super().__init__()
        self.user = XBlockUser(is_current_user=True, full_name=user_id)
        self.user.opt_attrs.update({
            "edx-platform.username": user_id,
            "edx-platform.anonymous_user_id": user_id,
            "edx-platform.user_is_staff": is_staff,
        })

    def get_current_user(self):
        return self.user


class RecordingRuntime(TestRuntime):
    """A runtime that keeps every event the block publishes, in order."""

    def __init__(self, user_id="learner-1", is_staff=False):
        super().__init__(services={
            "i18n": NullI18nService(),
            "field-data": DictFieldData({}),
            "user": FixedUserService(user_id, is_staff),
        })
        self.events = []

    def publish(self, block, event_type, event_data):
        self.events.append((event_type, event_data))

    def grade_events(self):
        return [data for event_type, data in self.events if event_type == "grade"]

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
        return f"/handler/{handler_name}/{suffix}"

    def local_resource_url(self, block, uri):
        return f"/resource/{uri}"


def view_data(fragment):
    """The student view's data, as its script reads it: the JSON in the view's own .ct-data script element."""
    found = re.search(r'<script type="application/json" class="ct-data">(.*?)</script>', fragment.content, re.S)
    assert found, "the student view holds no data script"
    return json.loads(found.group(1))


def make_block(exercise=None, runtime=None):
    """A bound block, configured from an Exercise (default: the insurance example)."""
    runtime = runtime or RecordingRuntime()
    ids = ScopeIds("learner-1", "customer_tenet", "def-1", "usage-1")
    block = runtime.construct_xblock_from_class(CustomerTenetXBlock, ids)
    if exercise is not None:
        block.store_exercise(exercise)
    return block


def call_handler(block, name, body, method="POST"):
    """Call a handler as the runtime would; returns (status, decoded JSON)."""
    raw = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
    request = Request.blank("/", method=method, body=raw if method == "POST" else None)
    response = block.runtime.handle(block, name, request)
    return response.status_code, json.loads(response.body.decode("utf-8"))


class WorkbenchUser:
    """
    Someone on a scenario's page in the workbench server: a session holding the
    page's cookie and CSRF token, posting to the block's handlers as the page's
    JavaScript does.
    """

    def __init__(self, base, name, scenario="customer_tenet.0", view="", language="en", timeout=60):
        self.base, self.name, self.timeout = base, name, timeout
        self.session = requests.Session()
        self.session.headers["Accept-Language"] = language
        page = self.session.get(f"{base}/scenario/{scenario}/{view}", params={"student": name}, timeout=timeout)
        page.raise_for_status()
        self.page = page.text
        found = re.search(r"data-usage='([^']+)' data-block-type='customer_tenet'", page.text)
        assert found, (page.status_code, page.text[-2000:])
        self.usage = found.group(1)

    def post(self, handler, body):
        """Bytes are sent as they are (malformed bodies included); anything else as JSON."""
        raw = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
        return self.session.post(
            f"{self.base}/handler/{self.usage}/{handler}/", params={"student": self.name}, data=raw,
            headers={"Content-Type": "application/json", "X-CSRFToken": self.session.cookies["csrftoken"]},
            timeout=self.timeout,
        )


def learner_fields(block):
    """A learner's stored state, to prove a refusal changed nothing."""
    return {name: getattr(block, name) for name in
            ("answer", "best_answer", "reflection", "attempts", "raw_earned", "raw_possible")}


# ---- the insurance class, stored as the LMS stores it ----------------------------------------

# The LMS's XBlockUserState (edx-user-state-client), as iter_all_for_block yields it.
XBlockUserState = namedtuple("XBlockUserState", ["username", "block_key", "state", "updated", "scope"])

# learner -> (answer, reflection). Groups placed by the insurance example's rubric.
CLASS = {
    "ana": ("insureds\nbrokers\nmy boss\nthe lighthouse keeper", "Everyone is a customer."),
    "ben": ("policyholders\nThe Lighthouse-Keeper!\nastronauts", ""),
    "cai": ("@SUM(1+1)\n=HYPERLINK(\"http://evil.example\")\nagents", "@SUM(A1:A9)"),
    "dee": ("coworkers\nthe lighthouse keeper\nTHE LIGHTHOUSE KEEPER", "-nothing"),
}


def stored_state(block):
    """A learner's Scope.user_state exactly as the runtime stores it: JSON values of the fields set."""
    return {
        name: field.read_json(block) for name, field in block.fields.items()
        if field.scope == Scope.user_state and field.is_set_on(block)
    }


def submitted_states(answers=CLASS):
    """Each learner submits through the real handler; their stored states, as the LMS's iterator yields them."""
    states = []
    for username, (answer, reflection) in answers.items():
        block = make_block(runtime=RecordingRuntime(user_id=username))
        status, _state = call_handler(block, "submit", {"answer": answer, "reflection": reflection})
        assert status == 200
        states.append(XBlockUserState(username, "usage-1", stored_state(block), None, Scope.user_state))
    return states


class ListUserStateClient:
    """iter_all_for_block over states already read, for in-process handler tests."""

    def __init__(self, states):
        self.states = states

    def iter_all_for_block(self, block_key, scope=Scope.user_state):
        return iter(self.states)



# ---- the Studio editor in the workbench ------------------------------------------------------

MANAGERS_SCENARIO = "customer_tenet.2"


def workbench_post(base, scenario, student, handler, body):
    """POST to a handler as the editor's JavaScript does (a str body is sent as it is)."""
    user = WorkbenchUser(base, student, scenario, view="studio_view/")
    response = user.post(handler, body.encode("utf-8") if isinstance(body, str) else body)
    return response.status_code, response.json()



# ---- racing submissions from one learner -----------------------------------------------------

def stored_row(database, student):
    """The learner's user-state row as the workbench stored it: raw text, byte for byte."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as connection:
        rows = connection.execute(
            "SELECT scope_id, state FROM workbench_xblockstate WHERE scope = 'usage' AND user_id = ?",
            (student,),
        ).fetchall()
    return sorted(rows)


def race(learner_names_and_bodies, base, scenario=TWO_ATTEMPTS):
    """Send the submissions at the same instant; return [(body, status, json)]."""
    learners = [(WorkbenchUser(base, name, scenario), body) for name, body in learner_names_and_bodies]
    barrier = threading.Barrier(len(learners))
    results = [None] * len(learners)

    def send(index, learner, body):
        barrier.wait(timeout=30)
        response = learner.post("submit", body)
        results[index] = (body, response.status_code, response.json())

    threads = [threading.Thread(target=send, args=(index, learner, body))
               for index, (learner, body) in enumerate(learners)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def check_race(results, stored, max_attempts, one_process=True):
    """
    What "correct" means for one learner's racing submissions: each is graded
    (200) or refused as out of attempts (409), never a 500; the stored
    attempts never exceed the maximum; the stored answer and reflection are
    those of one graded submission. Across processes the workbench writes
    each field separately, so there they are each from a graded submission,
    not necessarily the same one (README, "Limits and hardening").
    """
    assert {status for _body, status, _json in results} <= {200, 409}, results
    graded = [(body, state) for body, status, state in results if status == 200]
    assert graded
    assert stored["attempts"] <= max_attempts
    if one_process:
        assert any(stored["answer"] == body["answer"] and stored["reflection"] == body["reflection"]
                   for body, _state in graded), stored
    else:
        assert stored["answer"] in {body["answer"] for body, _state in graded}, stored
        assert stored["reflection"] in {body["reflection"] for body, _state in graded}, stored
    return graded



# ---- a learner in the browser ----------------------------------------------------------------

def open_exercise(page, base, student, scenario="customer_tenet.0"):
    page.goto(f"{base}/scenario/{scenario}/?student={student}")
    page.wait_for_selector(".customer-tenet .ct-map-picture .ct-you")
    return page.locator(".customer-tenet")


def submit(page, block, answer):
    block.get_by_label("Your customers", exact=True).fill(answer)
    block.get_by_role("button", name="Submit").click()
    block.locator(".ct-submit:not([aria-busy])").wait_for()


def row(block, group_label):
    return block.locator(".ct-group").filter(has_text=group_label)


def statuses(block):
    return {item.locator(".ct-group-label").text_content(): item.locator(".ct-group-status-text").text_content()
            for item in block.locator(".ct-group").all()}


def map_chips(block):
    """The picture as a sighted learner reads it: per ring, each chip's label and state."""
    return block.locator(".ct-map-picture").evaluate("""picture => {
        const rings = {};
        for (const ring of picture.querySelectorAll('.ct-zone')) {
            const side = ring.classList.contains('ct-zone-internal') ? 'internal' : 'external';
            rings[side] = [...ring.querySelectorAll('.ct-chip')]
                .filter(chip => chip.closest('.ct-zone') === ring)
                .map(chip => [chip.querySelector('.ct-chip-label').textContent, chip.dataset.state]);
        }
        return rings;
    }""")


def said_by_picture(chips):
    """The sentence the picture shows, written out from the chips themselves."""
    def side(items):
        if all(state == "open" for _label, state in items):
            return f"{len(items)} customer groups to find."
        return ", ".join(f"{label} ({state})" for label, state in items) + "."
    return ("Customer map. You are in the middle. Inside the organisation, close to you: "
            + side(chips["internal"]) + " Outside the organisation: " + side(chips["external"]))


# ---- work the rubric core does, counted in executed lines (not timed) ----

RUBRIC = str(Path(rubric.__file__).parent)


def executed_lines(function, *args, under=RUBRIC):
    """Lines of the rubric core (or of the Python files under another path) executed by function(*args):
    a measure of work."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if not frame.f_code.co_filename.startswith(under):
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        function(*args)
    finally:
        sys.settrace(None)
    return count
