// One application's review history: who (display name and role in words), when, what, at which stage, the amount,
// score and note; approvals voided by a later return are struck through and say so.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { getJson, routes } from '../../api.js';
import { money, dateTime, score } from '../../format.js';
import { openDialog } from '../../dialog.js';
import { stageLabel, actionLabel, roleLabel } from '../../grants.js';
import { applicationFacts } from './decision-dialog.js';

export async function openHistory(batchId, a) {
  const list = h('ol', { class: 'g-history', 'data-testid': 'application-history' }, h('li', { class: 'muted' }, t('board.loading')));
  const dlg = openDialog({ title: `${t('g.act.history')} · ${a.enterpriseName}`, subtitle: `#${a.id} · ${a.projectName}`,
    body: [applicationFacts(a), list], testid: 'history-dialog', wide: true });
  try {
    const full = await getJson(routes.application(batchId, a.id));
    list.replaceChildren(...full.history.map((e) => h('li', { class: e.voided ? 'void' : '' },
      h('div', { class: 'g-h-head' },
        h('b', null, actionLabel(e.action)), ' · ', stageLabel(e.stage),
        e.returnTo ? ' · ' + t('g.h.returnTo', { s: stageLabel(e.returnTo) }) : '',
        e.amount !== null && e.amount !== undefined ? ' · ' + money(e.amount) : '',
        e.score !== null && e.score !== undefined ? ' · ' + t('g.c.score') + ' ' + score(e.score) : '',
        e.until ? ' · ' + t('g.h.until', { t: dateTime(e.until) }) : '',
        e.voided ? h('span', { class: 'g-void' }, t('g.h.voided')) : null),
      e.note ? h('p', { class: 'g-h-note' }, e.note) : null,
      h('p', { class: 'muted small' }, `${dateTime(e.at)} · ${e.actor === 'system' ? t('g.h.system') : (e.actorName || e.actor)}`,
        e.role && e.role !== 'system' ? ` · ${roleLabel(e.role)}` : ''))));
  } catch {
    list.replaceChildren(h('li', { class: 'form-error' }, t('board.error')));
  }
  return dlg;
}
