// The funding-batch page: the live board of one batch (SignalR scope batch:{id}), the review queue per stage with the
// decisions the signed-in role may take, applying for county agents, and the public-notice exports.
// Identity: the site's sign-in cookie if there is one, else an API token pasted into this tab (sessionStorage).

const STAGES = ['county-check', 'county-recommendation', 'equipment-verification', 'expert-recheck', 'expert-panel',
  'special-audit', 'public-notice', 'award', 'disbursement'];
const COUNTY_STAGES = new Set(['county-check', 'county-recommendation']);
const EXTRA = ['returned', 'waiting-list', 'declined', 'disbursed'];
// County names [zh, en] by id, from the server's catalogue (GET /api/counties).
const COUNTIES = {};

const T = {
  zh: {
    title: '三大改造专项资金 · 批次看板', batch: '批次', offline: '离线', live: '实时', signIn: '身份', useToken: '使用令牌', clearToken: '清除',
    tokenHelp: '未登录时，可粘贴 API 令牌（JWT）进行操作；令牌只保存在本标签页。', funnel: '评审漏斗', budget: '预算使用', byCounty: '各县市区',
    byClass: '分类', waitingList: '推荐未安排（候补名单）', queue: '评审队列', exportCsv: '导出公示名单 CSV', exportXlsx: '导出公示名单 Excel',
    noticeDays: '公示天数', publish: '发布公示', awardAll: '下达全部待下达项目', cap: '预算上限（万元，空=不封顶）', setCap: '设置预算', closeIntake: '截止申报',
    apply: '申报项目', enterpriseId: '企业编号', loadProjects: '读取项目', project: '项目', class: '类别', subsidy: '补助类', reward: '奖励类',
    result: '奖励事项', note: '说明', submit: '提交申报', create: '新建批次', batchId: '批次编号', name: '名称', from: '区间起', to: '区间止',
    rate: '补助比例（%）', perProjectCap: '单项上限（万元）', capShort: '预算上限（万元）', rewardAmounts: '奖励（万元）', createBtn: '创建',
    applications: '申报项目', requested: '申请金额', awarded: '已下达', disbursed: '已拨付', remaining: '预算余额', uncapped: '不封顶',
    committed: '已占用', waiting: '候补', reached: '到达', pending: '待办', county: '县市区', enterprise: '企业', amount: '审定金额', score: '评分',
    status: '状态', actions: '操作', approve: '通过', decline: '不予支持', returnBtn: '退回修改', object: '提出异议', disburse: '拨付', resubmit: '重新提交',
    award: '下达', noteFor: '请填写理由（将记入评审记录）', scoreFor: '专家评分（0–100）', amountFor: '审定金额（万元，留空不变）', returnTo: '退回至哪个环节？',
    payFor: '本次拨付金额（万元，留空=全部未拨付）', objector: '异议人', done: '已完成', noItems: '无', history: '评审记录', voided: '已作废',
    total: '合计', appsN: '个', readOnly: '只读（未登录）', noticeOpen: '公示中，至', noticeClosed: '公示期满', awaitingNotice: '待发布公示',
    stages: { 'county-check': '县级核查', 'county-recommendation': '县级联合推荐', 'equipment-verification': '设备核查', 'expert-recheck': '专家现场复核',
      'expert-panel': '专家评审', 'special-audit': '专项审计', 'public-notice': '公示', award: '下达', disbursement: '拨付',
      returned: '退回修改', 'waiting-list': '候补', declined: '不予支持', disbursed: '已拨付' },
    results: { 'smart-factory': '智能工厂', 'smart-workshop': '智能车间', 'green-factory': '绿色工厂', 'smart-manufacturing-benchmark': '智能制造标杆', 'machine-replaces-labour': '机器换人' },
    batchStatus: { open: '申报中', reviewing: '评审中', disbursing: '拨付中', closed: '已结束' },
    actionsH: { applied: '申报', approved: '通过', declined: '不予支持', returned: '退回', resubmitted: '重新提交', 'wait-listed': '列入候补', funded: '安排资金', noticed: '公示', objected: '异议', awarded: '下达', disbursed: '拨付' },
  },
  en: {
    title: 'Three Transformations fund · funding batches', batch: 'Batch', offline: 'offline', live: 'live', signIn: 'Identity', useToken: 'Use token', clearToken: 'Clear',
    tokenHelp: 'Not signed in? Paste an API token (JWT) to act; it is kept in this tab only.', funnel: 'Review funnel', budget: 'Budget', byCounty: 'By county',
    byClass: 'By class', waitingList: 'Recommended, not funded (waiting list)', queue: 'Review queue', exportCsv: 'Notice list CSV', exportXlsx: 'Notice list Excel',
    noticeDays: 'Notice days', publish: 'Publish notice', awardAll: 'Award all waiting', cap: 'Cap (万 yuan, empty = uncapped)', setCap: 'Set budget', closeIntake: 'Close applications',
    apply: 'Apply', enterpriseId: 'Enterprise id', loadProjects: 'Load projects', project: 'Project', class: 'Class', subsidy: 'Subsidy', reward: 'Reward',
    result: 'Result', note: 'Note', submit: 'Submit', create: 'New batch', batchId: 'Batch id', name: 'Name', from: 'Window from', to: 'Window to',
    rate: 'Subsidy rate (%)', perProjectCap: 'Per-project cap (万)', capShort: 'Cap (万)', rewardAmounts: 'Rewards (万)', createBtn: 'Create',
    applications: 'Applications', requested: 'Requested', awarded: 'Awarded', disbursed: 'Disbursed', remaining: 'Remaining', uncapped: 'uncapped',
    committed: 'Committed', waiting: 'Waiting', reached: 'Reached', pending: 'Pending', county: 'County', enterprise: 'Enterprise', amount: 'Amount', score: 'Score',
    status: 'Status', actions: 'Actions', approve: 'Approve', decline: 'Decline', returnBtn: 'Return', object: 'Object', disburse: 'Pay', resubmit: 'Resubmit',
    award: 'Award', noteFor: 'Reason (kept in the history)', scoreFor: 'Panel score (0–100)', amountFor: 'Approved amount (万, empty = unchanged)', returnTo: 'Return to which stage?',
    payFor: 'Amount to pay (万, empty = all unpaid)', objector: 'Objector', done: 'Done', noItems: 'None', history: 'History', voided: 'voided',
    total: 'Total', appsN: '', readOnly: 'read-only (not signed in)', noticeOpen: 'on notice until', noticeClosed: 'notice closed', awaitingNotice: 'awaiting notice',
    stages: { 'county-check': 'County check', 'county-recommendation': 'County recommendation', 'equipment-verification': 'Equipment verification', 'expert-recheck': 'Expert re-check',
      'expert-panel': 'Expert panel', 'special-audit': 'Special audit', 'public-notice': 'Public notice', award: 'Award', disbursement: 'Disbursement',
      returned: 'Returned', 'waiting-list': 'Waiting list', declined: 'Declined', disbursed: 'Paid' },
    results: { 'smart-factory': 'Smart factory', 'smart-workshop': 'Smart workshop', 'green-factory': 'Green factory', 'smart-manufacturing-benchmark': 'Benchmark', 'machine-replaces-labour': 'Machine replaces labour' },
    batchStatus: { open: 'open', reviewing: 'reviewing', disbursing: 'disbursing', closed: 'closed' },
    actionsH: { applied: 'applied', approved: 'approved', declined: 'declined', returned: 'returned', resubmitted: 'resubmitted', 'wait-listed': 'wait-listed', funded: 'funded', noticed: 'noticed', objected: 'objection', awarded: 'awarded', disbursed: 'paid' },
  },
};

const LANG_KEY = 'threeTransformations.lang';
let lang = (() => { try { return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'; } catch { return 'zh'; } })();
const t = (k) => T[lang][k] ?? k;
const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

/** Money in 亿 or 万 (yuan in, as the API sends). */
function money(yuan) {
  if (yuan === null || yuan === undefined) return '—';
  const n = Number(yuan);
  const [v, unit] = Math.abs(n) >= 1e8 ? [n / 1e8, '亿'] : [n / 1e4, '万'];
  const text = v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return lang === 'zh' ? `${text} ${unit}元` : `¥${text} ${unit}`;
}

// ---- identity ------------------------------------------------------------------------------------------------
const auth = { role: null, county: null, name: null, csrf: null, token: null, viaCookie: false };

function decodeJwt(token) {
  try { return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))); } catch { return null; }
}

async function loadIdentity() {
  auth.token = sessionStorage.getItem('grants.token');
  Object.assign(auth, { role: null, county: null, name: null, csrf: null, viaCookie: false });
  try {
    const s = await (await fetch('/api/auth/session')).json();
    auth.csrf = s.csrfToken ?? null;
    if (s.authenticated) Object.assign(auth, { role: s.role, county: s.county ?? null, name: s.displayName ?? s.userName, viaCookie: true });
  } catch { /* no sign-in endpoint: tokens only */ }
  if (!auth.role && auth.token) {
    const claims = decodeJwt(auth.token);
    if (claims) Object.assign(auth, { role: claims.role, county: claims.county ?? null, name: claims.name });
  }
  $('who').textContent = auth.role ? `${auth.name ?? ''} · ${auth.role}${auth.county ? ':' + auth.county : ''}` : t('readOnly');
  $('cityActions').hidden = auth.role !== 'city';
  $('createCard').hidden = auth.role !== 'city';
  $('applyCard').hidden = !(auth.role === 'city' || auth.role === 'county');
}

async function api(method, url, body) {
  const headers = { 'Content-Type': 'application/json' };
  if (auth.token && !auth.viaCookie) headers.Authorization = `Bearer ${auth.token}`;
  if (auth.csrf) headers['X-CSRF-TOKEN'] = auth.csrf;
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
  if (!res.ok) {
    const fields = data?.errors ? Object.entries(data.errors).map(([k, v]) => `${k}: ${[].concat(v).join('; ')}`).join(' · ') : '';
    throw new Error(`${res.status} ${data?.title ?? ''} ${data?.detail ?? ''} ${fields}`.trim());
  }
  return data;
}

function say(text, ok = false) {
  const m = $('message');
  m.textContent = text;
  m.className = ok ? 'message ok' : 'message';
}

// ---- board ---------------------------------------------------------------------------------------------------
let batchId = null;
let board = null;
let tab = 'county-check';
const charts = {};

function chart(id, config) {
  if (!window.Chart) return;
  charts[id]?.destroy();
  charts[id] = new window.Chart($(id), config);
}

function renderBoard(b) {
  if (board && b.version < board.version) return; // pushes may overtake a REST read: keep the newer
  board = b;
  const kpi = (label, value, sub = '') => `<div class="kpi"><div class="label">${esc(label)}</div><div class="value">${esc(value)}</div><div class="sub">${esc(sub)}</div></div>`;
  $('kpis').innerHTML = [
    kpi(t('batch'), b.name, `${b.id} · ${t('batchStatus')[b.status] ?? b.status}`),
    kpi(t('applications'), `${b.applications}`, `${t('requested')} ${money(b.requested)}`),
    kpi(t('awarded'), `${b.awarded}`, money(b.awardedAmount)),
    kpi(t('disbursed'), money(b.disbursed), ''),
    kpi(t('remaining'), b.budget === null ? t('uncapped') : money(b.ledger.remaining), b.budget === null ? '' : `${t('cap')}: ${money(b.budget)}`),
    kpi(t('waiting'), `${b.ledger.waitingList}`, money(b.ledger.waitingAmount)),
  ].join('');

  const stageLabels = b.funnel.map((f) => t('stages')[f.stage]);
  chart('funnelChart', {
    type: 'bar',
    data: { labels: stageLabels, datasets: [
      { label: t('reached'), data: b.funnel.map((f) => f.reached), backgroundColor: '#c0392b88' },
      { label: t('pending'), data: b.funnel.map((f) => f.pending), backgroundColor: '#1f5fa8' }] },
    options: { indexAxis: 'y', animation: false, maintainAspectRatio: false, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  const l = b.ledger;
  const parts = [l.disbursed, l.awarded - l.disbursed, l.committed - l.awarded, l.remaining ?? 0];
  chart('budgetChart', {
    type: 'doughnut',
    data: { labels: [t('disbursed'), t('awarded'), t('committed'), t('remaining')], datasets: [{ data: parts.map((v) => Number(v) / 1e4), backgroundColor: ['#1e8449', '#27ae60', '#f0b27a', '#d5dbe1'] }] },
    options: { animation: false, maintainAspectRatio: false, plugins: { legend: { position: 'right' } } },
  });
  $('ledger').innerHTML = [[t('committed'), l.committed], [t('awarded'), l.awarded], [t('disbursed'), l.disbursed], [t('remaining'), l.remaining]]
    .map(([k, v]) => `<span>${esc(k)}</span><span class="num">${v === null ? t('uncapped') : money(v)}</span>`).join('');
  const counties = b.counties.filter((c) => c.applications > 0);
  chart('countyChart', {
    type: 'bar',
    data: { labels: counties.map((c) => COUNTIES[c.id]?.[lang === 'zh' ? 0 : 1] ?? c.id), datasets: [
      { label: `${t('requested')} (万)`, data: counties.map((c) => Number(c.requested) / 1e4), backgroundColor: '#f0b27a' },
      { label: `${t('awarded')} (万)`, data: counties.map((c) => Number(c.awardedAmount) / 1e4), backgroundColor: '#c0392b' }] },
    options: { animation: false, maintainAspectRatio: false },
  });
  const cls = (name, c) => `<tr><td>${esc(t(name))}</td><td class="num">${c.applications}</td><td class="num">${money(c.requested)}</td><td class="num">${c.awarded}</td><td class="num">${money(c.awardedAmount)}</td><td class="num">${money(c.disbursed)}</td></tr>`;
  $('classes').innerHTML = `<tr><th></th><th class="num">${t('applications')}</th><th class="num">${t('requested')}</th><th class="num">${t('awarded')}</th><th class="num">${t('amount')}</th><th class="num">${t('disbursed')}</th></tr>`
    + cls('subsidy', b.subsidy) + cls('reward', b.reward);
  $('waiting').innerHTML = b.waitingList.length === 0 ? `<tr><td>${t('noItems')}</td></tr>`
    : b.waitingList.map((w) => `<tr><td>${w.rank}</td><td>${esc(w.enterpriseName)}</td><td>${esc(w.projectName)}</td><td class="num">${w.score ?? ''}</td><td class="num">${money(w.amount)}</td></tr>`).join('');
  renderTabs();
  $('csv').href = `/api/batches/${encodeURIComponent(b.id)}/notice.csv`;
  $('xlsx').href = `/api/batches/${encodeURIComponent(b.id)}/notice.xlsx`;
}

function renderTabs() {
  if (!board) return;
  $('tabs').innerHTML = [...STAGES, ...EXTRA].map((s) =>
    `<button data-tab="${s}" class="${s === tab ? 'active' : ''}">${esc(t('stages')[s])}<span class="n">${board.stages[s] ?? 0}</span></button>`).join('');
}

// ---- queue ---------------------------------------------------------------------------------------------------
function queueUrl() {
  const base = `/api/batches/${encodeURIComponent(batchId)}/applications?take=1000`;
  const county = auth.role === 'county' && auth.county ? `&county=${auth.county}` : '';
  const filter = STAGES.includes(tab) ? `&stage=${tab}` : `&status=${{ returned: 'returned', 'waiting-list': 'waiting', declined: 'declined', disbursed: 'disbursed' }[tab]}`;
  return base + filter + county;
}

const mayDecide = (stage, county) => auth.role === 'city' || (auth.role === 'county' && COUNTY_STAGES.has(stage) && auth.county === county);

function actionsFor(a) {
  const b = (act, label, cls = '') => `<button data-act="${act}" data-id="${a.id}" class="${cls}">${esc(t(label))}</button>`;
  const out = [];
  const now = Date.now();
  if (a.status === 'pending' && mayDecide(a.stage, a.countyId)) {
    if (a.stage === 'public-notice' && a.noticeUntil && now < Date.parse(a.noticeUntil)) { /* window open: only objections */ }
    else if (a.stage !== 'public-notice' || a.noticeUntil) out.push(b('approve', a.stage === 'award' ? 'award' : 'approve', 'approve'));
    out.push(b('decline', 'decline', 'decline'), b('return', 'returnBtn', 'return'));
  }
  if (a.status === 'pending' && a.stage === 'public-notice' && a.noticeUntil && now < Date.parse(a.noticeUntil) && auth.role) out.push(b('object', 'object', 'decline'));
  if (a.status === 'awarded' && auth.role === 'city') out.push(b('disburse', 'disburse', 'approve'));
  if (a.status === 'returned' && (auth.role === 'city' || auth.county === a.countyId)) out.push(b('resubmit', 'resubmit', 'approve'));
  if (a.status === 'waiting' && auth.role === 'city') out.push(b('decline', 'decline', 'decline'));
  return out.join(' ');
}

function noticeText(a) {
  if (a.stage !== 'public-notice' || a.status !== 'pending') return '';
  if (!a.noticeUntil) return ` · ${t('awaitingNotice')}`;
  return Date.now() < Date.parse(a.noticeUntil) ? ` · ${t('noticeOpen')} ${new Date(a.noticeUntil).toLocaleString()}` : ` · ${t('noticeClosed')}`;
}

let queueItems = [];
async function loadQueue() {
  if (!batchId) return;
  try {
    const page = await api('GET', queueUrl());
    queueItems = page.items;
    const head = `<tr><th>#</th><th>${t('county')}</th><th>${t('enterprise')}</th><th>${t('project')}</th><th>${t('class')}</th><th class="num">${t('requested')}</th><th class="num">${t('amount')}</th><th class="num">${t('score')}</th><th>${t('status')}</th><th>${t('actions')}</th></tr>`;
    $('queue').innerHTML = head + (page.items.length === 0 ? `<tr><td colspan="10">${t('noItems')}</td></tr>` : page.items.map((a) =>
      `<tr><td><span class="link" data-detail="${a.id}">${a.id}</span></td><td>${esc(COUNTIES[a.countyId]?.[lang === 'zh' ? 0 : 1] ?? a.countyId)}</td>`
      + `<td>${esc(a.enterpriseName)}</td><td>${esc(a.projectName)}</td><td>${esc(t(a.class))}${a.result ? ' · ' + esc(t('results')[a.result]) : ''}</td>`
      + `<td class="num">${money(a.requested)}</td><td class="num">${money(a.amount)}</td><td class="num">${a.score ?? ''}</td>`
      + `<td>${esc(t('stages')[a.stage])}${noticeText(a)}</td><td>${actionsFor(a)}</td></tr>`).join(''));
  } catch (e) { say(e.message); }
}

async function act(kind, id) {
  const a = queueItems.find((x) => x.id === id);
  const base = `/api/batches/${encodeURIComponent(batchId)}/applications/${id}`;
  try {
    if (kind === 'approve') {
      const body = { stage: a.stage, decision: 'approve' };
      if (a.stage === 'expert-panel') { const s = prompt(t('scoreFor'), '80'); if (s === null) return; body.score = Number(s); }
      if (['equipment-verification', 'expert-recheck', 'expert-panel', 'special-audit'].includes(a.stage)) {
        const amt = prompt(t('amountFor'), ''); if (amt === null) return; if (amt.trim()) body.amount = Math.round(Number(amt) * 1e4 * 100) / 100;
      }
      await api('POST', `${base}/decisions`, body);
    } else if (kind === 'decline' || kind === 'return') {
      const note = prompt(t('noteFor'), ''); if (note === null) return;
      const body = { stage: a.status === 'waiting' ? 'special-audit' : a.stage, decision: kind, note };
      if (kind === 'return') {
        const options = STAGES.slice(0, STAGES.indexOf(a.stage) + 1);
        const to = prompt(`${t('returnTo')} (${options.join(', ')})`, 'county-check'); if (to === null) return; body.returnTo = to;
      }
      await api('POST', `${base}/decisions`, body);
    } else if (kind === 'object') {
      const who = prompt(t('objector'), ''); if (who === null) return;
      const reason = prompt(t('noteFor'), ''); if (reason === null) return;
      await api('POST', `${base}/objections`, { objector: who || null, reason });
    } else if (kind === 'disburse') {
      const amt = prompt(t('payFor'), ''); if (amt === null) return;
      await api('POST', `${base}/disbursements`, amt.trim() ? { amount: Math.round(Number(amt) * 1e4 * 100) / 100 } : {});
    } else if (kind === 'resubmit') {
      const note = prompt(t('note'), ''); if (note === null) return;
      await api('POST', `${base}/resubmission`, { note });
    }
    say(t('done'), true);
  } catch (e) { say(e.message); }
  await loadQueue();
}

async function showDetail(id) {
  const a = await api('GET', `/api/batches/${encodeURIComponent(batchId)}/applications/${id}`);
  const items = a.history.map((h) => `<li class="${h.voided ? 'void' : ''}"><b>${esc(t('actionsH')[h.action] ?? h.action)}</b> · ${esc(t('stages')[h.stage])}`
    + `${h.amount !== null ? ' · ' + money(h.amount) : ''}${h.score !== null ? ' · ' + h.score : ''}${h.voided ? ' · ' + t('voided') : ''}`
    + `${h.note ? `<div>${esc(h.note)}</div>` : ''}<div class="meta">${new Date(h.at).toLocaleString()} · ${esc(h.actor)} (${esc(h.role)})</div></li>`).join('');
  $('detailBody').innerHTML = `<h2>#${a.id} ${esc(a.enterpriseName)} · ${esc(a.projectName)}</h2>`
    + `<p>${esc(t(a.class))} · ${t('requested')} ${money(a.requested)} · ${t('amount')} ${money(a.amount)} · ${t('awarded')} ${money(a.awarded)} · ${t('disbursed')} ${money(a.disbursed)}</p>`
    + `<h3>${t('history')}</h3><ol class="history">${items}</ol>`;
  $('detail').showModal();
}

// ---- live ----------------------------------------------------------------------------------------------------
let connection = null;
let queueTimer = null;
async function connect() {
  if (!window.signalR) return;
  connection = new window.signalR.HubConnectionBuilder().withUrl('/hubs/board').withAutomaticReconnect().build();
  connection.on('board', (scope, snapshot) => {
    if (scope !== `batch:${batchId}`) return;
    renderBoard(snapshot);
    clearTimeout(queueTimer);
    queueTimer = setTimeout(loadQueue, 250);
  });
  connection.onreconnecting(() => { $('live').textContent = t('offline'); $('live').classList.remove('on'); });
  connection.onreconnected(async () => { await subscribe(batchId); });
  await connection.start();
}

async function subscribe(id, previous) {
  if (!connection) { renderBoard(await api('GET', `/api/batches/${encodeURIComponent(id)}`)); return; }
  if (previous) await connection.invoke('Unsubscribe', `batch:${previous}`).catch(() => {});
  renderBoard(await connection.invoke('Subscribe', `batch:${id}`));
  $('live').textContent = t('live');
  $('live').classList.add('on');
}

async function selectBatch(id) {
  const previous = batchId;
  batchId = id;
  board = null;
  history.replaceState(null, '', `?batch=${encodeURIComponent(id)}`);
  await subscribe(id, previous);
  await loadQueue();
}

// ---- forms ---------------------------------------------------------------------------------------------------
async function loadProjects() {
  const form = $('applyForm');
  const id = form.enterpriseId.value.trim();
  try {
    const e = await api('GET', `/api/enterprises/${encodeURIComponent(id)}`);
    form.projectId.innerHTML = e.projects.filter((p) => p.status === 'underway' || p.status === 'completed')
      .map((p) => `<option value="${esc(p.id)}">${esc(p.id)} · ${esc(p.name)} · ${money(p.totalInvestment)}</option>`).join('');
    say(`${e.name} · ${COUNTIES[e.countyId]?.[0] ?? e.countyId}`, true);
  } catch (err) { say(err.message); }
}

async function applyFor(ev) {
  ev.preventDefault();
  const f = ev.target;
  const body = { enterpriseId: f.enterpriseId.value.trim(), projectId: f.projectId.value, class: f.class.value, result: f.class.value === 'reward' ? f.result.value || null : null, note: f.note.value || null };
  try {
    const r = await api('POST', `/api/batches/${encodeURIComponent(batchId)}/applications`, body);
    say(`${t('done')}: #${r.id}`, true);
  } catch (e) { say(e.message); }
}

async function createBatch(ev) {
  ev.preventDefault();
  const f = ev.target;
  const wan = (v) => (v === '' ? null : Math.round(Number(v) * 1e4 * 100) / 100);
  const rewards = {};
  for (const k of Object.keys(T.zh.results)) { const input = f[`r-${k}`]; if (input && input.value !== '') rewards[k] = wan(input.value); }
  const body = { id: f.id.value.trim(), name: f.name.value.trim(), windowFrom: f.windowFrom.value, windowTo: f.windowTo.value,
    kinds: ['intelligent', 'green', 'technical'], subsidy: f.rate.value === '' ? null : { rate: Number(f.rate.value) / 100, cap: wan(f.projectCap.value) },
    rewards, budget: wan(f.budget.value) };
  try {
    await api('POST', '/api/batches', body);
    await loadBatches(body.id);
    say(t('done'), true);
  } catch (e) { say(e.message); }
}

async function loadBatches(select) {
  const list = await api('GET', '/api/batches');
  $('batch').innerHTML = list.map((b) => `<option value="${esc(b.id)}">${esc(b.id)} · ${esc(b.name)}</option>`).join('');
  const wanted = select ?? new URLSearchParams(location.search).get('batch') ?? list[0]?.id;
  if (wanted) { $('batch').value = wanted; await selectBatch(wanted); }
}

function translate() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  $('lang').textContent = lang === 'zh' ? 'EN' : '中文';
  $('applyForm').result.innerHTML = '<option value=""></option>' + Object.entries(t('results')).map(([k, v]) => `<option value="${k}">${esc(v)}</option>`).join('');
  if (board) renderBoard({ ...board });
  loadQueue();
}

async function main() {
  $('lang').onclick = () => { lang = lang === 'zh' ? 'en' : 'zh'; try { localStorage.setItem(LANG_KEY, lang); } catch { /* blocked */ } translate(); };
  $('saveToken').onclick = async () => { sessionStorage.setItem('grants.token', $('token').value.trim()); await loadIdentity(); await loadQueue(); };
  $('clearToken').onclick = async () => { sessionStorage.removeItem('grants.token'); $('token').value = ''; await loadIdentity(); await loadQueue(); };
  $('batch').onchange = (e) => selectBatch(e.target.value);
  $('tabs').onclick = (e) => { const b = e.target.closest('button[data-tab]'); if (!b) return; tab = b.dataset.tab; renderTabs(); loadQueue(); };
  $('queue').onclick = (e) => {
    const b = e.target.closest('button[data-act]');
    if (b) return act(b.dataset.act, Number(b.dataset.id));
    const d = e.target.closest('[data-detail]');
    if (d) showDetail(Number(d.dataset.detail));
  };
  $('publish').onclick = async () => {
    try {
      const until = new Date(Date.now() + Number($('noticeDays').value) * 86400e3).toISOString();
      const r = await api('POST', `/api/batches/${encodeURIComponent(batchId)}/notice`, { until });
      say(`${t('done')}: ${r.published.length}`, true);
    } catch (e) { say(e.message); }
  };
  $('awardAll').onclick = async () => {
    try { const r = await api('POST', `/api/batches/${encodeURIComponent(batchId)}/awards`, {}); say(`${t('done')}: ${r.awarded.length}`, true); } catch (e) { say(e.message); }
  };
  $('setCap').onclick = async () => {
    const v = $('cap').value;
    try { await api('PUT', `/api/batches/${encodeURIComponent(batchId)}/budget`, { budget: v === '' ? null : Math.round(Number(v) * 1e4 * 100) / 100 }); say(t('done'), true); } catch (e) { say(e.message); }
  };
  $('close').onclick = async () => { try { await api('POST', `/api/batches/${encodeURIComponent(batchId)}/close`); say(t('done'), true); } catch (e) { say(e.message); } };
  $('loadProjects').onclick = loadProjects;
  $('applyForm').onsubmit = applyFor;
  $('createForm').onsubmit = createBatch;
  $('token').value = sessionStorage.getItem('grants.token') ?? '';
  try {
    for (const c of await (await fetch('/api/counties')).json()) COUNTIES[c.id] = [c.nameZh, c.nameEn];
  } catch { /* county ids are shown instead of names */ }
  await loadIdentity();
  translate();
  // REST first, so the page shows the batch even before (or without) the live connection.
  await loadBatches();
  try {
    await connect();
    if (batchId) await subscribe(batchId);
  } catch { /* stays on the REST snapshot */ }
}

main();
