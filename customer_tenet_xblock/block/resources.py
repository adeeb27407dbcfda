"""
Where the block's template, JS and CSS live.

`static/` sits at the top of the repository. A wheel ships it inside the
package (setup.py maps it to customer_tenet_xblock/static); a checkout or an
editable install only has the top-level folder. This is the one place that
knows both.
"""
import json
from pathlib import Path

from django.conf import settings
from django.utils import translation
from xblock.utils.resources import ResourceLoader

from ..exercise.i18n import js_catalog

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


loader = StaticLoader()


def active_language():
    """The language the runtime is answering in, as the platform's i18n service reads it."""
    return translation.get_language() or settings.LANGUAGE_CODE


def add_palette(fragment):
    """The colours every view's stylesheet names (css/palette.css)."""
    fragment.add_css(loader.load_unicode("css/palette.css"))


def add_shared_resources(fragment, block):
    """
    What every view with a script needs before its own files: the palette,
    the strings and the helpers (js/common.js). Strings: the platform's
    compiled catalog for the block when it has one (the LMS compiles what an
    atlas pull brought, under the block's i18n_js_namespace), then the
    translator script. Returns our own catalog for the active language, for
    the view's init arguments: the script takes a string from the platform's
    catalog where it has it, from ours otherwise.
    """
    add_palette(fragment)
    catalog_url = getattr(block.i18n, "get_javascript_i18n_catalog_url", None)
    url = catalog_url(block) if catalog_url else None
    if url:
        fragment.add_javascript_url(url)
    fragment.add_javascript(loader.load_unicode("js/i18n.js"))
    fragment.add_javascript(loader.load_unicode("js/common.js"))
    return js_catalog(translation.get_language() or "en")


def script_safe_json(value):
    """
    JSON with <, > and & escaped: some runtimes (the xblock-sdk workbench)
    write init arguments into a <script> element unescaped, and learner text
    such as "</script>" must not end it.
    """
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
