window.CustomerTenetCommon = (function () {
'use strict';
function unwrap(element) {
return element.jquery ? element[0] : element;
}
function make(tag, className, text) {
var node = document.createElement(tag);
if (className) { node.className = className; }
if (text !== undefined) { node.textContent = text; }
return node;
}
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
function refusal(xhr, fallback) {
var response = null;
try { response = JSON.parse(xhr.responseText); } catch (ignore) { /* not JSON */ }
if (response && typeof response.error === 'string' && response.error) { return response; }
return {error: fallback};
}
return {unwrap: unwrap, make: make, format: format, post: post, refusal: refusal};
}());
