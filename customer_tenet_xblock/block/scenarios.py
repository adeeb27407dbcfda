"""The xblock-sdk workbench's scenarios, written as the OLX an author would."""
from ..exercise import olx
from ..exercise.presets import INSURANCE_ES, MANAGERS
from ..exercise.settings import Exercise

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

# The insurance example for Spanish-speaking learners: Spanish content, Spanish matching.
INSURANCE_ES_EXERCISE = Exercise(
    display_name="¿Quiénes son tus clientes?",
    prompt=(
        "Llamamos cliente a cualquiera que recibe algo de tu trabajo: un producto, "
        "un servicio, una respuesta o una mano cuando la necesita. Casi todos tenemos "
        "más clientes de los que pensamos, fuera y dentro de la compañía.\n\n"
        "Imagina que trabajas en una compañía de seguros. **¿Quiénes son tus "
        "clientes?** Escríbelos, uno por línea."
    ),
    taxonomy=INSURANCE_ES,
    reflection_prompt=(
        "Al hacer la lista, ¿qué cliente no esperabas encontrar? ¿Por qué crees que "
        "se te había pasado por alto?"
    ),
    takeaway=(
        "Cualquier persona a la que sirve tu trabajo es tu cliente, esté fuera o dentro "
        "de la compañía: de cómo la atiendas depende también tu propio éxito."
    ),
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
    # Appended: scenario numbers are URLs (customer_tenet.0, .1, .2, ...) and must not move.
    (
        "Customer Tenet: compañía de seguros (español)",
        _vertical(olx.exercise_to_text(INSURANCE_ES_EXERCISE)),
    ),
    # A unit holding two exercises: each view's shared scripts and styles then arrive twice.
    (
        "Customer Tenet: two exercises on one page",
        _vertical("<customer_tenet/>\n", olx.exercise_to_text(MANAGERS_EXERCISE)),
    ),
)
