// The county's project database (项目库) in the workspace: its projects filtered by stage (awaiting review by default),
// planning batch, kind and key flag, each with what the signed-in person may do to it (db-actions.js). Re-read when
// the county's board changes, so a project moves on as soon as it is admitted or leaves.
import { h, setText } from '../../dom.js';
import { t } from '../../i18n.js';
import { money, month, count } from '../../format.js';
import { getJson } from '../../api.js';
import { isCity } from '../../session.js';
import { planningBatchName } from '../../audit.js';
import { card } from './card.js';
import { actionButtons, entryBadge, keyBadge } from './db-actions.js';
import '../../strings/records.js';

const PAGE = 50;
const STAGES = ['pending', 'proposed', 'county-reviewed', 'entered', 'exited', 'all'];
const KINDS = ['intelligent', 'green', 'technical'];
const BATCHES = ['2020-1', '2021-2', '2022-3', 'none'];
const wsHref = (id) => `#/workspace/enterprise/${encodeURIComponent(id)}`;

/** projectsCard(countyId) → { el, load(), refresh(), destroy() } */
export function projectsCard(countyId) {
  const sel = (id, label, options, value) => {
    const s = h('select', { id, 'data-testid': id }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
    return { s, el: h('span', { class: 'field inline' }, h('label', { for: id }, label), s) };
  };
  const stage = sel('pl-stage', t('pl.stage'), STAGES.map((s) => [s, s === 'pending' ? t('pl.stage.pending') : s === 'all' ? t('pl.stage.all') : t('entry.' + s)]), 'pending');
  const batch = sel('pl-batch', t('pl.batch'), [['', t('pl.batch.all')], ...BATCHES.map((b) => [b, planningBatchName(b === 'none' ? null : b)])], '');
  const kind = sel('pl-kind', t('pf.kind'), [['', t('pl.kind.all')], ...KINDS.map((k) => [k, t('kind.' + k)])], '');
  const keyOnly = h('input', { type: 'checkbox', id: 'pl-key', 'data-testid': 'pl-key' });
  const summary = h('p', { class: 'muted small', 'data-testid': 'pl-summary', 'aria-live': 'polite' });
  const body = h('div', { class: 'table-wrap' });
  const more = h('button', { type: 'button', class: 'btn', hidden: true, onclick: () => { shown += PAGE; render(); } });
  const el = card('h-ws-projects', t('pl.title'),
    h('p', { class: 'muted small' }, t(isCity() ? 'pl.intro.city' : 'pl.intro.county')),
    h('div', { class: 'filters pl-filters' }, stage.el, batch.el, kind.el,
      h('label', { class: 'check', for: 'pl-key' }, keyOnly, ' ', t('pl.keyOnly'))),
    summary, body, h('div', { class: 'btn-row center' }, more));
  el.dataset.testid = 'ws-projects';
  let items = [];
  let shown = PAGE;
  let seq = 0;
  let timer = null;
  for (const c of [stage.s, batch.s, kind.s, keyOnly]) c.addEventListener('change', () => { shown = PAGE; load(); });

  function query() {
    const q = new URLSearchParams({ county: countyId, take: '1000' });
    const st = stage.s.value;
    if (st !== 'pending' && st !== 'all') q.set('entry', st);
    if (batch.s.value) q.set('batch', batch.s.value);
    if (kind.s.value) q.set('kind', kind.s.value);
    if (keyOnly.checked) q.set('key', 'true');
    return q;
  }

  async function load() {
    const my = ++seq;
    try {
      const res = await getJson('/api/projects?' + query());
      if (my !== seq) return;
      items = stage.s.value === 'pending' ? res.items.filter((r) => r.entry === 'proposed' || r.entry === 'county-reviewed') : res.items;
      // What awaits a decision first, then the rest by firm.
      const order = { proposed: 0, 'county-reviewed': 0, entered: 1, exited: 2 };
      items.sort((a, b) => (order[a.entry] - order[b.entry]) || a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN') || a.projectId.localeCompare(b.projectId, undefined, { numeric: true }));
      const total = items.reduce((s, r) => s + Number(r.totalInvestment || 0), 0);
      setText(summary, t('pl.summary', { n: count(items.length), total: money(total) }));
      render();
    } catch {
      if (my === seq) setText(summary, t('pl.error'));
    }
  }

  function render() {
    if (items.length === 0) { body.replaceChildren(h('p', { class: 'empty' }, t('pl.none'))); more.hidden = true; return; }
    body.replaceChildren(h('table', { class: 'data-table pl-table', 'data-testid': 'pl-table' },
      h('thead', null, h('tr', null, ['pl.firm', 'pl.project', 'pf.batch', 'pl.total', 'pl.period', 'pl.stage', 'pl.actions']
        .map((k) => h('th', { scope: 'col', class: k === 'pl.total' ? 'c-num' : null }, t(k))))),
      h('tbody', null, items.slice(0, shown).map((r) => h('tr', { 'data-testid': 'pl-row', 'data-project': r.projectId, 'data-enterprise': r.enterpriseId, class: r.entry === 'exited' ? 'row-muted' : null },
        h('td', null, h('a', { href: wsHref(r.enterpriseId) }, r.enterpriseName)),
        h('th', { scope: 'row', class: 'c-name' }, r.name, ' ', r.key ? keyBadge() : null,
          h('span', { class: 'sub' }, t('kind.' + r.kind), ' · ', t('pStatus.' + r.status))),
        h('td', null, planningBatchName(r.planningBatch)),
        h('td', { class: 'c-num' }, money(r.totalInvestment)),
        h('td', { class: 'nowrap' }, `${month(r.startMonth)} – ${month(r.endMonth)}`),
        h('td', null, entryBadge(r.entry), r.exitReason ? h('span', { class: 'sub' }, t('pl.exitedBecause', { why: t('exit.' + r.exitReason) })) : null),
        h('td', { class: 'actions' }, h('div', { class: 'btn-row' }, actionButtons(r, load))))))));
    more.hidden = items.length <= shown;
    more.textContent = t('pl.more', { n: count(Math.min(PAGE, items.length - shown)) });
  }

  return {
    el, load,
    refresh() { clearTimeout(timer); timer = setTimeout(load, 600); },
    destroy() { clearTimeout(timer); seq++; },
  };
}
