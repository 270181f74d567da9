// The board as of a past month (#/?asOf=YYYY-MM, #/county/{id}?asOf=…): read once over REST from
// GET /api/board/…?asOf=, never from the hub — a past view takes no live pushes. follow() hides the difference from
// the board views: live scopes are watched, past ones are read.
import { h } from './dom.js';
import { t } from './i18n.js';
import { month } from './format.js';
import { watch } from './live.js';
import { scopeUrl, loadCalendar } from './api.js';
import './strings/past.js';

/** The route's ?asOf= month, or null for the live board. */
export function asOfOf(route) {
  const m = route?.query?.get('asOf');
  return m ? m : null;
}

/** The hash of a board route as of a month (or live, with month null). */
export function boardHash(countyId, m) {
  const base = countyId ? `#/county/${encodeURIComponent(countyId)}` : '#/';
  return m ? `${base}?asOf=${encodeURIComponent(m)}` : base;
}

/**
 * Delivers the scope's snapshots to fn: live ones as they come, or the past board once. onProblem(text) gets a
 * sentence in the reader's language when the past board cannot be had. Returns the unsubscribe function.
 */
export function follow(scope, asOf, fn, onProblem = () => {}) {
  if (!asOf) return watch(scope, fn);
  const controller = new AbortController();
  const url = `${scopeUrl(scope)}?asOf=${encodeURIComponent(asOf)}`;
  fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store', signal: controller.signal })
    .then(async (res) => {
      const body = await res.json().catch(() => null);
      if (res.ok && body) { fn(body); return; }
      if (res.status === 400 && body?.firstMonth) {
        onProblem(t('past.outside', { m: month(asOf), first: month(body.firstMonth), last: month(body.lastMonth) }));
      } else if (res.status === 400) {
        onProblem(t('past.badMonth', { m: asOf }));
      } else {
        onProblem(t('past.error'));
      }
    })
    .catch((e) => { if (e.name !== 'AbortError') onProblem(t('past.error')); });
  return () => controller.abort();
}

/** The banner over a past board: which month, that it is not live, the way back; and a note on the targets' year. */
export function pastBanner(asOf, countyId) {
  const note = h('span', { class: 'past-note', hidden: true });
  const el = h('div', { class: 'past-banner', role: 'status', 'data-testid': 'past-banner' },
    h('span', { class: 'past-text' }, t('past.banner', { m: month(asOf) })),
    note,
    h('a', { class: 'btn btn-primary', href: boardHash(countyId, null), 'data-testid': 'past-back-live' }, t('past.backLive')));
  return {
    el,
    update(snap) {
      const y = Number(snap.programmeYear);
      loadCalendar().then((live) => {
        const differs = y && live.programmeYear && y !== live.programmeYear;
        note.hidden = !differs;
        if (differs) note.textContent = t('past.targetsNote', { y, t: live.programmeYear });
      });
    },
  };
}
