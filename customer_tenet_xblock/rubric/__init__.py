"""
Floor 1, the rubric core: parse -> normalise -> match -> score, with its own
input (taxonomy.py) and output (results.py) types.

Pure Python: nothing here imports xblock, Django or webob, so the block and
the customer-tenet CLI grade exactly alike.
"""
from .grading import counting_result, grade, grade_entries  # noqa: F401
from .results import RubricResult  # noqa: F401
from .splitting import split_entries  # noqa: F401
