// The two small dialogs of the review: an objection during the public notice (back to the expert panel), and the
// applicant's resubmission after a return.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { request, routes } from '../../api.js';
import { field, toast } from '../../forms.js';
import { openDialog } from '../../dialog.js';
import { dialogForm, noteText } from './dialog-form.js';
import { applicationFacts } from './decision-dialog.js';

function noteDialog(batchId, a, { title, testid, part, inputs, build, hint, submitLabel, onDone }) {
  const fields = inputs.map((x) => field(x.name, x.label, x.control, { hint: x.hint }));
  const form = h('form', { class: 'form', novalidate: true }, applicationFacts(a),
    hint ? h('p', { class: 'form-note' }, hint) : null, fields.map((f) => f.el),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': testid + '-submit' }, submitLabel),
      h('button', { type: 'button', class: 'btn', 'data-testid': 'dialog-cancel', onclick: () => dlg.close() }, t('g.d.cancel'))));
  const state = dialogForm(form, fields);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const { body, errors } = build();
    if (Object.keys(errors).length) { state.refuse(errors); return; }
    state.clear();
    state.busy(true);
    try {
      await request('POST', routes.application(batchId, a.id, part), { json: body });
      toast(t('g.d.done', { what: `${a.enterpriseName} · ${title}` }));
      dlg.close();
      onDone?.();
    } catch (err) {
      state.show(err);
      if (err?.status === 409) onDone?.();
    } finally {
      state.busy(false);
    }
  });
  const dlg = openDialog({ title, subtitle: `#${a.id}`, body: [form], testid });
  fields[0].control.focus();
  return dlg;
}

export function openObjection(batchId, a, { onDone }) {
  const objector = h('input', { type: 'text', maxlength: 200, 'data-testid': 'objection-objector' });
  const reason = h('textarea', { rows: 3, maxlength: 2000, 'data-testid': 'objection-reason' });
  return noteDialog(batchId, a, {
    title: t('g.o.title'), testid: 'objection', part: 'objections', hint: t('g.o.hint'), submitLabel: t('g.o.submit'), onDone,
    inputs: [{ name: 'objector', label: t('g.o.objector'), control: objector }, { name: 'reason', label: t('g.o.reason'), control: reason }],
    build: () => {
      const errors = {};
      if (!reason.value.trim()) errors.reason = t('g.e.required', { f: t('g.o.reason') });
      return { body: { objector: objector.value.trim() || null, reason: noteText(reason) }, errors };
    },
  });
}

export function openResubmission(batchId, a, { onDone }) {
  const note = h('textarea', { rows: 3, maxlength: 2000, 'data-testid': 'resubmit-note' });
  return noteDialog(batchId, a, {
    title: t('g.r.title'), testid: 'resubmit', part: 'resubmission', submitLabel: t('g.r.submit'), onDone,
    inputs: [{ name: 'note', label: t('g.r.note'), control: note }],
    build: () => {
      const errors = {};
      if (!note.value.trim()) errors.note = t('g.e.required', { f: t('g.r.note') });
      return { body: { note: noteText(note) }, errors };
    },
  });
}
