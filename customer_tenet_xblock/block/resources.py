"""
Where the block's template, JS and CSS live.

`static/` sits at the top of the repository. A wheel ships it inside the
package (setup.py maps it to customer_tenet_xblock/static); a checkout or an
editable install only has the top-level folder. This is the one place that
knows both.

Templates are rendered on the server; the JS and CSS files reach the page by
URL (the runtime's local_resource_url), so a browser caches them, each as its
minified copy (static/js/min, static/css/min: `make minify`); so do our
JavaScript strings of a language (static/js/i18n: `make compile_translations`).
"""
import functools
import gettext
import json
import re
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.template import Context, Engine, Template
from django.template.backends.django import get_installed_libraries
from django.utils import translation
from xblock.exceptions import DisallowedFileError
from xblock.utils.resources import ResourceLoader

from ..exercise.i18n import JS_DOMAIN, LOCALE_DIR, js_catalog, to_locale

PACKAGE_DIR = Path(__file__).resolve().parent.parent
STATIC_DIR = next(
    (folder for folder in (PACKAGE_DIR / "static", PACKAGE_DIR.parent / "static") if folder.is_dir()),
    PACKAGE_DIR / "static",
)


class StaticLoader(ResourceLoader):
    """xblock.utils' loader, reading from our static folder wherever it is."""

    def __init__(self):
        super().__init__(__name__)

    def load_unicode(self, resource_path):
        return (STATIC_DIR / resource_path.lstrip("/")).read_text(encoding="utf-8")

    def render_django_template(self, template_path, context=None, i18n_service=None):
        """As xblock.utils renders it (its i18n tags, the service in the context), compiled once per process."""
        context = dict(context or {}, _i18n_service=i18n_service)
        return self._template(template_path).render(Context(context))

    @functools.lru_cache(maxsize=None)  # noqa: B019 (one loader per process; a handful of files)
    def _template(self, template_path):
        libraries = dict(get_installed_libraries(), i18n="xblock.utils.templatetags.i18n")
        # Indentation is for whoever edits the template, not for every page: dropped (no template
        # holds a <pre>, and its textareas are empty; what it inserts, like the prompt, is untouched).
        source = re.sub(r"\n[ \t]+", "\n", self.load_unicode(template_path))
        # A line holding only a tag or a comment ({% if %}, {# why #}) leaves no empty line behind.
        source = re.sub(r"\n(\{#.*?#\}|\{%.*?%\})(?=\n)", r"\1", source)
        return Template(source, engine=Engine(libraries=libraries))


loader = StaticLoader()

# What the runtime's resource URLs may serve: the scripts and style sheets, nothing else.
PUBLIC_SUFFIXES = {"js/": ".js", "css/": ".css"}


def open_public_file(uri):
    """
    A file of static/js or static/css, for the runtime's resource view
    (XBlock.open_local_resource); DisallowedFileError for anything else.
    """
    if isinstance(uri, bytes):
        uri = uri.decode("utf-8")
    path = PurePosixPath(uri)
    folder = uri.split("/", 1)[0] + "/"
    if (PUBLIC_SUFFIXES.get(folder) != path.suffix or path.is_absolute() or "\\" in uri
            or any(part.startswith(".") for part in path.parts)):
        raise DisallowedFileError(f"Only the block's scripts and style sheets are served: {uri!r}")
    return (STATIC_DIR / path).open("rb")


def add_public_files(fragment, block, *paths):
    """
    Add static files ("js/common.js") to a view by URL, in order: browsers
    cache them. Each is its source's minified copy ("js/min/common.js",
    written by scripts/minify_static.py).
    """
    for path in paths:
        folder, name = path.split("/")
        url = block.runtime.local_resource_url(block, f"{folder}/min/{name}")
        if path.endswith(".css"):
            fragment.add_css_url(url)
        else:
            fragment.add_javascript_url(url)


def active_language():
    """The language the runtime is answering in, as the platform's i18n service reads it."""
    return translation.get_language() or settings.LANGUAGE_CODE


def add_palette(fragment, block):
    """The colours every view's stylesheet names (css/palette.css)."""
    add_public_files(fragment, block, "css/palette.css")


def add_shared_resources(fragment, block):
    """
    What every view with a script needs before its own files: the palette,
    the strings and the helpers (js/common.js). Strings: the platform's
    compiled catalog for the block when it has one (the LMS compiles what an
    atlas pull brought, under the block's i18n_js_namespace), then ours for
    the active language when we ship one (js_catalog_file), then the
    translator script: it takes a string from the platform's catalog where it
    has it, from ours otherwise.
    """
    add_palette(fragment, block)
    catalog_url = getattr(block.i18n, "get_javascript_i18n_catalog_url", None)
    url = catalog_url(block) if catalog_url else None
    if url:
        fragment.add_javascript_url(url)
    ours = js_catalog_file(translation.get_language() or "en")
    if ours:
        fragment.add_javascript_url(block.runtime.local_resource_url(block, ours))
    add_public_files(fragment, block, "js/i18n.js", "js/common.js")


@functools.lru_cache(maxsize=64)  # every view asks; locales come from settings.LANGUAGES
def js_catalog_file(language):
    """
    The static file holding our JavaScript strings for a language ('es',
    'es-419' and 'es_ES' all find "js/i18n/es.js"), None when we ship no
    textjs catalog for it (English). `make compile_translations` writes it
    (js_catalog_script; a test fails while one is stale).
    """
    found = gettext.find(JS_DOMAIN, str(LOCALE_DIR), [to_locale(language)])
    return f"js/i18n/{Path(found).parent.parent.name}.js" if found else None


def js_catalog_script(language):
    """The text of js_catalog_file(language): our catalog, as script-safe JSON, for static/js/i18n.js."""
    return f"window.customerTenetCatalog = {script_safe_json(js_catalog(language))};\n"


def script_safe_json(value):
    """
    JSON with <, > and & escaped: some runtimes (the xblock-sdk workbench)
    write init arguments into a <script> element unescaped, and learner text
    such as "</script>" must not end it.
    """
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)  # UTF-8 is shorter than \uXXXX
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
