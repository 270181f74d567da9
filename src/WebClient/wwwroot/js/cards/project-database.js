// The project database (项目库) on a board: entered / awaiting review / left / key projects, and the start rate (开工率 =
// started / planned to start this year), with the counties' start rates on the city board (issue 14).
import { h, setText } from '../dom.js';
import { t, countyName } from '../i18n.js';
import { pct, count } from '../format.js';
import '../strings/records.js';

export function projectDatabaseCard(prefix) {
  const rate = h('span', { class: 'big', 'data-testid': `${prefix}-start-rate` });
  const line = h('p', { class: 'muted small' });
  const fig = (key) => {
    const dd = h('dd', null, h('span', { class: 'mid' }));
    return { el: h('div', null, h('dt', null, t(key)), dd), value: dd.firstChild };
  };
  const entered = fig('db.entered');
  const pending = fig('db.pending');
  const exited = fig('db.exited');
  const key = fig('db.key');
  const byCounty = h('ol', { class: 'spread-list', 'data-testid': `${prefix}-start-rate-counties` });
  const countiesBox = h('div', { class: 'spread', hidden: true }, h('div', { class: 'muted small' }, t('db.byCounty')), byCounty);
  const el = h('section', { class: 'card kpi project-database', 'aria-labelledby': `h-${prefix}-db`, 'data-testid': `${prefix}-project-database` },
    h('header', { class: 'card-head' }, h('h2', { id: `h-${prefix}-db` }, t('db.title'))),
    h('div', { class: 'kpi-row' }, h('span', { class: 'muted' }, t('db.startRate') + ' '), rate),
    line,
    h('dl', { class: 'stat-grid' }, entered.el, pending.el, exited.el, key.el),
    countiesBox);

  function update(s) {
    const d = s?.database;
    if (!d) { el.hidden = true; return; }
    el.hidden = false;
    setText(rate, pct(d.startRate));
    setText(line, t('db.startLine', { planned: count(d.plannedStart), started: count(d.started) }));
    setText(entered.value, count(d.entered));
    setText(pending.value, count(d.pending));
    setText(exited.value, count(d.exited));
    setText(key.value, count(d.key));
    const rows = Array.isArray(s.counties) ? [...s.counties].sort((a, b) => (b.startRate ?? 0) - (a.startRate ?? 0)) : [];
    countiesBox.hidden = rows.length === 0;
    byCounty.replaceChildren(...rows.map((c) => h('li', null,
      h('span', null, countyName(c)), ' ', h('b', null, pct(c.startRate)), h('span', { class: 'muted small' }, ` ${c.started}/${c.plannedStart}`))));
  }
  return { el, update };
}
