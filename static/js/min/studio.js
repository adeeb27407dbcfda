function CustomerTenetStudio(runtime, element, init) {
'use strict';
if (typeof init === 'string') { init = JSON.parse(init); }  // sent as escaped JSON text (see script_safe_json)
var common = window.CustomerTenetCommon;
var make = common.make;
var format = common.format;
var gettext = window.customerTenetTranslator().gettext;
element = common.unwrap(element);
var root = element.classList.contains('customer-tenet-studio') ? element : element.querySelector('.customer-tenet-studio');
var baseId = root.id;
var groupList = root.querySelector('.ct-group-list');
var template = root.querySelector('.ct-group-template');
var problemsBox = root.querySelector('.ct-studio-problems');
var statusLine = root.querySelector('.ct-studio-status');
var saved = init.config;
var rowCount = 0;
var busy = false;
function notify(name, data) {
if (typeof runtime.notify === 'function') { runtime.notify(name, data); }
}
function post(handler, body) {
return common.post(runtime, element, handler, body);
}
function failure(xhr) {
return common.refusal(xhr, gettext('The server could not be reached. Check your connection and try again; your changes are still here.'));
}
function settingControls() {
return Array.prototype.slice.call(root.querySelectorAll('[data-field]'));
}
function groupRows() {
return Array.prototype.slice.call(groupList.children);
}
function fieldOf(row, name) {
return row.querySelector('[data-group-field="' + name + '"]');
}
function addErrorSlot(control) {
var slot = make('p', 'ct-field-error');
slot.id = control.id + '-error';
slot.hidden = true;
control.insertAdjacentElement('afterend', slot);
var described = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
described.push(slot.id);
control.setAttribute('aria-describedby', described.join(' '));
}
function numberText(value) {
return value === null || value === undefined ? '' : String(value);
}
function renumber() {
var rows = groupRows();
rows.forEach(function (row, index) {
var label = fieldOf(row, 'label').value.trim();
row.querySelector('.ct-group-legend').textContent = label
? format(gettext('Group {number}: {label}'), {number: index + 1, label: label})
: format(gettext('Group {number}'), {number: index + 1});
row.querySelector('.ct-move-up').disabled = index === 0;
row.querySelector('.ct-move-down').disabled = index === rows.length - 1;
});
}
function addGroupRow(group) {
var row = template.content.firstElementChild.cloneNode(true);
rowCount += 1;
var prefix = baseId + '-group' + rowCount + '-';
Array.prototype.forEach.call(row.querySelectorAll('[data-group-field]'), function (control) {
var name = control.getAttribute('data-group-field');
control.id = prefix + name;
row.querySelector('label[data-for="' + name + '"]').setAttribute('for', control.id);
var help = row.querySelector('[data-help-for="' + name + '"]');
if (help) {
help.id = control.id + '-help';
control.setAttribute('aria-describedby', help.id);
}
addErrorSlot(control);
});
fieldOf(row, 'label').value = group.label || '';
fieldOf(row, 'id').value = group.id || '';
fieldOf(row, 'side').value = group.side || 'external';
fieldOf(row, 'kind').value = group.kind || 'other';
fieldOf(row, 'points').value = numberText(group.points === undefined ? 1 : group.points);
fieldOf(row, 'hint').value = group.hint || '';
fieldOf(row, 'why').value = group.why || '';
fieldOf(row, 'synonyms').value = group.synonyms || '';
row.querySelector('.ct-move-up').textContent = gettext('Move up');
row.querySelector('.ct-move-down').textContent = gettext('Move down');
row.querySelector('.ct-remove').textContent = gettext('Remove this group');
fieldOf(row, 'label').addEventListener('input', renumber);
groupList.appendChild(row);
return row;
}
function showGroups(groups) {
groupList.textContent = '';
groups.forEach(addGroupRow);
renumber();
}
function fill(config) {
settingControls().forEach(function (control) {
control.value = numberText(config[control.getAttribute('data-field')]);
});
showGroups(config.groups);
}
function collect() {
var config = {};
settingControls().forEach(function (control) {
config[control.getAttribute('data-field')] = control.value;
});
config.groups = groupRows().map(function (row) {
var group = {};
['id', 'label', 'side', 'kind', 'points', 'hint', 'why', 'synonyms'].forEach(function (name) {
group[name] = fieldOf(row, name).value;
});
return group;
});
return config;
}
function controlFor(field) {
var parts = field.split('.');
if (parts[0] === 'groups' && parts.length === 3) {
var row = groupRows()[Number(parts[1])];
return row ? fieldOf(row, parts[2]) : null;
}
if (field === 'groups') { return groupList; }
return root.querySelector('[data-field="' + field + '"]');
}
function errorSlotFor(control) {
if (control === groupList) { return root.querySelector('[data-error-for="groups"]'); }
return document.getElementById(control.id + '-error');
}
function clearProblems() {
Array.prototype.forEach.call(root.querySelectorAll('.ct-field-error'), function (slot) {
slot.textContent = '';
slot.hidden = true;
});
Array.prototype.forEach.call(root.querySelectorAll('[aria-invalid]'), function (control) {
control.removeAttribute('aria-invalid');
});
problemsBox.hidden = true;
}
function nameOf(control) {
if (control === groupList) { return gettext('Customer groups'); }
var label = root.querySelector('label[for="' + control.id + '"]');
var name = label ? label.textContent.trim() : '';
var row = control.closest('.ct-group-editor');
if (row) {
name = format(gettext('Group {number}, {field}'), {number: groupRows().indexOf(row) + 1, field: name});
}
return name;
}
function showProblems(summary, fields) {
clearProblems();
var list = problemsBox.querySelector('.ct-studio-problems-list');
list.textContent = '';
problemsBox.querySelector('.ct-studio-problems-title').textContent = summary;
Object.keys(fields).forEach(function (field) {
var control = controlFor(field);
var item = make('li');
if (control) {
var slot = errorSlotFor(control);
slot.textContent = fields[field];
slot.hidden = false;
if (control !== groupList) { control.setAttribute('aria-invalid', 'true'); }
var link = make('a', null, nameOf(control) + ': ' + fields[field]);
link.href = '#' + (control.id || slot.id);
link.addEventListener('click', function (event) {
event.preventDefault();
(control === groupList ? root.querySelector('.ct-add-group') : control).focus();
});
item.appendChild(link);
} else {
item.textContent = fields[field];
}
list.appendChild(item);
});
problemsBox.hidden = false;
problemsBox.focus();
}
function refused(response) {
if (response.fields) {
showProblems(response.error, response.fields);
} else {
statusLine.textContent = response.error;
}
}
function run(button, request, done, fail) {
if (busy) { return; }
busy = true;
button.setAttribute('aria-busy', 'true');
statusLine.textContent = '';
request.done(done).fail(function (xhr) { fail(failure(xhr)); }).always(function () {
busy = false;
button.removeAttribute('aria-busy');
});
}
root.querySelector('.save-button').addEventListener('click', function (event) {
event.preventDefault();
notify('save', {state: 'start', message: gettext('Saving')});
run(event.currentTarget, post('studio_save', collect()), function (response) {
saved = response.config;
clearProblems();
fill(saved);  // new groups now show the ids the server gave them
statusLine.textContent = gettext('Saved.');
notify('save', {state: 'end'});
}, function (response) {
refused(response);
notify('error', {title: gettext('Unable to save'), message: response.error});
});
});
root.querySelector('.cancel-button').addEventListener('click', function (event) {
event.preventDefault();
clearProblems();
fill(saved);
statusLine.textContent = gettext('Changes discarded.');
notify('cancel', {});
});
root.querySelector('.ct-add-group').addEventListener('click', function () {
var row = addGroupRow({});
renumber();
fieldOf(row, 'label').focus();
});
groupList.addEventListener('click', function (event) {
var button = event.target.closest('button');
if (!button) { return; }
var row = button.closest('.ct-group-editor');
if (button.classList.contains('ct-remove')) {
var next = row.nextElementSibling || row.previousElementSibling;
row.remove();
renumber();
statusLine.textContent = gettext('Group removed.');
(next ? fieldOf(next, 'label') : root.querySelector('.ct-add-group')).focus();
return;
}
var up = button.classList.contains('ct-move-up');
if (!up && !button.classList.contains('ct-move-down')) { return; }
if (up && row.previousElementSibling) {
groupList.insertBefore(row, row.previousElementSibling);
} else if (!up && row.nextElementSibling) {
groupList.insertBefore(row.nextElementSibling, row);
}
renumber();
(button.disabled ? row.querySelector(up ? '.ct-move-down' : '.ct-move-up') : button).focus();
statusLine.textContent = format(gettext('Moved to position {number}.'), {number: groupRows().indexOf(row) + 1});
});
root.querySelector('.ct-apply-preset').addEventListener('click', function (event) {
var choice = root.querySelector('.ct-preset-choice');
var name = choice.options[choice.selectedIndex].textContent;
var question = format(gettext('Replace all the customer groups and the internal/external points with the preset “{name}”? Nothing is saved until you select Save.'), {name: name});
if (!window.confirm(question)) { return; }
run(event.currentTarget, post('studio_preset', {preset: choice.value}), function (preset) {
clearProblems();
showGroups(preset.groups);
root.querySelector('[data-field="balance_points"]').value = numberText(preset.balance_points);
statusLine.textContent = format(gettext('The preset “{name}” is in place. Select Save to keep it.'), {name: name});
}, refused);
});
root.querySelector('.ct-preview-prompt').addEventListener('click', function (event) {
var preview = root.querySelector('.ct-prompt-preview');
run(event.currentTarget, post('studio_preview', {config: collect()}), function (response) {
clearProblems();
preview.querySelector('.ct-prompt-preview-body').innerHTML = response.prompt_html;
preview.hidden = false;
}, refused);
});
var afterTry = null;  // what the status line says once the preview has been redone
function addSynonym(text, row, groupName) {
var synonyms = fieldOf(row, 'synonyms');
synonyms.value = synonyms.value.replace(/\s+$/, '') + (synonyms.value.trim() ? '\n' : '') + text;
var said = format(gettext('“{entry}” is now a synonym of {group}. Select Save to keep it.'),
{entry: text, group: groupName});
if (root.querySelector('.ct-sample').value.trim()) {
afterTry = said;
root.querySelector('.ct-try').click();
} else {
statusLine.textContent = said;
}
}
function synonymOffer(text, controlId, suggestedId, onAdded) {
var item = make('li', 'ct-try-unplaced-entry');
item.appendChild(make('span', 'ct-try-unplaced-text', text));
var choice = make('select', 'ct-synonym-group');
choice.id = controlId;
var label = make('label', 'ct-synonym-label', gettext('Add as a synonym of'));
label.setAttribute('for', choice.id);
groupRows().forEach(function (row, position) {
var option = make('option', null, fieldOf(row, 'label').value || format(gettext('Group {number}'), {number: position + 1}));
option.value = String(position);
option.selected = Boolean(suggestedId) && fieldOf(row, 'id').value === suggestedId;
choice.appendChild(option);
});
var add = make('button', 'ct-button ct-add-synonym', gettext('Add'));
add.type = 'button';
add.setAttribute('aria-describedby', choice.id);
add.addEventListener('click', function () {
var row = groupRows()[Number(choice.value)];
if (!row) { return; }
addSynonym(text, row, choice.options[choice.selectedIndex].textContent);
if (onAdded) { onAdded(add, choice); }
});
item.appendChild(document.createTextNode(' '));
item.appendChild(label);
item.appendChild(choice);
item.appendChild(add);
return item;
}
function feedbackView(feedback) {
var box = make('div', 'ct-try-feedback');
box.appendChild(make('h2', 'ct-small-title', gettext('The feedback a learner would get')));
box.appendChild(make('p', 'ct-try-score', feedback.score_text));
var list = make('ul', 'ct-try-groups');
feedback.groups.forEach(function (group) {
var item = make('li', 'ct-try-group ' + (group.found ? 'is-found' : 'is-missed'));
item.appendChild(make('strong', null, group.label));
item.appendChild(document.createTextNode(' — ' + (group.found ? gettext('Found') : gettext('Missed')) +
' (' + group.points + '/' + group.possible + ')'));
if (group.entries.length) {
item.appendChild(make('p', 'ct-try-detail', gettext('Their words:') + ' ' + group.entries.map(function (entry) {
return '“' + entry.text + '”';
}).join(', ')));
}
if (group.hint) { item.appendChild(make('p', 'ct-try-detail', gettext('Hint:') + ' ' + group.hint)); }
if (group.why) { item.appendChild(make('p', 'ct-try-detail', gettext('Why it matters:') + ' ' + group.why)); }
list.appendChild(item);
});
box.appendChild(list);
if (feedback.unplaced.length) {
box.appendChild(make('p', null, gettext('Entries not placed in any group:')));
var unplaced = make('ul', 'ct-try-unplaced');
feedback.unplaced.forEach(function (text, index) {
unplaced.appendChild(synonymOffer(text, baseId + '-unplaced-' + index));
});
box.appendChild(unplaced);
}
if (feedback.balance.message) { box.appendChild(make('p', 'ct-try-balance', feedback.balance.message)); }
if (feedback.takeaway) { box.appendChild(make('p', 'ct-try-takeaway', feedback.takeaway)); }
return box;
}
root.querySelector('.ct-try').addEventListener('click', function (event) {
var sample = root.querySelector('.ct-sample');
var sampleError = document.getElementById(sample.id + '-error');
var result = root.querySelector('.ct-try-result');
sampleError.hidden = true;
sample.removeAttribute('aria-invalid');
run(event.currentTarget, post('studio_preview', {config: collect(), answer: sample.value}), function (response) {
clearProblems();
result.textContent = '';
result.appendChild(feedbackView(response.feedback));
if (afterTry) { statusLine.textContent = afterTry; }
afterTry = null;
}, function (response) {
afterTry = null;
result.textContent = '';
if (response.fields) {
refused(response);
return;
}
sampleError.textContent = response.error;
sampleError.hidden = false;
sample.setAttribute('aria-invalid', 'true');
sample.focus();
});
});
root.querySelector('.ct-learners-load').addEventListener('click', function (event) {
var list = root.querySelector('.ct-learners-list');
var status = root.querySelector('.ct-learners-status');
status.textContent = gettext('Reading what learners wrote…');
run(event.currentTarget, post('class_summary', {}), function (summary) {
list.textContent = '';
summary.unplaced.forEach(function (row, index) {
var item = synonymOffer(row.text, baseId + '-learners-' + index, row.suggested_group, function (add, choice) {
add.disabled = choice.disabled = true;  // added: once is enough
});
item.insertBefore(make('span', 'ct-learners-count', ' (' + row.learners_text + ')'), item.children[1]);
list.appendChild(item);
});
list.hidden = summary.unplaced.length === 0;
var none = summary.learners === 0 ? '' : gettext('Every entry learners wrote was placed in a group.');
status.textContent = [summary.learners_text, summary.unplaced.length ? '' : none, summary.limit_text]
.filter(Boolean).join(' ');
}, function (response) {
list.hidden = true;
status.textContent = response.error;
});
});
settingControls().forEach(addErrorSlot);
fill(saved);
}
