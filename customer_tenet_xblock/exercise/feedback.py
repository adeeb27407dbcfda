"""
Turn a rubric result into the words a learner reads.

Pure functions taking a translator (anything with gettext and ngettext: the
runtime's i18n service, or a gettext translations object in the CLI), so the
block and the CLI say exactly the same thing. The browser only lays it out.
"""
from ..rubric.taxonomy import SIDES
from .settings import SHOW_WHY_AFTER_LAST_ATTEMPT, SHOW_WHY_ALWAYS


def format_points(value):
    """4.0 -> '4', 1.5 -> '1.5': points are usually whole."""
    return f"{value:g}"


def plural_count(value):
    """
    The number ngettext picks a form by: gettext's plural rules take whole
    numbers, and a fraction of a point reads as plural.
    """
    return int(value) if float(value).is_integer() else 2


def points_text(earned, possible, translator):
    """For example '4/6 points', '1/1 point', '1.5/3 points'."""
    return translator.ngettext(
        "{earned}/{possible} point", "{earned}/{possible} points", plural_count(possible)
    ).format(earned=format_points(earned), possible=format_points(possible))


def score_text(result, translator):
    """For example '4 of 6 customer groups — 4/6 points', '1 of 1 customer group — 1/1 point'."""
    total = len(result.groups)
    groups = translator.ngettext(
        "{found} of {total} customer group", "{found} of {total} customer groups", total
    ).format(found=len(result.covered), total=total)
    return f"{groups} — {points_text(result.earned, result.possible, translator)}"


def balance_message(balance, translator):
    _ = translator.gettext
    if balance.met:
        return _("You named customers both inside and outside the organisation: everyone is your customer.")
    if balance.external_found:
        return _(
            "You named only external customers. The people you work with inside the "
            "organisation, such as your coworkers and other departments, are customers too."
        )
    if balance.internal_found:
        return _(
            "You named only internal customers. Remember the people outside the "
            "organisation who buy from it or sell for it."
        )
    return _("None of your entries named a customer group yet. Think of who benefits from your work.")


def text_translator(translator):
    """translate_text with one translator, its gettext looked up once: the runtime's
    i18n service (the LMS's too) forwards every attribute look-up."""
    gettext = translator.gettext

    def translated(text):
        return gettext(text) if text else ""  # empty stays empty: gettext('') is the catalog header

    return translated


def translate_text(translator, text):
    """Translate a stored text; empty stays empty."""
    return text_translator(translator)(text)


def why_visible(show_why, attempts_left):
    """Whether missed groups show why they matter, under the instructor's policy."""
    if show_why == SHOW_WHY_ALWAYS:
        return True
    if show_why == SHOW_WHY_AFTER_LAST_ATTEMPT:
        return attempts_left == 0
    return False


def map_slots(taxonomy):
    """
    What the empty customer map needs before the first answer: how many groups
    sit on each side. No id, label, hint or points: those would give the answer away.
    """
    return {side: sum(1 for group in taxonomy.groups if group.side == side) for side in SIDES}


# The LMS's "Show Results" setting (show_correctness), which it mixes into every block.
CORRECTNESS_NEVER = ("never", "never_but_include_grade")
CORRECTNESS_PAST_DUE = "past_due"


def correctness_visible(show_correctness, close_date, is_staff, now):
    """
    Whether this viewer may see the score and what was found or missed now.
    "never" hides it from everyone, staff included; otherwise staff always see
    it; "past_due" shows it to learners once the close date (due date plus
    grace period) has passed, or at once when there is none. Any other value
    (the default "always", or none outside the LMS) shows it.
    """
    if show_correctness in CORRECTNESS_NEVER:
        return False
    if is_staff:
        return True
    if show_correctness == CORRECTNESS_PAST_DUE:
        return close_date is None or close_date < now
    return True


def describe(result, translator, show_why_for_missed=False, show_takeaway=False, takeaway=""):
    """
    Everything the feedback panel shows, as plain JSON-ready data.

    Learner text stays plain text here; the browser puts it in the page with
    textContent, never as HTML.
    """
    translated = text_translator(translator)
    groups = []
    for group_result in result.groups:
        group = group_result.group
        found = group_result.found
        row = {
            "id": group.id,
            "label": translated(group.label),
            "side": group.side,
            "found": found,
            "points": format_points(group_result.earned),
            "possible": format_points(group.points),
            "entries": [
                {"text": text, "words": match.words, "rule": match.rule}
                for text, match in group_result.evidence
            ],
            "hint": "" if found else translated(group.hint),
            "why": translated(group.why) if (found or show_why_for_missed) else "",
        }
        groups.append(row)
    balance = result.balance
    return {
        "score_text": score_text(result, translator),
        "earned": format_points(result.earned),
        "possible": format_points(result.possible),
        "found_count": len(result.covered),
        "group_count": len(result.groups),
        "groups": groups,
        "unplaced": list(result.unplaced),
        "balance": {
            "applies": balance.applies,
            "met": balance.met,
            "message": balance_message(balance, translator) if balance.applies else "",
        },
        "takeaway": translated(takeaway) if show_takeaway else "",
    }
