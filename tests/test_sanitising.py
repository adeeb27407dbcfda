"""
Author-side hardening: whatever a course author types, the pages built from
it run no script. The prompt's Markdown is sanitised (no script, no event
handler attributes, no javascript: URLs) and every other authored text is
escaped where shown as HTML, or reaches the page through textContent.

Checked on the HTML the block renders (student, author and Studio views, the
mobile data, Studio's preview), and end to end: staff save hostile texts
through Studio's handler over HTTP, then a learner's Chromium loads and uses
the page and no payload runs. And no prompt costs more than its length: the
Markdown parser's work is linear in the text.
"""
import html
import json
import re

import lxml.html
import pytest

from customer_tenet_xblock.block.studio import editor_data
from customer_tenet_xblock.exercise.markup import render_markdown
from customer_tenet_xblock.exercise.presets import default_taxonomy
from customer_tenet_xblock.exercise.settings import Exercise
from customer_tenet_xblock.rubric.taxonomy import Taxonomy
from helpers import RecordingRuntime, WorkbenchUser, call_handler, executed_lines, make_block

# Each payload, if it ran, would set window.pwned.
MARKDOWN_PAYLOADS = [
    "<script>window.pwned = 1</script>",
    "<SCRIPT SRC=//example.invalid/x.js></SCRIPT>",
    '<img src=x onerror="window.pwned = 1">',
    '<svg onload="window.pwned = 1"><circle r=1 /></svg>',
    '<body onload="window.pwned = 1">',
    '<a href="#" onclick="window.pwned = 1" onmouseover="window.pwned = 1">hover</a>',
    "[click](javascript:window.pwned=1)",
    "[click](JaVaScRiPt:window.pwned=1)",
    "[click]( javascript:window.pwned=1 )",
    "[click](&#106;avascript:window.pwned=1)",
    "[ref][1]\n\n[1]: javascript:window.pwned=1",
    "![image](javascript:window.pwned=1)",
    '<a href="java\tscript:window.pwned=1">tab</a>',
    '<a href="&#x6A;avascript:window.pwned=1">entity</a>',
    '<a href="java&#9;script:window.pwned=1">tab entity</a><a href="java&#x0A;script:window.pwned=1">nl</a>',
    '<a href=" &#1; javascript:window.pwned=1">leading control</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cucHduZWQ9MTwvc2NyaXB0Pg==">data</a>',
    '<iframe src="javascript:window.pwned=1"></iframe>',
    '<object data="javascript:window.pwned=1"></object><embed src="javascript:window.pwned=1">',
    '<form action="javascript:window.pwned=1"><button formaction="javascript:window.pwned=1">go</button></form>',
    '<div style="background:url(javascript:window.pwned=1)">styled</div>',
    "<style>*{background:url(javascript:window.pwned=1)}</style>",
    '<math><mi xlink:href="javascript:window.pwned=1">m</mi></math>',
    '<meta http-equiv="refresh" content="0;url=javascript:window.pwned=1">',
    "<base href=javascript:/>",
    "<<script>script>window.pwned = 1<</script>/script>",
    "<noscript><p title=\"</noscript><img src=x onerror=window.pwned=1>\"></noscript>",
    "`<script>window.pwned = 1</script>` and\n\n    <script>window.pwned = 1</script>",
]
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "style", "base", "meta", "link", "frame",
                  "frameset", "applet", "svg", "math", "noscript"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "background", "poster", "srcset"}
PLAIN_PAYLOAD = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">&amp;'


def _squash(value):
    """
    A URL as a browser reads it (WHATWG URL parsing): entities decoded, leading
    and trailing controls and spaces stripped, tabs and newlines removed.
    """
    value = html.unescape(value).strip("".join(map(chr, range(0x21))))
    return re.sub(r"[\t\n\r]+", "", value).lower()


def assert_safe_html(markup, dangerous_tags=DANGEROUS_TAGS):
    """No element, attribute or URL in `markup` can run script."""
    if not markup.strip():
        return
    for element in lxml.html.fragment_fromstring(markup, create_parent="div").iter():
        if not isinstance(element.tag, str):
            continue  # comments
        assert element.tag.lower() not in dangerous_tags, lxml.html.tostring(element)
        for name, value in element.attrib.items():
            name = name.lower()
            assert not name.startswith("on"), (name, value)
            assert name != "style" or "url(" not in value.lower(), value
            if name in URL_ATTRIBUTES:
                assert not _squash(value).startswith(("javascript:", "vbscript:", "data:")), (name, value)


@pytest.mark.parametrize("payload", MARKDOWN_PAYLOADS)
def test_prompt_markdown_is_sanitised(payload):
    rendered = render_markdown(f"**Who are your customers?**\n\n{payload}\n\nWrite one per line.")
    assert_safe_html(rendered, DANGEROUS_TAGS | {"form", "button", "input", "textarea"})
    assert "<strong>Who are your customers?</strong>" in rendered  # ordinary formatting survives


def test_ordinary_markdown_is_kept():
    rendered = render_markdown("# Title\n\n*one* [a link](https://example.com/x) `code`\n\n- a\n- b")
    assert '<a href="https://example.com/x"' in rendered and "<em>one</em>" in rendered
    assert "<li>a</li>" in rendered and "<code>code</code>" in rendered


@pytest.mark.parametrize("unit", ["[", "![", "[](", "[a](", "-\n", "<a", "<http://", "> ", "*a", "_a"])
def test_rendering_a_prompt_costs_work_linear_in_its_length(unit):
    """Every page view renders the prompt. Python-Markdown searched the rest of the text at each "[": a
    20,000-character prompt of "[" took 55 s. Four times the text may cost about four times the work."""
    render = render_markdown.__wrapped__  # no cache: each call parses
    render(unit * 10)  # patterns compiled on first use are not counted
    short, long = unit * 400, unit * 1_600
    assert executed_lines(render, long, under="") <= 4.5 * executed_lines(render, short, under="")


def hostile_exercise():
    """Every authored text carries a payload; the prompt carries all the Markdown payloads."""
    groups = []
    for group in default_taxonomy().groups:
        data = group.to_dict()
        data.update(label=f"{data['label']} {PLAIN_PAYLOAD}", hint=f"{data['hint']} {PLAIN_PAYLOAD}",
                    why=f"{data['why']} {PLAIN_PAYLOAD}")
        groups.append(data)
    return Exercise(
        display_name="Customers " + PLAIN_PAYLOAD,
        prompt="\n\n".join(MARKDOWN_PAYLOADS),
        taxonomy=Taxonomy.from_dict({"groups": groups, "balance_points": 1.0, "lexicon": "en"}),
        reflection_prompt="Why? " + PLAIN_PAYLOAD,
        takeaway="Everyone. " + PLAIN_PAYLOAD,
        max_attempts=1,
    )


def fragment_html(block, view, wrapped=True):
    """The view's HTML; `wrapped`: as the runtime puts it in the page, init arguments included."""
    fragment = block.runtime.render(block, view) if wrapped else getattr(block, view)()
    return fragment.content


@pytest.mark.parametrize("is_staff", [False, True])
def test_student_view_escapes_every_authored_text(is_staff):
    block = make_block(hostile_exercise(), RecordingRuntime(is_staff=is_staff))
    assert call_handler(block, "submit", {"answer": "insureds\nmy boss"})[0] == 200  # feedback exists too
    markup = fragment_html(block, "student_view")
    tree = lxml.html.fragment_fromstring(markup, create_parent="div")
    # One script element: the view's data, which learner and author text did not end early.
    scripts = tree.findall(".//script")
    assert [script.get("type") for script in scripts] == ["application/json"]
    groups = json.loads(scripts[0].text)["state"]["feedback"]["groups"]  # the text intact, as data
    assert groups and all(group["label"].endswith(" " + PLAIN_PAYLOAD) for group in groups)
    scripts[0].drop_tree()
    assert_safe_html(lxml.html.tostring(tree, encoding="unicode"))
    assert tree.find_class("ct-title")[0].text_content() == "Customers " + PLAIN_PAYLOAD  # shown as text
    assert "Why? " + PLAIN_PAYLOAD in tree.find_class("ct-label")[1].text_content()


@pytest.mark.parametrize("view", ["author_view", "studio_view"])
def test_authoring_views_escape_every_authored_text(view):
    block = make_block(hostile_exercise(), RecordingRuntime(is_staff=True))
    # Studio's own runtime escapes init arguments; the workbench's does not (see the closing note).
    markup = fragment_html(block, view, wrapped=view == "author_view")
    assert_safe_html(markup)
    if view == "author_view":
        assert "Customers " + PLAIN_PAYLOAD in lxml.html.fragment_fromstring(
            markup, create_parent="div").text_content()


def test_mobile_data_and_studio_preview_prompts_are_sanitised():
    block = make_block(hostile_exercise(), RecordingRuntime(is_staff=True))
    assert_safe_html(block.student_view_data()["prompt_html"])
    status, preview = call_handler(block, "studio_preview", {"config": editor_data(hostile_exercise())})
    assert status == 200
    assert_safe_html(preview["prompt_html"])


@pytest.mark.slow
@pytest.mark.browser
def test_hostile_authored_texts_run_no_script_in_the_learners_browser(server, page):
    workbench, _database = server
    staff = WorkbenchUser(workbench, "staff-author", scenario="customer_tenet.2")
    response = staff.post("studio_save", editor_data(hostile_exercise()))
    assert response.status_code == 200, response.text[:500]
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{workbench}/scenario/customer_tenet.2/?student=hostile-reader")
    block = page.locator(".customer-tenet")
    block.locator(".ct-answer").fill("insureds\nmy boss")
    block.locator(".ct-submit").click()
    block.locator(".ct-feedback:not([hidden])").wait_for()
    block.locator(".ct-takeaway:not([hidden])").wait_for()  # one attempt: why and takeaway are shown
    assert page.evaluate("window.pwned") is None and dialogs == []
    assert block.locator(".ct-title").text_content() == "Customers " + PLAIN_PAYLOAD
    assert PLAIN_PAYLOAD in block.locator(".ct-takeaway-text").text_content()
    assert PLAIN_PAYLOAD in block.locator(".ct-groups").text_content()
