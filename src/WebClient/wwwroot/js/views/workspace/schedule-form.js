// The monthly scheduling report (月调度) of one project on a firm's workspace page: the month, the investment completed in
// it (万元, strict), 形象进度 in words and per cent, 存在问题 and 纳统 — checked here, confirmed in a dialog, sent as the PUT
// of that month (reporting the same month again replaces it: the write is idempotent by its address).
import { h } from '../../dom.js';
import { t, paren } from '../../i18n.js';
import { month } from '../../format.js';
import { request, routes } from '../../api.js';
import { field, formState, monthInput, setOptions, isMonth, yuanToWan, textInput, newId } from '../../forms.js';
import { parseWan, liveEcho } from '../../amount.js';
import { card } from './card.js';
import { confirmDialog, moneyFact, problemText } from './confirm.js';
import '../../strings/records.js';

const PERCENT = /^(100(\.0)?|\d{1,2}(\.\d)?)$/;
const reportable = (p) => p.entry === 'entered' && (p.status === 'underway' || p.status === 'planned');

/** scheduleForm({ id, data(), calendar(), dueDay, done(message) }) → { card, update(), prefill(projectId, month) } */
export function scheduleForm({ id, data, calendar, dueDay = 5, done }) {
  const project = field('projectId', t('sf.project'), h('select', { 'data-testid': 'sched-project' }), { aliases: ['status', 'entry'] });
  const monthF = field('month', t('sf.month'), monthInput({ 'data-testid': 'sched-month' }));
  const invested = field('invested', t('sf.invested'), textInput({ 'data-testid': 'sched-invested-wan', inputmode: 'decimal', class: 'num-input' }), { hint: ' ' });
  const progress = field('progress', t('sf.progress'), h('textarea', { rows: '2', maxlength: '500', 'data-testid': 'sched-progress' }), { hint: t('sf.progressHint'), cls: 'span-2' });
  const percent = field('progressPercent', t('sf.percent'), textInput({ 'data-testid': 'sched-percent', inputmode: 'decimal', class: 'num-input', maxlength: '5' }), { hint: '0–100' });
  const problems = field('problems', t('sf.problems'), h('textarea', { rows: '2', maxlength: '1000', 'data-testid': 'sched-problems' }), { cls: 'span-2' });
  const statsName = newId('sched-stats');
  const statsBox = h('div', { class: 'radio-row', role: 'radiogroup', tabindex: '-1', 'aria-label': t('sf.inStatistics') },
    ['true', 'false'].map((v) => h('label', { class: 'radio' },
      h('input', { type: 'radio', name: statsName, value: v, 'data-testid': 'sched-stats-' + (v === 'true' ? 'yes' : 'no') }), ' ', t(v === 'true' ? 'yes' : 'no'))));
  const stats = { name: 'inStatistics', control: statsBox, slot: h('div', { class: 'field-errors' }), aliases: [] };
  stats.el = h('fieldset', { class: 'ff fieldset', 'data-field': 'inStatistics' }, h('legend', null, t('sf.inStatistics')), statsBox, stats.slot);
  const current = h('p', { class: 'field-hint current-amount span-all', 'data-testid': 'sched-current', 'aria-live': 'polite' });
  const none = h('p', { class: 'form-note span-all', hidden: true }, t('sf.none'));
  const fields = [project, monthF, invested, percent, stats, progress, problems];
  const button = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'sched-submit' }, t('sf.submit'));
  const form = h('form', { class: 'form form-grid form-grid-4', novalidate: true, 'data-testid': 'sched-form' },
    none, ...fields.map((f) => f.el), current, h('div', { class: 'form-actions span-all' }, button));
  const state = formState(form, fields);
  const echo = liveEcho(invested.control, t('sf.invested'), invested.hint, { emptyText: t('wse.a.wanHint') });
  const c = card('h-wse-sched', t('sf.title'), h('p', { class: 'muted small' }, t('sf.intro', { day: dueDay })), form);
  c.dataset.testid = 'sched-card';
  c.classList.add('card-primary');

  const projectsOf = () => (Array.isArray(data()?.projects) ? data().projects : []);
  const selected = () => projectsOf().find((p) => p.id === project.control.value);
  const statsValue = () => statsBox.querySelector('input:checked')?.value;

  /** Fill the month's figures as held (so a second report of a month edits the first). */
  function fill() {
    const p = selected();
    const m = monthF.control.value;
    if (p) monthF.control.min = p.startMonth;
    if (!p || !isMonth(m)) { current.textContent = ''; return; }
    const money = (p.monthly || []).find((x) => x.month === m);
    const report = (p.schedule || []).find((x) => x.month === m);
    invested.control.value = money ? yuanToWan(money.amount) : '';
    progress.control.value = report?.progress ?? '';
    percent.control.value = report ? String(report.progressPercent) : '';
    problems.control.value = report?.problems ?? '';
    for (const r of statsBox.querySelectorAll('input')) r.checked = report ? r.value === String(report.inStatistics) : false;
    echo();
    const last = [...(p.schedule || [])].filter((x) => x.month < m).pop();
    const wanText = (y) => `${yuanToWan(y)} 万元`;
    current.textContent = [
      report ? t('sf.have', { m: month(m), v: wanText(money?.amount ?? 0), pct: `${report.progressPercent}%` })
        : money ? t('sf.haveMoney', { m: month(m), v: wanText(money.amount) }) : t('sf.haveNone', { m: month(m) }),
      last ? t('sf.last', { m: month(last.month), pct: `${last.progressPercent}%` }) : null,
      p.status === 'planned' ? t('sf.willStart') : null,
    ].filter(Boolean).join('；');
  }
  let dirty = false;   // typed in since the last fill: a re-read must not overwrite it
  project.control.addEventListener('change', () => { state.clear(); fill(); dirty = false; });
  monthF.control.addEventListener('change', () => { state.clear(); fill(); dirty = false; });
  for (const f of [invested, progress, percent, problems]) f.control.addEventListener('input', () => { dirty = true; });
  statsBox.addEventListener('change', () => { dirty = true; });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    state.clear();
    const p = selected();
    const m = monthF.control.value.trim();
    const errors = [];
    if (!p) errors.push(['projectId', t('srv.required')]);
    if (!isMonth(m)) errors.push(['month', m ? t('srv.month') : t('srv.required')]);
    else if (m > calendar().reportingMonth) errors.push(['month', t('srv.afterReporting', { m: month(calendar().reportingMonth) })]);
    else if (p && m < p.startMonth) errors.push(['month', t('srv.beforeStart', { m: month(p.startMonth) })]);
    const inv = parseWan(invested.control.value, t('sf.invested'), { allowZero: true });
    if (inv.empty) errors.push(['invested', t('srv.required')]); else if (inv.error) errors.push(['invested', inv.error]);
    const words = progress.control.value.trim();
    if (!words) errors.push(['progress', t('srv.required')]);
    const pctText = percent.control.value.trim().replace(/[%％]$/, '');
    if (!PERCENT.test(pctText)) errors.push(['progressPercent', pctText ? t('sf.e.percent') : t('srv.required')]);
    const inStats = statsValue();
    if (!inStats) errors.push(['inStatistics', t('sf.e.stats')]);
    if (errors.length) {
      for (const [k, msg] of errors) state.fieldError(k, msg);
      form.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    const body = {
      invested: inv.yuan, progress: words, progressPercent: Number(pctText),
      problems: problems.control.value.trim() || null, inStatistics: inStats === 'true',
    };
    state.busy(true);
    const result = await confirmDialog({
      title: t('sf.confirmTitle'), testid: 'sched-confirm',
      facts: [
        [t('sf.project'), p.name, 'confirm-project'],
        [t('sf.month'), month(m), 'confirm-month'],
        moneyFact(t('sf.invested'), body.invested, 'confirm-amount'),
        [t('sf.progress'), body.progress, 'confirm-progress'],
        [t('sf.percent'), `${body.progressPercent}%`, 'confirm-percent'],
        [t('sf.problems'), body.problems ?? '—'],
        [t('sf.inStatistics'), t(body.inStatistics ? 'yes' : 'no'), 'confirm-stats'],
        p.status === 'planned' && body.invested > 0 ? [t('pa.after'), t('sf.confirmStart')] : null,
      ],
      confirmLabel: t('g.d.confirm'),
      fieldNames: fields.flatMap((f) => [f.name, ...(f.aliases || [])]),
      onFieldErrors: (err) => state.show(err, {}, problemText),
      run: async () => (await request('PUT', routes.progress(id, p.id, m), { json: body })).data ?? {},
    });
    state.busy(false);
    if (!result) return;
    dirty = false;
    await done(result.changed === false ? t('sf.same', { p: p.name, m: month(m) }) : t('sf.done', { p: p.name, m: month(m) }));
  });

  return {
    card: c,
    update() {
      const opts = [...projectsOf()].filter((p) => p.status !== 'cancelled')
        .sort((a, b) => Number(reportable(b)) - Number(reportable(a)) || String(a.id).localeCompare(String(b.id), undefined, { numeric: true }))
        .map((p) => [p.id, `${p.name}${paren(p.entry !== 'entered' ? t('sf.notEntered') : t('pStatus.' + p.status))}`, reportable(p) ? null : { disabled: true }]);
      const before = project.control.value;
      const keep = before || opts.find((o) => !o[2])?.[0] || '';
      setOptions(project.control, [['', t('ws.choose'), { disabled: true }], ...opts], keep);
      const usable = opts.some((o) => !o[2]);
      none.hidden = usable;
      button.disabled = !usable;
      monthF.control.max = calendar().reportingMonth;
      if (!monthF.control.value) monthF.control.value = calendar().reportingMonth;
      // A re-read (a push, this form's own write) fills the month again only when nothing typed would be lost.
      if (project.control.value !== before || !dirty) fill();
    },
    prefill(projectId, m) {
      project.control.value = projectId;
      if (m) monthF.control.value = m;
      state.clear();
      fill();
      dirty = false;
      c.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
      invested.control.focus();
    },
  };
}
