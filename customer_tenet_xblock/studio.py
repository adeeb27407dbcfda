"""Studio authoring: the editor, presets, try-an-answer and author_view."""


class StudioMixin:
    """Studio views and handlers of the block."""
