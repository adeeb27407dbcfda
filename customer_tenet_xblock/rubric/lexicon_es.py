"""
The built-in Spanish lexicon: how people who work in and around an insurance
company in Spain or Latin America name the customers of the default taxonomy.

Written from how insurers there are organised: policies are sold through
agentes (exclusivos, vinculados), corredores / corredurías, mediadores,
brókers, productores (Argentina) and asesores, whose agencias employ
auxiliares, secretarias and administrativos; inside the company a policy
passes through suscripción / emisión, siniestros (reclamos in much of Latin
America), cobros / cobranza / recibos, contabilidad, archivo, impresión y envío
and more; mandos run from jefe de equipo to dirección general and consejo; and
everyone works beside compañeros. The generic words of the other kinds
(proveedores, reguladores, accionistas, la comunidad) name a group only where a
taxonomy has one of that kind. Same design as the English lexicon (see
lexicon.py); Spanish puts the head first and its modifiers after "de", "que",
"en"..., which the matcher's head/post-modifier reading already handles.

Phrases are plain text: the matcher folds accents and case (compañía ==
compania), singularises (agentes -> agente) and tolerates typos, so list each
idea once per gender ("compañero", "compañera"). "del" and "al" are read as
"de el" and "a el", and articles inside a phrase are skipped, so "tomador de
seguro" also matches "tomador del seguro".
"""
from .lexicon import (  # the group preferences are shared by every language
    AGENT_STAFF,
    AGENTS,
    BLOCK,
    COMMUNITY,
    COWORKERS,
    DEPARTMENT_CONTEXT,
    DEPARTMENTS,
    END_CUSTOMERS,
    HEAD,
    INVESTORS,
    MANAGEMENT,
    MOD,
    OPEN,
    OWN_PEOPLE,
    PARTNERS,
    PEER_MANAGERS,
    POLICYHOLDERS,
    REGULATORS,
    ROLE,
    SUPPLIERS,
    Concept,
    Lexicon,
)
from .normalizing import fold, singular_es

CONCEPTS = (
    Concept("policyholder", HEAD, POLICYHOLDERS, person=True, phrases=(
        "asegurado", "asegurada", "asegurado principal", "tomador", "tomadora",
        "tomador de seguro", "tomador de poliza", "titular", "titular de poliza",
        "titular de seguro", "poseedor de poliza", "cliente", "clienta", "cliente final",
        "cliente externo", "cliente asegurado", "cliente particular", "cliente empresa",
        "cliente corporativo", "cliente actual", "cliente nuevo", "nuevo cliente",
        "cliente potencial", "posible cliente", "futuro cliente", "prospecto",
        "consumidor", "consumidora", "comprador", "compradora", "contratante",
        "beneficiario", "beneficiaria", "reclamante", "siniestrado", "siniestrada",
        "perjudicado", "perjudicada", "damnificado", "damnificada", "tercero perjudicado",
        "afiliado", "afiliada", "mutualista", "socio mutualista", "pagador de prima",
        "cartera de cliente", "clientela", "el publico", "publico en general", "gran publico",
        "empresa asegurada", "familia asegurada", "conductor asegurado",
        "propietario de vivienda", "inquilino", "inquilina", "persona asegurada",
    )),
    Concept("end_user", HEAD, END_CUSTOMERS, person=True, phrases=(
        "usuario", "usuaria", "usuario final", "paciente", "huesped", "pasajero", "pasajera",
        "visitante", "lector", "lectora", "estudiante", "alumno", "alumna", "ciudadano",
        "ciudadana", "residente", "donante", "viajero", "viajera",
    )),
    Concept("member", OPEN, POLICYHOLDERS, person=True, with_=(
        (("agent", "partner"), AGENT_STAFF),
    ), phrases=("miembro", "socio", "socia")),
    Concept("agent", HEAD, AGENTS, person=True, phrases=(
        "agente", "agente de seguro", "agente exclusivo", "agente exclusiva",
        "agente independiente", "agente vinculado", "agente vinculada", "agente afecto",
        "agente profesional", "agente comercial", "agente de venta", "agente productor",
        "agente libre", "agente autorizado", "agencia", "agencia de seguro",
        "agencia exclusiva", "agencia independiente", "agenciero", "titular de agencia",
        "titular de la agencia", "dueno de agencia", "dueno de la agencia",
        "red de agente", "red de agencia", "red comercial", "red de distribucion",
        "red de venta", "red de mediador", "fuerza de venta", "fuerza comercial",
        "canal de agente", "canal agencial", "canal de distribucion", "canal de mediacion",
        "corredor", "corredora", "corredor de seguro", "corredora de seguro", "correduria",
        "correduria de seguro", "mediador", "mediadora", "mediador de seguro", "mediacion",
        "intermediario", "intermediaria", "intermediario de seguro", "broker",
        "broker de seguro", "productor", "productora", "productor de seguro",
        "productor asesor", "productor asesor de seguro", "asesor de seguro",
        "asesora de seguro", "asesor comercial", "asesora comercial", "asesor financiero",
        "promotor", "promotora", "promotor de seguro", "vendedor", "vendedora",
        "vendedor de seguro", "comercial", "operador de banca seguro", "bancaseguro",
        "banca seguro", "sucursal bancaria", "colocador", "ejecutivo comercial",
        "ejecutiva comercial", "ejecutivo de venta", "ejecutiva de venta",
        # Partners who sell for us are agents where the taxonomy has them.
        "distribuidor", "distribuidora", "revendedor", "revendedora",
    )),
    Concept("seller", MOD, AGENTS, phrases=(
        "vender", "venden", "vende", "venden por nosotro", "vende por nosotro",
        "venden poliza", "vende poliza", "venden seguro", "vende seguro", "colocan poliza",
        "coloca poliza", "traen cliente", "trae cliente", "traen negocio", "captan cliente",
        "capta cliente", "comision", "a comision", "cobran comision",
    )),
    Concept("partner", ROLE, PARTNERS, person=True, with_=(
        (("agent", "seller"), AGENTS),
    ), phrases=(
        "socio comercial", "socio estrategico", "aliado", "aliada", "aliado comercial",
        "concesionario", "concesionaria",
        "tercero", "outsourcing", "empresa externa",
        "colaborador externo", "colaboradora externa", "taller", "taller concertado",
    )),
    # Suppliers are partners where the taxonomy has no group of that kind.
    Concept("supplier", ROLE, SUPPLIERS, person=True, with_=(
        (("agent", "seller"), AGENTS),
    ), phrases=(
        "proveedor", "proveedora", "proveedor externo", "red de proveedor", "contratista",
        "subcontratista", "subcontrata", "suministrador", "suministradora", "fabricante",
        "proveedor de servicio", "prestador de servicio", "empresa proveedora",
        "consultor externo", "consultora externa", "transportista",
    )),
    Concept("staff", ROLE, OWN_PEOPLE, person=True, with_=(
        (("agent",), AGENT_STAFF),
        (DEPARTMENT_CONTEXT, DEPARTMENTS),
    ), phrases=(
        "personal", "empleado", "empleada", "trabajador", "trabajadora", "plantilla",
        "personal de oficina", "personal administrativo", "personal de apoyo",
        "personal de soporte", "funcionario", "funcionaria", "colaborador", "colaboradora",
        "administrativo", "administrativa", "equipo humano", "recurso humano de la agencia",
    )),
    Concept("assistant", ROLE, COWORKERS, person=True, with_=(
        (("agent", "partner"), AGENT_STAFF),
        (DEPARTMENT_CONTEXT, DEPARTMENTS),
    ), phrases=(
        "asistente", "asistente administrativo", "asistente administrativa",
        "asistente comercial", "auxiliar", "auxiliar administrativo",
        "auxiliar administrativa", "ayudante", "secretario", "secretaria",
        "recepcionista", "oficinista", "gestor", "gestora", "ejecutivo de cuenta",
        "ejecutiva de cuenta", "administrador", "administradora", "becario", "becaria",
        "pasante", "practicante", "mano derecha",
    )),
    Concept("csr", ROLE, DEPARTMENTS, person=True, with_=(
        (("agent", "partner"), AGENT_STAFF),
    ), phrases=(
        "agente de atencion a cliente", "agente de servicio a cliente",
        "personal de atencion a cliente", "personal de servicio a cliente",
        "ejecutivo de atencion a cliente", "ejecutiva de atencion a cliente",
        "asesor de atencion a cliente", "representante de servicio a cliente",
        "teleoperador", "teleoperadora", "operador de call center", "agente de call center",
        "agente telefonico", "operador telefonico", "operadora telefonica",
    )),
    Concept("team", ROLE, COWORKERS, with_=(
        (("agent", "partner"), AGENT_STAFF),
        (DEPARTMENT_CONTEXT, DEPARTMENTS),
        (("manager",), MANAGEMENT),
        (("own_people", "reports_to_me"), OWN_PEOPLE),
        (("work_beside", "mine"), COWORKERS),
    ), phrases=("equipo", "grupo", "cuadrilla", "unidad", "celula", "equipo de trabajo")),
    Concept("manager", ROLE, MANAGEMENT, person=True, with_=(
        (("agent", "partner"), AGENT_STAFF),
    ), phrases=(
        "jefe", "jefa", "mi jefe", "mi jefa", "jefe directo", "jefa directa", "jefe inmediato",
        "jefa inmediata", "jefe de departamento", "jefa de departamento", "jefe de area",
        "jefa de area", "jefe de seccion", "jefe de equipo", "jefa de equipo",
        "jefe de servicio", "jefe comercial", "lider", "lider de equipo", "responsable",
        "responsable de area", "responsable de departamento", "responsable de equipo",
        "coordinador", "coordinadora", "encargado", "encargada", "superior",
        "superior jerarquico", "supervisor", "supervisora", "gerente", "gerente general",
        "gerente de area", "gerente comercial", "subgerente", "gerencia", "gerencia general",
        "alta gerencia", "director", "directora", "director general", "directora general",
        "director de area", "director comercial", "directora comercial",
        "director de departamento", "subdirector", "subdirectora", "direccion",
        "direccion general", "alta direccion", "direccion comercial", "comite de direccion",
        "comite ejecutivo", "comite de gerencia", "equipo directivo", "equipo de direccion",
        "equipo gerencial", "directivo", "directiva", "junta directiva", "consejo",
        "consejo de direccion", "consejo de administracion", "consejero",
        "consejero delegado", "consejera delegada", "presidente", "presidenta",
        "vicepresidente", "vicepresidenta", "ceo", "cfo", "coo", "cio", "cto", "cmo",
        "mando", "mando intermedio", "mando medio", "cuadro directivo", "cupula",
        "dueno de la empresa", "propietario de la empresa", "fundador", "fundadora",
        "los de arriba", "la cupula", "patron", "patrona", "delegado", "delegada",
        "director de sucursal", "directora de sucursal", "director territorial",
        "director regional", "gerente regional", "gerente de sucursal", "jefe de sucursal",
        "jefe de oficina", "jefa de oficina",
    )),
    Concept("peer_manager", HEAD, PEER_MANAGERS, person=True, phrases=(
        "otro gerente", "otro jefe", "otra jefa", "otro director", "otra directora",
        "otro supervisor", "otra supervisora", "otro responsable", "otro mando",
        "otro lider", "demas jefe", "demas gerente",
    )),
    Concept("above_me", MOD, MANAGEMENT, phrases=(
        "a quien reporto", "a quienes reporto", "a quien rindo cuenta", "para quien trabajo",
        "de quien dependo", "de quienes dependo", "por encima de mi", "encima de mi",
        "me supervisa", "me supervisan", "me dirige", "me dirigen", "me manda", "me mandan",
        "mi superior", "mi cadena de mando",
    )),
    Concept("department", ROLE, DEPARTMENTS, with_=(
        (("department_name",), DEPARTMENTS),
        (("mine",), COWORKERS),  # "mi departamento" is the people one works beside
    ), phrases=("departamento", "area", "seccion", "division", "servicio", "funcion")),
    Concept("other_department", HEAD, DEPARTMENTS, phrases=(
        "otro departamento", "otra area", "otra seccion", "otra division", "otra unidad",
        "otro equipo", "otra oficina", "otra sucursal", "otra gerencia", "otra direccion",
        "departamento interno", "area interna", "demas departamento", "demas area",
        "resto de departamento", "resto de area", "todo los departamento", "toda las area",
        "unidad de negocio", "servicio central", "oficina central", "sede central", "sede",
        "casa matriz", "la central", "area de soporte", "area de apoyo",
        "servicio compartido", "equipo multidisciplinar", "equipo multidisciplinario",
    )),
    Concept("department_name", HEAD, DEPARTMENTS, phrases=(
        # Insurance operations, roughly in the order a policy meets them.
        "suscripcion", "emision", "emision de poliza", "produccion", "nuevo negocio",
        "contratacion", "tarificacion", "renovacion", "suplemento", "endoso", "cartera",
        "gestion de cartera", "departamento tecnico", "area tecnica", "direccion tecnica",
        "autos", "automovil", "ramo de auto", "ramo auto", "ramo de vida", "ramo vida",
        "ramo de hogar", "ramo general", "ramo patrimonial", "no vida", "vida y salud",
        "riesgo diverso", "ramo personal", "hogar", "salud", "decesos",
        "siniestro", "reclamacion", "reclamo", "prestacion", "tramitacion de siniestro",
        "gestion de siniestro", "atencion de siniestro", "atencion de reclamo", "peritaje",
        "peritacion", "recobro", "salvamento", "fraude", "investigacion de fraude",
        "prevencion de fraude", "reaseguro", "inspeccion", "control de riesgo",
        "gestion de riesgo", "riesgo", "prevencion de riesgo",
        "atencion a cliente", "servicio a cliente", "atencion a asegurado", "atencion a publico",
        "servicio de atencion a cliente", "experiencia de cliente", "sac", "call center",
        "centro de llamada", "contact center", "centro de contacto", "mesa de ayuda",
        "help desk", "soporte", "soporte tecnico", "atencion a mediador",
        "atencion a agente", "soporte a agente", "apoyo a la red", "servicio a agente",
        "contabilidad", "cuenta por pagar", "cuenta por cobrar", "cuenta a pagar",
        "facturacion", "cobranza", "cobro", "cobro y pago", "gestion de cobro",
        "gestion de recibo", "recibo", "pago", "tesoreria", "finanza", "financiero",
        "financiera", "administracion", "administracion y finanza", "nomina",
        "inversion", "actuarial", "calculo actuarial", "control de gestion", "fiscal",
        "juridico", "asesoria juridica", "servicio juridico", "legal", "asesoria legal",
        "cumplimiento", "cumplimiento normativo", "compliance", "auditoria",
        "auditoria interna", "control interno", "archivo", "gestion documental",
        "documentacion", "digitalizacion", "escaneo", "impresion", "imprenta",
        "reprografia", "envio", "impresion y envio", "impresion y correspondencia",
        "correspondencia", "correo", "mensajeria", "valija", "expedicion", "logistica",
        "informatica", "sistema", "tecnologia", "tecnologia de la informacion",
        "tecnologia de informacion", "tic", "soporte informatico", "desarrollo",
        "programacion", "dato", "analitica", "inteligencia de negocio",
        "business intelligence", "ciberseguridad", "seguridad informatica", "seguridad",
        "recurso humano", "rrhh", "gestion de persona", "capital humano",
        "talento humano", "seleccion", "reclutamiento", "formacion", "capacitacion",
        "desarrollo organizacional", "relacion laboral", "marketing", "mercadotecnia",
        "mercadeo", "comunicacion", "comunicacion corporativa", "comunicacion interna",
        "relacion publica", "venta", "departamento comercial", "area comercial",
        "departamento de venta", "producto", "desarrollo de producto", "distribucion",
        "operacion", "servicio general", "mantenimiento", "limpieza", "compra",
        "aprovisionamiento", "calidad", "control de calidad", "estrategia", "planificacion",
        "organizacion y metodo", "proyecto", "oficina de proyecto", "pmo", "recepcion",
        "innovacion", "transformacion digital", "digital",
    )),
    Concept("department_role", HEAD, DEPARTMENTS, person=True, phrases=(
        "suscriptor", "suscriptora", "tarificador", "tarificadora", "emisor", "emisora",
        "perito", "perita", "liquidador", "liquidadora", "liquidador de siniestro",
        "ajustador", "ajustadora", "tramitador", "tramitadora", "tramitador de siniestro",
        "gestor de siniestro", "gestora de siniestro", "analista de siniestro",
        "inspector", "inspectora", "investigador", "investigadora", "contador", "contadora",
        "contable", "tesorero", "tesorera", "actuario", "actuaria", "auditor", "auditora",
        "abogado", "abogada", "asesor juridico", "asesor legal", "asesora legal",
        "informatico", "programador", "programadora", "desarrollador", "desarrolladora",
        "tecnico", "tecnica", "tecnico de sistema", "tecnico informatico", "analista",
        "analista de dato", "cobrador", "cobradora", "facturador", "facturadora",
        "nominista", "archivista", "mensajero", "mensajera", "cartero", "conserje",
        "personal de limpieza", "vigilante", "guardia de seguridad",
        "los de sistema", "los de informatica",
    )),
    Concept("coworker", ROLE, COWORKERS, person=True, with_=(
        (("other_department",), DEPARTMENTS),  # "compañeros de otras áreas"
    ), phrases=(
        "companero", "companera", "companero de trabajo", "companera de trabajo",
        "companero de oficina", "companera de oficina", "companero de equipo",
        "companera de equipo", "companero de departamento", "companera de departamento",
        "companero de area", "companera de area", "companero de mesa", "companera de mesa",
        "companero de planta", "colega", "colega de trabajo", "otro empleado",
        "otra empleada", "otro trabajador", "otra trabajadora", "otro colaborador",
        "demas empleado", "demas companero", "resto de empleado", "resto de companero",
        "resto de equipo", "resto de plantilla", "toda la plantilla", "toda la oficina",
        "todo el equipo", "equipo entero", "toda la empresa", "toda la compania",
        "mismo equipo", "mismo departamento", "misma area", "homologo", "homologa",
        "nuevo empleado", "nueva empleada", "nuevo ingreso", "gente de la oficina",
        "gente de la empresa",
    )),
    Concept("work_beside", MOD, COWORKERS, phrases=(
        "trabajo con", "con quien trabajo", "con quienes trabajo", "con que trabajo",
        "trabajan conmigo", "trabaja conmigo", "conmigo", "a mi lado", "junto a mi",
        "cerca de mi", "en la oficina", "en mi oficina", "de la oficina", "en el trabajo",
        "de el trabajo", "en la empresa", "de la empresa", "en la compania", "de la compania",
        "en mi planta", "de mi planta", "misma planta", "en el edificio", "de al lado",
        "mesa de al lado", "dia a dia",
    )),
    Concept("own_people", HEAD, OWN_PEOPLE, person=True, phrases=(
        "mi equipo", "mi gente", "mi personal", "mis empleado", "mis colaborador",
        "subordinado", "subordinada", "reporte directo", "colaborador directo",
        "colaboradora directa", "miembro de equipo", "integrante de equipo",
        "persona a mi cargo", "gente a mi cargo", "equipo a mi cargo", "personal a mi cargo",
    )),
    Concept("reports_to_me", MOD, OWN_PEOPLE, phrases=(
        "a mi cargo", "bajo mi cargo", "me reportan", "me reporta", "dependen de mi",
        "bajo mi supervision", "bajo mi mando", "que superviso", "que dirijo", "que lidero",
        "que gestiono", "que coordino",
    )),
    Concept("insured_by_us", MOD, POLICYHOLDERS, phrases=(
        "aseguramos", "cubrimos", "asegurado por nosotro", "cubierto", "cubierta",
        "con poliza", "con siniestro", "con reclamacion", "con reclamo", "poliza", "prima", "pagan prima",
        "paga prima", "pagan seguro",
        "paga seguro", "pagan", "paga", "compran", "compran seguro", "compra seguro",
        "compran poliza", "compra poliza", "contratan", "contrata", "contratar",
        "contratan seguro", "contrata seguro", "contratan poliza", "tienen poliza",
        "tiene poliza", "tienen seguro", "tiene seguro", "con seguro", "asegurado con nosotro",
        "dan parte", "da parte", "dar parte", "declaran siniestro", "declara siniestro",
        "tienen siniestro", "tiene siniestro", "sufren siniestro", "sufre siniestro",
        "reclaman", "reclama", "presentan reclamacion", "presenta reclamacion",
        "hacen reclamacion", "ponen reclamo", "hacen reclamo", "seguro de auto",
        "seguro de coche", "seguro de carro", "seguro de hogar", "seguro de vida",
        "seguro de salud", "seguro medico", "nuestro producto", "nuestro seguro",
        "nuestra poliza", "seguro", "cobertura", "confian en nosotro",
    )),
    Concept("people", OPEN, (), with_=(
        (("agent", "partner"), AGENT_STAFF),
    ), phrases=(
        "gente", "persona", "todo el mundo", "todos", "todas", "cualquiera", "alguien",
        "los demas", "las demas", "demas", "individuo", "familia", "familiar", "hijo",
        "hija", "conyuge", "pareja", "amigo", "amiga", "conductor", "conductora",
        "los que", "las que", "el que", "la que", "aquel que", "aquellos que", "quien", "quienes",
        "los de", "las de", "el de", "la de",
    )),
    Concept("mine", MOD, (), phrases=("mi", "mis", "nuestro", "nuestra")),
    Concept("company", MOD, COWORKERS, phrases=(
        "empresa", "compania", "organizacion", "oficina", "trabajo", "negocio",
        "corporacion", "entidad",
    )),
    Concept("neutral", MOD, (), phrases=(
        "cliente interno", "clienta interna", "aseguradora", "compania de seguro",
        "compania aseguradora", "entidad aseguradora", "reaseguradora",
        "medio de comunicacion", "prensa", "parte interesada", "grupo de interes", "stakeholder",
    )),
    # The kinds beyond the insurance example: they name a group only where the
    # taxonomy has one of that kind.
    Concept("regulator", HEAD, REGULATORS, person=True, phrases=(
        "regulador", "reguladora", "organismo regulador", "ente regulador", "organismo supervisor",
        "autoridad supervisora", "autoridad de control", "superintendencia",
        "superintendencia de seguro", "dgsfp", "direccion general de seguro", "gobierno",
        "administracion publica", "hacienda", "ministerio", "auditor externo", "auditora externa",
        "inspeccion de trabajo", "defensor del pueblo",
    )),
    Concept("investor", HEAD, INVESTORS, person=True, phrases=(
        "accionista", "inversor", "inversora", "inversionista", "socio capitalista",
        "financiador", "financiadora", "fondo de inversion", "capital riesgo", "bonista",
    )),
    Concept("community_member", HEAD, COMMUNITY, person=True, phrases=(
        "comunidad", "comunidad local", "vecino", "vecina", "vecindario", "barrio",
        "sociedad", "gente del barrio", "exalumno", "exalumna", "antiguo alumno",
    )),
    Concept("competitor", BLOCK, (), phrases=(
        "competidor", "competidora", "competencia", "rival", "otra aseguradora",
        "otra compania", "otra compania de seguro", "compania competidora",
        "aseguradora de la competencia", "empresa competidora",
    )),
)


def _words(text):
    """The words, folded, with their singular forms (the matcher compares singulars)."""
    words = fold(text).split()
    return frozenset(words) | frozenset(singular_es(w) for w in words)


FILLERS = _words(
    "el la los las lo un una unos unas nuestro nuestra nuestros nuestras su sus mi mis tu tus "
    "todo toda todos todas cada varios varias algunos algunas ese esa esos esas este esta "
    "estos estas propio propia propios propias"
)
BOUNDARIES = _words(
    "que quien quienes cual cuales donde cuando en de del con para por a al sobre entre "
    "desde hasta hacia segun sin tras contra mediante durante como incluido incluidos "
    "incluyendo especialmente excepto salvo porque ya si yo nosotros nosotras "
    "me nos les le ellos ellas usted ustedes etc"
)
CONJUNCTIONS = _words("y e o u & ni tambien")
ANAPHORS = _words("su sus")

ABBREVIATIONS = (
    # Contractions, so "tomador del seguro" reads as "tomador de el seguro".
    ("del", "de el"), ("al", "a el"),
    ("dpto", "departamento"), ("depto", "departamento"), ("dept", "departamento"),
    ("dep", "departamento"), ("rrhh", "recurso humano"), ("rr", "recurso"),
    ("hh", "humano"), ("gte", "gerente"), ("dir", "director"), ("admin", "administracion"),
    ("adm", "administracion"), ("cia", "compania"), ("aseg", "asegurado"),
    ("compa", "companero"), ("coord", "coordinador"), ("resp", "responsable"),
)
# Only in capitals: "TI" (tecnologías de la información) is also "ti" (you).
CAPITAL_ABBREVIATIONS = (("ti", "informatica"), ("it", "informatica"), ("pas", "productor"),
                         ("dg", "director"))

# Common words a typo away from lexicon words: never "corrected" into them.
KNOWN_WORDS = _words(
    "caliente calientes agenda agendas colegio colegios persiana seguido segundo "
    "pagina paginas cortador partes parte gestion gestiones tecnologias mandar "
    "jefatura personaje personajes perro perros gato gatos clima tiempo mundo "
    "mundial nadie proveedores clientela tomate tomates asesino poema comida "
    "ventana ventanas apartamento compartimento"
)

LEXICON = Lexicon(
    name="es",
    concepts=CONCEPTS,
    fillers=FILLERS,
    boundaries=BOUNDARIES,
    conjunctions=CONJUNCTIONS,
    anaphors=ANAPHORS,
    abbreviations=ABBREVIATIONS,
    capital_abbreviations=CAPITAL_ABBREVIATIONS,
    known_words=KNOWN_WORDS,
    participle_endings=("ando", "iendo", "ado", "ido", "ada", "ida"),
)
