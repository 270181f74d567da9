// The reply's two readings of coverage and of completion, side by side, each with its base (issue 14, docs/DATA.md):
// 96.2 % of the 2021 list beside 92.0 % of the 2022 list; 90.2 % of the projects' plan beside 91.3 % of the target.
import { h, setText } from '../dom.js';
import { t, getLang } from '../i18n.js';
import { pct, money, month } from '../format.js';
import '../strings/records.js';

/** 亿元 at the reply's precision (one decimal, none when whole): "151.8亿元", "137亿元"; English as elsewhere. */
function yi(yuan) {
  if (getLang() === 'en') return money(yuan);
  if (Math.abs(Number(yuan) || 0) < 1e8) return money(yuan).replace(' ', '');   // a small county's sums in 万元
  const v = Math.round((Number(yuan) || 0) / 1e7) / 10;
  return (Number.isInteger(v) ? String(v) : v.toFixed(1)) + '亿元';
}

function reading(testid, labelKey, basisKey) {
  const r = {
    value: h('span', { class: 'mid', 'data-testid': testid }),
    line: h('div', { class: 'muted small' }),
  };
  r.el = h('div', { class: 'reading' },
    h('dt', null, t(labelKey), ' · ', t(basisKey)),
    h('dd', null, r.value, r.line));
  return r;
}

export function replyReadings(prefix) {
  const prior = reading(`${prefix}-coverage-prior-list`, 'readings.coverage', 'readings.basis.prior');
  const current = reading(`${prefix}-coverage-current-list`, 'readings.coverage', 'readings.basis.current');
  const ofPlan = reading(`${prefix}-completion-of-plan`, 'readings.completion', 'readings.basis.plan');
  const ofTarget = reading(`${prefix}-completion-of-target`, 'readings.completion', 'readings.basis.target');
  const el = h('section', { class: 'card kpi reply-readings', 'aria-labelledby': `h-${prefix}-readings`, 'data-testid': `${prefix}-readings` },
    h('header', { class: 'card-head' }, h('h2', { id: `h-${prefix}-readings` }, t('readings.title')),
      h('span', { class: 'muted small' }, t('readings.caption'))),
    h('dl', { class: 'stat-grid', style: 'grid-template-columns: repeat(auto-fit, minmax(16em, 1fr))' },
      prior.el, current.el, ofPlan.el, ofTarget.el));

  function update(s) {
    const e = s?.enterprises;
    const c = s?.completion;
    if (!e || !c) { el.hidden = true; return; }
    el.hidden = false;
    const p = e.priorList || { year: (s.programmeYear || 0) - 1, aboveScale: 0, covered: 0, coverage: 0 };
    setText(prior.value, pct(p.coverage));
    setText(prior.line, t('readings.coverage.prior', { year: p.year, n: p.aboveScale, covered: p.covered }));
    setText(current.value, pct(e.coverage));
    setText(current.line, t('readings.coverage.current', { year: e.listYear || s.programmeYear, n: e.aboveScale, newly: e.newlyAboveScale ?? 0, left: e.uncovered }));
    const months = Number(String(s.reportingMonth || '').split('-')[1]) || 0;
    setText(ofPlan.value, pct(c.ofPlan));
    setText(ofPlan.line, t('readings.completion.plan', {
      n: s.projects?.thisYear ?? 0, plan: yi(c.plan), done: yi(c.completed), months, monthName: month(s.reportingMonth),
    }));
    setText(ofTarget.value, pct(c.ofTarget));
    setText(ofTarget.line, t('readings.completion.target', { target: yi(c.target) }));
  }

  return { el, update };
}
