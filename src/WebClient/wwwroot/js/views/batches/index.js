// The grant-review workspace (#/batches/{id}): the batch's live board (scope batch:{id}), the review queue per stage
// with a decision dialog per application, the city's batch actions, applying and opening batches. Each card or form
// is its own module beside this one; what a person may do follows their role (the server checks again).
import '../../strings/grants.js';
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { getJson, routes, loadCounties } from '../../api.js';
import { watch } from '../../live.js';
import { month } from '../../format.js';
import { session, onSession, ready } from '../../session.js';
import { select } from '../../forms.js';
import { closeDialog } from '../../dialog.js';
import { STAGES, batchStatusLabel, isCityUser, mayApply } from '../../grants.js';
import { batchBoard } from './board-cards.js';
import { batchForecastCard } from './forecast-card.js';
import { reviewQueue } from './queue.js';
import { bulkActions } from './bulk-actions.js';
import { applyForm } from './apply-form.js';
import { createForm } from './create-form.js';
import { openDecision } from './decision-dialog.js';
import { openDisbursement } from './disburse-dialog.js';
import { openObjection, openResubmission } from './note-dialogs.js';
import { openHistory } from './history-dialog.js';

export function mountBatches(main, ctx, route) {
  ctx.setTitle(t('g.title'));
  ctx.setCrumbs([{ label: t('g.title'), href: '#/batches' }]);
  let batchId = route.id || null;
  let unwatch = null;
  let reloadTimer = null;
  let destroyed = false;

  const picker = select([], '', { 'data-testid': 'batch-select', 'aria-label': t('g.batch') });
  const meta = h('ul', { class: 'board-meta', 'data-testid': 'batch-meta' });
  const exports = h('span', { class: 'btn-row' });
  const roleNote = h('p', { class: 'banner banner-info', role: 'note', 'data-testid': 'batch-role-note', hidden: true });
  const head = h('div', { class: 'board-head' },
    h('h1', { class: 'board-title' }, t('g.title')),
    h('label', { class: 'field inline' }, h('span', null, t('g.batch')), picker),
    meta, h('span', { class: 'board-head-extra' }, exports));

  const board = batchBoard();
  const forecast = batchForecastCard();
  const rerender = () => { clearTimeout(reloadTimer); reloadTimer = setTimeout(() => queue.reload(), 250); };
  const onAction = (kind, a) => {
    const done = { onDone: () => queue.reload() };
    if (kind === 'decide') openDecision(batchId, a, done);
    else if (kind === 'disburse') openDisbursement(batchId, a, done);
    else if (kind === 'object') openObjection(batchId, a, done);
    else if (kind === 'resubmit') openResubmission(batchId, a, done);
    else if (kind === 'history') openHistory(batchId, a);
  };
  const queue = reviewQueue({
    onAction, initialTab: route.query?.get('tab') || 'county-check',
    onTab: (tab) => window.history.replaceState(null, '', `#/batches/${encodeURIComponent(batchId)}?tab=${encodeURIComponent(tab)}`),
  });
  const queueCard = h('section', { class: 'card g-queue-card', 'aria-labelledby': 'h-g-queue' },
    h('header', { class: 'card-head' }, h('h2', { id: 'h-g-queue' }, t('g.queue'))), queue.el);
  const bulk = bulkActions({ onDone: () => queue.reload() });
  const apply = applyForm({ onDone: () => queue.reload() });
  const create = createForm({ onCreated: (id) => { window.location.hash = `#/batches/${encodeURIComponent(id)}`; } });
  const empty = h('p', { class: 'loading', hidden: true }, t('g.none'));
  let mainRow = null;
  let tabChosen = false;
  const body = h('div', { class: 'g-layout', hidden: true },
    board.strip,
    mainRow = h('div', { class: 'g-main' }, queueCard, bulk.el),
    h('div', { class: 'g-cards' }, forecast.el, board.cards),
    h('div', { class: 'g-forms' }, apply.el, create.el));
  const loading = h('p', { class: 'loading' }, t('board.loading'));
  main.append(head, roleNote, loading, empty, body);

  function applyRole() {
    const s = session();
    bulk.el.hidden = !isCityUser(s);
    mainRow.classList.toggle('solo', !isCityUser(s));
    create.el.hidden = !isCityUser(s);
    apply.el.hidden = !mayApply(s);
    roleNote.hidden = s.authenticated && s.role !== 'viewer';
    roleNote.textContent = s.authenticated ? t('g.viewerOnly') : t('g.readOnly');
  }

  function show(b) {
    loading.remove();
    body.hidden = false;
    board.update(b);
    forecast.update(b);
    bulk.update(b);
    queue.setCounts(b.stages);
    if (!route.query?.get('tab') && !tabChosen) {
      tabChosen = true;
      const first = STAGES.find((st) => (b.stages?.[st] ?? 0) > 0);
      if (first && first !== queue.tab()) queue.setTab(first);
    }
    const call = b.call || {};
    meta.replaceChildren(...[
      h('li', null, h('b', { 'data-testid': 'batch-name' }, b.name)),
      call.reference ? h('li', null, t('g.reference') + ' ', h('b', null, call.reference)) : null,
      h('li', null, t('g.window') + ' ', h('b', null, `${month(call.windowFrom)} – ${month(call.windowTo)}`)),
      h('li', null, h('span', { class: 'badge' }, batchStatusLabel(b.status))),
      b.status !== 'open' && b.acceptingApplications ? h('li', null, h('span', { class: 'badge' }, t('g.accepting'))) : null,
      b.status === 'open' && !b.acceptingApplications ? h('li', null, h('span', { class: 'badge' }, t('g.closedIntake'))) : null,
    ].filter(Boolean));
    rerender();
  }

  function select_(id) {
    batchId = id;
    picker.value = id;
    unwatch?.();
    queue.setBatch(id);
    bulk.setBatch(id);
    apply.setBatch(id);
    exports.replaceChildren(
      h('a', { class: 'btn btn-small', href: routes.batchPart(id, 'notice.csv'), download: '' }, t('g.exportCsv')),
      h('a', { class: 'btn btn-small', href: routes.batchPart(id, 'notice.xlsx'), download: '' }, t('g.exportXlsx')));
    unwatch = watch('batch:' + id, show);
  }

  picker.addEventListener('change', () => { window.location.hash = `#/batches/${encodeURIComponent(picker.value)}`; });
  const offSession = onSession(() => { applyRole(); queue.reload(); });

  (async () => {
    await Promise.all([ready(), loadCounties().catch(() => [])]);
    if (destroyed) return;
    applyRole();
    let list = [];
    try { list = await getJson(routes.batches()); } catch { /* shown as empty */ }
    if (destroyed) return;
    picker.replaceChildren(...list.map((b) => h('option', { value: b.id }, b.name)));
    if (!batchId) batchId = list[0]?.id ?? null;
    if (!batchId) {
      loading.remove(); empty.hidden = false;
      if (isCityUser(session())) { body.hidden = false; body.replaceChildren(create.el); }
      return;
    }
    select_(batchId);
  })();

  return {
    destroy() {
      destroyed = true;
      clearTimeout(reloadTimer);
      unwatch?.();
      offSession();
      queue.destroy();
      forecast.destroy();
      closeDialog();
    },
  };
}
