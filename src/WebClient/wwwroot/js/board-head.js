// A board's heading line, shared by the city and county boards: title, data month, calendar progress, score, and
// "更新于 HH:MM:SS" — when the figures on screen last changed (the snapshot's version stays out of sight, as a
// data attribute for tools).
import { h, setText } from './dom.js';
import { t } from './i18n.js';
import { pct, score, month, timeOfDay } from './format.js';

export function boardHead(title, testidPrefix) {
  const r = {
    title: h('h1', { class: 'board-title' }, title),
    asOf: h('span'),
    calendar: h('span'),
    score: h('span'),
    updated: h('time', { 'data-testid': `${testidPrefix}-updated` }),
    extra: h('span', { class: 'board-head-extra' }),
    error: h('p', { class: 'banner', role: 'alert', hidden: true }),
  };
  r.el = h('div', { class: 'board-head', 'data-testid': `${testidPrefix}-head` },
    r.title,
    h('ul', { class: 'board-meta' },
      h('li', null, t('board.asOf') + ' ', h('b', null, r.asOf)),
      h('li', null, t('board.calendar') + ' ', h('b', null, r.calendar)),
      h('li', null, t('board.score') + ' ', h('b', null, r.score)),
      h('li', { class: 'updated' }, t('board.updated') + ' ', h('b', null, r.updated))),
    r.extra);
  let version = null;
  r.update = (s) => {
    setText(r.asOf, month(s.reportingMonth));
    setText(r.calendar, pct(s.calendarProgress));
    setText(r.score, score(s.score));
    if (s.version !== version) {
      version = s.version;
      const now = new Date();
      setText(r.updated, timeOfDay(now));
      r.updated.setAttribute('datetime', now.toISOString());
      r.el.dataset.version = String(s.version);
    }
  };
  return r;
}
