"""
The view's JavaScript and CSS reach the page by URL, through the runtime's
resource route, so a browser caches them; nothing else in the package is served.
"""
import json
import re

import pytest
import requests
from xblock.exceptions import DisallowedFileError

from customer_tenet_xblock.block import CustomerTenetXBlock
from customer_tenet_xblock.block.resources import STATIC_DIR
from helpers import WorkbenchUser, make_block


@pytest.mark.slow
def test_the_pages_scripts_and_styles_come_by_url_and_are_served(workbench):
    """Mirrors workbench/views.py (package_resource) and openedx/core/djangoapps/common_views/xblock.py (xblock_resource)."""
    page = WorkbenchUser(workbench, "url-viewer").page
    block_html = page[page.index('class="customer-tenet"'):]
    assert "function CustomerTenetXBlock" not in page and ".customer-tenet {" not in block_html
    urls = re.findall(r"(?:src|href)=['\"](/resource/customer_tenet/[^'\"]+)", page)
    assert sorted(urls) == [f"/resource/customer_tenet/{path}" for path in (
        "css/min/customer_tenet.css", "css/min/palette.css", "js/min/common.js", "js/min/customer_tenet.js", "js/min/i18n.js")]
    for url in urls:
        response = requests.get(workbench + url, timeout=30)
        assert response.status_code == 200, url
        path = url.removeprefix("/resource/customer_tenet/")
        assert response.content == (STATIC_DIR / path).read_bytes()
        assert response.headers["Content-Type"].startswith("text/css" if path.endswith(".css") else "text/javascript")


@pytest.mark.parametrize("uri", [
    "html/student_view.html", "../block/customer_tenet.py", "js/../../setup.py", "/etc/passwd",
    "js/.hidden.js", "js\\..\\..\\setup.py", "css/customer_tenet.js", "public/js/customer_tenet.js", b"../README.md",
])
def test_only_the_scripts_and_style_sheets_are_served(uri):
    with pytest.raises(DisallowedFileError):
        CustomerTenetXBlock.open_local_resource(uri)


def test_a_missing_file_is_an_os_error():
    """The platform's resource view answers 404 to it (openedx/core/djangoapps/common_views/xblock.py)."""
    with pytest.raises(OSError):
        CustomerTenetXBlock.open_local_resource("js/nothing_here.js")


def test_the_view_ids_stay_short_whatever_the_usage_id():
    block = make_block()
    assert re.fullmatch(r"ct-[0-9a-f]{12}", block.html_id())


@pytest.mark.slow
def test_the_view_data_is_written_once_and_learner_text_cannot_end_its_script(workbench):
    """
    Mirrors xblock/runtime.py (Runtime.wrap_xblock): the workbench writes init
    arguments with json.dumps, unescaped, so arguments given as script-safe
    text were encoded twice. The view's data is in its own HTML instead:
    one backslash per quote, and no learner "</script>" inside it.
    """
    answer = 'agents\n"my boss"\n</script><b>x</b>'
    assert WorkbenchUser(workbench, "once-learner").post("submit", {"answer": answer}).status_code == 200
    page = WorkbenchUser(workbench, "once-learner").page
    found = re.search(r'<script type="application/json" class="ct-data">(.*?)</script>', page, re.S)
    assert json.loads(found.group(1))["state"]["answer"] == answer
    assert '\\"my boss\\"' in found.group(1) and '\\\\\\"my boss' not in page
    assert "xblock_json_init_args" not in page.split('class="customer-tenet"')[1]


@pytest.mark.slow
def test_a_spanish_page_fetches_our_catalog_file_and_carries_none_of_it(workbench):
    """
    Our JS strings for Spanish are a file the page loads by URL (a browser
    caches it), not part of the view's data: a repeat view carries none of them.
    """
    from customer_tenet_xblock.exercise.i18n import js_catalog
    catalog = js_catalog("es")
    learner = WorkbenchUser(workbench, "catalog-viewer", language="es")
    assert learner.post("submit", {"answer": "policyholders\nmy boss"}).status_code == 200
    page = WorkbenchUser(workbench, "catalog-viewer", language="es").page  # the repeat view
    assert "¿Quiénes son tus clientes?" in page  # a Spanish page
    data = re.search(r'<script type="application/json" class="ct-data">(.*?)</script>', page, re.S).group(1)
    assert "i18n" not in json.loads(data)
    assert not [text for text in catalog.values() if isinstance(text, str) and len(text) > 12 and text in page]
    urls = re.findall(r"src=['\"](/resource/customer_tenet/js/[^'\"]+)", page)
    assert urls[:2] == ["/resource/customer_tenet/js/i18n/es.js", "/resource/customer_tenet/js/min/i18n.js"]
    response = requests.get(workbench + urls[0], timeout=30)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/javascript")
    text = response.content.decode("utf-8")  # as the page's scripts: served with no charset, read as the page's UTF-8
    prefix, suffix = "window.customerTenetCatalog = ", ";\n"
    assert text.startswith(prefix) and text.endswith(suffix) and not re.search("[<>&]", text)
    assert json.loads(text[len(prefix):-len(suffix)]) == catalog
