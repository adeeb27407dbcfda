"""
Where the block's template, JS and CSS live.

`static/` sits at the top of the repository. A wheel ships it inside the
package (setup.py maps it to customer_tenet_xblock/static); a checkout or an
editable install only has the top-level folder. This is the one place that
knows both.
"""
from pathlib import Path

from xblock.utils.resources import ResourceLoader

PACKAGE_DIR = Path(__file__).resolve().parent
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
