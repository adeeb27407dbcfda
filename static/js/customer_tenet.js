/* The learner's view of the Customer Tenet exercise.
 *
 * The server grades and words every message; this file only lays out what it
 * sent. Learner and author text reaches the page through textContent, never
 * as HTML.
 */
function CustomerTenetXBlock(runtime, element, init) {
    'use strict';

    // The block sends its arguments as script-safe JSON text (see block.py).
    if (typeof init === 'string') { init = JSON.parse(init); }
    var root = element.jquery ? element[0] : element;
    var translator = window.customerTenetTranslator(init.i18n);
    var gettext = translator.gettext;
    var ngettext = translator.ngettext;
    var ICONS = {found: '✓', missed: '?', open: '', unplaced: '–'};

    function $one(selector) { return root.querySelector(selector); }

    function make(tag, className, text) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        if (text !== undefined) { node.textContent = text; }
        return node;
    }

    // A state shown by a shape and a symbol as well as a colour; the words are next to it.
    function icon(state) {
        var mark = make('span', 'ct-icon ct-icon-' + state, ICONS[state]);
        mark.setAttribute('aria-hidden', 'true');
        return mark;
    }

    var form = $one('.ct-form');
    var answerBox = $one('.ct-answer');
    var reflectionBox = $one('.ct-reflection');
    var submitButton = $one('.ct-submit');
    var submitText = $one('.ct-submit-text');
    var errorLine = $one('.ct-error');
    var announcer = $one('.ct-announce');
    var feedbackPanel = $one('.ct-feedback');
    var submitLabel = submitText.textContent;

    /* ---- the customer map: you in the middle, internal groups close, external further out ---- */

    function bySide(groups) {
        var sides = {internal: [], external: []};
        groups.forEach(function (group) { (sides[group.side] || sides.external).push(group); });
        return sides;
    }

    function groupState(group, foundById) {
        if (foundById === null) { return 'open'; }
        return foundById[group.id] ? 'found' : 'missed';
    }

    function chipRow(groups, foundById) {
        var row = make('div', 'ct-chips');
        groups.forEach(function (group) {
            var state = groupState(group, foundById);
            var chip = make('span', 'ct-chip ct-chip-' + state);
            chip.setAttribute('data-state', state);
            chip.appendChild(icon(state));
            // Before the first answer the slots stay empty: naming the groups would give the answer away.
            chip.appendChild(make('span', 'ct-chip-label', state === 'open' ? '' : group.label));
            row.appendChild(chip);
        });
        return row;
    }

    // A ring's groups go half before and half after what it surrounds, so it sits in the middle.
    function zone(side, name, groups, foundById, middle) {
        var box = make('div', 'ct-zone ct-zone-' + side);
        var half = Math.ceil(groups.length / 2);
        box.appendChild(make('p', 'ct-zone-name', name));
        box.appendChild(chipRow(groups.slice(0, half), foundById));
        box.appendChild(middle);
        box.appendChild(chipRow(groups.slice(half), foundById));
        return box;
    }

    function legend(foundById) {
        var key = make('p', 'ct-map-legend');
        var states = foundById === null ? [['open', gettext('To find')]]
            : [['found', gettext('Found')], ['missed', gettext('Missed')]];
        states.forEach(function (pair) {
            var item = make('span', 'ct-legend-item');
            var sample = make('span', 'ct-chip ct-chip-' + pair[0]);
            sample.appendChild(icon(pair[0]));
            item.appendChild(sample);
            item.appendChild(document.createTextNode(' ' + pair[1]));
            key.appendChild(item);
        });
        return key;
    }

    function renderMap(groups, foundById) {
        var sides = bySide(groups);
        var picture = $one('.ct-map-picture');
        picture.textContent = '';
        var inner = zone('internal', gettext('Inside the organisation'), sides.internal, foundById,
            make('div', 'ct-you', gettext('You')));
        picture.appendChild(zone('external', gettext('Outside the organisation'), sides.external, foundById, inner));
        picture.appendChild(legend(foundById));
        $one('.ct-map-text').textContent = mapDescription(sides, foundById);
        // Before the first answer the map shows the exercise's shape; then it belongs to the feedback.
        $one(foundById === null ? '.ct-map-slot-intro' : '.ct-map-slot-feedback').appendChild($one('.ct-map'));
    }

    // The text alternative: the same data as the picture, in words.
    function mapDescription(sides, foundById) {
        function describeSide(groups) {
            if (foundById === null) {
                return ngettext('{count} customer group to find.', '{count} customer groups to find.', groups.length)
                    .replace('{count}', groups.length);
            }
            return groups.map(function (group) {
                return group.label + ' (' + (foundById[group.id] ? gettext('found') : gettext('missed')) + ')';
            }).join(', ') + '.';
        }
        var parts = [gettext('Customer map.'), gettext('You are in the middle.')];
        if (sides.internal.length) {
            parts.push(gettext('Inside the organisation, close to you:') + ' ' + describeSide(sides.internal));
        }
        if (sides.external.length) {
            parts.push(gettext('Outside the organisation:') + ' ' + describeSide(sides.external));
        }
        return parts.join(' ');
    }

    /* ---- the feedback panel ---- */

    function labelled(className, name, text) {
        var line = make('p', className);
        line.appendChild(make('span', 'ct-field-name', name + ' '));
        line.appendChild(document.createTextNode(text));
        return line;
    }

    function renderGroup(group) {
        var state = group.found ? 'found' : 'missed';
        var item = make('li', 'ct-group ct-group-' + state);
        var heading = make('p', 'ct-group-heading');
        var status = make('span', 'ct-group-status');
        status.appendChild(icon(state));
        status.appendChild(make('span', 'ct-group-status-text', group.found ? gettext('Found') : gettext('Missed')));
        heading.appendChild(status);
        heading.appendChild(make('span', 'ct-group-label', group.label));
        heading.appendChild(make('span', 'ct-group-points', group.points + '/' + group.possible));
        item.appendChild(heading);
        if (group.found) {
            item.appendChild(labelled('ct-group-evidence', gettext('Your words:'), group.entries.map(function (entry) {
                return '“' + entry.text + '”';
            }).join(', ')));
        } else if (group.hint) {
            item.appendChild(labelled('ct-group-hint', gettext('Hint:'), group.hint));
        }
        if (group.why) {
            item.appendChild(labelled('ct-group-why', gettext('Why it matters:'), group.why));
        }
        return item;
    }

    function renderFeedback(feedback) {
        feedbackPanel.hidden = false;
        $one('.ct-score').textContent = feedback.score_text;
        var fraction = Number(feedback.possible) > 0 ? Number(feedback.earned) / Number(feedback.possible) : 0;
        $one('.ct-meter-fill').style.width = Math.round(Math.min(fraction, 1) * 100) + '%';

        var list = $one('.ct-groups');
        list.textContent = '';
        feedback.groups.forEach(function (group) { list.appendChild(renderGroup(group)); });

        var unplaced = $one('.ct-unplaced-list');
        unplaced.textContent = '';
        feedback.unplaced.forEach(function (text) {
            var item = make('li', 'ct-unplaced-entry');
            item.appendChild(icon('unplaced'));
            item.appendChild(make('span', 'ct-unplaced-text', text));
            unplaced.appendChild(item);
        });
        $one('.ct-unplaced').hidden = feedback.unplaced.length === 0;

        var balance = $one('.ct-balance');
        balance.textContent = feedback.balance.message;
        balance.className = 'ct-balance' + (feedback.balance.met ? ' ct-balance-met' : '');
        balance.hidden = !feedback.balance.message;

        $one('.ct-takeaway-text').textContent = feedback.takeaway;
        $one('.ct-takeaway').hidden = !feedback.takeaway;
    }

    function render(state) {
        var foundById = null;
        if (state.feedback) {
            foundById = {};
            state.feedback.groups.forEach(function (group) { foundById[group.id] = group.found; });
            renderFeedback(state.feedback);
        }
        renderMap(init.groups, foundById);
        $one('.ct-attempts-used').textContent = state.attempts_text;
        $one('.ct-attempts-left').textContent = state.attempts_left_text || '';
        $one('.ct-best').textContent = state.score_text;
        submitButton.disabled = !state.can_submit;
        // With no attempts left the answer stays readable (and selectable) but no longer editable.
        answerBox.readOnly = !state.can_submit;
        if (reflectionBox) { reflectionBox.readOnly = !state.can_submit; }
        submitText.textContent = state.can_submit ? submitLabel : gettext('No attempts left');
    }

    /* ---- submitting ---- */

    // Only a refused answer (400) marks the box invalid; a lost connection says nothing about the text.
    function showError(message, invalid) {
        errorLine.textContent = message;
        if (invalid) { answerBox.setAttribute('aria-invalid', 'true'); }
    }

    function clearError() {
        errorLine.textContent = '';
        answerBox.removeAttribute('aria-invalid');
    }

    function errorMessage(xhr) {
        try {
            var message = JSON.parse(xhr.responseText).error;
            if (typeof message === 'string' && message) { return message; }
        } catch (ignore) { /* not our JSON: a network failure or a server error page */ }
        return gettext('Your answer could not be sent. Check your connection and try again; your text is still here.');
    }

    function setBusy(busy) {
        submitButton.disabled = busy;
        if (busy) {
            submitButton.setAttribute('aria-busy', 'true');
            submitText.textContent = gettext('Submitting…');
        } else {
            submitButton.removeAttribute('aria-busy');
            submitText.textContent = submitLabel;
        }
    }

    function announce(message) {
        // Emptied first so that the same score, announced twice, is still spoken.
        announcer.textContent = '';
        window.setTimeout(function () { announcer.textContent = message; }, 100);
    }

    var inFlight = false;

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        if (inFlight) { return; }
        inFlight = true;
        clearError();
        setBusy(true);
        var body = {answer: answerBox.value};
        if (reflectionBox) { body.reflection = reflectionBox.value; }
        $.ajax({
            type: 'POST',
            url: runtime.handlerUrl(root, 'submit'),
            data: JSON.stringify(body),
            contentType: 'application/json; charset=utf-8',
            dataType: 'json'
        }).done(function (state) {
            setBusy(false);
            render(state);
            announce([state.feedback.score_text, state.attempts_left_text].filter(Boolean).join(' '));
            $one('.ct-feedback-heading').focus();
        }).fail(function (xhr) {
            // The learner's text stays in the box: nothing here clears it.
            setBusy(false);
            showError(errorMessage(xhr), xhr.status === 400);
            answerBox.focus();
        }).always(function () {
            inFlight = false;
        });
    });

    answerBox.value = init.state.answer;
    if (reflectionBox) { reflectionBox.value = init.state.reflection; }
    render(init.state);
    // Staff pages also carry the class summary (insights.js); learners' pages have neither.
    if (window.CustomerTenetInsights) { window.CustomerTenetInsights(runtime, element, translator); }
}
