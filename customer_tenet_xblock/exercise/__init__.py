"""
Floor 2, the exercise model: one exercise's settings, presets, validation,
OLX, the learner's feedback wording, the class figures and the refusals.

Plain Python on top of the rubric core: it imports the rubric, never the
XBlock layer, and nothing from xblock, webob or Django, so the CLI runs it
as the block does.
"""
