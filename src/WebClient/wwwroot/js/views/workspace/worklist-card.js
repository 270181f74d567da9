// The county worklist (工作清单): the first card of a county's workspace — what the county has to do next, each item a link
// to the form that resolves it; re-read whenever the county board changes, so items leave as they are resolved.
import { h, setText } from '../../dom.js';
import { t, getLang } from '../../i18n.js';
import { request } from '../../api.js';
import { card } from './card.js';
import '../../strings/records.js';

const KINDS = ['unreported', 'uncovered-firm', 'behind-plan', 'application-review'];
const ws = (id, q) => `#/workspace/enterprise/${encodeURIComponent(id)}?${new URLSearchParams(q)}`;

function wan(yuan) {
  const v = Number(yuan || 0) / 1e4;
  return v.toLocaleString(getLang() === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 1 }) + ' ' + t('wl.wan');
}

function item(i) {
  const firm = i.enterpriseName;
  let href; let text;
  if (i.kind === 'unreported') {
    // Resolved by the month's scheduling report (月调度), not by the investment alone.
    href = ws(i.enterpriseId, { form: 'schedule', project: i.projectId, month: i.month });
    text = t('wl.unreported.item', { firm, project: i.projectName, month: i.month });
  } else if (i.kind === 'uncovered-firm') {
    href = ws(i.enterpriseId, { form: 'add-project' });
    text = t('wl.uncovered.item', { firm, plan: t('wl.plan.' + i.planStatus) });
  } else if (i.kind === 'behind-plan') {
    href = ws(i.enterpriseId, { form: 'progress', project: i.projectId, month: i.month });
    text = t('wl.behind.item', { firm, project: i.projectName, invested: wan(i.invested), expected: wan(i.expected) });
  } else {
    href = `#/batches/${encodeURIComponent(i.batchId)}?tab=${encodeURIComponent(i.stage)}`;
    text = t('wl.review.item', { firm, project: i.projectName, batch: i.batchName, stage: t('wl.stage.' + i.stage) });
  }
  return h('li', { class: 'wl-item', 'data-kind': i.kind }, h('a', { href, 'data-testid': 'wl-link' }, text));
}

/** worklistCard(countyId) → { el, load(), refresh() } */
export function worklistCard(countyId) {
  const body = h('div', { class: 'wl-body', 'aria-live': 'polite' });
  const summary = h('p', { class: 'muted small', 'data-testid': 'wl-summary' });
  const el = card('h-ws-worklist', t('wl.title'), summary, body);
  el.dataset.testid = 'worklist';
  let seq = 0;

  async function load() {
    const my = ++seq;
    try {
      const list = (await request('GET', `/api/counties/${encodeURIComponent(countyId)}/worklist`)).data;
      if (my !== seq) return;
      const total = list.items.length;
      setText(summary, total === 0 ? t('wl.empty') : t('wl.summary', { n: total, due: list.dueDate, month: list.month }));
      body.replaceChildren(...KINDS.filter((k) => list.counts[k] > 0).map((k) => {
        const mine = list.items.filter((i) => i.kind === k);
        const head = k === 'unreported' ? t('wl.unreported', { n: mine.length, due: list.dueDate }) : t('wl.' + k, { n: mine.length });
        return h('details', { class: 'wl-group', open: k === 'unreported' || k === 'application-review' ? true : undefined, 'data-kind': k },
          h('summary', null, head), h('ul', { class: 'wl-list' }, mine.map(item)));
      }));
    } catch {
      if (my === seq) setText(summary, t('wl.error'));
    }
  }
  return { el, load, refresh: load };
}
