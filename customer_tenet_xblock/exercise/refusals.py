"""
A refusal: a request the block will not carry out, with an HTTP status, a
stable code the browser and tests rely on, and a translated message.

Raised by the pure checks of this floor; the block layer's json_api turns it
into the JSON answer.
"""


class Refusal(Exception):
    """A request the block will not carry out; nothing was changed."""

    def __init__(self, status, code, message):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
