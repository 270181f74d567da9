// A scenario's state and time control: running / paused / completed / failed, months done of months, runs, and
// pause, resume, step one month, pace, delete (confirmed in the bar itself, never a browser dialog).
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { request, routes } from '../../api.js';
import { month } from '../../format.js';
import { errorText } from '../../forms.js';

const L = (key) => t('sc.' + key);

export function scenarioStatus({ onChanged, onDeleted }) {
  let view = null;
  const text = h('strong', { 'data-testid': 'scenario-status' });
  const progressText = h('span', { 'data-testid': 'scenario-progress' });
  const progress = h('progress', { max: '1', value: '0', 'aria-label': L('months') });
  const btn = (key, action, cls = 'btn') => h('button', { type: 'button', class: cls, id: action, 'data-testid': 'scenario-' + action, onclick: () => control(action) }, L(key));
  const pause = btn('pauseBtn', 'pause');
  const resume = btn('resumeBtn', 'resume');
  const step = btn('stepBtn', 'step');
  const pace = h('select', { id: 'pace-live', 'data-testid': 'scenario-pace', 'aria-label': L('pace'), onchange: () => control('pace') },
    [['0', 'paceFast'], ['1000', 'pace1s'], ['300', 'pace300']].map(([v, k]) => h('option', { value: v }, L(k))));
  const del = btn('deleteBtn', 'delete', 'btn btn-danger');
  const confirmBox = h('span', { class: 'btn-row', hidden: true },
    h('span', null, L('confirmDelete')),
    h('button', { type: 'button', class: 'btn btn-danger', 'data-testid': 'scenario-delete-confirm', onclick: () => control('delete-confirmed') }, L('confirmDeleteBtn')),
    h('button', { type: 'button', class: 'btn', onclick: () => { confirmBox.hidden = true; del.hidden = false; } }, t('g.d.cancel')));
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const el = h('div', { class: 'card sc-status', hidden: true },
    h('div', null, text, ' ', progressText, ' ', progress),
    h('div', { class: 'btn-row' }, pause, resume, step, pace, del, confirmBox), error);

  async function control(action) {
    if (!view) return;
    error.hidden = true;
    if (action === 'delete') { del.hidden = true; confirmBox.hidden = false; return; }
    try {
      if (action === 'delete-confirmed') {
        await request('DELETE', routes.scenario(view.id));
        onDeleted?.();
        return;
      }
      const r = action === 'pace'
        ? await request('PUT', routes.scenario(view.id, 'pace'), { json: { milliseconds: Number(pace.value) } })
        : await request('POST', routes.scenario(view.id, action));
      if (r.data) onChanged?.(r.data);
    } catch (err) {
      error.textContent = errorText(err, { 400: L('e.general'), 409: L('e.general') });
      error.hidden = false;
    }
  }

  function render(v, { mayControl }) {
    view = v;
    el.hidden = !v;
    if (!v) return;
    const state = v.status === 'running' ? (v.paused ? 'paused' : 'running') : v.status;
    text.textContent = L(state);
    text.dataset.status = state;
    const p = v.progress;
    progressText.textContent = `${month(p.lastMonth ?? v.request.startMonth)} · ${p.monthsDone} ${L('of')} ${p.months} ${L('month')} · ${v.request.runs} ${L('runsLabel')}`;
    progress.value = p.months ? p.monthsDone / p.months : 0;
    const running = v.status === 'running';
    for (const b of [pause, resume, step, pace, del]) b.hidden = !mayControl;
    pause.disabled = !running || v.paused;
    resume.disabled = !running || !v.paused;
    step.disabled = !running;
    pace.disabled = !running;
    pace.value = String([0, 300, 1000].includes(v.request.paceMilliseconds) ? v.request.paceMilliseconds : 0);
    if (!mayControl) confirmBox.hidden = true;
  }

  return { el, render };
}
