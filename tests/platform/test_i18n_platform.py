"""
Translations where the platform's translation pull has been: Tutor's image
build runs `pull_xblock_translations` for every installed XBlock, which
leaves `conf/plugins-locale/xblock.v1/<module>/` behind, empty for a block
that openedx-translations does not hold. The stand-ins below behave as the
platform's code does; nothing of it is imported (it is not installed here).
"""
import gettext
import json
import shutil
import subprocess

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from django.utils import translation
from django.views.i18n import JavaScriptCatalog

from customer_tenet_xblock.block import CustomerTenetXBlock
from customer_tenet_xblock.block.resources import STATIC_DIR
from customer_tenet_xblock.exercise.i18n import LOCALE_DIR
from helpers import RecordingRuntime, call_handler, make_block

MODULE = CustomerTenetXBlock.__module__.split(".")[0]


class PlatformI18nService:
    """
    The platform's XBlockI18nService, as xmodule/modulestore/django.py does it:
    a folder for the block under the atlas locale root wins, even empty (domain
    `django`), over the package's translations/ (domain `text`); when gettext
    finds no catalog there for the active language, Django's own translation
    module answers. Its JavaScript catalog URL exists only where the platform
    compiled one (xmodule/modulestore/api.py's js/xblock.v1-i18n/<module>/<locale>.js).
    """

    def __init__(self, block, locale_root, static_root):
        self.static_root = static_root
        folder = locale_root / MODULE
        domain, folder = ("django", folder) if folder.is_dir() else ("text", LOCALE_DIR)
        self.translator = translation
        try:
            self.translator = gettext.translation(domain, str(folder), [translation.to_locale(translation.get_language())])
        except OSError:
            pass

    def get_javascript_i18n_catalog_url(self, block):
        name = f"js/xblock.v1-i18n/{MODULE}/{translation.to_locale(translation.get_language())}.js"
        return f"/static/{name}" if (self.static_root / name).exists() else None

    def __getattr__(self, name):
        return getattr(self.translator, name)


class PlatformRuntime(RecordingRuntime):
    """An LMS runtime whose i18n service is built per block, as the LMS's is."""

    def __init__(self, locale_root, static_root):
        super().__init__()
        self.locale_root, self.static_root = locale_root, static_root

    def service(self, block, service_name):
        if service_name == "i18n":
            return PlatformI18nService(block, self.locale_root, self.static_root)
        return super().service(block, service_name)


def tutor_pull(root, messages=None, language="es"):
    """
    The atlas locale root after Tutor's build: the block's folder exists; with
    `messages`, it holds a compiled `django` catalog for `language`, as
    openedx-translations would give (common/djangoapps/xblock_django/translation.py).
    """
    folder = root / "conf" / "plugins-locale" / "xblock.v1" / MODULE
    folder.mkdir(parents=True)
    if messages:
        catalog = Catalog(locale=language)
        for msgid, msgstr in messages.items():
            catalog.add(msgid, msgstr)
        (folder / language / "LC_MESSAGES").mkdir(parents=True)
        with open(folder / language / "LC_MESSAGES" / "django.mo", "wb") as mo_file:
            write_mo(mo_file, catalog)
    return folder.parent


def compile_js_catalog(locale_root, static_root, language, namespace):
    """
    The platform's compile_xblock_translations for one language
    (common/djangoapps/xblock_django/translation.py): Django's JavaScript
    catalog of the atlas `django` catalog, wrapped by django-statici18n in an
    object named by the block's i18n_js_namespace (nothing without one).
    """
    if not namespace:
        return
    view = JavaScriptCatalog()
    with translation.override(language):
        view.translation = gettext.translation("django", str(locale_root / MODULE), [language])
        rendered = view.render_to_response(view.get_context_data()).content.decode("utf-8")
    # django-statici18n's namespacing: the catalog runs as a method of the namespace object.
    wrapped = f"(function (g) {{ var ns = {{init: function () {{ {rendered} }}}}; ns.init(); g.{namespace} = ns; }}(this));"
    target = static_root / "js" / "xblock.v1-i18n" / MODULE / f"{language}.js"
    target.parent.mkdir(parents=True)
    target.write_text(wrapped, encoding="utf-8")


def block_on(root, locale_root):
    return make_block(runtime=PlatformRuntime(locale_root, root / "static"))


def test_an_empty_pulled_folder_leaves_the_block_in_spanish(tmp_path):
    """
    Tutor's build leaves an empty plugins-locale folder for the block; the
    platform's i18n service (xmodule/modulestore/django.py) then prefers it to
    our translations/ and finds nothing. Server-made text, template text and
    the script's catalog must all still be Spanish.
    """
    block = block_on(tmp_path, tutor_pull(tmp_path))
    with translation.override("es"):
        html = block.student_view().content
        status, state = call_handler(block, "submit", {"answer": "policyholders\nmy boss"})
        scripts = [resource.data for resource in block.student_view().resources]
    assert "¿Quiénes son tus clientes?" in html  # the display name, translated in Python
    assert "Enviar" in html and ">Submit<" not in html  # a {% trans %} of the template
    assert status == 200 and state["score_text"].startswith("Puntuación")
    assert "/resource/js/i18n/es.js" in scripts and "Encontrado" in (STATIC_DIR / "js" / "i18n" / "es.js").read_text()


def test_the_platforms_catalog_wins_where_it_has_one(tmp_path):
    """
    Where the pull did bring a catalog for the block, the platform's i18n
    service (xmodule/modulestore/django.py) uses it, and so does the block,
    in Python and in templates; strings it lacks come from Django's catalog,
    as on the platform.
    """
    block = block_on(tmp_path, tutor_pull(tmp_path, {"Submit": "Mandar", "Your feedback": "Tu devolución"}))
    with translation.override("es"):
        html = block.student_view().content
        assert block.gettext("Your feedback") == "Tu devolución"
    assert "Mandar" in html and "Enviar" not in html


def test_a_language_we_do_not_ship_is_left_to_the_platform(tmp_path):
    """No catalog anywhere for French: the block answers as the platform's service does (xmodule/modulestore/django.py)."""
    block = block_on(tmp_path, tutor_pull(tmp_path))
    with translation.override("fr"):
        assert block.gettext("Submit") == translation.gettext("Submit")
        assert block.i18n.get_javascript_i18n_catalog_url(block) is None


def test_the_view_loads_the_platforms_compiled_catalog_before_its_script(tmp_path):
    """
    The platform compiles a JavaScript catalog for a block only under its
    i18n_js_namespace (common/djangoapps/xblock_django/translation.py) and
    hands its URL through the i18n service (xmodule/modulestore/django.py).
    The view must load it before the script that reads it.
    """
    locale_root = tutor_pull(tmp_path, {"Found": "Hallado"})
    compile_js_catalog(locale_root, tmp_path / "static", "es", CustomerTenetXBlock.get_i18n_js_namespace())
    block = block_on(tmp_path, locale_root)
    with translation.override("es"):
        resources = block.student_view().resources
    scripts = [resource.data for resource in resources if resource.mimetype == "application/javascript"]
    assert scripts == [f"/static/js/xblock.v1-i18n/{MODULE}/es.js", "/resource/js/i18n/es.js", "/resource/js/min/i18n.js",
                       "/resource/js/min/common.js", "/resource/js/min/customer_tenet.js"]


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the script")
def test_the_script_prefers_the_platforms_catalog_then_ours(tmp_path):
    """
    The compiled catalog (common/djangoapps/xblock_django/translation.py, under
    the block's i18n_js_namespace) and static/js/i18n.js together: a string
    the platform's catalog has comes from it, any other from our catalog.
    """
    locale_root = tutor_pull(tmp_path, {"Found": "Hallado"})
    compile_js_catalog(locale_root, tmp_path / "static", "es", CustomerTenetXBlock.get_i18n_js_namespace())
    compiled = (tmp_path / "static" / "js" / "xblock.v1-i18n" / MODULE / "es.js").read_text(encoding="utf-8")
    ours = {"Found": "Encontrado", "Missed": "No encontrado", "{count} entry": ["{count} entrada", "{count} entradas"]}
    script = f"""
        const vm = require('vm');
        const page = {{}};
        page.window = page;
        vm.createContext(page);
        vm.runInContext({json.dumps(compiled)}, page);
        page.customerTenetCatalog = {json.dumps(ours)};
        vm.runInContext({json.dumps((STATIC_DIR / "js" / "i18n.js").read_text(encoding="utf-8"))}, page);
        const t = page.customerTenetTranslator();
        console.log(JSON.stringify([t.gettext('Found'), t.gettext('Missed'), t.gettext('Score'),
                                    t.ngettext('{{count}} entry', '{{count}} entries', 2)]));
    """
    output = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True, timeout=60).stdout
    assert json.loads(output) == ["Hallado", "No encontrado", "Score", "{count} entradas"]
