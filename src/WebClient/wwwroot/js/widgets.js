// Shared pieces of the city and county boards: KPI cards, status dots, progress bars.
import { h, setText, setAttr, flash } from './dom.js';
import { t, paren, comma, countyName, getLang } from './i18n.js';

const getLangSig = () => '|' + getLang();
import { money, moneyParts, count, pct, pctValue, ratio, month } from './format.js';

export const STATUS_KEYS = ['coverage', 'projectsThisYear', 'completedThisYear', 'cloud', 'digital', 'certifications'];

/** Translate a template, putting DOM nodes in place of {placeholders}. */
export function tNodes(key, nodes) {
  const text = t(key);
  const out = [];
  let last = 0;
  text.replace(/\{(\w+)\}/g, (m, k, offset) => {
    if (offset > last) out.push(text.slice(last, offset));
    out.push(nodes[k] ?? m);
    last = offset + m.length;
    return m;
  });
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/**
 * A status mark with an accessible name. Colour is never the only signal: each status has its own shape and glyph
 * (on pace: circle ✓; at risk: diamond !; behind: square ✕; unknown: –), in a colour-blind-safe palette.
 */
export function ragDot(status, label) {
  const el = h('span', { class: 'rag', role: 'img' });
  updateRag(el, status, label);
  return el;
}

const GLYPHS = { green: '✓', amber: '!', red: '✕', unknown: '–' };

export function updateRag(el, status, label) {
  const s = ['green', 'amber', 'red'].includes(status) ? status : 'unknown';
  const text = (label ? label + '：' : '') + t('rag.' + s);
  const cls = 'rag rag-' + s;
  if (el.className !== cls) {
    el.className = cls;
    el.textContent = GLYPHS[s];
  }
  setAttr(el, 'aria-label', text);
  setAttr(el, 'title', text);
  setAttr(el, 'data-status', s);
}

/** A horizontal progress bar, with optional marks (e.g. calendar progress). */
export function progressBar(ref, { marks = [] } = {}) {
  return h('div', { class: 'bar', 'data-ref': ref, role: 'presentation' },
    h('div', { class: 'bar-fill' }),
    marks.map((m) => h('div', { class: 'bar-mark ' + (m.class || ''), 'data-mark': m.name },
      m.label ? h('span', { class: 'bar-mark-label' }) : null)));
}

export function setBar(bar, share, status) {
  if (!bar) return;
  const w = Math.max(0, Math.min(1, Number(share) || 0)) * 100;
  const fill = bar.querySelector('.bar-fill');
  fill.style.width = w.toFixed(2) + '%';
  fill.className = 'bar-fill' + (status ? ' fill-' + status : '');
  if (share > 1) bar.classList.add('over'); else bar.classList.remove('over');
}

export function setMark(bar, name, share, label) {
  const mark = bar?.querySelector(`[data-mark="${name}"]`);
  if (!mark) return;
  const w = Math.max(0, Math.min(1, Number(share) || 0)) * 100;
  mark.style.left = w.toFixed(2) + '%';
  const l = mark.querySelector('.bar-mark-label');
  if (l && label !== undefined) setText(l, label);
}

/** Money as <span class=num> + unit spans, for big figures. */
export function moneyBig(attrs) {
  return h('span', { class: 'money', ...attrs },
    h('span', { class: 'unit pre' }), h('span', { class: 'num' }), h('span', { class: 'unit' }));
}

export function setMoneyBig(el, yuan) {
  if (!el) return;
  const p = moneyParts(yuan);
  // Real spaces (not margins), so the element's text reads "137.00 亿元" / "CNY 13.70 bn".
  setText(el.querySelector('.pre'), p.pre ? p.pre + ' ' : '');
  setText(el.querySelector('.num'), p.num);
  setText(el.querySelector('.unit:not(.pre)'), ' ' + p.unit);
  setAttr(el, 'data-value', String(yuan));
  setAttr(el, 'aria-label', money(yuan));
}

function card(cls, titleKey, ...body) {
  const id = 'h-' + cls + '-' + Math.random().toString(36).slice(2, 7);
  return h('section', { class: 'card ' + cls, 'aria-labelledby': id },
    h('header', { class: 'card-head' }, h('h2', { id }, t(titleKey)), h('span', { class: 'card-head-extra', 'data-ref': cls + '-extra' })),
    ...body);
}

/**
 * The KPI cards shared by the city and county boards.
 * prefix: "city" or "county" — used for data-testid hooks.
 * Returns {cards: {coverage, projects, investment, goals, fund, ops}, update(snapshot)}.
 */
export function boardKpis(prefix) {
  const r = {};
  const ref = (name, el) => { r[name] = el; return el; };

  const coverage = card('kpi kpi-coverage', 'kpi.coverage',
    h('div', { class: 'kpi-row' },
      ref('covPct', h('span', { class: 'big' })),
      h('span', { class: 'kpi-fraction' },
        ref('covered', h('span', { class: 'strong', 'data-testid': `${prefix}-covered` })),
        h('span', { class: 'sep' }, ' / '),
        ref('aboveScale', h('span', { 'data-testid': `${prefix}-above-scale` })),
        h('span', { class: 'unit' }, ' ' + t('unit.firms')))),
    ref('covBar', progressBar('covBar', { marks: [{ name: 'target', class: 'mark-target' }] })),
    h('p', { class: 'callout callout-split' },
      ref('covToGo', h('span', null, ...tNodes('kpi.coverage.toGo', { n: ref('covToGoN', h('b', { class: 'hl', 'data-testid': `${prefix}-uncovered` })) }))),
      ref('covDone', h('b', { class: 'ok', hidden: true }, t('kpi.coverage.done'))),
      ref('covTarget', h('span', { class: 'muted small' }))),
    ref('covSpread', h('div', { class: 'spread', hidden: true },
      h('div', { class: 'muted small' }, t('kpi.coverage.spread')),
      ref('covSpreadList', h('ol', { class: 'spread-list' })))));
  r.covStatus = ragDot('unknown');
  coverage.querySelector('.card-head-extra').append(r.covStatus);

  const projects = card('kpi kpi-projects', 'kpi.projects',
    h('div', { class: 'kpi-row' },
      ref('projThisYear', h('span', { class: 'big', 'data-testid': `${prefix}-projects-this-year` })),
      h('span', { class: 'kpi-fraction' }, ref('projTarget', h('span')))),
    ref('projBar', progressBar('projBar', { marks: [{ name: 'target', class: 'mark-target' }] })),
    ref('projPct', h('p', { class: 'callout' })),
    h('div', { class: 'kinds' },
      ref('projKindsLabel', h('div', { class: 'muted small kinds-label' })),
      h('ul', { class: 'kind-list' },
        ['intelligent', 'green', 'technical'].map((k) => h('li', { class: 'kind kind-' + k },
          h('span', { class: 'kind-name' }, t('kind.' + k)), ref('kind_' + k, h('span', { class: 'kind-n' })))),
        h('li', { class: 'kind kind-done', title: t('kpi.projects.completedLong') }, h('span', { class: 'kind-name' }, t('kpi.projects.completed')),
          ref('projCompleted', h('span', { class: 'kind-n' }))))));
  r.projStatus = ragDot('unknown');
  projects.querySelector('.card-head-extra').append(r.projStatus);

  const investment = card('kpi kpi-investment', 'kpi.investment',
    h('div', { class: 'kpi-row' },
      ref('invCompleted', moneyBig({ class: 'money big', 'data-testid': `${prefix}-completed-this-year` })),
      h('span', { class: 'kpi-fraction' }, ref('invTarget', h('span')))),
    ref('invBar', progressBar('invBar', { marks: [{ name: 'calendar', class: 'mark-calendar', label: true }] })),
    ref('invCallout', h('p', { class: 'callout' })),
    h('dl', { class: 'facts' },
      h('div', null, h('dt', null, t('kpi.investment.planned')), ref('invPlanned', h('dd'))),
      h('div', null, h('dt', null, t('kpi.investment.thisYearTotal')), ref('invThisYearTotal', h('dd'))),
      h('div', null, h('dt', null, t('kpi.investment.toDate')), ref('invToDate', h('dd')))));
  r.invStatus = ragDot('unknown');
  investment.querySelector('.card-head-extra').append(r.invStatus);

  const goalRow = (key, name) => h('li', { class: 'goal' },
    h('div', { class: 'goal-head' },
      ref(name + 'Rag', ragDot('unknown')),
      h('span', { class: 'goal-name' }, t(key)),
      h('span', { class: 'goal-fig' }, ref(name + 'N', h('span', { class: 'strong' })), ' / ', ref(name + 'T', h('span')))),
    ref(name + 'Bar', progressBar(name + 'Bar')),
    ref(name + 'Sub', h('div', { class: 'muted small' })));
  const goals = card('kpi kpi-goals', 'goals.title',
    h('ul', { class: 'goal-list' },
      goalRow('goal.cloud', 'cloud'), goalRow('goal.digital', 'digital'),
      goalRow('goal.smart', 'smart'), goalRow('goal.green', 'green')));

  const fund = card('kpi kpi-fund', 'fund.title',
    h('dl', { class: 'stat-grid fund-grid' },
      h('div', null, h('dt', null, t('fund.awarded')), h('dd', null, ref('fundAwarded', moneyBig({ class: 'money mid' })))),
      h('div', null, h('dt', null, t('fund.disbursed')), h('dd', null, ref('fundDisbursed', moneyBig({ class: 'money mid' }))))),
    ref('fundBar', progressBar('fundBar')),
    h('p', { class: 'fund-line' },
      h('span', null, ...tNodes('fund.projectsLine', { n: ref('fundProjects', h('b', { class: 'hl' })) })),
      h('span', { class: 'muted' }, ' · '),
      ref('fundRate', h('span'))));

  const opsItem = (key, name, cls) => h('div', { class: 'ops ' + cls }, h('dt', null, t(key)), h('dd', null, ref(name, h('span', { class: 'mid' }))));
  const ops = card('kpi kpi-ops', 'ops.title',
    h('dl', { class: 'stat-grid ops-grid' },
      opsItem('ops.halted', 'opsHalted', 'ops-red'),
      opsItem('ops.semiHalted', 'opsSemi', 'ops-amber'),
      opsItem('ops.revived', 'opsRevived', 'ops-green')),
    h('dl', { class: 'stat-grid below-grid' },
      opsItem('ops.belowScale', 'belowEnt', ''),
      opsItem('ops.belowScaleProjects', 'belowProj', '')));

  function update(s) {
    if (!s) return;
    const st = s.status || {};
    const e = s.enterprises || {};
    const tg = s.targets || {};
    // Coverage
    setText(r.covPct, pct(e.coverage));
    setText(r.covered, String(e.covered ?? '—'));
    setText(r.aboveScale, String(e.aboveScale ?? '—'));
    setBar(r.covBar, e.coverage, st.coverage);
    setMark(r.covBar, 'target', tg.coverage ?? 1);
    setText(r.covToGoN, count(e.uncovered));
    r.covToGo.hidden = !(e.uncovered > 0);
    r.covDone.hidden = e.uncovered > 0;
    setText(r.covTarget, t('kpi.coverage.target', { by: month(tg.fullCoverageBy) }));
    updateRag(r.covStatus, st.coverage, t('statusLong.coverage'));

    // Projects
    const p = s.projects || {};
    setText(r.projThisYear, String(p.thisYear ?? '—'));
    setText(r.projTarget, t('kpi.projects.target', { n: count(tg.projectsThisYear) }));
    const projShare = ratio(p.thisYear, tg.projectsThisYear);
    setBar(r.projBar, projShare, st.projectsThisYear);
    setMark(r.projBar, 'target', 1);
    setText(r.projPct, t('kpi.projects.ofTarget', { p: pct(projShare) }));
    setText(r.projKindsLabel, t('kpi.projects.kinds', { n: count(p.count) }));
    for (const k of ['intelligent', 'green', 'technical']) setText(r['kind_' + k], count(p[k]));
    setText(r.projCompleted, count(p.completedThisYear));
    updateRag(r.projStatus, st.projectsThisYear, t('statusLong.projectsThisYear'));

    // Investment vs target and vs calendar progress
    const inv = s.investment || {};
    setMoneyBig(r.invCompleted, inv.completedThisYear);
    setText(r.invTarget, t('kpi.investment.target', { v: money(tg.completedThisYear) }));
    const invShare = ratio(inv.completedThisYear, tg.completedThisYear);
    const cal = Number(s.calendarProgress) || 0;
    setBar(r.invBar, invShare, st.completedThisYear);
    setMark(r.invBar, 'calendar', cal, t('kpi.investment.calendarMark', { p: pct(cal) }));
    const diff = Math.round((pctValue(invShare) - pctValue(cal)) * 10) / 10;
    const pace = diff > 0 ? 'ahead' : diff < 0 ? 'behind' : 'level';
    r.invCallout.replaceChildren(
      ...tNodes('kpi.investment.ofTarget', { p: h('b', { class: 'hl' }, pct(invShare)) }),
      comma(),
      ...(pace === 'level' ? [t('kpi.investment.level')]
        : tNodes('kpi.investment.' + pace, { d: h('b', { class: pace === 'ahead' ? 'ok' : 'bad' }, Math.abs(diff).toFixed(1)) })));
    r.invCallout.dataset.pace = pace;
    setText(r.invPlanned, money(inv.plannedThisYear));
    setText(r.invThisYearTotal, money(inv.thisYearTotal) + paren(t('kpi.investment.thisYearTarget', { v: money(tg.investmentThisYear) })));
    setText(r.invToDate, `${money(inv.completed)} / ${money(inv.total)}`);
    updateRag(r.invStatus, st.completedThisYear, t('statusLong.completedThisYear'));

    // Annual goals
    const cloud = s.cloud || {};
    const digital = s.digital || {};
    const certs = s.certifications || {};
    const goal = (name, n, target, status, labelKey, sub) => {
      // A row whose own target is met reads green even when its group's status (e.g. certifications) does not.
      const rowStatus = target > 0 && n >= target ? 'green' : status;
      setText(r[name + 'N'], count(n));
      setText(r[name + 'T'], count(target));
      setBar(r[name + 'Bar'], ratio(n, target), rowStatus);
      updateRag(r[name + 'Rag'], rowStatus, t(labelKey));
      setText(r[name + 'Sub'], sub);
    };
    goal('cloud', cloud.thisYear, cloud.target ?? tg.cloudIndustrial, st.cloud, 'goal.cloud', t('goal.total', { n: count(cloud.total) }));
    goal('digital', digital.thisYear, digital.target ?? tg.digitalAboveScale, st.digital, 'goal.digital', t('goal.total', { n: count(digital.total) }));
    goal('smart', certs.smartThisYear, certs.smartTarget ?? tg.smartCertifications, st.certifications, 'goal.smart', '');
    goal('green', certs.greenThisYear, certs.greenTarget ?? tg.greenCertifications, st.certifications, 'goal.green', t('goal.certTotal', { n: count(certs.total) }));

    // Fund
    const f = s.fund || {};
    setMoneyBig(r.fundAwarded, f.awarded);
    setMoneyBig(r.fundDisbursed, f.disbursed);
    setText(r.fundProjects, count(f.projects));
    const rate = ratio(f.disbursed, f.awarded);
    setBar(r.fundBar, rate, 'info');
    setText(r.fundRate, t('fund.rate', { p: pct(rate) }));

    // Operations and below-scale
    const o = s.operating || {};
    const b = s.belowScale || {};
    setText(r.opsHalted, count(o.halted));
    setText(r.opsSemi, count(o.semiHalted));
    setText(r.opsRevived, count(o.revived));
    setText(r.belowEnt, count(b.enterprises));
    setText(r.belowProj, count(b.projects));
  }

  /** City only: where the uncovered above-scale firms are, by county. */
  function setSpread(counties) {
    if (!Array.isArray(counties) || counties.length === 0) { r.covSpread.hidden = true; return; }
    const list = [...counties].filter((c) => c.uncovered > 0).sort((a, b) => b.uncovered - a.uncovered || String(a.id).localeCompare(String(b.id)));
    r.covSpread.hidden = list.length === 0;
    const items = list.map((c) => h('li', null,
      h('a', { href: `#/county/${encodeURIComponent(c.id)}`, title: countyName(c) }, countyName(c)),
      h('b', null, count(c.uncovered))));
    // Rebuild only when the content changes.
    const sig = list.map((c) => `${c.id}:${c.uncovered}`).join(',') + getLangSig();
    if (r.covSpreadList.dataset.sig !== sig) {
      const had = r.covSpreadList.dataset.sig;
      r.covSpreadList.replaceChildren(...items);
      r.covSpreadList.dataset.sig = sig;
      if (had) flash(r.covSpreadList);
    }
  }

  return { cards: { coverage, projects, investment, goals, fund, ops }, update, setSpread, refs: r };
}



/** A row of status chips (one per target) with long labels. */
export function statusChips() {
  const items = {};
  const el = h('ul', { class: 'chips' }, STATUS_KEYS.map((k) => {
    const dot = ragDot('unknown');
    items[k] = dot;
    return h('li', { class: 'chip' }, dot, h('span', null, t('statusLong.' + k)));
  }));
  return {
    el,
    update(status) {
      for (const k of STATUS_KEYS) updateRag(items[k], status?.[k], t('statusLong.' + k));
    },
  };
}
