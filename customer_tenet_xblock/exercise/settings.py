"""
The whole configuration of one exercise, as plain data.

The block's fields, the OLX file, Studio's editor and the CLI all read and
write this one shape, so each rule about a setting lives here once.
"""
from dataclasses import dataclass, field, replace

from .i18n import N_
from .presets import default_taxonomy

# When the why-it-matters text of a missed group is shown.
SHOW_WHY_ALWAYS = "always"
SHOW_WHY_AFTER_LAST_ATTEMPT = "after_last_attempt"
SHOW_WHY_NEVER = "never"
SHOW_WHY_CHOICES = (SHOW_WHY_ALWAYS, SHOW_WHY_AFTER_LAST_ATTEMPT, SHOW_WHY_NEVER)

# Learner answer limits: defaults, and the bounds an instructor may set them in.
DEFAULT_MAX_CHARS = 20_000
DEFAULT_MAX_ENTRIES = 200
MAX_CHARS_BOUNDS = (100, 50_000)
MAX_ENTRIES_BOUNDS = (1, 500)

DEFAULT_DISPLAY_NAME = N_("Who are your customers?")
DEFAULT_PROMPT = N_(
    "Think about an insurance company and the work you do there. "
    "**Who are your customers?** Don't stop at the people who buy a policy: "
    "make a list of everyone who benefits from the work you and your company do.\n\n"
    "Write one customer per line."
)
DEFAULT_REFLECTION_PROMPT = N_("What surprised you about identifying your customers? Why?")
DEFAULT_TAKEAWAY = N_(
    "Everyone is your customer: the people who buy from the company, the people who "
    "sell for it, and the people you work beside. Each of them matters to the "
    "company's success and to yours. This week, notice how often you serve each "
    "group, and look out for customers you did not list."
)


@dataclass(frozen=True)
class Exercise:
    display_name: str = DEFAULT_DISPLAY_NAME
    prompt: str = DEFAULT_PROMPT  # Markdown, sanitised when rendered
    taxonomy: object = field(default_factory=default_taxonomy)
    max_attempts: int = 0  # 0 means unlimited
    weight: float | None = None  # None: the gradebook counts the raw points, as for problems
    show_why: str = SHOW_WHY_AFTER_LAST_ATTEMPT
    reflection_prompt: str = DEFAULT_REFLECTION_PROMPT  # empty: no reflection question
    takeaway: str = DEFAULT_TAKEAWAY
    max_chars: int = DEFAULT_MAX_CHARS
    max_entries: int = DEFAULT_MAX_ENTRIES

    def with_changes(self, **changes):
        return replace(self, **changes)
