"""
The class summary as the LMS serves it: a staff page view reads no learner
state; the summary is read when staff ask, at most LEARNER_CAP learners per
request, kept in the runtime's cache service; a runtime with no way to read
learners' states still renders the page and says why there is no summary.
In process against learner states stored by the real submit handler, then in
Debian's chromium against the workbench.
"""
import csv
import io
from datetime import datetime, timedelta, timezone

import pytest
from django.core.cache import cache as django_cache
from xblock.fields import Scope

from customer_tenet_xblock.block import insights
from customer_tenet_xblock.exercise.class_figures import LEARNER_CAP, summary_cache_key
from customer_tenet_xblock.exercise.presets import default_taxonomy
from helpers import CLASS, ListUserStateClient, RecordingRuntime, call_handler, make_block, submitted_states
from run_workbench import serving
from workbench_services import DjangoCacheService


class CountingStateClient(ListUserStateClient):
    """The LMS's iter_all_for_block over given states, counting calls and the states actually read."""

    def __init__(self, states):
        super().__init__(states)
        self.calls = self.read = 0

    def iter_all_for_block(self, block_key, scope=Scope.user_state):
        self.calls += 1
        for state in self.states:
            self.read += 1
            yield state


class RefusingStateClient:
    """Any read of learners' states fails the test."""

    def iter_all_for_block(self, block_key, scope=Scope.user_state):
        raise AssertionError("learners' states were read")


class UnimplementedStateClient:
    """edx_user_state_client's interface as some clients leave it: iterating is not implemented."""

    def iter_all_for_block(self, block_key, scope=Scope.user_state):
        raise NotImplementedError()
        yield  # pragma: no cover - a generator, as the real ones are


@pytest.fixture(autouse=True)
def empty_cache():
    django_cache.clear()
    yield
    django_cache.clear()


def lms_staff_block(client=None, with_cache=True):
    """A staff member's block with the LMS's services: cache, and a user-state client only if given."""
    runtime = RecordingRuntime(user_id="staff-1", is_staff=True)
    if with_cache:
        runtime._services["cache"] = DjangoCacheService()
    if client is not None:
        runtime._services["user_state_client"] = client
    return make_block(runtime=runtime)


# ---- a page view ------------------------------------------------------------


def test_a_staff_page_view_reads_no_learner_state():
    """
    Mirrors lms/djangoapps/courseware/block_render.py: a staff member's unit
    page renders student_view; the summary waits for the staff's button.
    """
    html = lms_staff_block(RefusingStateClient()).student_view().content
    assert "Load the class summary" in html
    assert f"reads at most {LEARNER_CAP} learners" in html and "Problem Responses report" in html


def test_without_a_user_state_client_the_page_renders_and_the_summary_says_why():
    """
    Mirrors lms/djangoapps/courseware/block_render.py: the LMS's services
    include "cache" but no "user_state_client".
    """
    block = lms_staff_block(client=None)
    assert "ct-insights" in block.student_view().content
    for handler in ("class_summary", "export_responses"):
        status, body = call_handler(block, handler, {})
        assert (status, body["code"]) == (501, "no_user_states")
        assert "problem responses report" in body["error"]


def test_a_client_that_cannot_iterate_is_a_clear_refusal_not_a_crash():
    """
    Mirrors lms/djangoapps/instructor_task/tasks_helper/grades.py
    (ProblemResponses skips a block whose client raises NotImplementedError).
    """
    status, body = call_handler(lms_staff_block(UnimplementedStateClient()), "class_summary", {})
    assert (status, body["code"]) == (501, "no_user_states")


# ---- the cache service --------------------------------------------------------


def test_the_summary_is_read_once_then_served_from_the_cache_with_its_time():
    """
    Mirrors openedx/core/lib/cache_utils.py (CacheService: get(key),
    set(key, value, timeout)), which lms/djangoapps/courseware/block_render.py
    gives every block over Django's cache.
    """
    client = CountingStateClient(submitted_states())
    block = lms_staff_block(client)
    before = datetime.now(timezone.utc).replace(microsecond=0)
    status, first = call_handler(block, "class_summary", {})
    status_again, second = call_handler(block, "class_summary", {})
    assert (status, status_again) == (200, 200)
    assert client.calls == 1  # the second request read nobody's state
    assert first == second and first["learners"] == len(CLASS)
    as_of = datetime.fromisoformat(first["as_of"])
    assert as_of.utcoffset() == timedelta(0) and before <= as_of <= datetime.now(timezone.utc)
    assert first["limit_text"] == ""


def test_a_rubric_edit_is_seen_at_once_despite_the_cache():
    """Mirrors openedx/core/lib/cache_utils.py (CacheService): the key holds the rubric, so an edit misses."""
    client = CountingStateClient(submitted_states())
    block = lms_staff_block(client)
    _status, before = call_handler(block, "class_summary", {})
    groups = [dict(group) for group in block.groups]
    next(group for group in groups if group["id"] == "departments")["synonyms"].append("lighthouse keeper")
    block.groups = groups
    _status, after = call_handler(block, "class_summary", {})
    assert client.calls == 2
    assert before["unplaced"][0]["learners"] == 3
    assert "lighthouse keeper" not in [row["text"] for row in after["unplaced"]]


def test_cache_keys_differ_by_block_rubric_and_cap_and_suit_memcached():
    taxonomy = default_taxonomy()
    key = summary_cache_key("block-v1:Org+Course+Run+type@customer_tenet+block@abc", taxonomy)
    other_rubric = type(taxonomy).from_dict({**taxonomy.to_dict(), "balance_points": 2.0})
    assert len({key, summary_cache_key("block-v1:Org+Course+Run+type@customer_tenet+block@abd", taxonomy),
                summary_cache_key("block-v1:Org+Course+Run+type@customer_tenet+block@abc", other_rubric),
                summary_cache_key("block-v1:Org+Course+Run+type@customer_tenet+block@abc", taxonomy, cap=10)}) == 4
    assert len(key) < 250 and key.isascii() and " " not in key


# ---- the cap ------------------------------------------------------------------


def test_one_request_reads_at_most_the_cap_and_says_where_to_see_everyone(monkeypatch):
    """
    Mirrors lms/djangoapps/instructor_task/tasks_helper/grades.py: the
    Problem Responses report reads every learner in a background task; a
    page request reads a bounded number and points there.
    """
    monkeypatch.setattr(insights, "LEARNER_CAP", 2)
    client = CountingStateClient(submitted_states())  # 4 learners
    block = lms_staff_block(client)
    status, summary = call_handler(block, "class_summary", {})
    assert status == 200 and summary["learners"] == 2
    assert client.read == 3  # two to count, one to know there were more
    assert "first 2 learner records" in summary["limit_text"] and "Problem Responses report" in summary["limit_text"]
    status, export = call_handler(block, "export_responses", {})
    usernames = [row[0] for row in csv.reader(io.StringIO(export["csv"]))][1:]
    assert status == 200 and usernames == list(CLASS)[:2] and export["limit_text"] == summary["limit_text"]


def test_one_request_stops_once_the_answers_it_read_are_long_enough(monkeypatch):
    """
    A stored answer may hold 20,000 characters (50,000 under older limits), so 2,000 learners could
    hold the request for minutes: it stops past ANSWER_CHARACTER_CAP characters
    of answers (latest and best) and says how many learners it read.
    """
    states = submitted_states()
    first = sum(len(states[0].state.get(name) or "") for name in ("answer", "best_answer"))
    monkeypatch.setattr(insights, "ANSWER_CHARACTER_CAP", first + 1)
    client = CountingStateClient(states)
    status, summary = call_handler(lms_staff_block(client), "class_summary", {})
    assert status == 200 and summary["learners"] == 2 and client.read == 3
    assert "first 2 learner records" in summary["limit_text"]
    monkeypatch.setattr(insights, "ANSWER_CHARACTER_CAP", first)
    django_cache.clear()
    status, summary = call_handler(lms_staff_block(CountingStateClient(states)), "class_summary", {})
    assert summary["learners"] == 1 and "first 1 learner record was read" in summary["limit_text"]


# ---- in Chromium --------------------------------------------------------------

SCENARIO = "customer_tenet.0"


def summary_requests(page):
    requests = []
    page.on("request", lambda request: requests.append(request.url) if "/class_summary/" in request.url else None)
    return requests


@pytest.mark.browser
@pytest.mark.slow
def test_the_staff_page_asks_for_the_summary_only_when_staff_press_the_button(browser, workbench):
    """
    Mirrors lms/djangoapps/courseware/block_render.py: opening the unit runs
    the block's view and its JavaScript; only the button reads learners'
    states. The time is shown in the browser's locale and time zone.
    """
    context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    page = context.new_page()
    asked = summary_requests(page)
    page.goto(f"{workbench}/scenario/{SCENARIO}/?student=staff-viewer", wait_until="networkidle")
    section = page.locator(".ct-insights")
    assert section.get_by_role("button", name="Load the class summary").is_visible()
    assert asked == [] and section.locator(".ct-insights-as-of").is_hidden()

    with page.expect_response(lambda response: "/class_summary/" in response.url) as answered:
        section.get_by_role("button", name="Load the class summary").click()
    as_of = datetime.fromisoformat(answered.value.json()["as_of"]).astimezone(timezone(timedelta(hours=1)))
    shown = section.locator(".ct-insights-as-of")
    shown.wait_for()
    # Berlin is UTC+1 in November; German dates read day.month.year.
    assert shown.text_content() == f"As of {as_of.day}.{as_of.month}.{as_of.year}, {as_of:%H:%M:%S}."
    assert len(asked) == 1
    context.close()


@pytest.mark.browser
@pytest.mark.slow
def test_without_a_state_client_the_page_works_and_the_summary_says_why(browser, tmp_path):
    """Mirrors lms/djangoapps/courseware/block_render.py: no "user_state_client" among the LMS's services."""
    with serving(tmp_path, environment={"WORKBENCH_AS_LMS_WITHOUT_STATE_CLIENT": "1"}) as (_process, base):
        context = browser.new_context()
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}/scenario/{SCENARIO}/?student=staff-lms")
        learner_form = page.locator(".customer-tenet .ct-form")
        learner_form.wait_for()
        section = page.locator(".ct-insights")
        section.get_by_role("button", name="Load the class summary").click()
        status = section.locator(".ct-insights-status")
        status.filter(has_text="does not let the block read learners' answers").wait_for()
        assert "problem responses report" in status.text_content()
        assert section.locator(".ct-insights-body").is_hidden()
        page.get_by_label("Your customers", exact=True).fill("insureds")
        with page.expect_response(lambda response: "/submit/" in response.url) as submitted:
            page.get_by_role("button", name="Submit").click()
        assert submitted.value.status == 200 and errors == []
        context.close()
