function CustomerTenetInsights(runtime, element, translator) {
'use strict';
var common = window.CustomerTenetCommon;
var make = common.make;
var format = common.format;
var root = common.unwrap(element);
var section = root.querySelector('.ct-insights');
if (!section) { return; }  // not staff: the server sent no section
var gettext = (translator || window.customerTenetTranslator()).gettext;
function $one(selector) { return section.querySelector(selector); }
function showLine(selector, text) {
var line = $one(selector);
line.textContent = text || '';
line.hidden = !text;
}
function asOfText(iso) {
var when = new Date(iso);
return isNaN(when.getTime()) ? '' : format(gettext('As of {time}.'), {time: when.toLocaleString()});
}
function bar(share) {
var track = make('span', 'ct-bar');
track.setAttribute('aria-hidden', 'true');
var fill = make('span', 'ct-bar-fill');
fill.style.width = Math.round(Math.max(0, Math.min(1, share)) * 100) + '%';
track.appendChild(fill);
return track;
}
function chartRows(tbody, rows) {
tbody.textContent = '';
rows.forEach(function (row) {
var tr = make('tr');
tr.appendChild(make('th', null, row.label)).setAttribute('scope', 'row');
var cell = make('td', 'ct-chart-value');
cell.appendChild(make('span', 'ct-chart-text', row.text));
cell.appendChild(bar(row.share));
tr.appendChild(cell);
tbody.appendChild(tr);
});
}
function suggestionCell(row) {
var cell = make('td', 'ct-suggestion');
cell.appendChild(make('span', 'ct-suggested-label', row.suggested_label));
if (!row.suggested_group) { return cell; }
var button = make('button', 'ct-add-synonym', gettext('Add as a synonym'));
button.type = 'button';
button.setAttribute('aria-label', format(gettext('Add as a synonym: “{entry}” to {group}'),
{entry: row.text, group: row.suggested_label}));
var outcome = make('span', 'ct-add-synonym-outcome');
outcome.setAttribute('role', 'status');
button.addEventListener('click', function () {
button.disabled = true;
post('add_synonym', {entry: row.text, group: row.suggested_group}).done(function (result) {
outcome.textContent = result.message;
button.hidden = true;
}).fail(function (xhr) {
var refused = common.refusal(xhr, '');
outcome.textContent = errorText(xhr);
if (refused.code === 'studio_only') {
Array.prototype.forEach.call(section.querySelectorAll('.ct-add-synonym'), function (other) {
other.hidden = true;
});
return;
}
button.disabled = false;
});
});
cell.appendChild(document.createTextNode(' '));  // words stay apart when the cell is read as text
cell.appendChild(button);
cell.appendChild(outcome);
return cell;
}
function unplacedRows(rows) {
var tbody = $one('.ct-unplaced-table tbody');
tbody.textContent = '';
rows.forEach(function (row) {
var tr = make('tr');
tr.appendChild(make('td', 'ct-unplaced-entry', row.text));
tr.appendChild(make('td', null, row.learners_text));
tr.appendChild(suggestionCell(row));
tbody.appendChild(tr);
});
$one('.ct-unplaced-table').hidden = rows.length === 0;
$one('.ct-insights-no-unplaced').hidden = rows.length !== 0;
}
function render(summary) {
$one('.ct-insights-learners').textContent = summary.learners_text;
$one('.ct-insights-mean').textContent = summary.mean_text;
chartRows($one('.ct-chart-groups tbody'), summary.groups);
chartRows($one('.ct-chart-scores tbody'), summary.scores);
unplacedRows(summary.unplaced);
$one('.ct-insights-body').hidden = summary.learners === 0;
$one('.ct-insights-status').textContent = summary.learners === 0 ? summary.learners_text : '';
showLine('.ct-insights-as-of', asOfText(summary.as_of));
showLine('.ct-insights-limit', summary.limit_text);
}
function errorText(xhr) {
return common.refusal(xhr, gettext('The class summary could not be loaded. Check your connection and try again.')).error;
}
function post(handler, body) {
return common.post(runtime, root, handler, body);
}
function load() {
var button = $one('.ct-insights-load');
button.disabled = true;
$one('.ct-insights-status').textContent = gettext('Loading the class summary…');
post('class_summary').done(render).fail(function (xhr) {
$one('.ct-insights-status').textContent = errorText(xhr);
}).always(function () {
button.disabled = false;
});
}
function download() {
var button = $one('.ct-insights-export');
button.disabled = true;
post('export_responses').done(function (result) {
var blob = new Blob(['\ufeff' + result.csv], {type: 'text/csv;charset=utf-8'});
var link = make('a');
link.href = URL.createObjectURL(blob);
link.download = result.filename;
section.appendChild(link);
link.click();
section.removeChild(link);
setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
showLine('.ct-insights-limit', result.limit_text);
}).fail(function (xhr) {
$one('.ct-insights-status').textContent = errorText(xhr);
}).always(function () {
button.disabled = false;
});
}
$one('.ct-insights-load').addEventListener('click', load);
$one('.ct-insights-export').addEventListener('click', download);
}
