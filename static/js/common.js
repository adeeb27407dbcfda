/* What the block's three scripts share: building DOM nodes, filling in
 * translated templates and talking to the block's JSON handlers.
 *
 * Every view's fragment loads this file before its own script, so a page
 * with several blocks runs it several times: it only (re)defines the same
 * pure functions and keeps no state of its own.
 */
window.CustomerTenetCommon = (function () {
    'use strict';

    // Studio's legacy editor passes a jQuery-wrapped element; the LMS and iframe runtimes a bare one.
    function unwrap(element) {
        return element.jquery ? element[0] : element;
    }

    // Learner and author text goes in as textContent, never as HTML.
    function make(tag, className, text) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        if (text !== undefined) { node.textContent = text; }
        return node;
    }

    // "{name}" placeholders, as the server's translated templates use them.
    function format(text, values) {
        return text.replace(/\{(\w+)\}/g, function (match, name) {
            return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : match;
        });
    }

    function csrfToken() {
        var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
        return match ? decodeURIComponent(match[1]) : '';
    }

    function post(runtime, element, handler, body) {
        return $.ajax({
            type: 'POST',
            url: runtime.handlerUrl(element, handler),
            data: JSON.stringify(body === undefined ? {} : body),
            contentType: 'application/json; charset=utf-8',
            dataType: 'json',
            headers: {'X-CSRFToken': csrfToken()},
            global: false  // Studio's global error handler would show a second message
        });
    }

    /* The server's refusal ({error, code, fields?}) of a failed request, or
     * `fallback` as its error when the answer is not ours (a lost connection,
     * a proxy's error page). */
    function refusal(xhr, fallback) {
        var response = null;
        try { response = JSON.parse(xhr.responseText); } catch (ignore) { /* not JSON */ }
        if (response && typeof response.error === 'string' && response.error) { return response; }
        return {error: fallback};
    }

    return {unwrap: unwrap, make: make, format: format, post: post, refusal: refusal};
}());
