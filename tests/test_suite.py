"""The test suite's own rules: fixtures in conftest.py, shared code in helpers.py, nothing run at import."""
import ast
import os
import subprocess
import sys

from helpers import REPO

TESTS = REPO / "tests"


def test_importing_conftest_does_no_work():
    """No chdir, no environment, no Django set-up: collection stays cheap and side-effect free."""
    probe = (
        "import os, runpy, sys; before = (os.getcwd(), dict(os.environ)); "
        f"runpy.run_path({str(TESTS / 'conftest.py')!r}); "
        "assert (os.getcwd(), dict(os.environ)) == before; "
        "assert not any(name == 'django.apps' or name.startswith('customer_tenet_xblock') for name in sys.modules)"
    )
    environment = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run([sys.executable, "-c", probe], cwd="/", env=environment, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr


def test_test_modules_import_no_other_test_module():
    """Shared code lives in helpers.py (or a platform stand-in module), never in conftest.py or a test_ file."""
    offenders = []
    for path in TESTS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [(path.name, name) for name in names if name == "conftest" or name.startswith("test_")]
    assert offenders == []
