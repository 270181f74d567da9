// The batch's live board: headline figures, the review funnel, the budget, counties, classes and the waiting list.
// Built once, updated in place from each snapshot of scope batch:{id}.
import { h, setText } from '../../dom.js';
import { t, getLang } from '../../i18n.js';
import { money as anyUnit, wan, count, pct, score } from '../../format.js';

// Grants are counted in 万元 (as the reply states them: 10,065.72 万), so every figure of a batch compares at a glance.
const money = (yuan) => (getLang() === 'en' ? anyUnit(yuan) : wan(yuan));
import { STAGES, stageLabel, classLabel, countyLabel } from '../../grants.js';

function card(cls, title, ...body) {
  const id = 'h-' + cls + '-' + Math.random().toString(36).slice(2, 7);
  return h('section', { class: 'card ' + cls, 'aria-labelledby': id },
    h('header', { class: 'card-head' }, h('h2', { id }, title)), ...body);
}

function kpi(label, testid) {
  const value = h('span', { class: 'mid', 'data-testid': testid });
  const sub = h('span', { class: 'muted small' });
  return { el: h('div', { class: 'g-kpi' }, h('dt', null, label), h('dd', null, value, sub)), value, sub };
}

export function batchBoard() {
  const k = {
    apps: kpi(t('g.k.applications'), 'batch-applications'),
    requested: kpi(t('g.k.requested'), 'batch-requested'),
    awarded: kpi(t('g.k.awarded'), 'batch-awarded'),
    disbursed: kpi(t('g.k.disbursed'), 'batch-disbursed'),
    remaining: kpi(t('g.k.remaining'), 'batch-remaining'),
  };
  const strip = h('dl', { class: 'card g-kpis' }, Object.values(k).map((x) => x.el));

  const funnelList = h('ol', { class: 'g-funnel', 'data-testid': 'batch-funnel' });
  const funnel = card('g-funnel-card', t('g.funnel'), funnelList,
    h('p', { class: 'muted small' }, h('span', { class: 'g-sw g-sw-reached' }), ' ', t('g.funnel.reached'), '　',
      h('span', { class: 'g-sw g-sw-pending' }), ' ', t('g.funnel.pending')));

  const budgetBar = h('div', { class: 'g-stack', role: 'img' });
  const ledger = h('dl', { class: 'facts' });
  const budget = card('g-budget-card', t('g.budgetCard'), budgetBar, ledger);

  const countyBody = h('tbody');
  const countyCard = card('g-county-card', t('g.byCounty'),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('g.byCounty') }, h('table', { class: 'data-table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('g.c.county')),
        h('th', { scope: 'col', class: 'c-num' }, t('g.k.applications')),
        h('th', { scope: 'col', class: 'c-num' }, t('g.k.requested')),
        h('th', { scope: 'col', class: 'c-num' }, t('g.k.awarded')),
        h('th', { scope: 'col', class: 'c-num' }, t('g.k.disbursed')))),
      countyBody)));

  const classBody = h('tbody');
  const waitBody = h('tbody');
  const classes = card('g-class-card', t('g.byClass'),
    h('table', { class: 'data-table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('g.c.class')),
        h('th', { scope: 'col', class: 'c-num' }, t('g.k.applications')),
        h('th', { scope: 'col', class: 'c-num' }, t('g.k.requested')),
        h('th', { scope: 'col', class: 'c-num' }, t('g.k.awarded')),
        h('th', { scope: 'col', class: 'c-num' }, t('g.k.disbursed')))),
      classBody),
    h('h3', { class: 'g-sub' }, t('g.waitingList')),
    h('table', { class: 'data-table', 'data-testid': 'waiting-list' },
      h('thead', null, h('tr', null, h('th', { scope: 'col', class: 'c-num' }, t('g.rank')),
        h('th', { scope: 'col' }, t('g.c.enterprise')), h('th', { scope: 'col', class: 'c-num' }, t('g.c.score')),
        h('th', { scope: 'col', class: 'c-num' }, t('g.c.amount')))),
      waitBody));

  function update(b) {
    setText(k.apps.value, count(b.applications));
    setText(k.requested.value, money(b.requested));
    setText(k.awarded.value, money(b.awardedAmount));
    setText(k.awarded.sub, ' ' + t('g.k.awardedN', { n: count(b.awarded) }));
    setText(k.disbursed.value, money(b.disbursed));
    setText(k.disbursed.sub, b.awardedAmount ? ' ' + pct(b.disbursed / b.awardedAmount) : '');
    const l = b.ledger || {};
    setText(k.remaining.value, l.cap === null || l.cap === undefined ? t('g.k.uncapped') : money(l.remaining));
    setText(k.remaining.sub, l.cap === null || l.cap === undefined ? '' : ' / ' + money(l.cap));

    const max = Math.max(1, ...(b.funnel || []).map((f) => f.reached));
    funnelList.replaceChildren(...(b.funnel || []).map((f) => h('li', null,
      h('span', { class: 'g-funnel-name' }, stageLabel(f.stage)),
      h('span', { class: 'g-funnel-bars' },
        h('span', { class: 'g-bar g-bar-reached', style: { width: (100 * f.reached / max).toFixed(1) + '%' } }),
        h('span', { class: 'g-bar g-bar-pending', style: { width: (100 * f.pending / max).toFixed(1) + '%' } })),
      h('span', { class: 'g-funnel-n' }, `${count(f.reached)} · ${count(f.pending)}`))));

    const total = l.cap ?? Math.max(l.committed || 0, 1);
    const seg = (cls, v, label) => h('span', { class: 'g-seg ' + cls, style: { width: (100 * Math.max(0, v) / total).toFixed(2) + '%' }, title: label + ' ' + money(v) });
    budgetBar.replaceChildren(
      seg('g-seg-paid', l.disbursed || 0, t('g.k.disbursed')),
      seg('g-seg-awarded', (l.awarded || 0) - (l.disbursed || 0), t('g.k.awarded')),
      seg('g-seg-committed', (l.committed || 0) - (l.awarded || 0), t('g.k.committed')));
    budgetBar.setAttribute('aria-label', `${t('g.k.disbursed')} ${money(l.disbursed)}，${t('g.k.awarded')} ${money(l.awarded)}，${t('g.k.committed')} ${money(l.committed)}`);
    const row = (cls, label, v) => h('div', null, h('dt', null, cls ? h('span', { class: 'g-sw ' + cls }) : null, ' ', label), h('dd', null, v));
    ledger.replaceChildren(
      row('', t('g.k.budget'), l.cap === null || l.cap === undefined ? t('g.k.uncapped') : money(l.cap)),
      row('g-sw-committed', t('g.k.committed'), money(l.committed)),
      row('g-sw-awarded', t('g.k.awarded'), money(l.awarded)),
      row('g-sw-paid', t('g.k.disbursed'), money(l.disbursed)),
      row('', t('g.k.remaining'), l.cap === null || l.cap === undefined ? t('g.k.uncapped') : money(l.remaining)));

    countyBody.replaceChildren(...(b.counties || []).filter((c) => c.applications > 0).map((c) => h('tr', null,
      h('th', { scope: 'row' }, countyLabel(c.id)),
      h('td', { class: 'c-num' }, count(c.applications)),
      h('td', { class: 'c-num' }, money(c.requested)),
      h('td', { class: 'c-num' }, `${count(c.awarded)} · ${money(c.awardedAmount)}`),
      h('td', { class: 'c-num' }, money(c.disbursed)))));

    classBody.replaceChildren(...['subsidy', 'reward'].map((name) => {
      const c = b[name] || {};
      return h('tr', null, h('th', { scope: 'row' }, classLabel(name)),
        h('td', { class: 'c-num' }, count(c.applications)), h('td', { class: 'c-num' }, money(c.requested)),
        h('td', { class: 'c-num' }, `${count(c.awarded)} · ${money(c.awardedAmount)}`), h('td', { class: 'c-num' }, money(c.disbursed)));
    }));
    waitBody.replaceChildren(...((b.waitingList || []).length === 0
      ? [h('tr', null, h('td', { colspan: 4, class: 'empty' }, t('none')))]
      : b.waitingList.map((w) => h('tr', null, h('td', { class: 'c-num' }, String(w.rank)),
        h('td', null, w.enterpriseName, h('span', { class: 'sub' }, w.projectName)),
        h('td', { class: 'c-num' }, score(w.score)), h('td', { class: 'c-num' }, money(w.amount))))));
  }

  return { strip, cards: [funnel, budget, countyCard, classes], update };
}

