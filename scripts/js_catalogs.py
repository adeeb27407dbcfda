"""
`make compile_translations`, second step: our JavaScript strings of each
shipped language as a static file (static/js/i18n/<language>.js), which the
views load by URL, so a browser caches them. Written from the compiled
translations/<language>/LC_MESSAGES/textjs.mo; a test fails while a file is stale.
"""
from customer_tenet_xblock.block.resources import STATIC_DIR, js_catalog_file, js_catalog_script
from customer_tenet_xblock.exercise.i18n import JS_DOMAIN, LOCALE_DIR


def catalogs():
    """{file: its text} for every language we ship a textjs catalog for."""
    languages = sorted(mo.parent.parent.name for mo in LOCALE_DIR.glob(f"*/LC_MESSAGES/{JS_DOMAIN}.mo"))
    return {STATIC_DIR / js_catalog_file(language): js_catalog_script(language) for language in languages}


def main():
    for path, text in catalogs().items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"{path.relative_to(STATIC_DIR)}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
