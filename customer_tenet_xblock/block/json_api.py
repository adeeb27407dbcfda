"""
The one way the block's handlers take and answer JSON.

Its own module so that every mixin (Studio, insights) and the block use the
same decorator without importing block.py.
"""
import functools
import json

from webob import Response
from xblock.core import XBlock

from ..exercise.refusals import Refusal

# Django's default DATA_UPLOAD_MAX_MEMORY_SIZE: refused here first, as JSON, not as Django's HTML page.
MAX_BODY_BYTES = 2_621_440


def is_json_media_type(content_type):
    """application/json, application/<anything>+json, or none given (a JSON client that did not say)."""
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type in ("", "application/json") or (media_type.startswith("application/")
                                                      and media_type.endswith("+json"))


def read_json_request(request, gettext, allow_get=False):
    """
    The request's JSON body, or Refusal. A GET (where allowed) has no body: {}.

    The content type is checked before the body is touched: of a multipart
    body Django has already consumed the stream (the LMS's handler view reads
    request.FILES, the CSRF check request.POST), so it cannot be read again.
    The other types an HTML form sends (urlencoded, text/plain) are refused
    too: a JSON API needs none of them.
    """
    if allow_get and request.method == "GET":
        return {}
    if request.method != "POST":
        message = gettext("Use GET or POST for this request.") if allow_get else gettext("Use POST for this request.")
        raise Refusal(405, "method_not_allowed", message)
    if not is_json_media_type(request.content_type or ""):
        raise Refusal(415, "unsupported_media_type",
                      gettext("Send the request as JSON (Content-Type: application/json)."))
    if (request.content_length or 0) > MAX_BODY_BYTES:
        raise Refusal(413, "request_too_large", gettext("The request is too large."))
    unreadable = Refusal(400, "bad_json", gettext("The request could not be read as JSON."))
    try:
        body = request.body
    except Exception:  # noqa: BLE001 - the framework's own errors (stream already read, client gone, too big)
        raise unreadable from None
    try:
        return json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):  # RecursionError: hostile nesting like "[[[[..."
        raise unreadable from None


def json_api(method=None, *, allow_get=False):
    """
    A handler taking and returning JSON, whose refusals are translated JSON
    errors with a real status code: {"error": message, "code": code}.

    POST only; `@json_api(allow_get=True)` also answers GET (the mobile apps
    call handlers with GET), for handlers that change nothing.
    """
    if method is None:
        return functools.partial(json_api, allow_get=allow_get)

    @XBlock.handler
    @functools.wraps(method)
    def wrapper(self, request, suffix=""):
        try:
            data = read_json_request(request, self.gettext, allow_get)
            payload, status = method(self, data, suffix), 200
        except Refusal as refusal:
            payload, status = {"error": refusal.message, "code": refusal.code}, refusal.status
            if getattr(refusal, "fields", None):  # which field each problem concerns (Studio's editor)
                payload["fields"] = refusal.fields
        response = Response(json.dumps(payload), status=status, content_type="application/json", charset="utf-8")
        if status == 405:  # HTTP requires the Allow header with it
            response.headers["Allow"] = "GET, POST" if allow_get else "POST"
        return response
    return wrapper
