"""
Translation helpers shared by the block and the CLI.

Texts defined at import time (preset labels, default prompts) are marked with
N_ and translated where they are shown, so they follow the viewer's language.
"""
import gettext
from pathlib import Path

DOMAIN = "text"  # the name the LMS looks for: translations/<lang>/LC_MESSAGES/text.mo
LOCALE_DIR = Path(__file__).parent / "translations"


def N_(message):
    """Mark a string for extraction without translating it yet (gettext_noop)."""
    return message


def translations_for(language=None):
    """A gettext translations object from the catalogs shipped in the package."""
    languages = [language] if language else None
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=languages, fallback=True)
