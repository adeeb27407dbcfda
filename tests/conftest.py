"""
Shared test fixtures: a recording runtime for the block, the real workbench
server (started as `make run` starts it) and Debian's chromium for browsers.
"""
import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# The block renders its template with Django; the workbench's settings are enough.
os.chdir(REPO)
(REPO / "var").mkdir(exist_ok=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")  # in-process tests need no staff service
os.environ.setdefault("WORKBENCH_DATABASES", json.dumps(
    {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
))
import django  # noqa: E402

django.setup()

from webob import Request  # noqa: E402
from xblock.field_data import DictFieldData  # noqa: E402
from xblock.fields import ScopeIds  # noqa: E402
from xblock.reference.user_service import UserService, XBlockUser  # noqa: E402
from xblock.runtime import NullI18nService  # noqa: E402
from xblock.test.tools import TestRuntime  # noqa: E402

from customer_tenet_xblock.block import CustomerTenetXBlock  # noqa: E402
from customer_tenet_xblock.exercise import olx  # noqa: E402

sys.path.insert(0, str(REPO / "scripts"))
from run_workbench import serving  # noqa: E402


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


@pytest.fixture
def block():
    return make_block()


@pytest.fixture(scope="session")
def workbench(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("workbench")) as (_process, base):
        yield base


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, driven by Playwright. Missing chromium fails, never skips."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"chromium is required for the browser tests and was not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def exercise_from_olx(text):
    return olx.parse_olx_text(text)
