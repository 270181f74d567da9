// The scenarios view (#/scenarios/{id}): a form to start a simulation, the scenario followed live on hub scope
// scenario:{id} through the app's one hub client, its time control and results. The analysis charts
// (js/analysis.js, mountAnalysis) go into the empty <section id="scenario-analysis">.
import '../../strings/scenarios.js';
import '../../strings/grants.js';
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { getJson, routes } from '../../api.js';
import { watch } from '../../live.js';
import { session, onSession, ready } from '../../session.js';
import { scenarioForm } from './scenario-form.js';
import { scenarioStatus } from './scenario-status.js';
import { scenarioResults } from './scenario-results.js';
import { scenarioList } from './scenario-list.js';
import { mountAnalysis } from '../../analysis.js';

const L = (key) => t('sc.' + key);
const mayRun = (s) => !!s?.authenticated && (s.role === 'city' || s.role === 'county');

export function mountScenarios(main, ctx, route) {
  ctx.setTitle(L('title'));
  ctx.setCrumbs([{ label: L('title'), href: '#/scenarios' }]);
  const id = route.id || null;
  let unwatch = null;
  let view = null;
  let destroyed = false;
  let analysisView = null;

  const form = scenarioForm({ onStarted: (newId) => { window.location.hash = `#/scenarios/${encodeURIComponent(newId)}`; } });
  const signin = h('p', { class: 'banner banner-info', role: 'note', hidden: true },
    L('signinNeeded'), ' ', h('a', { href: '#/login?next=' + encodeURIComponent('#/scenarios' + (id ? '/' + id : '')), 'data-testid': 'scenario-signin' }, L('signinLink')));
  const viewerNote = h('p', { class: 'banner banner-info', role: 'note', hidden: true }, L('viewerNote'));
  const list = scenarioList();
  list.setCurrent(id);
  const status = scenarioStatus({
    onChanged: (v) => show(v),
    onDeleted: () => { window.location.hash = '#/scenarios'; },
  });
  const results = scenarioResults();
  const empty = h('p', { class: 'sc-empty muted', 'data-testid': 'scenario-empty' }, L('empty'));
  const notFound = h('p', { class: 'banner', role: 'alert', hidden: true }, L('e.notFound'));
  // The sensitivity tornado and the policy sweep's cost–coverage frontier (js/analysis.js), for those who may run them.
  const analysis = h('section', { id: 'scenario-analysis', 'aria-label': L('analysis') });

  const formCard = h('section', { class: 'card sc-form-card', 'aria-labelledby': 'h-sc-new' },
    h('header', { class: 'card-head' }, h('h2', { id: 'h-sc-new' }, L('newScenario'))), signin, viewerNote, form.el);
  main.append(
    h('div', { class: 'board-head' }, h('h1', { class: 'board-title' }, L('title')), h('p', { class: 'muted' }, L('subtitle'))),
    h('div', { class: 'sc-main' },
      h('div', { class: 'sc-side' }, formCard, list.el),
      h('div', { class: 'sc-results', 'aria-live': 'polite' }, notFound, status.el, empty, results.el, analysis)));

  function applyRole() {
    const s = session();
    form.el.hidden = !mayRun(s);
    signin.hidden = s.authenticated;
    viewerNote.hidden = !(s.authenticated && !mayRun(s));
    if (view) status.render(view, { mayControl: mayRun(s) });
    if (mayRun(s) && !analysisView) analysisView = mountAnalysis(analysis);
    else if (!mayRun(s) && analysisView) { analysisView.unmount(); analysisView = null; }
  }

  function show(v) {
    if (view && v.id === view.id && v.version < view.version) return;
    view = v;
    empty.hidden = true;
    status.render(v, { mayControl: mayRun(session()) });
    results.render(v);
  }

  const offSession = onSession(applyRole);
  (async () => {
    await ready();
    if (destroyed) return;
    applyRole();
    list.reload();
    if (!id) return;
    try {
      // Read once first, so a scenario that does not exist says so instead of waiting.
      show(await getJson(routes.scenario(id)));
    } catch (err) {
      if (destroyed) return;
      if (err?.status === 404) { notFound.hidden = false; empty.hidden = true; return; }
    }
    if (destroyed) return;
    unwatch = watch('scenario:' + id, (v) => { show(v); if (v.status !== 'running') list.reload(); });
  })();

  return {
    destroy() {
      destroyed = true;
      unwatch?.();
      offSession();
      results.destroy();
      analysisView?.unmount();
    },
  };
}
