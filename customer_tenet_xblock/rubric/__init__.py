"""
The rubric core: parse -> normalise -> match -> score.

Pure Python: nothing here imports xblock, Django or webob, so the block and
the customer-tenet CLI grade exactly alike.
"""
from .grading import RubricResult, counting_result, grade, grade_entries  # noqa: F401
from .splitting import split_entries  # noqa: F401
