"""
The one way the block's handlers take and answer JSON, and refuse.

A refusal is XBlock's own JsonHandlerError (JsonRefusal adds our stable code
and, for Studio's editor, the field each problem concerns). The handlers do
not use XBlock.json_handler itself, because it cannot keep what clients rely
on: it reads request.body before any check (a multipart or form body the LMS
has already consumed then fails with a 500, not a 415), it sets no size limit
(413), answers GET with 405 (the mobile apps read learner_state with GET),
lets a hostile "[[[[..." body raise RecursionError (a 500), and answers in
English without a code ("Method must be POST", "Invalid JSON"). json_api
does what json_handler does, with those checks first.

Its own module so that every mixin (Studio, insights) and the block use the
same decorator without importing the block class.
"""
import functools
import json

from webob import Response
from xblock.core import XBlock
from xblock.exceptions import JsonHandlerError

from ..exercise.refusals import Refusal

# Django's default DATA_UPLOAD_MAX_MEMORY_SIZE: refused here first, as JSON, not as Django's HTML page.
MAX_BODY_BYTES = 2_621_440


def is_json_media_type(content_type):
    """application/json, application/<anything>+json, or none given (a JSON client that did not say)."""
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type in ("", "application/json") or (media_type.startswith("application/")
                                                      and media_type.endswith("+json"))


class JsonRefusal(JsonHandlerError):
    """
    XBlock's JsonHandlerError answered as {"error": message, "code": code}:
    a translated message, and a code that clients and tests rely on. `fields`
    ({field: message}) tells Studio's editor where each problem is.
    """

    def __init__(self, status_code, code, message, fields=None):
        super().__init__(status_code, message)
        self.code = code
        self.fields = fields

    @classmethod
    def from_refusal(cls, refusal):
        """The exercise model's Refusal (which knows nothing of XBlock), as the handler answers it."""
        return cls(refusal.status, refusal.code, refusal.message)

    def get_response(self, **kwargs):
        body = {"error": self.message, "code": self.code}
        if self.fields:
            body["fields"] = self.fields
        return Response(json.dumps(body), status=self.status_code, content_type="application/json",
                        charset="utf-8", **kwargs)


def read_json_request(request, gettext, allow_get=False):
    """
    The request's JSON body, or JsonRefusal. A GET (where allowed) has no body: {}.

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
        raise JsonRefusal(405, "method_not_allowed", message)
    if not is_json_media_type(request.content_type or ""):
        raise JsonRefusal(415, "unsupported_media_type",
                          gettext("Send the request as JSON (Content-Type: application/json)."))
    if (request.content_length or 0) > MAX_BODY_BYTES:
        raise JsonRefusal(413, "request_too_large", gettext("The request is too large."))
    try:
        body = request.body
    except Exception:  # noqa: BLE001 - the framework's own errors (stream already read, client gone, too big)
        raise _unreadable(gettext) from None
    try:
        return json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):  # RecursionError: hostile nesting like "[[[[..."
        raise _unreadable(gettext) from None


def _unreadable(gettext):
    # Built only to refuse: translating asks the runtime for the language, on every request if built ahead.
    return JsonRefusal(400, "bad_json", gettext("The request could not be read as JSON."))


def json_api(method=None, *, allow_get=False):
    """
    A handler taking and returning JSON, as XBlock.json_handler: it raises
    JsonHandlerError (JsonRefusal, or the exercise model's Refusal) to refuse,
    answered with a real status code as {"error": message, "code": code}.

    POST only; `@json_api(allow_get=True)` also answers GET (the mobile apps
    call handlers with GET), for handlers that change nothing.
    """
    if method is None:
        return functools.partial(json_api, allow_get=allow_get)

    @XBlock.handler
    @functools.wraps(method)
    def wrapper(self, request, suffix=""):
        try:
            payload = method(self, read_json_request(request, self.gettext, allow_get), suffix)
        except Refusal as refusal:  # from the exercise model's pure checks
            error = JsonRefusal.from_refusal(refusal)
        except JsonHandlerError as refused:
            error = refused
        else:
            return Response(json.dumps(payload), content_type="application/json", charset="utf-8")
        # HTTP requires the Allow header with a 405.
        allow = {"allow": ["GET", "POST"] if allow_get else ["POST"]} if error.status_code == 405 else {}
        return error.get_response(**allow)
    return wrapper
