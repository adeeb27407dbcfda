"""
Built-in taxonomies an instructor can start from.

The default is the insurance example of Tenet 1; the group ids are stable
because course content and tests depend on them. Texts are marked with N_ so
they are extracted for translation and translated when shown.
"""
from ..rubric.taxonomy import EXTERNAL, INTERNAL, Group, Taxonomy
from .i18n import N_

INSURANCE = Taxonomy(
    groups=(
        Group(
            id="policyholders",
            label=N_("Policyholders"),
            side=EXTERNAL,
            hint=N_("Who pays for the policies your company issues?"),
            why=N_(
                "Policyholders spend their own money on what the company sells; "
                "their premiums are what pays everyone's salary."
            ),
        ),
        Group(
            id="agents",
            label=N_("Insurance agents"),
            side=EXTERNAL,
            hint=N_("Who sells your policies and brings new customers to the company?"),
            why=N_(
                "Agents sell and write the policies and stand between the company "
                "and the policyholder: they are how customers arrive."
            ),
        ),
        Group(
            id="agent_staff",
            label=N_("Agent staffs"),
            side=EXTERNAL,
            hint=N_("Think of the people who work in an agent's office."),
            why=N_(
                "The people in an agent's office fill in the paperwork with the "
                "agent and answer the policyholder's questions and worries."
            ),
        ),
        Group(
            id="departments",
            label=N_("Other company departments"),
            side=INTERNAL,
            hint=N_("Which other parts of the company touch a policy before it is issued?"),
            why=N_(
                "Issuing one policy takes many departments, such as underwriting, "
                "billing, accounting, records and mailing; each does a part no "
                "other can, so none of them works alone."
            ),
        ),
        Group(
            id="management",
            label=N_("The company management team"),
            side=INTERNAL,
            hint=N_("Who makes sure the whole process runs smoothly, and who do you report to?"),
            why=N_(
                "Managers keep the issuing process running, pass on the news and "
                "updates their teams need, and help people settle problems and "
                "disagreements."
            ),
        ),
        Group(
            id="coworkers",
            label=N_("Coworkers"),
            side=INTERNAL,
            hint=N_("Who do you ask questions of, or help, every working day?"),
            why=N_(
                "Every day you ask colleagues for answers and give them help; the "
                "service you give each other shapes the service customers get."
            ),
        ),
    ),
    balance_points=0.0,
    lexicon="en",
)

# From the idea that a manager's own people are customers too.
MANAGERS = Taxonomy(
    groups=(
        Group(
            id="direct_reports",
            label=N_("Your own people"),
            side=INTERNAL,
            hint=N_("Who depends on you for resources, information and fair treatment?"),
            why=N_(
                "A manager serves the people who report to them: helping them grow "
                "and succeed keeps them productive and makes them want to stay."
            ),
        ),
        Group(
            id="coworkers",
            label=N_("Peers and other teams"),
            side=INTERNAL,
            hint=N_("Which colleagues outside your own team rely on your work?"),
            why=N_(
                "Fellow managers and neighbouring teams need what your team "
                "delivers; serving them well makes the whole organisation faster."
            ),
        ),
        Group(
            id="customers",
            label=N_("External customers"),
            side=EXTERNAL,
            hint=N_("Who outside the company buys what your team helps to deliver?"),
            why=N_(
                "Your people can only delight outside customers when you have "
                "given them what they need to do it."
            ),
        ),
    ),
    balance_points=1.0,
    lexicon="en",
)

ANY_ORGANISATION = Taxonomy(
    groups=(
        Group(
            id="customers",
            label=N_("Customers who buy or use what you offer"),
            side=EXTERNAL,
            hint=N_("Who pays for or uses your organisation's products or services?"),
            why=N_("Without the people who buy or use what you offer, there is no organisation."),
        ),
        Group(
            id="partners",
            label=N_("Partners who sell or deliver for you"),
            side=EXTERNAL,
            hint=N_("Who stands between your organisation and the end customer?"),
            why=N_(
                "Resellers, distributors and other partners bring customers in "
                "and shape what those customers experience."
            ),
        ),
        Group(
            id="departments",
            label=N_("Other departments"),
            side=INTERNAL,
            hint=N_("Which other departments rely on your work, or you on theirs?"),
            why=N_("Work passes between departments; each one is the customer of the one before it."),
        ),
        Group(
            id="management",
            label=N_("Management"),
            side=INTERNAL,
            hint=N_("Who sets direction and needs your reports and results?"),
            why=N_("Managers depend on accurate, timely work from you to steer and support everyone."),
        ),
        Group(
            id="coworkers",
            label=N_("Coworkers"),
            side=INTERNAL,
            hint=N_("Who do you work beside every day?"),
            why=N_("The colleagues you help today are the ones who will help you tomorrow."),
        ),
    ),
    balance_points=1.0,
    lexicon="en",
)

# The insurance example in Spanish, matched with the Spanish lexicon. Same group
# ids and sides as INSURANCE, so reports and course content line up. Its texts
# are Spanish content written for Spanish-speaking learners, not English source
# strings, so they are not marked for translation.
INSURANCE_ES = Taxonomy(
    groups=(
        Group(
            id="policyholders",
            label="Asegurados",
            side=EXTERNAL,
            hint="¿Quién paga las pólizas que emite tu compañía?",
            why=(
                "Los asegurados pagan con su propio dinero lo que vende la compañía; "
                "sus primas son las que pagan el sueldo de todos."
            ),
        ),
        Group(
            id="agents",
            label="Agentes de seguros",
            side=EXTERNAL,
            hint="¿Quién vende tus pólizas y trae nuevos clientes a la compañía?",
            why=(
                "Los agentes y corredores venden y formalizan las pólizas y hacen de "
                "puente entre la compañía y el asegurado: por ellos llegan los clientes."
            ),
        ),
        Group(
            id="agent_staff",
            label="Personal de los agentes",
            side=EXTERNAL,
            hint="Piensa en quienes trabajan en la oficina de un agente.",
            why=(
                "Quienes trabajan en la agencia preparan los papeles junto al agente y "
                "atienden las dudas y preocupaciones del asegurado."
            ),
        ),
        Group(
            id="departments",
            label="Otros departamentos de la compañía",
            side=INTERNAL,
            hint="¿Qué otras áreas de la compañía intervienen en una póliza antes de emitirla?",
            why=(
                "Para emitir una sola póliza hacen falta muchos departamentos, como "
                "suscripción, cobros, contabilidad, archivo o impresión y envío; cada "
                "uno aporta algo que los demás no pueden hacer, así que ninguno trabaja solo."
            ),
        ),
        Group(
            id="management",
            label="La dirección de la compañía",
            side=INTERNAL,
            hint="¿Quién se asegura de que todo el proceso funcione bien, y a quién rindes cuentas?",
            why=(
                "Los directivos mantienen en marcha la emisión de pólizas, hacen llegar "
                "a sus equipos la información y las novedades que necesitan y les ayudan "
                "a resolver problemas y desacuerdos."
            ),
        ),
        Group(
            id="coworkers",
            label="Compañeros de trabajo",
            side=INTERNAL,
            hint="¿A quién le haces preguntas, o a quién ayudas, cada día de trabajo?",
            why=(
                "Cada día pides respuestas a tus compañeros y les echas una mano; el "
                "servicio que se prestan entre compañeros marca el que reciben los clientes."
            ),
        ),
    ),
    balance_points=0.0,
    lexicon="es",
)

# Preset ids are stable: Studio sends them and course authors see them.
PRESETS = {
    "insurance": (N_("Insurance company"), INSURANCE),
    "managers": (N_("Managers: your people are your customers"), MANAGERS),
    "any_organisation": (N_("Any organisation"), ANY_ORGANISATION),
    "insurance_es": (N_("Insurance company (Spanish)"), INSURANCE_ES),
}


def default_taxonomy():
    return INSURANCE
