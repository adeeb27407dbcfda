"""
The built-in English lexicon: how people who work in and around an insurance
company name the customers of the default taxonomy, plus the generic groups of
the other presets (direct reports, end customers, partners).

Written from how insurers are organised: policies are sold by agents and
brokers (independent or captive) whose agencies employ assistants, CSRs and
account managers; inside the company a policy passes through underwriting,
rating, billing, accounting, claims, records, printing and mailing and more;
managers run from team leads to the C-suite; and everyone works beside
colleagues. Phrases are plain text; the matcher folds, singularises and
tolerates typos, so list each idea once in its usual spelling.
"""
from .lexicon import (  # the group preferences are shared by every language
    AGENT_STAFF,
    AGENTS,
    BLOCK,
    BOARD,
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
    OUTSIDE_FIRM,
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

CONCEPTS = (
    Concept("policyholder", HEAD, POLICYHOLDERS, person=True, phrases=(
        "policyholder", "policy holder", "policyowner", "policy owner", "policy buyer",
        "insured", "named insured", "insured party", "insured person", "insured member",
        "customer", "client", "consumer", "buyer", "purchaser", "subscriber",
        "external customer", "end customer", "end client", "final customer",
        "paying customer", "insurance customer", "insurance buyer", "account holder",
        "premium payer", "claimant", "beneficiary", "applicant", "prospect",
        "prospective customer", "potential customer", "new customer", "existing customer",
        "homeowner", "home owner", "renter", "car owner", "vehicle owner", "auto owner",
        "business owner", "small business", "commercial account", "personal lines customer",
        "commercial customer", "retail customer", "individual customer", "household",
        "family we insure", "insured driver", "insured family", "covered person",
        "business we insure", "business we cover", "company we insure", "company we cover",
        "firm we insure", "insured business", "insured company", "business customer",
        "business client", "corporate customer", "corporate client", "commercial client",
        "customer base", "clientele", "the public", "general public",
    )),
    Concept("end_user", HEAD, END_CUSTOMERS, person=True, phrases=(
        "user", "end user", "patient", "guest", "shopper", "patron", "passenger",
        "visitor", "diner", "reader", "viewer", "listener", "audience", "student",
        "learner", "tenant", "resident", "citizen", "donor", "fan", "traveler",
        "traveller", "attendee", "caller",
    )),
    Concept("member", OPEN, POLICYHOLDERS, person=True, with_=(
        (("agent", "partner"), AGENT_STAFF),
    ), phrases=("member", "membership")),
    Concept("agent", HEAD, AGENTS, person=True, phrases=(
        "agent", "insurance agent", "independent agent", "captive agent", "exclusive agent",
        "appointed agent", "field agent", "writing agent", "agent of record", "general agent",
        "managing general agent", "mga", "sales agent", "sales rep", "sales representative",
        "agency", "insurance agency", "independent agency", "agency owner", "agency principal",
        "agency partner", "agency network", "agency force", "agent network", "agency channel",
        "broker", "insurance broker", "brokerage", "wholesale broker", "producer",
        "producer network", "licensed producer", "intermediary", "field force", "sales force",
        "distribution channel", "bancassurance", "affinity partner", "salespeople",
        "salesperson", "salesman", "saleswoman", "sales people",
        # Partners who sell for us are agents where the taxonomy has them.
        "distributor", "distribution partner", "channel partner", "sales partner",
        "referral partner", "reseller",
    )),
    Concept("seller", MOD, AGENTS, phrases=(
        "sell", "sell for us", "sell our policy", "sell policy", "write policy",
        "write business", "bring business", "bring in business", "bring customer",
        "on commission",
    )),
    Concept("partner", ROLE, PARTNERS, person=True, with_=(
        (("agent", "seller"), AGENTS),
    ), phrases=(
        "partner", "business partner", "strategic partner", "dealer", "dealership", "wholesaler",
        "retailer", "franchisee", "affiliate", "integrator", "third party administrator", "tpa",
    )),
    # Suppliers are partners where the taxonomy has no group of that kind.
    Concept("supplier", ROLE, SUPPLIERS, person=True, with_=(
        (("agent", "seller"), AGENTS),
    ), phrases=(
        "supplier", "vendor", "contractor", "subcontractor", "freelancer", "outsourcer",
        "service provider", "outside provider", "external provider", "manufacturer", "maker",
        "consultant", "outside consultant", "external consultant", "haulier", "hauler",
        "trucking company", "logistics provider", "wholesale supplier", "grower", "farmer",
    )),
    Concept("staff", ROLE, OWN_PEOPLE, person=True, with_=(
        (("agent", "partner"), AGENT_STAFF),
        (DEPARTMENT_CONTEXT, DEPARTMENTS),
        (("work_beside",), COWORKERS),
    ), phrases=(
        "staff", "staffer", "staff member", "employee", "worker", "personnel", "workforce",
        "office staff", "support staff", "administrative staff", "admin staff",
        "clerical staff", "service staff", "back office staff",
        "licensed staff", "unlicensed staff", "crew member",
    )),
    Concept("assistant", ROLE, COWORKERS, person=True, with_=(
        (("agent", "partner"), AGENT_STAFF),
        (DEPARTMENT_CONTEXT, DEPARTMENTS),
    ), phrases=(
        "assistant", "office assistant", "administrative assistant", "admin assistant",
        "admin", "administrator", "receptionist", "secretary", "front desk", "clerk",
        "office clerk", "office manager", "account manager", "account executive",
        "account representative", "sales assistant",
        "service representative", "processor", "intern",
    )),
    Concept("csr", ROLE, DEPARTMENTS, person=True, with_=(
        (("agent", "partner"), AGENT_STAFF),
    ), phrases=(
        "customer service representative", "customer service agent", "customer service staff",
        "customer service person", "customer service people", "customer care agent",
        "customer support agent", "customer support representative", "support agent",
        "service agent", "call center agent", "call center representative",
        "call center staff", "contact center agent",
    )),
    Concept("team", ROLE, COWORKERS, with_=(
        (("agent", "partner"), AGENT_STAFF),
        (DEPARTMENT_CONTEXT, DEPARTMENTS),
        (("manager",), MANAGEMENT),
        (("own_people", "reports_to_me"), OWN_PEOPLE),
        (("work_beside", "mine"), COWORKERS),
    ), phrases=(
        "team", "group", "crew", "squad", "work group", "workgroup", "unit", "pod",
    )),
    Concept("manager", ROLE, MANAGEMENT, person=True, with_=(
        (("agent", "partner"), AGENT_STAFF),
    ), phrases=(
        "manager", "management", "management team", "boss", "supervisor", "superior",
        "executive", "director", "vice president", "president", "chief", "ceo", "cfo", "coo",
        "cio", "cto", "cmo", "cro", "cuo", "ciso", "chro", "vp", "svp", "evp", "avp",
        "c suite", "c level", "leadership", "leader", "team lead", "team leader", "lead",
        "department head", "division head", "section head", "head of", "head of department",
        "senior management", "upper management", "middle management", "senior leadership",
        "executive team", "leadership team", "management staff", "chairman", "chairperson", "owner of the company",
        "company owner", "founder", "managing director", "general manager",
        "regional manager", "branch manager", "district manager", "area manager",
        "unit manager", "line manager", "foreman", "higher up", "person in charge",
        "in charge", "the brass", "principal", "superintendent",
    )),
    # "Chief officer" leads, a "planning officer" works in planning, "fellow officers" are peers.
    Concept("officer", ROLE, MANAGEMENT, person=True, with_=(
        (("manager",), MANAGEMENT),
        (DEPARTMENT_CONTEXT, DEPARTMENTS),
        (("work_beside",), COWORKERS),
    ), phrases=("officer", "official")),
    Concept("board", HEAD, BOARD, person=True, phrases=(
        "board", "board of director", "board member", "board of trustee", "trustee",
        "director on the board",
    )),
    Concept("peer_manager", HEAD, PEER_MANAGERS, person=True, phrases=(
        "other manager", "fellow manager", "peer manager", "manager peer",
        "other team lead", "fellow leader", "other leader", "other supervisor",
    )),
    Concept("above_me", MOD, MANAGEMENT, phrases=(
        "i report to", "i work for", "i answer to", "above me", "over me", "my chain of command",
        "in charge of me", "who manage me", "who supervise me",
    )),
    Concept("department", ROLE, DEPARTMENTS, with_=(
        (("department_name",), DEPARTMENTS),
        (("mine",), COWORKERS),  # "my department" is the people one works beside
    ), phrases=(
        "department", "division", "function", "business function", "section", "operation",
    )),
    Concept("other_department", HEAD, DEPARTMENTS, phrases=(
        "other department", "internal department", "business unit", "other team",
        "other unit", "other division", "other group", "other area", "other office",
        "other function", "internal team", "support function", "shared service",
        "company department", "corporate", "headquarters", "home office", "cross functional",
        "cross functional team",
    )),
    # "The catering company" is an outside firm of that trade.
    Concept("department_name", HEAD, DEPARTMENTS, with_=(
        (("company",), OUTSIDE_FIRM),
    ), phrases=(
        # Insurance operations, roughly in the order a policy meets them.
        "new business", "underwriting", "uw", "rating", "policy service", "policy services",
        "policy administration", "policy issuance", "issuance", "endorsement", "renewal",
        "automobile", "auto", "auto department", "personal line", "commercial line",
        "property", "casualty", "property and casualty", "life and health", "specialty line",
        "loss control", "risk control", "premium audit", "reinsurance",
        "payment plan", "payment processing", "premium accounting", "billing", "collection",
        "cashiering", "accounting", "accounts payable", "accounts receivable", "finance",
        "treasury", "payroll", "investment", "actuarial", "claims", "claim department",
        "claims handling", "claims processing", "first notice of loss", "fnol",
        "subrogation", "salvage", "special investigation", "special investigations unit",
        "siu", "fraud", "fraud unit", "catastrophe team", "legal", "counsel", "compliance",
        "regulatory affairs", "government affairs", "audit", "internal audit",
        "risk management", "enterprise risk", "records", "records retention",
        "records management", "document management", "imaging", "scanning", "printing",
        "print shop", "print room", "mailing", "mail", "mailroom", "mail room", "mail center",
        "shipping", "printing and mailing", "fulfillment", "customer service",
        "customer care", "customer support", "customer experience", "customer relations",
        "customer success", "call center", "contact center", "help desk", "service desk",
        "infotech", "information technology", "information system", "tech support",
        "it support", "technology", "data", "analytics", "data science",
        "business intelligence", "engineering", "software development", "web team",
        "digital", "security", "information security", "cybersecurity", "hr",
        "human resources", "people operations", "recruiting", "talent acquisition",
        "training", "learning and development", "marketing", "communications",
        "public relations", "pr", "sales", "sales department", "product",
        "product management", "product development", "distribution", "agency services",
        "agency relations", "agency management", "producer services", "agent services",
        "agent support", "licensing", "operations", "ops", "facilities", "maintenance",
        "janitorial", "procurement", "purchasing", "quality assurance", "qa",
        "research and development", "administration department", "reception",
        "corporate communications", "strategy", "planning", "vendor management",
        "head office", "central office", "main office", "front office", "administration",
        # Departments most organisations have, whatever they make or serve.
        "quality control", "quality team", "quality department", "qc", "production", "manufacturing", "assembly",
        "packaging", "dispatch", "kitchen", "catering", "housekeeping", "laundry",
        "security team", "logistics", "warehouse", "stockroom", "supply chain",
    )),
    Concept("department_role", HEAD, DEPARTMENTS, person=True, phrases=(
        "underwriter", "underwriting assistant", "rater", "adjuster", "adjustor",
        "claims adjuster", "claims examiner", "claims handler", "claims representative",
        "claims rep", "claims agent", "claims specialist", "appraiser", "inspector",
        "loss control specialist", "investigator", "accountant", "bookkeeper", "controller",
        "actuary", "auditor", "premium auditor", "lawyer", "attorney", "paralegal",
        "in house counsel", "compliance officer", "marketer", "recruiter", "trainer",
        "programmer", "developer", "software engineer", "it staff", "it guy", "it people",
        "it folk", "it team", "it department", "it dept", "techie", "technician",
        "data analyst", "business analyst", "analyst", "biller", "billing specialist",
        "collector", "payroll clerk", "mail clerk", "mailroom clerk", "records clerk",
        "file clerk", "print operator", "data entry clerk", "janitor", "security guard",
        "hr representative", "hr staff", "product manager",
    )),
    Concept("coworker", HEAD, COWORKERS, person=True, phrases=(
        "coworker", "co worker", "colleague", "teammate", "peer", "workmate", "fellow employee",
        "fellow worker", "fellow staff", "fellow associate", "fellow team member",
        "other employee", "other staff", "other worker", "company employee",
        "associate", "counterpart", "cubicle mate", "deskmate", "office mate",
        "same team", "same department", "everyone at work", "people at work",
        "internal colleague", "new hire", "trainee", "our people", "whole office",
        "entire office", "work friend", "work buddy", "cubicle neighbor", "cubicle neighbour",
        "office neighbor", "desk neighbor", "work wife", "work husband", "whole team", "entire team", "everyone here",
    )),
    Concept("work_beside", MOD, COWORKERS, phrases=(
        "fellow", "i work with", "work with", "work alongside", "i sit with", "sit with", "sit near",
        "next to me", "beside me", "work beside", "with me", "share an office",
        "in the office", "in my office", "at work", "next cubicle", "next desk",
        "cubicle", "my floor", "same floor", "down the hall", "around me", "in the company", "at the company",
        "in our company", "across the company", "in the building",
        "my shift", "same shift", "next shift", "other shift", "on shift", "shift",
    )),
    Concept("own_people", HEAD, OWN_PEOPLE, person=True, phrases=(
        "direct report", "my report", "subordinate", "my team", "my staff", "my people",
        "my employee", "my crew", "my group", "my squad", "team member", "supervisee",
        "mentee", "my worker", "my direct", "people i manage", "people i supervise",
        "people i lead", "team i manage", "team i lead",
    )),
    Concept("reports_to_me", MOD, OWN_PEOPLE, phrases=(
        "report to me", "reporting to me", "work for me", "work under me", "under me",
        "i manage", "i supervise", "i lead", "i oversee", "i mentor", "i coach",
        "managed by me", "i am responsible for",
    )),
    Concept("insured_by_us", MOD, POLICYHOLDERS, phrases=(
        "we insure", "we cover", "insured by us", "covered by us", "we serve",
        "pay premium", "pay our premium", "pay for our policy", "buy", "buy our policy",
        "buy policy", "buy insurance", "purchase", "purchase policy", "hold policy",
        "own policy", "have policy", "have a policy with us", "file claim", "file a claim",
        "filing claim", "make claim", "submit claim", "file claims", "filing claims",
        "make claims", "making claims", "making claim", "submit claims", "submitting claims",
        "filed claim", "have claim", "has claim", "with claim", "with claims", "policy", "premium",
        "pay for coverage", "paying for coverage", "pay for", "paying for",
        "coverage", "auto policy", "car policy", "home policy", "life policy", "auto insurance",
        "car insurance", "home insurance", "life insurance", "renters insurance",
        "our product", "our insurance", "insurance policy", "insured with us", "covered",
        # Any organisation's end customers.
        "use service", "use product", "use what we offer", "rely on service", "served by us",
        "have an account", "account with us", "bank with us", "shop with us", "shop online",
        "buy from us", "order from us", "our service", "my class", "my classroom", "my course",
        "stay with us", "staying with us", "visit us", "come to us", "do business with us",
        "use", "hire us", "pay us", "retain us", "engage us",
        "with us",  # "fly with us", "bank with us": a customer does business with us
        "order", "buy our part", "buy our product",
    )),
    # "Companies that buy our parts": the clause says which group.
    Concept("organisation_that", OPEN, (), phrases=(
        "company that", "company who", "company which", "firm that", "firm who",
        "business that", "business who", "organisation that", "organization that",
        "organisation who", "organization who",
    )),
    Concept("supplies_us", MOD, SUPPLIERS, phrases=(
        "supply us", "supply our", "supply", "deliver to us", "provide us", "sell to us",
        "sell us", "we buy from", "we purchase from", "we order from", "we source from",
    )),
    Concept("people", OPEN, (), with_=(
        (("agent", "partner"), AGENT_STAFF),
    ), phrases=(
        "people", "person", "folk", "everyone", "everybody", "anyone", "anybody",
        "someone", "somebody", "those", "others", "other people", "guy", "individual",
        "human", "whoever", "family", "family member", "relative", "dependent",
        "spouse", "child", "kid", "friend", "driver", "motorist", "household member",
    )),
    Concept("mine", MOD, (), phrases=("my", "our")),
    # "The catering company" is an outside firm; "the finance organisation" and "the
    # IT office" are parts of one's own.
    Concept("company", MOD, COWORKERS, phrases=("company", "firm", "business", "corporation")),
    Concept("workplace", MOD, COWORKERS, phrases=(
        "workplace", "office", "employer", "organization", "organisation",
    )),
    Concept("neutral", MOD, (), phrases=(
        "internal customer", "insurer", "insurance company", "carrier", "reinsurer",
        "stakeholder", "media", "press",
    )),
    # The kinds beyond the insurance example: they name a group only where the
    # taxonomy has one of that kind.
    Concept("regulator", HEAD, REGULATORS, person=True, phrases=(
        "regulator", "regulatory body", "regulatory agency", "watchdog", "government",
        "government agency", "external auditor", "outside auditor", "auditor general",
        "supervisory authority", "inspectorate", "ombudsman", "licensing authority",
        "insurance department", "state insurance department", "department of insurance",
        "insurance commissioner", "insurance regulator",
    )),
    Concept("investor", HEAD, INVESTORS, person=True, phrases=(
        "investor", "shareholder", "stockholder", "owner of the business", "funder",
        "backer", "venture capitalist", "private equity", "bondholder",
    )),
    Concept("community_member", HEAD, COMMUNITY, person=True, phrases=(
        "community", "local community", "wider community", "neighbour", "neighbor",
        "neighbourhood", "neighborhood", "local people", "society", "alumni", "alumnus", "alumni association",
    )),
    Concept("competitor", BLOCK, (), phrases=(
        "competitor", "competition", "rival", "competing", "other insurer",
        "other carrier", "other insurance company", "opposing", "opponent", "adversary", "compete",
        "other side",
    )),
    Concept("funds_us", MOD, INVESTORS, phrases=(
        "donate", "give money", "give us money", "fund us", "fund our work", "invest in us",
        "sponsor us",
    )),
)

FILLERS = frozenset(
    "a an the our their his her its your own all some any each every various many several "
    "these of at in for to from with on".split()
)
BOUNDARIES = frozenset(
    "who whom whose that which where when while whenever at in inside within of for from "
    "with without on under over to toward towards by via through across about around "
    "like such including incl especially eg ie i we you they he she me us them than "
    "because since so if etc who's that's".split()
)
CONJUNCTIONS = frozenset("and & or plus nor also".split())
ANAPHORS = frozenset("their his her its".split())

ABBREVIATIONS = (
    ("mgmt", "management"), ("mgt", "management"), ("mngmt", "management"),
    ("mgr", "manager"), ("mngr", "manager"), ("dept", "department"), ("dpt", "department"),
    ("div", "division"), ("csr", "customer service representative"),
    ("rep", "representative"), ("asst", "assistant"), ("exec", "executive"),
    ("acct", "account"), ("acctg", "accounting"), ("mktg", "marketing"),
    ("fin", "finance"), ("cust", "customer"), ("svc", "service"), ("supv", "supervisor"),
    ("supvr", "supervisor"), ("dir", "director"), ("pres", "president"), ("hq", "headquarters"),
    ("gm", "general manager"), ("sr", "senior"), ("jr", "junior"), ("coworker", "coworker"),
    ("cx", "customer experience"), ("comm", "communications"), ("tl", "team lead"), ("ppl", "people"),
    ("ins", "insurance"), ("insd", "insured"), ("ph", "policyholder"),
)
CAPITAL_ABBREVIATIONS = (("it", "infotech"),)

# Common words a typo away from lexicon words: never "corrected" into them.
KNOWN_WORDS = frozenset(
    "fiance fiancee painting pointing marking mangoes stuff started insurer insurers "
    "trainee parents parent matter members numbers reader leaders dealer dealers "
    "actor editor creditor creditors lender lenders banker bankers doctor doctors "
    "teacher teachers neighbor neighbors neighbour neighbours brother brothers "
    "mother father sister daughter husband boyfriend girlfriend weather winter "
    "building buildings printer printers manger inspection inspections complete completed".split()
)

LEXICON = Lexicon(
    name="en",
    concepts=CONCEPTS,
    fillers=FILLERS,
    boundaries=BOUNDARIES,
    conjunctions=CONJUNCTIONS,
    anaphors=ANAPHORS,
    abbreviations=ABBREVIATIONS,
    capital_abbreviations=CAPITAL_ABBREVIATIONS,
    known_words=KNOWN_WORDS,
)
