window.customerTenetTranslator = function () {
'use strict';
var catalog = window.customerTenetCatalog || {};
var platform = (window.CustomerTenetI18N || {}).django || {};
var platformCatalog = platform.catalog || {};
var page = {gettext: window.gettext, ngettext: window.ngettext};
function gettext(msgid) {
if (typeof platformCatalog[msgid] !== 'undefined') { return platform.gettext(msgid); }
if (typeof catalog[msgid] === 'string') { return catalog[msgid]; }
return page.gettext ? page.gettext(msgid) : msgid;
}
function ngettext(singular, plural, count) {
if (typeof platformCatalog[singular] !== 'undefined') { return platform.ngettext(singular, plural, count); }
var forms = catalog[singular];
if (Array.isArray(forms)) { return forms[count === 1 ? 0 : 1]; }
if (page.ngettext) { return page.ngettext(singular, plural, count); }
return count === 1 ? singular : plural;
}
return {gettext: gettext, ngettext: ngettext};
};
