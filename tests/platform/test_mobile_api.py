"""
The mobile apps read a learner's state with GET.

The apps get the block's student_view_data (which names its handlers) from
the course blocks API, then call the handler with the LMS's handler view,
which lets GET through, even without a session and CSRF token (JWT or
OAuth bearer auth): lms/djangoapps/courseware/block_render.py,
handle_xblock_callback.
"""
import json

import pytest
import requests
from webob import Request

from customer_tenet_xblock.block import CustomerTenetXBlock
from customer_tenet_xblock.exercise.settings import Exercise
from helpers import RecordingRuntime, WorkbenchUser, call_handler, learner_fields, make_block

pytestmark = pytest.mark.slow  # the HTTP tests start the workbench
SCENARIO = "customer_tenet.1"  # two attempts
# Every other handler of the block, discovered: each changes state or is staff-only, so GET stays refused.
STATE_CHANGING = sorted(
    name for name in dir(CustomerTenetXBlock)
    if getattr(getattr(CustomerTenetXBlock, name), "_is_xblock_handler", False) and name != "learner_state"
)


def get(block, name):
    response = block.runtime.handle(block, name, Request.blank("/", method="GET"))
    return response.status_code, json.loads(response.body.decode("utf-8"))


def test_learner_state_answers_get_with_what_post_answers_and_changes_nothing():
    """Mirrors lms/djangoapps/courseware/block_render.py: handle_xblock_callback passes GET requests to handlers."""
    block = make_block(Exercise(max_attempts=2), RecordingRuntime())
    assert call_handler(block, "submit", {"answer": "insureds\nmy boss"})[0] == 200
    before, events = learner_fields(block), len(block.runtime.events)
    handler = block.student_view_data()["state_handler"]
    status, state = get(block, handler)
    assert status == 200
    assert state == call_handler(block, handler, {})[1]
    assert state["answer"] == "insureds\nmy boss" and state["attempts_left"] == 1
    assert state["feedback"]["found_count"] == 2
    assert learner_fields(block) == before and len(block.runtime.events) == events


@pytest.mark.parametrize("name", STATE_CHANGING)
def test_handlers_that_change_state_refuse_get(name):
    block = make_block(runtime=RecordingRuntime(is_staff=True))
    status, payload = get(block, name)
    assert (status, payload["code"]) == (405, "method_not_allowed")


def test_the_app_reads_the_state_with_get_over_http(workbench):
    """Mirrors lms/djangoapps/courseware/block_render.py: GET reaches the handler without a CSRF token."""
    learner = WorkbenchUser(workbench, "mobile-learner", scenario=SCENARIO)
    assert learner.post("submit", {"answer": "brokers\ncoworkers"}).status_code == 200
    app = requests.Session()  # no page visited: no cookie, no CSRF token
    url = f"{workbench}/handler/{learner.usage}/learner_state/"
    response = app.get(url, params={"student": "mobile-learner"}, timeout=60)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["Content-Type"].startswith("application/json")
    state = response.json()
    assert state["answer"] == "brokers\ncoworkers" and state["attempts"] == 1
    assert app.get(url, params={"student": "mobile-learner"}, timeout=60).json() == state  # read-only
    submit = app.get(f"{workbench}/handler/{learner.usage}/submit/", params={"student": "mobile-learner"}, timeout=60)
    assert submit.status_code == 405 and submit.headers["Allow"] == "POST"
