// Monthly scheduling (月调度) on a board: completeness of the reporting month's reports and their due date; on a county board
// the list of its projects that have not reported yet, on the city board each county's completeness (issue 14).
import { h, setText } from '../dom.js';
import { t, countyName } from '../i18n.js';
import { pct, count, month } from '../format.js';
import { getJson } from '../api.js';
import '../strings/records.js';

export function scheduleCard(prefix, countyId) {
  const title = h('h2', { id: `h-${prefix}-sched` });
  const due = h('span', { class: 'muted small' });
  const rate = h('span', { class: 'big', 'data-testid': `${prefix}-schedule-completeness` });
  const line = h('p', { class: 'muted small' });
  const list = h('ol', { class: 'spread-list', 'data-testid': `${prefix}-schedule-missing` });
  const listHead = h('div', { class: 'muted small' }, countyId ? t('sched.missing') : t('sched.byCounty'));
  const el = h('section', { class: 'card kpi schedule-card', 'aria-labelledby': `h-${prefix}-sched`, 'data-testid': `${prefix}-schedule` },
    h('header', { class: 'card-head' }, title, due),
    h('div', { class: 'kpi-row' }, h('span', { class: 'muted' }, t('sched.completeness') + ' '), rate),
    line, h('div', { class: 'spread' }, listHead, list));
  let lastVersion = -1;

  async function loadMissing() {
    try {
      const s = await getJson(`/api/counties/${encodeURIComponent(countyId)}/schedule?reported=false`);
      if (!s.items.length) { list.replaceChildren(h('li', null, t('sched.none'))); return; }
      list.replaceChildren(...s.items.map((i) => h('li', { 'data-testid': 'schedule-missing-row' },
        h('span', null, `${i.enterpriseName} · ${i.name}`),
        i.lastReported ? h('span', { class: 'muted small' }, ' ' + t('sched.last', { month: month(i.lastReported), pct: `${i.lastProgressPercent}%` })) : null)));
    } catch (e) {
      console.error(e);
    }
  }

  function update(s) {
    const sc = s?.schedule;
    if (!sc) { el.hidden = true; return; }
    el.hidden = false;
    setText(title, t('sched.title', { month: month(sc.month) }));
    const overdue = new Date() > new Date(sc.dueDate + 'T23:59:59+08:00');
    setText(due, t('sched.due', { date: sc.dueDate }) + (overdue && sc.reported < sc.due ? ' · ' + t('sched.overdue') : ''));
    setText(rate, pct(sc.completeness));
    setText(line, t('sched.line', { due: count(sc.due), reported: count(sc.reported) }));
    if (countyId) {
      if (s.version !== lastVersion) { lastVersion = s.version; loadMissing(); }
    } else if (Array.isArray(s.counties)) {
      const rows = [...s.counties].sort((a, b) => (a.scheduleCompleteness ?? 0) - (b.scheduleCompleteness ?? 0));
      list.replaceChildren(...rows.map((c) => h('li', null, h('span', null, countyName(c)), ' ',
        h('b', null, pct(c.scheduleCompleteness)), h('span', { class: 'muted small' }, ` ${c.scheduleReported}/${c.scheduleDue}`))));
    }
  }
  return { el, update };
}
