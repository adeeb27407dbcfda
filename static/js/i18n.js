/* Translations for the block's JavaScript.
 *
 * Each view hands its script the strings of the viewer's language from the
 * block's own catalog. Where the block ships none for that language, the
 * runtime's catalog for the block (window.CustomerTenetI18N, which the LMS
 * loads from its own URL) or the page's gettext answers, and English otherwise.
 * Plural forms: the catalogs we ship use two forms (one, other).
 */
window.customerTenetTranslator = function (catalog) {
    'use strict';
    catalog = catalog || {};
    var runtime = window.CustomerTenetI18N || {};
    var page = {gettext: window.gettext, ngettext: window.ngettext};

    function gettext(msgid) {
        if (typeof catalog[msgid] === 'string') { return catalog[msgid]; }
        if (runtime.gettext) { return runtime.gettext(msgid); }
        return page.gettext ? page.gettext(msgid) : msgid;
    }

    function ngettext(singular, plural, count) {
        var forms = catalog[singular];
        if (Array.isArray(forms)) { return forms[count === 1 ? 0 : 1]; }
        if (runtime.ngettext) { return runtime.ngettext(singular, plural, count); }
        if (page.ngettext) { return page.ngettext(singular, plural, count); }
        return count === 1 ? singular : plural;
    }

    return {gettext: gettext, ngettext: ngettext};
};
