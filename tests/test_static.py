"""
The block's own scripts and stylesheets (static/): what every view loads,
one palette scoped under the block's roots, text put in the page as text.
"""
import re

import pytest

from helpers import REPO, RecordingRuntime, make_block

CSS = REPO / "static" / "css"
JS = REPO / "static" / "js"
PALETTE = CSS / "palette.css"
ROOTS = (".customer-tenet", ".customer-tenet-studio", ".customer-tenet-author")
COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\(")


def selectors(css):
    """Every style rule's selectors, through @media blocks; @keyframes steps are not selectors."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found, stack, prelude = [], [], ""
    for char in css:
        if char == "{":
            head = prelude.strip()
            inside_keyframes = any(outer.startswith("@keyframes") for outer in stack)
            if not head.startswith("@") and not inside_keyframes:
                found.extend(part.strip() for part in head.split(","))
            stack.append(head)
            prelude = ""
        elif char == "}":
            stack.pop()
            prelude = ""
        elif char == ";" and stack and not stack[-1].startswith("@media"):
            prelude = ""
        else:
            prelude += char
    return found


def stylesheets():
    return sorted(CSS.glob("*.css"))


def test_the_selector_reader_reads_media_blocks():
    assert selectors(".a { x: 1 }\n@media (y) { b c { x: 1 } }") == [".a", "b c"]


@pytest.mark.parametrize("path", stylesheets(), ids=lambda path: path.name)
def test_every_css_rule_is_scoped_under_the_blocks_root(path):
    found = selectors(path.read_text(encoding="utf-8"))
    assert found
    assert [selector for selector in found if not selector.startswith(ROOTS)] == []


def test_one_palette_set_on_the_blocks_roots_only():
    assert selectors(PALETTE.read_text(encoding="utf-8")) == list(ROOTS)
    defined = set(re.findall(r"(--ct-[a-z-]+)\s*:", PALETTE.read_text(encoding="utf-8")))
    for path in stylesheets():
        if path == PALETTE:
            continue
        css = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
        assert COLOUR.findall(css) == [], f"{path.name} names a colour of its own"
        assert set(re.findall(r"var\((--ct-[a-z-]+)", css)) <= defined, path.name
        assert not re.search(r"var\(--ct-[a-z-]+,", css), f"{path.name}: a fallback would be a second palette"


@pytest.mark.parametrize("path", sorted(JS.glob("*.js")), ids=lambda path: path.name)
def test_javascript_puts_text_in_the_page_as_text(path):
    """No HTML sinks, except Studio's preview of the server-sanitised prompt."""
    sinks = re.findall(r".*(?:innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.html\(|\.append\(\s*['\"]<).*",
                       path.read_text(encoding="utf-8"))
    assert [line for line in sinks if "response.prompt_html" not in line] == []


def test_the_views_share_one_helper_script_instead_of_copies():
    shared = ("function make(", "function format(", "function csrfToken(", "$.ajax(")
    for path in JS.glob("*.js"):
        if path.name != "common.js":
            source = path.read_text(encoding="utf-8")
            assert [name for name in shared if name in source] == [], path.name


def resources(fragment):
    """The file of each script and stylesheet the fragment brings, in order (by URL: the runtime's resource URL)."""
    files = {path.read_text(encoding="utf-8"): path.name for path in (*CSS.glob("*.css"), *JS.glob("*.js"))}
    return [resource.data.rsplit("/", 1)[-1] if resource.kind == "url" else files.get(resource.data, resource.data)
            for resource in fragment.resources]


@pytest.mark.parametrize("view, script, stylesheet", [
    ("student_view", "customer_tenet.js", "customer_tenet.css"),
    ("studio_view", "studio.js", "studio.css"),
])
def test_each_view_loads_the_palette_and_shared_scripts_before_its_own(view, script, stylesheet):
    loaded = resources(getattr(make_block(runtime=RecordingRuntime(is_staff=True)), view)())
    for shared in ("palette.css", "i18n.js", "common.js"):
        assert loaded.count(shared) == 1, loaded
    assert loaded.index("palette.css") < loaded.index(stylesheet)
    assert loaded.index("i18n.js") < loaded.index("common.js") < loaded.index(script)
    if view == "student_view":  # staff: the class summary's script follows the learner's
        assert loaded.index(script) < loaded.index("insights.js")


def test_the_unit_page_summary_has_the_palette():
    assert resources(make_block().author_view()) == ["palette.css", "studio.css"]


def test_the_minified_copies_pages_load_are_current():
    """Pages load static/js/min and static/css/min: `make minify` writes them from the sources."""
    from minify_static import copies, minified
    for source, copy in copies().items():
        assert copy.read_text(encoding="utf-8") == minified(source.read_text(encoding="utf-8"), source.suffix), (
            f"{copy.relative_to(REPO)} is stale: run make minify")
    assert sorted(path.name for path in (*JS.glob("min/*"), *CSS.glob("min/*"))) == sorted(
        copy.name for copy in copies().values())


def test_a_minified_copy_keeps_every_line_of_code_as_written():
    from minify_static import minified
    source = "/* a\n * comment */\nfunction f(url) {\n    // why\n    return url + '//x';  // kept\n}\n\n"
    assert minified(source, ".js") == "function f(url) {\nreturn url + '//x';  // kept\n}\n"
    assert minified("/* c */\n.a {\n    b: 1;\n}\n", ".css") == ".a {\nb: 1;\n}\n"
