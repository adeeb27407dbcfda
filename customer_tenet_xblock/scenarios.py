"""The xblock-sdk workbench's scenarios, written as the OLX an author would."""
from . import olx
from .exercise import Exercise
from .presets import MANAGERS

MANAGERS_EXERCISE = Exercise(
    display_name="Your people are your customers",
    prompt=(
        "Every manager, from team leader to chief executive, also runs a service: "
        "the people who work for you are your customers.\n\n"
        "**Who are your customers as a manager?** List them, one per line."
    ),
    taxonomy=MANAGERS,
    reflection_prompt="Which of your own people had you not thought of as customers until now?",
    takeaway="Your people are your customers: serve them well and they will serve everyone else well.",
)


def _vertical(*blocks):
    return "<vertical_demo>\n" + "".join(blocks) + "</vertical_demo>\n"


SCENARIOS = (
    ("Customer Tenet: the insurance example", _vertical("<customer_tenet/>\n")),
    (
        "Customer Tenet: two attempts",
        _vertical('<customer_tenet display_name="Who are your customers? (two attempts)" max_attempts="2"/>\n'),
    ),
    ("Customer Tenet: managers, your people are your customers", _vertical(olx.exercise_to_text(MANAGERS_EXERCISE))),
)
