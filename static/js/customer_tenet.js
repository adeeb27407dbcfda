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
    var gettext = window.gettext || function (text) { return text; };
    var SVG_NS = 'http://www.w3.org/2000/svg';

    function $one(selector) { return root.querySelector(selector); }

    function make(tag, className, text) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        if (text !== undefined) { node.textContent = text; }
        return node;
    }

    function svg(tag, attributes) {
        var node = document.createElementNS(SVG_NS, tag);
        Object.keys(attributes || {}).forEach(function (name) {
            node.setAttribute(name, attributes[name]);
        });
        return node;
    }

    var form = $one('.ct-form');
    var answerBox = $one('.ct-answer');
    var reflectionBox = $one('.ct-reflection');
    var submitButton = $one('.ct-submit');
    var errorLine = $one('.ct-error');
    var announcer = $one('.ct-announce');
    var feedbackPanel = $one('.ct-feedback');
    var submitLabel = submitButton.textContent;

    /* ---- the customer map: you in the middle, internal groups close, external further out ---- */

    function splitLabel(label) {
        // Two short lines fit under a node; the full label is in the text alternative.
        var words = label.split(/\s+/);
        var first = [], second = [];
        words.forEach(function (word) {
            if ((first.join(' ') + ' ' + word).length <= 16 && second.length === 0) { first.push(word); }
            else { second.push(word); }
        });
        var rest = second.join(' ');
        return [first.join(' '), rest.length > 18 ? rest.slice(0, 17) + '…' : rest];
    }

    function mapNodes(groups) {
        var rings = {internal: [], external: []};
        groups.forEach(function (group) { (rings[group.side] || rings.external).push(group); });
        var placed = [];
        [['internal', 95, -90], ['external', 175, -60]].forEach(function (ring) {
            var members = rings[ring[0]];
            members.forEach(function (group, index) {
                var angle = (ring[2] + index * 360 / members.length) * Math.PI / 180;
                placed.push({group: group, x: 200 + ring[1] * Math.cos(angle), y: 200 + ring[1] * Math.sin(angle)});
            });
        });
        return placed;
    }

    function renderMap(groups, foundById) {
        var area = $one('.ct-map');
        area.textContent = '';
        var picture = svg('svg', {viewBox: '0 0 400 400', focusable: 'false', 'class': 'ct-map-svg'});
        picture.appendChild(svg('circle', {cx: 200, cy: 200, r: 175, 'class': 'ct-ring ct-ring-external'}));
        picture.appendChild(svg('circle', {cx: 200, cy: 200, r: 95, 'class': 'ct-ring ct-ring-internal'}));
        var you = svg('circle', {cx: 200, cy: 200, r: 26, 'class': 'ct-you'});
        picture.appendChild(you);
        var youLabel = svg('text', {x: 200, y: 205, 'text-anchor': 'middle', 'class': 'ct-you-label'});
        youLabel.textContent = gettext('You');
        picture.appendChild(youLabel);
        var known = foundById !== null;
        mapNodes(groups).forEach(function (node) {
            var found = known && foundById[node.group.id];
            var state = !known ? 'open' : (found ? 'found' : 'missed');
            var item = svg('g', {'class': 'ct-node ct-node-' + state});
            item.appendChild(svg('circle', {cx: node.x, cy: node.y, r: 17}));
            var mark = svg('text', {x: node.x, y: node.y + 6, 'text-anchor': 'middle', 'class': 'ct-node-mark'});
            mark.textContent = state === 'found' ? '✓' : (state === 'missed' ? '?' : '');
            item.appendChild(mark);
            splitLabel(node.group.label).forEach(function (line, index) {
                if (!line) { return; }
                var text = svg('text', {x: node.x, y: node.y + 32 + index * 13, 'text-anchor': 'middle', 'class': 'ct-node-label'});
                text.textContent = line;
                item.appendChild(text);
            });
            picture.appendChild(item);
        });
        area.appendChild(picture);
        $one('.ct-map-text').textContent = mapDescription(groups, foundById);
    }

    function mapDescription(groups, foundById) {
        var sides = {internal: [], external: []};
        groups.forEach(function (group) {
            var label = group.label;
            if (foundById !== null) {
                label += foundById[group.id] ? ' (' + gettext('found') + ')' : ' (' + gettext('missed') + ')';
            }
            (sides[group.side] || sides.external).push(label);
        });
        var parts = [gettext('Customer map.')];
        if (sides.internal.length) {
            parts.push(gettext('Inside the organisation, close to you:') + ' ' + sides.internal.join(', ') + '.');
        }
        if (sides.external.length) {
            parts.push(gettext('Outside the organisation:') + ' ' + sides.external.join(', ') + '.');
        }
        return parts.join(' ');
    }

    /* ---- the feedback panel ---- */

    function renderGroup(group) {
        var item = make('li', 'ct-group ct-group-' + (group.found ? 'found' : 'missed'));
        var heading = make('p', 'ct-group-heading');
        heading.appendChild(make('span', 'ct-group-status', group.found ? gettext('Found') : gettext('Missed')));
        heading.appendChild(make('span', 'ct-group-label', group.label));
        heading.appendChild(make('span', 'ct-group-points', group.points + '/' + group.possible));
        item.appendChild(heading);
        if (group.found) {
            var evidence = make('p', 'ct-group-evidence');
            evidence.appendChild(make('span', 'ct-field-name', gettext('Your words:') + ' '));
            evidence.appendChild(document.createTextNode(group.entries.map(function (entry) {
                return '“' + entry.text + '”';
            }).join(', ')));
            item.appendChild(evidence);
        } else if (group.hint) {
            var hint = make('p', 'ct-group-hint');
            hint.appendChild(make('span', 'ct-field-name', gettext('Hint:') + ' '));
            hint.appendChild(document.createTextNode(group.hint));
            item.appendChild(hint);
        }
        if (group.why) {
            var why = make('p', 'ct-group-why');
            why.appendChild(make('span', 'ct-field-name', gettext('Why it matters:') + ' '));
            why.appendChild(document.createTextNode(group.why));
            item.appendChild(why);
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
        feedback.unplaced.forEach(function (text) { unplaced.appendChild(make('li', null, text)); });
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
        $one('.ct-attempts').textContent = state.attempts_text;
        $one('.ct-best').textContent = state.score_text;
        submitButton.disabled = !state.can_submit;
        if (!state.can_submit) {
            submitButton.textContent = gettext('No attempts left');
        }
    }

    /* ---- submitting ---- */

    function showError(message) {
        errorLine.textContent = message;
        answerBox.setAttribute('aria-invalid', 'true');
    }

    function clearError() {
        errorLine.textContent = '';
        answerBox.removeAttribute('aria-invalid');
    }

    function errorMessage(xhr) {
        try {
            return JSON.parse(xhr.responseText).error;
        } catch (ignore) {
            return gettext('Your answer could not be sent. Check your connection and try again; your text is still here.');
        }
    }

    var inFlight = false;

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        if (inFlight) { return; }
        inFlight = true;
        clearError();
        submitButton.disabled = true;
        submitButton.setAttribute('aria-busy', 'true');
        submitButton.textContent = gettext('Submitting…');
        var body = {answer: answerBox.value};
        if (reflectionBox) { body.reflection = reflectionBox.value; }
        $.ajax({
            type: 'POST',
            url: runtime.handlerUrl(root, 'submit'),
            data: JSON.stringify(body),
            contentType: 'application/json; charset=utf-8',
            dataType: 'json'
        }).done(function (state) {
            submitButton.textContent = submitLabel;
            render(state);
            announcer.textContent = [state.feedback.score_text, state.score_text, state.attempts_text].join(' ');
            $one('.ct-feedback-heading').focus();
        }).fail(function (xhr) {
            submitButton.textContent = submitLabel;
            submitButton.disabled = false;
            showError(errorMessage(xhr));
            answerBox.focus();
        }).always(function () {
            inFlight = false;
            submitButton.removeAttribute('aria-busy');
        });
    });

    answerBox.value = init.state.answer;
    if (reflectionBox) { reflectionBox.value = init.state.reflection; }
    render(init.state);
    // Staff pages also carry the class summary (insights.js); learners' pages have neither.
    if (window.CustomerTenetInsights) { window.CustomerTenetInsights(runtime, element); }
}
