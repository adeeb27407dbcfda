"""
The package's three floors, and the one direction their imports run.

    rubric/    1  the rubric core: imports nothing of ours above it
    exercise/  2  the exercise model: the rubric, never the XBlock layer
    block/     3  the XBlock layer: anything below it
    cli.py     3  beside the XBlock layer: the floors below, never block/

Read from the source (every import, also those inside functions), so an
import added anywhere is caught whether or not a test runs that code.
"""
import ast
from pathlib import Path

import pytest

PACKAGE = "customer_tenet_xblock"
PACKAGE_DIR = Path(__file__).resolve().parent.parent / PACKAGE
FLOORS = {"rubric": 1, "exercise": 2, "block": 3, "cli": 3}
# What the two lower floors must run without: the CLI and the rubric run with no XBlock runtime.
FRAMEWORKS = {"xblock", "webob", "web_fragments", "django"}


def modules():
    """(dotted module name inside the package, path) of every module."""
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        parts = path.relative_to(PACKAGE_DIR).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def imports(module, path):
    """Every module `module` imports: ours as package-relative names ("exercise.olx"), others as "lxml"."""
    package_parts = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level:
            base = package_parts[:len(package_parts) - node.level + 1]
            stem = ".".join([PACKAGE] + base + ([node.module] if node.module else []))
            # The imported names may be modules (from ..exercise import olx): count both.
            names = [stem] + [f"{stem}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module]
        else:
            continue
        for name in names:
            yield name[len(PACKAGE) + 1:] if name.startswith(PACKAGE + ".") else name


MODULES = dict(modules())


def floor(module):
    return FLOORS.get(module.split(".")[0], 0)


def ours(name):
    return name.split(".")[0] in FLOORS


def test_every_module_stands_on_a_floor():
    """A new top-level module must be placed on a floor (and in this test) on purpose."""
    assert [module for module in MODULES if module and floor(module) == 0] == []


@pytest.mark.parametrize("module", MODULES)
def test_no_floor_imports_a_higher_one(module):
    upward = [name for name in imports(module, MODULES[module]) if ours(name) and floor(name) > floor(module)]
    assert upward == [], f"{module} (floor {floor(module)}) imports {upward}"


@pytest.mark.parametrize("module", [module for module in MODULES if floor(module) < 3])
def test_the_lower_floors_need_no_framework(module):
    frameworks = [name for name in imports(module, MODULES[module]) if name.split(".")[0] in FRAMEWORKS]
    assert frameworks == [], f"{module} imports {frameworks}"


def test_the_cli_does_not_need_the_block():
    """customer-tenet grades offline with what the block grades with, without loading the XBlock layer."""
    path = PACKAGE_DIR / "cli.py"
    assert [name for name in imports("cli", path) if name.split(".")[0] in {"block"} | FRAMEWORKS] == []


def test_the_reader_sees_every_kind_of_import():
    """The checks above are only as good as the import reader: it resolves each form our code uses."""
    found = set(imports("block.customer_tenet", PACKAGE_DIR / "block" / "customer_tenet.py"))
    assert {"exercise.olx", "rubric", "block.fields", "xblock.core"} <= found
    assert "rubric.taxonomy" in set(imports("rubric.grading", PACKAGE_DIR / "rubric" / "grading.py"))
