"""Instructor insights: the class summary and the response export."""


class InsightsMixin:
    """Staff-only views, handlers and the LMS report hook."""
