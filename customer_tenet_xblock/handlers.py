"""
The one way the block's handlers take and answer JSON.

Its own module so that every mixin (Studio, insights) and the block use the
same decorator without importing block.py.
"""
import functools
import json

from webob import Response
from xblock.core import XBlock

from .answers import Refusal


def json_api(method):
    """
    A handler taking and returning JSON, whose refusals are translated JSON
    errors with a real status code: {"error": message, "code": code}.
    """
    @XBlock.handler
    @functools.wraps(method)
    def wrapper(self, request, suffix=""):
        try:
            if request.method != "POST":
                raise Refusal(405, "method_not_allowed", self.gettext("Use POST for this request."))
            try:
                data = json.loads(request.body.decode("utf-8"))
            except (ValueError, RecursionError):  # RecursionError: hostile nesting like "[[[[..."
                raise Refusal(400, "bad_json", self.gettext("The request could not be read as JSON.")) from None
            payload, status = method(self, data, suffix), 200
        except Refusal as refusal:
            payload, status = {"error": refusal.message, "code": refusal.code}, refusal.status
            if getattr(refusal, "fields", None):  # which field each problem concerns (Studio's editor)
                payload["fields"] = refusal.fields
        return Response(json.dumps(payload), status=status, content_type="application/json", charset="utf-8")
    return wrapper
