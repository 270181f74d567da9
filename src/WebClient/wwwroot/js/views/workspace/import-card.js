// The safe monthly report (月报导入): download the pre-filled template, upload it, check every change old → new,
// tick the rows to apply (rows that zero a reported month or jump need their own tick), apply them all or none.
import { h } from '../../dom.js';
import { t, countyName } from '../../i18n.js';
import { count, month, pct } from '../../format.js';
import { ApiError, request, download, routes, loadCalendar, counties } from '../../api.js';
import { isCity } from '../../session.js';
import { field, formState, submit, toast, explain, errorText } from '../../forms.js';
import { card } from './card.js';
import '../../strings/import.js';

const MAX_UPLOAD = 10 * 1024 * 1024;

/** 万元 with two decimals, as the template writes them ("1,091.71"). */
function wan(yuan) {
  return (Number(yuan) / 1e4).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 6 });
}

function countyText(id) {
  const c = counties().find((x) => x.id === id);
  return c ? countyName(c) : id;
}

function problemText(message) {
  const m = /^the enterprise belongs to (\S+), not to your county (\S+)$/.exec(String(message || ''));
  if (m) return t('mr.otherCounty', { a: countyText(m[1]), b: countyText(m[2]) });
  return explain(message);
}

function flagText(flag, c) {
  if (flag === 'jump-up') return t('mr.flag.jump-up', { x: (Number(c.after) / Number(c.before)).toFixed(1) });
  if (flag === 'jump-down') return t('mr.flag.jump-down', { p: pct(Number(c.after) / Number(c.before)) });
  return t('mr.flag.' + flag);
}

export function importCard(countyId, onApplied) {
  // The browser's own file button speaks the browser's language; ours follows the page's.
  const fileInput = h('input', { type: 'file', accept: '.csv,.xlsx', class: 'file-native', 'data-testid': 'import-file' });
  const file = field('file', t('imp.file'), fileInput, { hint: t('imp.fileHint') });
  const fileName = h('span', { class: 'file-name muted' }, t('imp.noFile'));
  const fileRow = h('div', { class: 'file-row' });
  file.el.replaceChild(fileRow, fileInput);
  fileRow.append(fileInput, h('label', { for: fileInput.id, class: 'btn file-pick', 'aria-hidden': 'true' }, t('imp.choose')), fileName);
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    fileName.textContent = f ? `${f.name} · ${(f.size / 1024).toFixed(f.size < 10240 ? 1 : 0)} KB` : t('imp.noFile');
    fileName.classList.toggle('muted', !f);
    state.clear();
  });
  const upload = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'import-upload' }, t('imp.upload'));
  const form = h('form', { class: 'form', novalidate: true }, file.el, h('div', { class: 'form-actions' }, upload));
  const state = formState(form, [file]);
  const result = h('div', { class: 'import-result', 'data-testid': 'import-result', 'aria-live': 'polite' });

  const tplButton = (fmt) => h('button', {
    type: 'button', class: 'btn', 'data-testid': 'import-template-' + fmt,
    onclick: async (e) => {
      const b = e.currentTarget;
      b.disabled = true;
      try {
        await download(routes.importTemplate(fmt, isCity() ? countyId : null), `template-${countyId}.${fmt}`);
      } catch (err) {
        toast(errorText(err), 'error');
      } finally { b.disabled = false; }
    },
  }, t('imp.template', { fmt: fmt.toUpperCase() }));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    state.clear();
    const f = fileInput.files?.[0];
    if (!f) { state.fieldError('file', t('imp.pick')); return; }
    if (!/\.(csv|xlsx)$/i.test(f.name)) { state.fieldError('file', t('srv.fileType')); return; }
    if (f.size > MAX_UPLOAD) { state.fieldError('file', t('err.413')); return; }
    if (f.size === 0) { state.fieldError('file', t('imp.emptyFile')); return; }
    const data = new FormData();
    data.append('file', f, f.name);
    result.replaceChildren(h('p', { class: 'muted' }, t('imp.checking')));
    const res = await submit(state, () => request('POST', routes.imports(), { form: data }));
    if (!res) { result.replaceChildren(); return; }
    preview(res.data);
  });

  function statusBadge(status) {
    return h('span', { class: 'badge imp-' + status, 'data-testid': 'import-status', 'data-status': status }, t('imp.status.' + status));
  }

  function problemsTable(problems) {
    if (!problems?.length) return null;
    return h('div', { class: 'table-wrap problems-wrap' }, h('table', { class: 'data-table problems', 'data-testid': 'import-problems' },
      h('caption', { class: 'caption' }, t('imp.problems', { n: count(problems.length) })),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col', class: 'c-num' }, t('imp.row')), h('th', { scope: 'col' }, t('imp.column')), h('th', { scope: 'col' }, t('imp.problem')))),
      h('tbody', null, [...problems].sort((a, b) => a.row - b.row).map((p) => h('tr', { 'data-row': p.row, 'data-column': p.column },
        h('td', { class: 'c-num' }, p.row ? String(p.row) : '—'),
        h('td', null, p.column || '—'),
        h('td', null, problemText(p.message)))))));
  }

  function stats(s) {
    const stat = (label, value, testid) => h('div', null, h('dt', null, label), h('dd', { class: 'mid', 'data-testid': testid }, count(value)));
    return h('dl', { class: 'stat-grid imp-stats' },
      stat(t('imp.rows'), s.rows),
      stat(t('imp.changing'), s.changing, 'import-changing'),
      stat(t('mr.flagged'), s.flagged ?? 0, 'import-flagged'),
      stat(t('imp.unchanged'), s.unchanged, 'import-unchanged'),
      stat(t('mr.blank'), s.blank ?? 0, 'import-blank'),
      stat(t('imp.enterprises'), s.enterprises));
  }

  /** Every change, old → new; while previewed each row has its tick (flagged rows start unticked). */
  function changesTable(s, ticks) {
    const changes = s.changes || [];
    if (changes.length === 0) return null;
    const done = s.status === 'applied';
    const rows = changes.map((c) => {
      const flagged = (c.flags || []).length > 0;
      const delta = Number(c.after) - Number(c.before);
      let tick = null;
      if (!done) {
        const box = h('input', {
          type: 'checkbox', 'data-testid': 'import-tick', 'data-row': c.row,
          'aria-label': `${t(flagged ? 'mr.confirmRow' : 'mr.applyRow')} ${t('mr.c.row')} ${c.row}`,
        });
        box.checked = !flagged;
        ticks.set(c.row, box);
        tick = h('label', { class: 'tick' + (flagged ? ' tick-confirm' : '') }, box, flagged ? h('span', { class: 'small' }, t('mr.confirmRow')) : null);
      }
      return h('tr', {
        'data-testid': 'import-change', 'data-row': c.row, 'data-flagged': flagged ? 'true' : 'false',
        class: flagged ? 'row-flagged' : null,
      },
      h('td', null, done ? h('span', { class: 'badge ' + (c.applied ? 'imp-applied' : 'imp-failed') }, t(c.applied ? 'mr.rowApplied' : 'mr.rowSkipped')) : tick),
      h('td', { class: 'c-num' }, String(c.row)),
      h('td', null, c.enterpriseName),
      h('td', null, c.projectName),
      h('td', { class: 'nowrap' }, month(c.month)),
      h('td', { class: 'c-num', 'data-testid': 'import-before' }, Number(c.before) === 0 ? h('span', { class: 'muted' }, t('mr.notReported')) : wan(c.before)),
      h('td', { class: 'c-num strong', 'data-testid': 'import-after' }, wan(c.after)),
      h('td', { class: 'c-num ' + (delta < 0 ? 'neg' : 'pos') }, (delta > 0 ? '+' : '') + wan(delta)),
      h('td', { class: 'imp-flags' }, (c.flags || []).map((f) => h('span', { class: 'badge flag-badge', 'data-flag': f }, '⚠ ' + flagText(f, c)))));
    });
    return h('div', { class: 'table-wrap changes-wrap' }, h('table', { class: 'data-table import-changes', 'data-testid': 'import-changes' },
      h('caption', { class: 'caption' }, t('mr.changes')),
      h('thead', null, h('tr', null, ['mr.c.apply', 'mr.c.row', 'mr.c.firm', 'mr.c.project', 'mr.c.month', 'mr.c.before', 'mr.c.after', 'mr.c.delta', 'mr.c.note']
        .map((k, i) => h('th', { scope: 'col', class: i >= 5 && i <= 7 ? 'c-num' : (i === 1 ? 'c-num' : null) }, t(k))))),
      h('tbody', null, rows)));
  }

  function preview(s) {
    const head = h('div', { class: 'imp-head' }, h('span', { class: 'imp-file', title: s.fileName }, s.fileName), statusBadge(s.status));
    const body = [head, stats(s)];
    if (s.status === 'previewed') {
      const ticks = new Map();
      const table = changesTable(s, ticks);
      const apply = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'import-apply' });
      const discard = h('button', { type: 'button', class: 'btn', onclick: () => { result.replaceChildren(); clearFile(); } }, t('imp.discard'));
      const all = h('button', { type: 'button', class: 'btn btn-small', onclick: () => { for (const [row, box] of ticks) box.checked = !flagged(row); sync(); } }, t('mr.selectAll'));
      const none = h('button', { type: 'button', class: 'btn btn-small', onclick: () => { for (const box of ticks.values()) box.checked = false; sync(); } }, t('mr.selectNone'));
      const applyState = formState(h('div'), [], { general: h('div', { class: 'form-general' }) });
      const flagged = (row) => (s.changes.find((c) => c.row === row)?.flags || []).length > 0;
      const chosen = () => [...ticks].filter(([, box]) => box.checked).map(([row]) => row);
      function sync() {
        const n = chosen().length;
        apply.textContent = n > 0 ? t('mr.apply', { n: count(n) }) : t('mr.applyNone');
        apply.disabled = n === 0;
      }
      for (const box of ticks.values()) box.addEventListener('change', sync);
      sync();
      apply.addEventListener('click', async () => {
        const rows = chosen();
        if (rows.length === 0) return;
        apply.disabled = true; discard.disabled = true;
        applyState.clear();
        try {
          const res = await request('POST', routes.importApply(s.id), { json: { rows } });
          applied(res.data);
        } catch (err) {
          if (err instanceof ApiError && err.status === 422) {
            preview({ ...s, status: 'refused', problems: err.problems || s.problems });
          } else if (err instanceof ApiError && err.status === 409) {
            preview({ ...s, status: 'failed', reason: err.detail });
          } else {
            applyState.show(err);
            sync(); discard.disabled = false;
          }
        }
      });
      if (s.changing > 0) {
        body.push(h('p', { class: 'form-note' }, s.flagged > 0
          ? t('mr.previewNote', { n: count(s.changing), e: count(s.enterprises), f: count(s.flagged) })
          : t('mr.previewNoteClean', { n: count(s.changing), e: count(s.enterprises) })),
        h('div', { class: 'btn-row' }, all, none), table, applyState.general, h('div', { class: 'form-actions' }, apply, discard));
      } else {
        body.push(h('p', { class: 'form-note', 'data-testid': 'import-nothing' }, t('mr.nothing')), h('div', { class: 'form-actions' }, discard));
      }
    } else if (s.status === 'refused') {
      body.push(h('p', { class: 'form-error', 'data-testid': 'form-error', role: 'alert' }, t('imp.refused')), problemsTable(s.problems));
    } else if (s.status === 'failed') {
      body.push(h('p', { class: 'form-error', 'data-testid': 'form-error', role: 'alert' }, t('imp.failed')));
    } else if (s.status === 'applied') {
      body.push(h('p', { class: 'form-ok', 'data-testid': 'import-applied' }, t('mr.applied', { n: count(s.appliedRows ?? 0), s: count(s.skippedRows ?? 0) })),
        changesTable(s, new Map()));
    }
    result.replaceChildren(...body.filter(Boolean));
  }

  function clearFile() {
    fileInput.value = '';
    fileInput.dispatchEvent(new Event('change'));
  }

  function applied(s) {
    preview(s);
    clearFile();
    toast(t('mr.appliedToast', { n: count(s.appliedRows ?? 0) }));
    onApplied?.();
  }

  const el = card('h-ws-import', t('imp.title'),
    h('ol', { class: 'steps' },
      h('li', null, h('span', null, t('mr.step1')), h('div', { class: 'btn-row' }, tplButton('xlsx'), tplButton('csv')), h('p', { class: 'muted small tpl-hint' })),
      h('li', null, h('span', null, t('imp.step2')), form),
      h('li', null, h('span', null, t('mr.step3')))),
    result);
  el.classList.add('import-card');
  loadCalendar().then((c) => {
    const hint = el.querySelector('.tpl-hint');
    if (hint) hint.textContent = t('mr.templateHint', { m: month(c.reportingMonth) });
  });
  return { el };
}
