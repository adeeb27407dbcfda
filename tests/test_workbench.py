"""
The block in the real xblock-sdk workbench, over HTTP: scenarios render,
the submit handler grades, refuses bad input without using an attempt, and
state comes back on the next visit.
"""
import pytest

from helpers import WorkbenchUser

pytestmark = pytest.mark.slow

SCENARIOS = ("customer_tenet.0", "customer_tenet.1", "customer_tenet.2", "customer_tenet.3", "customer_tenet.4")


def page_of(base, scenario, student):
    return WorkbenchUser(base, student, scenario).page


def handler(base, scenario, student, name, body):
    """POST a raw body to a handler as the page's JavaScript does."""
    response = WorkbenchUser(base, student, scenario).post(name, body.encode("utf-8"))
    return response.status_code, response.json()


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_scenario_renders(workbench, scenario):
    page = page_of(workbench, scenario, "viewer")
    assert 'class="customer-tenet"' in page
    assert "CustomerTenetXBlock" in page


def test_managers_scenario_has_its_own_groups(workbench):
    page = page_of(workbench, "customer_tenet.2", "viewer")
    assert "Your people are your customers" in page and "Your own people" in page


def test_submit_then_revisit(workbench):
    status, state = handler(workbench, "customer_tenet.0", "http-learner", "submit",
                            '{"answer": "insureds\\nbrokers\\nmy boss", "reflection": "hm"}')
    assert status == 200
    assert state["feedback"]["found_count"] == 3 and state["attempts"] == 1
    status, again = handler(workbench, "customer_tenet.0", "http-learner", "learner_state", "{}")
    assert again["answer"] == "insureds\nbrokers\nmy boss" and again["reflection"] == "hm"
    assert again["feedback"]["score_text"] == state["feedback"]["score_text"]
    page = page_of(workbench, "customer_tenet.0", "http-learner")
    # The initial state rides along with the page, as script-safe JSON in the view's own data script.
    assert "insureds\\nbrokers\\nmy boss" in page


def test_learners_do_not_share_state(workbench):
    handler(workbench, "customer_tenet.0", "learner-a", "submit", '{"answer": "agents"}')
    _status, state_b = handler(workbench, "customer_tenet.0", "learner-b", "learner_state", "{}")
    assert state_b["answer"] == "" and state_b["attempts"] == 0
