"""
Translation helpers shared by the block and the CLI (the runtime's active
language is the block layer's: resources.active_language).

Texts defined at import time (preset labels, default prompts) are marked with
N_ and translated where they are shown, so they follow the viewer's language.
"""
import functools
import gettext
from pathlib import Path

DOMAIN = "text"  # the name the LMS looks for: translations/<lang>/LC_MESSAGES/text.mo
LOCALE_DIR = Path(__file__).resolve().parent.parent / "translations"  # at the package root, where the platform looks


def N_(message):
    """Mark a string for extraction without translating it yet (gettext_noop)."""
    return message


def translations_for(language=None):
    """A gettext translations object from the catalogs shipped in the package."""
    languages = [language] if language else None
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=languages, fallback=True)


def block_translations(service, language):
    """
    The translator the block uses: the runtime's i18n service, unless it has no
    catalog for the block, and then our bundled one for `language`.

    The platform's service (XBlockI18nService) prefers the folder an atlas pull
    made for the block (conf/plugins-locale/xblock.v1/<module>/) to our
    translations/, even when the pull left that folder empty (Tutor's image
    build does); it then answers from Django's own catalog, in English for our
    strings. Where the service did load a catalog for the block (atlas's or
    ours), it wins.
    """
    if getattr(service, "_catalog", None):  # a gettext catalog (the service passes attributes through)
        return service
    bundled = _bundled_catalog(to_locale(language))
    return BundledTranslations(bundled, service) if bundled else service


@functools.lru_cache(maxsize=64)  # locales come from settings.LANGUAGES
def _bundled_catalog(locale):
    """Our compiled catalog for a locale ('es_419' finds es), or None; read once per process."""
    try:
        return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[locale])
    except OSError:
        return None


class BundledTranslations:
    """Our catalog for the language; the runtime's service for what it lacks and for everything else."""

    def __init__(self, bundled, service):
        self.bundled = bundled
        self.service = service

    def gettext(self, message):
        if message in self.bundled._catalog:  # pylint: disable=protected-access
            return self.bundled.gettext(message)
        return self.service.gettext(message)

    def ngettext(self, singular, plural, count):
        if (singular, 0) in self.bundled._catalog:  # pylint: disable=protected-access
            return self.bundled.ngettext(singular, plural, count)
        return self.service.ngettext(singular, plural, count)

    ugettext, ungettext = gettext, ngettext

    def __getattr__(self, name):
        # Django's {% trans %} in XBlock templates merges the service's catalog
        # (_catalog, plural, _info and _fallback, which is None here): ours.
        # Anything else (strftime, get_javascript_i18n_catalog_url) is the service's.
        if name in ("bundled", "service"):  # not set yet (a copy being made): no endless lookup
            raise AttributeError(name)
        return getattr(self.bundled if hasattr(self.bundled, name) else self.service, name)


JS_DOMAIN = "textjs"  # the strings of static/js, handed to the browser


def to_locale(language):
    """'es-419' -> 'es_419', 'pt-br' -> 'pt_BR': the folder names gettext looks for."""
    code, _, region = (language or "").partition("-")
    if not region:
        return code.lower()
    return f"{code.lower()}_{region.upper() if len(region) == 2 else region}"


@functools.lru_cache(maxsize=64)  # it changes only with the package
def js_catalog(language):
    """
    The JavaScript strings of a language from our shipped textjs catalog:
    {msgid: translation}, with a list of forms for plural msgids. Empty when
    we ship no catalog for it. Shared: callers only read it. Pages get it as
    a static file (block/resources.py, js_catalog_file).
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
