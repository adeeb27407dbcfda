"""
The Studio editor starts and saves whatever element the runtime hands its
init function: Studio's unit page wraps it in jQuery, the LMS and the
libraries v2 iframe runtime pass the DOM node. In Debian's chromium against
the workbench, with the page's own jQuery.
"""
import pytest

from helpers import MANAGERS_SCENARIO

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Runs before the page's scripts. Once they have defined the editor's init
# function, and before the workbench's jQuery-ready handler calls it, put a
# runtime in front of it that passes the element as the chosen platform does
# and records runtime.notify as Studio's runtime receives it.
AS_THE_PLATFORM_CALLS_IT = """
(wrap => document.addEventListener('DOMContentLoaded', () => {
    const init = window.CustomerTenetStudio;
    window.ctStudioCalls = [];
    window.ctNotified = [];
    window.CustomerTenetStudio = function (runtime, element, data) {
        const passed = wrap ? window.jQuery(element) : element;
        window.ctStudioCalls.push(passed.jquery ? 'jQuery' : passed.nodeName);
        runtime.notify = (name, event) => window.ctNotified.push(name + ':' + ((event && event.state) || ''));
        return init.call(this, runtime, passed, data);
    };
}, true))(%s);
"""


def open_editor(page, base, wrap):
    page.add_init_script(AS_THE_PLATFORM_CALLS_IT % ("true" if wrap else "false"))
    page.goto(f"{base}/scenario/{MANAGERS_SCENARIO}/studio_view/?student=staff-runtime")
    editor = page.locator(".customer-tenet-studio")
    editor.locator(".ct-group-editor").first.wait_for()
    return editor


@pytest.mark.usefixtures("managers_config")
@pytest.mark.parametrize("wrap", [True, False], ids=["jquery-wrapped, as Studio", "dom-node, as the LMS"])
def test_the_editor_starts_and_saves_with_the_element_the_runtime_passes(page, workbench, wrap):
    """
    Mirrors cms/static/js/views/xblock.js (handleXBlockFragment calls
    XBlock.initializeBlock(self.$('.xblock').first())) and
    common/static/js/xblock/core.js (constructBlock hands that element to the
    init function as it is; the LMS's initializeBlocks hands DOM nodes, as the
    libraries v2 iframe runtime does).
    """
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    editor = open_editor(page, workbench, wrap)
    assert page.evaluate("window.ctStudioCalls") == (["jQuery"] if wrap else ["DIV"])
    assert editor.locator(".ct-group-editor").count() == 3  # the form was filled from the block's data

    name = "Managers, saved through " + ("jQuery" if wrap else "a DOM node")
    editor.get_by_label("Display name").fill(name)
    editor.get_by_role("button", name="Save", exact=True).click()
    editor.locator(".ct-studio-status").filter(has_text="Saved.").wait_for()
    assert page.evaluate("window.ctNotified") == ["save:start", "save:end"]

    page.reload()
    editor.locator(".ct-group-editor").first.wait_for()
    assert editor.get_by_label("Display name").input_value() == name
    assert errors == []


def test_the_class_summary_starts_with_a_jquery_wrapped_element(page, workbench):
    """
    Mirrors common/static/js/xblock/core.js (constructBlock passes the element
    it was given, a jQuery object from Studio's cms/static/js/views/xblock.js):
    the learner view and the staff summary it starts unwrap it too.
    """
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(AS_THE_PLATFORM_CALLS_IT.replace("CustomerTenetStudio", "CustomerTenetXBlock") % "true")
    page.goto(f"{workbench}/scenario/customer_tenet.0/?student=staff-jquery")
    section = page.locator(".ct-insights")
    section.get_by_role("button", name="Load the class summary").click()
    section.locator(".ct-insights-as-of").wait_for()
    assert page.evaluate("window.ctStudioCalls") == ["jQuery"] and errors == []
