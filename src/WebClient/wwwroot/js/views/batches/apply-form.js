// Applying for a grant (county agents for their own county's firms, city staff for any): a firm by its id, one of its
// underway or completed projects, the class and, for the reward class, the result rewarded.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { request, routes, getJson } from '../../api.js';
import { money } from '../../format.js';
import { field, select, setOptions, toast } from '../../forms.js';
import { CLASSES, RESULTS, classLabel, resultLabel, countyLabel } from '../../grants.js';
import { dialogForm } from './dialog-form.js';

export function applyForm({ onDone }) {
  let batchId = null;
  const enterprise = h('input', { type: 'text', autocomplete: 'off', 'data-testid': 'apply-enterprise' });
  const loadBtn = h('button', { type: 'button', class: 'btn', 'data-testid': 'apply-load' }, t('g.apply.load'));
  const found = h('p', { class: 'muted small', 'data-testid': 'apply-found' });
  const entField = field('enterpriseId', t('g.apply.enterprise'), enterprise, { hint: t('g.apply.enterpriseHint') });
  entField.el.append(h('div', { class: 'btn-row' }, loadBtn), found);
  const project = select([], '', { 'data-testid': 'apply-project', disabled: true });
  const projField = field('projectId', t('g.apply.project'), project);
  const cls = select(CLASSES.map((c) => [c, classLabel(c)]), 'subsidy', { 'data-testid': 'apply-class' });
  const clsField = field('class', t('g.apply.class'), cls);
  const result = select([['', '—'], ...RESULTS.map((r) => [r, resultLabel(r)])], '', { 'data-testid': 'apply-result' });
  const resField = field('result', t('g.apply.result'), result);
  const note = h('input', { type: 'text', maxlength: 2000 });
  const noteField = field('note', t('g.apply.note'), note);
  const form = h('form', { class: 'form', novalidate: true },
    h('div', { class: 'form-grid' }, entField.el, projField.el, clsField.el, resField.el, noteField.el),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'apply-submit' }, t('g.apply.submit'))));
  const state = dialogForm(form, [entField, projField, clsField, resField, noteField]);
  const sync = () => { resField.el.hidden = cls.value !== 'reward'; };
  cls.addEventListener('change', sync);
  sync();

  loadBtn.addEventListener('click', async () => {
    state.clear();
    const id = enterprise.value.trim();
    if (!id) { state.refuse({ enterpriseId: t('g.e.required', { f: t('g.apply.enterprise') }) }); return; }
    try {
      const e = await getJson(routes.enterprise(id));
      const usable = (e.projects || []).filter((p) => p.status === 'underway' || p.status === 'completed');
      setOptions(project, usable.map((p) => [p.id, `${p.name} · ${money(p.totalInvestment)}`]));
      project.disabled = usable.length === 0;
      found.textContent = t('g.apply.loaded', { name: e.name, county: countyLabel(e.countyId) }) + (usable.length ? '' : ' · ' + t('g.apply.noProjects'));
    } catch (err) {
      project.disabled = true;
      setOptions(project, []);
      found.textContent = '';
      if (err?.status === 404) state.refuse({ enterpriseId: t('g.e.noEnterprise', { f: t('g.apply.enterprise') }) });
      else state.show(err);
    }
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const errors = {};
    if (!enterprise.value.trim()) errors.enterpriseId = t('g.e.required', { f: t('g.apply.enterprise') });
    if (!project.value) errors.projectId = t('g.e.required', { f: t('g.apply.project') });
    if (cls.value === 'reward' && !result.value) errors.result = t('g.e.required', { f: t('g.apply.result') });
    if (Object.keys(errors).length) { state.refuse(errors); return; }
    state.clear();
    state.busy(true);
    try {
      const r = await request('POST', routes.applications(batchId), { json: {
        enterpriseId: enterprise.value.trim(), projectId: project.value, class: cls.value,
        result: cls.value === 'reward' ? result.value : null, note: note.value.trim() || null,
      } });
      toast(t('g.apply.done', { n: r.data?.id ?? '' }));
      onDone?.();
    } catch (err) {
      state.show(err);
    } finally {
      state.busy(false);
    }
  });

  const el = h('section', { class: 'card', 'aria-labelledby': 'h-g-apply', 'data-testid': 'apply-card' },
    h('header', { class: 'card-head' }, h('h2', { id: 'h-g-apply' }, t('g.apply.title'))), form);
  return { el, setBatch(id) { batchId = id; } };
}
