// The scenarios that exist: when each was made, from what, how far and how many runs; the one shown is marked.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { getJson, routes } from '../../api.js';
import { dateTime, month } from '../../format.js';

const L = (key) => t('sc.' + key);

export function scenarioList() {
  const list = h('ul', { class: 'sc-list', 'data-testid': 'scenario-list' });
  const el = h('section', { class: 'card' }, h('header', { class: 'card-head' }, h('h2', null, L('recent'))), list);
  let current = null;

  async function reload() {
    let items = [];
    try { items = await getJson(routes.scenarios()); } catch { /* a convenience: the view works without it */ }
    if (items.length === 0) { list.replaceChildren(h('li', { class: 'muted' }, L('noScenarios'))); return; }
    list.replaceChildren(...items.map((s) => {
      const base = t('sc.baselineName.' + s.baseline) === 'sc.baselineName.' + s.baseline ? L('baseline') : t('sc.baselineName.' + s.baseline);
      return h('li', { class: current === s.id ? 'current' : '', 'data-scenario': s.id },
        h('a', { href: `#/scenarios/${encodeURIComponent(s.id)}`, 'aria-current': current === s.id ? 'page' : null }, dateTime(s.createdAt)),
        h('small', null, `${base} · ${month(s.startMonth)} · ${s.months} ${L('month')} · ${s.runs} ${L('runsLabel')}`));
    }));
  }

  return { el, reload, setCurrent(id) { current = id; } };
}
