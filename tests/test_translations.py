"""
Translations: every string people see is extractable and has a Spanish
translation; the compiled catalogs shipped in the package match their sources.
"""
import gettext
import json
import re
import sys

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from django.utils import translation

from customer_tenet_xblock.exercise.i18n import LOCALE_DIR
from helpers import REPO, make_block, view_data

DOMAINS = {"text": "babel.cfg", "textjs": "babel_js.cfg"}
CONFIG_DIR = REPO / "customer_tenet_xblock" / "conf" / "locale"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)s")  # str.format and Django blocktrans
sys.path.insert(0, str(REPO / "scripts"))  # the Django-template extractor


def source_messages(domain):
    """The msgids in the code today, extracted exactly as `make extract_translations` does."""
    with open(CONFIG_DIR / DOMAINS[domain], encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    keywords = dict(DEFAULT_KEYWORDS, N_=None)
    return {
        message for _file, _line, message, _comments, _context
        in extract_from_dir(str(REPO), method_map, options_map, keywords=keywords)
    }


def spanish(domain):
    with open(LOCALE_DIR / "es" / "LC_MESSAGES" / f"{domain}.po", "rb") as po_file:
        return read_po(po_file)


def forms(value):
    return list(value) if isinstance(value, (tuple, list)) else [value]


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_source_string_has_a_spanish_translation(domain):
    catalog = spanish(domain)
    untranslated = []
    for message in sorted(source_messages(domain), key=str):
        key = message[0] if isinstance(message, tuple) else message
        entry = catalog.get(key)
        if entry is None or entry.fuzzy or not all(forms(entry.string)):
            untranslated.append(message)
    assert untranslated == [], "run `make extract_translations` and translate these"


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_keep_every_placeholder(domain):
    for entry in spanish(domain):
        if not entry.id:
            continue
        expected = set(PLACEHOLDER.findall(forms(entry.id)[-1]))
        for translated in forms(entry.string):
            assert set(PLACEHOLDER.findall(translated)) == expected, entry.id


@pytest.mark.parametrize("domain", DOMAINS)
def test_compiled_catalog_matches_its_source(domain):
    compiled = gettext.translation(domain, str(LOCALE_DIR), ["es"])
    for entry in spanish(domain):
        if not entry.id:
            continue
        if isinstance(entry.id, tuple):
            assert compiled.ngettext(*entry.id, 1) == entry.string[0]
            assert compiled.ngettext(*entry.id, 5) == entry.string[1]
        else:
            assert compiled.gettext(entry.id) == entry.string


def test_spanish_region_variants_find_the_catalog():
    """The LMS asks for es_419 or es_ES; gettext falls back to es."""
    for language in ("es_419", "es_ES"):
        assert gettext.translation("text", str(LOCALE_DIR), [language]).gettext("Submit") == "Enviar"


def test_the_javascript_gets_its_strings_from_our_catalog():
    from customer_tenet_xblock.exercise.i18n import js_catalog
    assert js_catalog("es")["Found"] == "Encontrado"
    assert js_catalog("es-419")["Found"] == "Encontrado"
    assert js_catalog("fr") == {} and js_catalog("en") == {}


def test_the_views_load_the_spanish_catalog_by_url_not_in_their_data():
    """Our JS strings reach the script as a file a browser caches (js/i18n/es.js), never in a view's data."""
    with translation.override("es"):
        block = make_block()
        studio = block.studio_view()
        student = block.student_view()
    assert list(json.loads(studio.json_init_args)) == ["config"]
    assert "i18n" not in view_data(student) and "Encontrado" not in student.content
    assert [r.data for r in studio.resources if r.mimetype == "application/javascript"] == [
        "/resource/js/i18n/es.js", "/resource/js/min/i18n.js", "/resource/js/min/common.js",
        "/resource/js/min/studio.js"]  # the strings, then the translator
    assert [r.data for r in student.resources if r.mimetype == "application/javascript"][:2] == [
        "/resource/js/i18n/es.js", "/resource/js/min/i18n.js"]


def test_one_catalog_file_per_shipped_language_and_none_for_english():
    from customer_tenet_xblock.block.resources import js_catalog_file
    assert [js_catalog_file(language) for language in ("es", "es-419", "es_ES", "en", "fr")] == [
        "js/i18n/es.js", "js/i18n/es.js", "js/i18n/es.js", None, None]
    with translation.override("en"):
        resources = make_block().student_view().resources
    assert not [r.data for r in resources if "/i18n/" in r.data]


def test_the_catalog_files_are_current_and_script_safe():
    """static/js/i18n/<language>.js: `make compile_translations` writes them from the textjs catalogs."""
    from customer_tenet_xblock.block.resources import STATIC_DIR
    from customer_tenet_xblock.exercise.i18n import js_catalog
    from js_catalogs import catalogs
    files = catalogs()
    assert sorted(files) == sorted((STATIC_DIR / "js" / "i18n").glob("*.js")) != []
    for path, text in files.items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.relative_to(REPO)} is stale: run make compile_translations")
        assert not re.search("[<>&]", text)
        prefix, suffix = "window.customerTenetCatalog = ", ";\n"
        assert text.startswith(prefix) and text.endswith(suffix)
        assert json.loads(text[len(prefix):-len(suffix)]) == js_catalog(path.stem)
