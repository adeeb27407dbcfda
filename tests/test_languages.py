"""
The block follows the LMS's language, in Chromium against the workbench:
Spanish from the shipped catalogs (server and JavaScript strings), and a
right-to-left pseudo-translation that must not break the layout.
"""
import re

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from customer_tenet_xblock.exercise.i18n import LOCALE_DIR
from run_workbench import serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HEBREW = "אבגדהוזחטיכלמנסעפצקרשת"
PLACEHOLDER = re.compile(r"(\{[a-z_]+\}|%\([a-z_]+\)s|<[^>]*>|\*\*)")


def pseudo_rtl(text):
    """Latin letters become Hebrew ones (strong right-to-left), placeholders and markup stay."""
    parts = PLACEHOLDER.split(text)
    return "".join(
        part if PLACEHOLDER.fullmatch(part) else
        "".join(HEBREW[(ord(c.lower()) - 97) % len(HEBREW)] if "a" <= c.lower() <= "z" else c for c in part)
        for part in parts
    )


@pytest.fixture(scope="module")
def rtl_workbench(tmp_path_factory):
    """A workbench whose 'ar' catalog is the pseudo-translation of every source string."""
    locale = tmp_path_factory.mktemp("locale")
    with open(LOCALE_DIR / "es" / "LC_MESSAGES" / "text.po", "rb") as po_file:
        source = read_po(po_file)
    catalog = Catalog(locale="ar")
    for message in source:
        if message.id:
            if isinstance(message.id, tuple):  # Arabic has six plural forms: the plural one for all but the first
                forms = [pseudo_rtl(message.id[0])] + [pseudo_rtl(message.id[1])] * (catalog.num_plurals - 1)
                catalog.add(message.id, tuple(forms))
            else:
                catalog.add(message.id, pseudo_rtl(message.id))
    (locale / "ar" / "LC_MESSAGES").mkdir(parents=True)
    with open(locale / "ar" / "LC_MESSAGES" / "text.mo", "wb") as mo_file:
        write_mo(mo_file, catalog)
    environment = {"WORKBENCH_EXTRA_LOCALE_DIR": str(locale)}
    with serving(tmp_path_factory.mktemp("rtl"), environment=environment) as (_process, base):
        yield base


def open_block(browser, base, student, locale, width=1100):
    context = browser.new_context(locale=locale, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/scenario/customer_tenet.0/?student={student}")
    page.wait_for_selector(".customer-tenet .ct-map")
    return context, page


def test_spanish_when_the_language_is_spanish(browser, workbench):
    context, page = open_block(browser, workbench, "hablante", "es-ES")
    block = page.locator(".customer-tenet")
    assert block.locator(".ct-title").inner_text() == "¿Quiénes son tus clientes?"
    block.get_by_label("Tus clientes", exact=True).fill("policyholders\nmy boss")
    block.get_by_role("button", name="Enviar").click()
    block.get_by_role("heading", name="Tu retroalimentación").wait_for()
    assert block.locator(".ct-score").inner_text() == "2 de 6 grupos de clientes — 2/6 puntos"
    row = block.locator(".ct-group").filter(has_text="Asegurados")
    assert "Encontrado" in row.locator(".ct-group-status").text_content()  # a JavaScript string
    assert "Solo nombraste" not in block.inner_text()  # both sides were named
    assert "dentro y fuera de la organización" in block.locator(".ct-balance").inner_text()
    context.close()


def test_english_stays_english(browser, workbench):
    context, page = open_block(browser, workbench, "speaker", "en-US")
    assert page.locator(".customer-tenet .ct-title").inner_text() == "Who are your customers?"
    context.close()


@pytest.mark.parametrize("width", [1100, 360])
def test_right_to_left_pseudo_translation_keeps_the_layout(browser, rtl_workbench, width, tmp_path):
    context, page = open_block(browser, rtl_workbench, f"rtl-{width}", "ar", width=width)
    page.evaluate("document.documentElement.dir = 'rtl'")  # as the LMS does for right-to-left languages
    block = page.locator(".customer-tenet")
    assert block.locator(".ct-title").inner_text() == pseudo_rtl("Who are your customers?")
    block.locator(".ct-answer").fill("policyholders\nmy boss\nthe weather")
    block.locator(".ct-submit").click()
    page.wait_for_selector(".customer-tenet .ct-feedback:not([hidden])")
    assert block.locator(".ct-score").inner_text() == pseudo_rtl("2 of 6 customer groups — 2/6 points")
    layout = page.evaluate("""() => {
        const root = document.querySelector('.customer-tenet');
        const box = root.getBoundingClientRect();
        const row = root.querySelector('.ct-group');
        const outside = [...root.querySelectorAll('*')].filter(node => {
            const r = node.getBoundingClientRect();
            return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
        }).map(node => node.className);
        return {
            scrolls: document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth,
            direction: getComputedStyle(root).direction,
            marker: getComputedStyle(row).borderRightWidth,
            outside: outside,
        };
    }""")
    page.screenshot(path=str(tmp_path / f"rtl-{width}.png"), full_page=True)
    assert layout["direction"] == "rtl"
    assert not layout["scrolls"] and layout["outside"] == []
    assert layout["marker"] == "6px"  # the found/missed bar sits at the start of the line, on the right
    context.close()
