"""
The block's fields: the exercise configuration and one learner's state.

`exercise` turns the configuration fields into the plain Exercise the rest of
the package works with; `store_exercise` writes one back.
"""
from xblock.fields import Float, Integer, List, Scope, String

from .exercise import Exercise
from .i18n import N_
from .taxonomy import Taxonomy

DEFAULT = Exercise()
_ = N_


class ExerciseFieldsMixin:
    """Configuration, set by the course author in Studio or OLX."""

    display_name = String(
        display_name=_("Display name"), scope=Scope.settings, default=DEFAULT.display_name,
    )
    prompt = String(
        display_name=_("Prompt (Markdown)"), scope=Scope.content, default=DEFAULT.prompt,
    )
    groups = List(
        display_name=_("Customer groups"), scope=Scope.content,
        default=[group.to_dict() for group in DEFAULT.taxonomy.groups],
    )
    balance_points = Float(
        display_name=_("Points for naming internal and external customers"),
        scope=Scope.content, default=DEFAULT.taxonomy.balance_points,
    )
    lexicon = String(
        display_name=_("Built-in matching lexicon"), scope=Scope.content, default=DEFAULT.taxonomy.lexicon,
    )
    reflection_prompt = String(
        display_name=_("Reflection question"), scope=Scope.content, default=DEFAULT.reflection_prompt,
    )
    takeaway = String(display_name=_("Takeaway"), scope=Scope.content, default=DEFAULT.takeaway)
    max_attempts = Integer(
        display_name=_("Maximum attempts"), help=_("0 means unlimited."),
        scope=Scope.settings, default=DEFAULT.max_attempts,
    )
    weight = Float(
        display_name=_("Problem weight"), scope=Scope.settings, default=DEFAULT.weight,
    )
    show_why = String(
        display_name=_("When to show why a missed group matters"),
        scope=Scope.settings, default=DEFAULT.show_why,
    )
    max_chars = Integer(display_name=_("Longest answer (characters)"), scope=Scope.settings, default=DEFAULT.max_chars)
    max_entries = Integer(display_name=_("Most entries in an answer"), scope=Scope.settings, default=DEFAULT.max_entries)

    @property
    def exercise(self):
        return Exercise(
            display_name=self.display_name,
            prompt=self.prompt,
            taxonomy=Taxonomy.from_dict(
                {"groups": self.groups, "balance_points": self.balance_points, "lexicon": self.lexicon}
            ),
            max_attempts=self.max_attempts,
            weight=self.weight,
            show_why=self.show_why,
            reflection_prompt=self.reflection_prompt,
            takeaway=self.takeaway,
            max_chars=self.max_chars,
            max_entries=self.max_entries,
        )

    def store_exercise(self, exercise):
        """Write a validated Exercise into the configuration fields."""
        taxonomy = exercise.taxonomy
        self.display_name = exercise.display_name
        self.prompt = exercise.prompt
        self.groups = [group.to_dict() for group in taxonomy.groups]
        self.balance_points = taxonomy.balance_points
        self.lexicon = taxonomy.lexicon
        self.max_attempts = exercise.max_attempts
        self.weight = exercise.weight
        self.show_why = exercise.show_why
        self.reflection_prompt = exercise.reflection_prompt
        self.takeaway = exercise.takeaway
        self.max_chars = exercise.max_chars
        self.max_entries = exercise.max_entries


class LearnerFieldsMixin:
    """One learner's work; the score is recomputable from the answers."""

    answer = String(scope=Scope.user_state, default="", help="The learner's latest answer.")
    best_answer = String(
        scope=Scope.user_state, default="",
        help="The answer that scored best when it was submitted; rescoring takes the better of the two.",
    )
    reflection = String(scope=Scope.user_state, default="", help="The learner's ungraded reflection.")
    attempts = Integer(scope=Scope.user_state, default=0, help="Submissions that were graded.")
    raw_earned = Float(scope=Scope.user_state, default=0.0, help="The score last published.")
    raw_possible = Float(scope=Scope.user_state, default=0.0, help="The score's maximum when published.")
