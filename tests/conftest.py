"""
Fixtures: the block, the real workbench server (started as `make run` starts
it) and Debian's chromium. Nothing runs when this file is imported: the
settings and working folder the tests need are set in pytest_configure.
Shared functions and classes live in helpers.py.
"""
import copy
import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def pytest_configure(config):
    # The block renders its templates with Django; the workbench's settings are enough.
    os.chdir(REPO)
    (REPO / "var").mkdir(exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")  # in-process tests need no staff service
    os.environ.setdefault("WORKBENCH_DATABASES", json.dumps(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
    ))
    import django
    django.setup()


# Fixtures that start a workbench server or a browser: the tests that use them are slow, whatever they say.
SERVER_FIXTURES = {"workbench", "server", "browser"}


def pytest_collection_modifyitems(items):
    """`make test-fast` leaves out what is slow; a test using a server fixture is marked so here."""
    for item in items:
        if SERVER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def block():
    from helpers import make_block
    return make_block()


@pytest.fixture(scope="session")
def workbench(tmp_path_factory):
    from run_workbench import serving
    with serving(tmp_path_factory.mktemp("workbench")) as (_process, base):
        yield base


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A module's own development server, so its tests can read (or change) its database."""
    from run_workbench import serving
    home = tmp_path_factory.mktemp("own-workbench")
    with serving(home) as (_process, base):
        yield base, home / "var" / "workbench.db"


@pytest.fixture
def managers_config(workbench):
    """The managers scenario's configuration; put back afterwards, as other tests read the scenario."""
    from customer_tenet_xblock.block.scenarios import MANAGERS_EXERCISE
    from customer_tenet_xblock.block.studio import editor_data
    from helpers import MANAGERS_SCENARIO, workbench_post
    original = editor_data(MANAGERS_EXERCISE)
    yield copy.deepcopy(original)
    status, _ = workbench_post(workbench, MANAGERS_SCENARIO, "staff-restorer", "studio_save", original)
    assert status == 200



@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, driven by Playwright. Missing chromium fails, never skips."""
    from helpers import CHROMIUM, CHROMIUM_ARGS
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
