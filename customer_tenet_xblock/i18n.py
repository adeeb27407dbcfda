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


JS_DOMAIN = "textjs"  # the strings of static/js, handed to the browser


def to_locale(language):
    """'es-419' -> 'es_419', 'pt-br' -> 'pt_BR': the folder names gettext looks for."""
    code, _, region = (language or "").partition("-")
    if not region:
        return code.lower()
    return f"{code.lower()}_{region.upper() if len(region) == 2 else region}"


def js_catalog(language):
    """
    The JavaScript strings of a language from our shipped textjs catalog:
    {msgid: translation}, with a list of forms for plural msgids. Empty when
    we ship no catalog for it.
    """
    try:
        translations = gettext.translation(JS_DOMAIN, localedir=str(LOCALE_DIR), languages=[to_locale(language)])
    except OSError:
        return {}
    plural_ids = {}
    catalog = {}
    # A compiled catalog keys plurals by (msgid, index); Django's JavaScriptCatalog reads it the same way.
    for key, value in translations._catalog.items():  # pylint: disable=protected-access
        if isinstance(key, tuple):
            plural_ids.setdefault(key[0], {})[key[1]] = value
        elif key:
            catalog[key] = value
    for msgid, forms in plural_ids.items():
        catalog[msgid] = [forms[index] for index in sorted(forms)]
    return catalog


class TranslatableError(Exception):
    """
    An error whose message is a marked template plus values, so it can be
    shown in the reader's language: str() gives English, message(translator)
    the translation.
    """

    def __init__(self, template, **values):
        super().__init__(template.format(**values))
        self.template = template
        self.values = values

    def message(self, translator):
        return translator.gettext(self.template).format(**self.values)
