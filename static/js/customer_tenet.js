/* The learner's view of the Customer Tenet exercise.
 *
 * The server grades and words every message; this file only lays out what it
 * sent. Learner and author text reaches the page through textContent, never
 * as HTML.
 */
function CustomerTenetXBlock(runtime, element) {
    'use strict';

    var common = window.CustomerTenetCommon;
    var make = common.make;
    var root = common.unwrap(element);
    // The view's data, in its own HTML as script-safe JSON (customer_tenet.py student_view).
    var init = JSON.parse(root.querySelector('.ct-data').textContent);
    var translator = window.customerTenetTranslator();
    var gettext = translator.gettext;
    var ngettext = translator.ngettext;
    var ICONS = {found: '✓', missed: '?', open: '', unplaced: '–'};

    function $one(selector) { return root.querySelector(selector); }

    // A state shown by a shape and a symbol as well as a colour; the words are next to it.
    function icon(state) {
        var mark = make('span', 'ct-icon ct-icon-' + state, ICONS[state]);
        mark.setAttribute('aria-hidden', 'true');
        return mark;
    }

    // A node with attributes and children; its text, if any, goes in as textContent (make).
    function build(tag, className, attributes, children) {
        var node = make(tag, className);
        Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
        children.forEach(function (child) { node.appendChild(child); });
        return node;
    }

    /* ---- what only this script fills, built here: this file is cached, the page's HTML is not ---- */

    var form = $one('.ct-form');
    var view = form.parentNode;  // the .customer-tenet element
    var unseen = {'aria-hidden': 'true'};
    // Before the first answer the map sits between the prompt and the form (renderMap moves it).
    view.insertBefore(build('div', 'ct-map-slot ct-map-slot-intro', {}, [build('figure', 'ct-map', {}, [
        make('figcaption', 'ct-map-caption', gettext('Customer map')),
        // The picture is drawn from the same data as its text alternative, which screen readers get instead.
        build('div', 'ct-map-picture', unseen, []),
        make('p', 'ct-map-text ct-sr-only')
    ])]), form);
    var announcer = build('p', 'ct-announce ct-sr-only', {'aria-live': 'polite'}, []);
    var headingId = view.id + '-feedback-heading';
    var feedbackPanel = build('section', 'ct-feedback', {'aria-labelledby': headingId}, [
        build('h4', 'ct-feedback-heading', {id: headingId, tabindex: '-1'}, [document.createTextNode(gettext('Your feedback'))]),
        build('div', 'ct-score-line', {}, [
            make('p', 'ct-score'),
            // The bar repeats the score written beside it, so assistive technology skips it.
            build('div', 'ct-meter', unseen, [make('div', 'ct-meter-fill')])
        ]),
        make('p', 'ct-best'),
        make('div', 'ct-map-slot ct-map-slot-feedback'),
        make('h5', 'ct-groups-heading', gettext('Customer groups')),
        make('ul', 'ct-groups'),
        build('div', 'ct-unplaced', {hidden: ''}, [
            make('h5', '', gettext('Entries that did not match a customer group')), make('ul', 'ct-unplaced-list')
        ]),
        make('p', 'ct-balance'),
        build('div', 'ct-takeaway', {hidden: ''}, [make('h5', '', gettext('The takeaway')), make('p', 'ct-takeaway-text')])
    ]);
    feedbackPanel.hidden = true;
    view.appendChild(announcer);
    view.appendChild(feedbackPanel);

    var answerBox = $one('.ct-answer');
    var reflectionBox = $one('.ct-reflection');
    var submitButton = $one('.ct-submit');
    var submitText = $one('.ct-submit-text');
    var errorLine = $one('.ct-error');
    var submitLabel = submitText.textContent;

    /* ---- the customer map: you in the middle, internal groups close, external further out ---- */

    /* The map's chips, per side, each {label, state}. With feedback they are its groups, each
     * carrying its own state (no look-up by id, so no id, not even "__proto__", can be confused
     * with a property of an object); before it, empty slots: the page holds no group to give away. */
    function mapChips(feedback) {
        var sides = {internal: [], external: []};
        if (feedback) {
            feedback.groups.forEach(function (group) {
                (sides[group.side] || sides.external).push(
                    {label: group.label, state: group.found ? 'found' : 'missed'});
            });
        } else {
            ['internal', 'external'].forEach(function (side) {
                for (var n = 0; n < ((init.slots || {})[side] || 0); n += 1) { sides[side].push({label: '', state: 'open'}); }
            });
        }
        return sides;
    }

    function chipRow(chips) {
        var row = make('div', 'ct-chips');
        chips.forEach(function (item) {
            var chip = make('span', 'ct-chip ct-chip-' + item.state);
            chip.setAttribute('data-state', item.state);
            chip.appendChild(icon(item.state));
            chip.appendChild(make('span', 'ct-chip-label', item.label));
            row.appendChild(chip);
        });
        return row;
    }

    // A ring's groups go half before and half after what it surrounds, so it sits in the middle.
    function zone(side, name, chips, middle) {
        var box = make('div', 'ct-zone ct-zone-' + side);
        var half = Math.ceil(chips.length / 2);
        box.appendChild(make('p', 'ct-zone-name', name));
        box.appendChild(chipRow(chips.slice(0, half)));
        box.appendChild(middle);
        box.appendChild(chipRow(chips.slice(half)));
        return box;
    }

    function legend(answered) {
        var key = make('p', 'ct-map-legend');
        var states = !answered ? [['open', gettext('To find')]]
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

    function renderMap(feedback) {
        var sides = mapChips(feedback);
        var answered = Boolean(feedback);
        var picture = $one('.ct-map-picture');
        picture.textContent = '';
        var inner = zone('internal', gettext('Inside the organisation'), sides.internal,
            make('div', 'ct-you', gettext('You')));
        picture.appendChild(zone('external', gettext('Outside the organisation'), sides.external, inner));
        picture.appendChild(legend(answered));
        $one('.ct-map-text').textContent = mapDescription(sides, answered);
        // Before the first feedback the map shows the exercise's shape; then it belongs to the feedback.
        $one(answered ? '.ct-map-slot-feedback' : '.ct-map-slot-intro').appendChild($one('.ct-map'));
    }

    // The text alternative: the same data as the picture, in words.
    function mapDescription(sides, answered) {
        function describeSide(chips) {
            if (!answered) {
                return common.format(ngettext('{count} customer group to find.', '{count} customer groups to find.',
                    chips.length), {count: chips.length});
            }
            return chips.map(function (chip) {
                return chip.label + ' (' + (chip.state === 'found' ? gettext('found') : gettext('missed')) + ')';
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

    function closedLabel(state) {
        return state.deadline_passed ? gettext('Past due') : gettext('No attempts left');
    }

    function render(state) {
        if (state.feedback) { renderFeedback(state.feedback); }
        renderMap(state.feedback);
        $one('.ct-attempts-used').textContent = state.attempts_text;
        $one('.ct-attempts-left').textContent = state.attempts_left_text || '';
        $one('.ct-best').textContent = state.score_text;
        // The deadline, or an answer the course does not grade in front of the learner.
        $one('.ct-notice').textContent = [state.closed_text, state.submitted_text].filter(Boolean).join(' ');
        submitButton.disabled = !state.can_submit;
        // Once no answer is accepted it stays readable (and selectable) but no longer editable.
        answerBox.readOnly = !state.can_submit;
        if (reflectionBox) { reflectionBox.readOnly = !state.can_submit; }
        submitText.textContent = state.can_submit ? submitLabel : closedLabel(state);
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

    function post(handler, body) {
        return common.post(runtime, root, handler, body);
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
        post('submit', body).done(function (state) {
            setBusy(false);
            render(state);
            var said = state.feedback ? state.feedback.score_text : state.submitted_text;
            announce([said, state.attempts_left_text].filter(Boolean).join(' '));
            if (state.feedback) { $one('.ct-feedback-heading').focus(); }
        }).fail(function (xhr) {
            // The learner's text stays in the box: nothing here clears it.
            setBusy(false);
            var refusal = common.refusal(xhr, gettext(
                'Your answer could not be sent. Check your connection and try again; your text is still here.'));
            showError(refusal.error, xhr.status === 400);
            answerBox.focus();
            // Closed meanwhile (the due date passed while the page was open): show the closed state
            // the server now reports, the learner's text still in the box.
            if (xhr.status === 403 && refusal.code === 'deadline_passed') { post('learner_state', {}).done(render); }
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
