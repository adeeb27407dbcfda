"""
What an admin does: build the wheel, pip-install it into a fresh virtualenv,
and render the block there, its template, JS and CSS read from the installed
package rather than from this checkout.
"""
import glob
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from customer_tenet_xblock.block.scenarios import SCENARIOS
from helpers import REPO

pytestmark = pytest.mark.slow

RENDER = textwrap.dedent("""
    import json, django
    from django.conf import settings
    settings.configure(INSTALLED_APPS=[], USE_I18N=True)
    django.setup()
    from xblock.core import XBlock
    from xblock.field_data import DictFieldData
    from xblock.fields import ScopeIds
    from xblock.runtime import NullI18nService
    from xblock.test.tools import TestRuntime
    import customer_tenet_xblock, customer_tenet_xblock.block.resources as resources

    import importlib.resources

    class Runtime(TestRuntime):
        def local_resource_url(self, block, uri):
            return uri

    def served(uri):
        # The LMS in debug and the workbench: the class opens the file (common_views/xblock.py).
        with cls.open_local_resource(uri) as opened:
            by_view = opened.read().decode("utf-8")
        # The LMS's collectstatic: <package of the class's module>/<resources_dir>/<uri>
        # (openedx/core/lib/xblock_pipeline/finder.py, xblock_utils.xblock_resource_pkg).
        package = cls.__module__.rsplit(".", 1)[0]
        collected = importlib.resources.files(package).joinpath(cls.resources_dir).joinpath(uri).read_text("utf-8")
        assert collected == by_view, uri
        return by_view

    cls = XBlock.load_class("customer_tenet")
    runtime = Runtime(services={"i18n": NullI18nService(), "field-data": DictFieldData({})})
    block = runtime.construct_xblock_from_class(cls, ScopeIds("u", "customer_tenet", "d", "u1"))
    fragment = block.render("student_view")
    print(json.dumps({
        "package": customer_tenet_xblock.__file__,
        "static": str(resources.STATIC_DIR),
        "html": fragment.content,
        "css": [served(r.data) for r in fragment.resources if r.mimetype == "text/css"],
        "js": [served(r.data) for r in fragment.resources if r.mimetype == "application/javascript"],
        "scenarios": len(cls.workbench_scenarios()),
    }))
""")


# The Pythons we support: Tutor's current image runs 3.11; newer XBlock needs 3.12.
PYTHONS = ("3.11", "3.12")


def find_python(version):
    """An interpreter of this version that runs: on PATH, or installed by pyenv but not selected."""
    candidates = [shutil.which(f"python{version}")] + sorted(
        glob.glob(os.path.expanduser(f"~/.pyenv/versions/{version}*/bin/python{version}")))
    for candidate in filter(None, candidates):
        if subprocess.run([candidate, "-c", "pass"], capture_output=True).returncode == 0:
            return candidate
    return None


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(REPO)],
        check=True, capture_output=True, timeout=300,
    )
    wheels = list(dist.glob("customer_tenet_xblock-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


@pytest.fixture(scope="module", params=PYTHONS)
def installed(request, wheel, tmp_path_factory):
    """The wheel pip-installed, with its dependencies, into a fresh virtualenv."""
    interpreter = find_python(request.param)
    if interpreter is None:
        pytest.fail(f"Python {request.param} is needed to check that the package installs on it")
    work = tmp_path_factory.mktemp(f"python{request.param}")
    subprocess.run([interpreter, "-m", "venv", str(work / "venv")], check=True, timeout=120)
    python = work / "venv" / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)],
                   check=True, capture_output=True, timeout=600)
    return python, wheel, work


def test_wheel_ships_static_inside_the_package(installed):
    import zipfile
    _python, wheel, _work = installed
    names = zipfile.ZipFile(wheel).namelist()
    for path in ("html/student_view.html", "js/min/customer_tenet.js", "js/i18n/es.js", "css/min/customer_tenet.css"):
        assert f"customer_tenet_xblock/static/{path}" in names
    for domain in ("text", "textjs"):  # where the LMS looks for the block's own catalogs
        assert f"customer_tenet_xblock/translations/es/LC_MESSAGES/{domain}.mo" in names
    assert not any(name.startswith("tests/") for name in names)


def test_installed_block_renders_with_its_js_and_css(installed):
    """
    Its JS and CSS by URL, each file found both where the runtime's resource
    view opens it and where the LMS's collectstatic copies it from (mirrors
    openedx/core/lib/xblock_pipeline/finder.py and
    openedx/core/djangoapps/common_views/xblock.py).
    """
    import json
    python, _wheel, work = installed
    result = subprocess.run([str(python), "-c", RENDER], cwd=work, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert "site-packages" in data["package"] and str(REPO) not in data["package"]
    assert data["static"].endswith("site-packages/customer_tenet_xblock/static")
    assert "Your customers" in data["html"]
    assert any(".customer-tenet" in css for css in data["css"])
    assert any("function CustomerTenetXBlock" in js for js in data["js"])
    assert data["scenarios"] == len(SCENARIOS)


def test_installed_console_script(installed):
    python, _wheel, work = installed
    result = subprocess.run([str(python.parent / "customer-tenet"), "grade", "--json", "-"], input="brokers\n",
                            cwd=work, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert '"covered": [\n    "agents"\n  ]' in result.stdout


def test_the_package_metadata_raises_no_deprecation_warning():
    """setuptools deprecates `License ::` classifiers; the license is an SPDX expression instead."""
    result = subprocess.run([sys.executable, "setup.py", "--license"], cwd=REPO, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "AGPL-3.0-only"
    assert "Deprecat" not in result.stderr, result.stderr
