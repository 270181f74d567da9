// The scenario page: starts a simulation (POST /api/scenarios), follows it live on hub scope "scenario:{id}"
// (polling when the hub is unavailable), drives its time control, and shows coverage with 5–95 % bands, the
// probability of meeting the full-coverage target, and every policy side by side with its no-subsidy twin.

const TEXT = {
  zh: {
    title: '“三大改造”情景模拟', subtitle: '按政策推演企业改造、资金申报与覆盖率；每个情景都与无补贴对照比较', board: '返回看板',
    newScenario: '新建情景', signinNeeded: '运行情景需要登录（市级或县区账号）。', user: '用户名', password: '密码', signin: '登录',
    start: '起点', baseline: '起始状态', baselineRegistry: '基准名录 sanmenxia-2022', baselineLive: '当前实时数据（分叉）',
    baselineSynthetic: '合成企业群', enterprises: '企业数', startMonth: '起始月', months: '月数', runs: '蒙特卡洛次数', seed: '随机种子',
    deadline: '全覆盖期限', policy: '政策', subsidyRate: '补助比例 %', projectCap: '单项目上限（万元）', annualFund: '年度资金（万元）',
    fundCapped: '资金封顶（超额按比例核减）', rewardAmount: '奖励类金额（万元，各类结果）', rewardDefault: '默认按2022-1批次', batchMonths: '申报批次月份', countyPush: '县区推动倍数',
    countyPushFrom: '推动起始月', alternative: '比较方案（可选）', altOn: '加入比较方案', altName: '方案名称', timing: '节奏', pace: '速度',
    paceFast: '尽快', pace1s: '每秒一个月', pace300: '每 0.3 秒一个月', startPaused: '暂停开始（逐月推进）', run: '运行情景',
    pauseBtn: '暂停', resumeBtn: '继续', stepBtn: '推进一个月', deleteBtn: '删除',
    empty: '填写左侧参数并运行，或打开已有情景的链接。', coverageChart: '覆盖率走势（均值与 5–95% 区间）', targets: '按期全覆盖的概率',
    comparison: '与无补贴对照比较', sideBySide: '方案对比（期末）', batches: '资金申报批次（均值）',
    running: '运行中', paused: '已暂停', completed: '已完成', failed: '失败', month: '月', of: '/', connected: '实时', polling: '轮询',
    disconnected: '未连接', city: '全市', county: '县市区', probability: '全覆盖概率', coverageAt: '期限时覆盖率',
    arm: { policy: '本方案', 'no-subsidy': '无补贴对照' }, band: '5–95% 区间',
    additionalProjects: '新增项目（因补贴）', additionalInvestment: '新增总投资', additionalCompleted: '新增完成投资', additionalCovered: '新增覆盖企业',
    grants: '补助与奖励', leverage: '杠杆率（每元资金撬动社会投资）', perYuan: '每元资金带来的新增完成投资', costPerFirm: '每新增覆盖一家企业的资金',
    coverage: '覆盖率', covered: '已覆盖', projects: '项目数', totalInvestment: '总投资', completedInvestment: '完成投资', fullProb: '全市全覆盖概率',
    batch: '批次', call: '申报月', award: '拨付月', applications: '申报', requested: '申请金额', awards: '获批', awarded: '获批金额',
    confirmDelete: '删除这个情景？', judgedAt: '判定月份', runsLabel: '次运行', none: '—', inProgress: '（评审中）',
    invalid: '请求有误：', recent: '已有情景', noScenarios: '暂无情景',
    baselineName: { 'sanmenxia-2022': '基准名录', live: '实时分叉', synthetic: '合成' },
  },
  en: {
    title: 'Three Transformations — scenarios', subtitle: 'Project firms, grants and coverage under a policy; every scenario is compared with its no-subsidy twin',
    board: 'Back to the board', newScenario: 'New scenario', signinNeeded: 'Sign in (city or county account) to run scenarios.', user: 'User name',
    password: 'Password', signin: 'Sign in', start: 'Start', baseline: 'Start from', baselineRegistry: 'Baseline registry sanmenxia-2022',
    baselineLive: 'Live programme (fork)', baselineSynthetic: 'Synthetic population', enterprises: 'Enterprises', startMonth: 'Start month',
    months: 'Months', runs: 'Monte Carlo runs', seed: 'Seed', deadline: 'Full coverage by', policy: 'Policy', subsidyRate: 'Subsidy rate %',
    projectCap: 'Cap per project (10k CNY)', annualFund: 'Annual fund (10k CNY)', fundCapped: 'Capped fund (scaled pro rata)',
    rewardAmount: 'Reward per result (10k CNY)', rewardDefault: 'default: as batch 2022-1', batchMonths: 'Batch call months', countyPush: 'County push ×', countyPushFrom: 'Push from',
    alternative: 'Alternative policy (optional)', altOn: 'Compare an alternative', altName: 'Name', timing: 'Timing', pace: 'Pace',
    paceFast: 'As fast as possible', pace1s: 'One month per second', pace300: 'One month per 0.3 s', startPaused: 'Start paused (step by month)',
    run: 'Run scenario', pauseBtn: 'Pause', resumeBtn: 'Resume', stepBtn: 'Step one month', deleteBtn: 'Delete',
    empty: 'Set the parameters and run, or open a scenario link.', coverageChart: 'Coverage over time (mean and 5–95 % band)',
    targets: 'Probability of full coverage by the deadline', comparison: 'Against the no-subsidy twin', sideBySide: 'Policies side by side (last month)',
    batches: 'Funding batches (means)', running: 'Running', paused: 'Paused', completed: 'Completed', failed: 'Failed', month: 'month', of: '/',
    connected: 'live', polling: 'polling', disconnected: 'offline', city: 'City', county: 'County', probability: 'P(full coverage)',
    coverageAt: 'Coverage at deadline', arm: { policy: 'This policy', 'no-subsidy': 'No-subsidy twin' }, band: '5–95 % band',
    additionalProjects: 'Additional projects (due to grants)', additionalInvestment: 'Additional total investment',
    additionalCompleted: 'Additional completed investment', additionalCovered: 'Additional covered firms', grants: 'Grants (subsidy + reward)',
    leverage: 'Leverage (private investment per yuan)', perYuan: 'Additional completed investment per yuan', costPerFirm: 'Grant per newly covered firm',
    coverage: 'Coverage', covered: 'Covered', projects: 'Projects', totalInvestment: 'Total investment', completedInvestment: 'Completed investment',
    fullProb: 'P(city fully covered)', batch: 'Batch', call: 'Call', award: 'Award', applications: 'Applications', requested: 'Requested',
    awards: 'Awards', awarded: 'Awarded', confirmDelete: 'Delete this scenario?', judgedAt: 'judged at', runsLabel: 'runs', none: '—',
    inProgress: ' (in review)', invalid: 'Invalid request: ', recent: 'Scenarios', noScenarios: 'No scenarios yet',
    baselineName: { 'sanmenxia-2022': 'registry', live: 'live fork', synthetic: 'synthetic' },
  },
};

let lang = localStorage.getItem('scenarios.lang') || 'zh';
const t = (key) => key.split('.').reduce((o, k) => (o ? o[k] : undefined), TEXT[lang]) ?? key;
const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k === 'style') e.style.cssText = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
};

function money(yuan) {
  if (yuan === null || yuan === undefined) return t('none');
  const v = Number(yuan);
  if (lang === 'en') return Math.abs(v) >= 1e9 ? `CNY ${(v / 1e9).toFixed(2)} bn` : `CNY ${(v / 1e6).toFixed(2)} m`;
  return Math.abs(v) >= 1e8 ? `${(v / 1e8).toFixed(2)} 亿元` : `${(v / 1e4).toFixed(2)} 万元`;
}
const pct = (share, digits = 1) => (share === null || share === undefined ? t('none') : `${(Number(share) * 100).toFixed(digits)}%`);
const num = (v, digits = 1) => (v === null || v === undefined ? t('none') : Number(v).toLocaleString('en-US', { maximumFractionDigits: digits }));
// Each policy has its own twin, "no-subsidy · {policy}".
const armName = (name) => (name.startsWith('no-subsidy · ') ? `${TEXT[lang].arm['no-subsidy']} · ${name.slice(13)}` : (TEXT[lang].arm[name] ?? name));

let session = { authenticated: false, csrfToken: '' };
let current = null;      // the scenario view shown
let hub = null;
let poll = null;
let chart = null;

function applyLanguage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  $('lang').textContent = lang === 'zh' ? 'EN' : '中文';
  setConnection($('conn').dataset.state);
  if (current) render(current);
  loadList();
}

function setConnection(state) {
  const c = $('conn');
  c.dataset.state = state;
  c.textContent = state === 'on' ? t('connected') : state === 'polling' ? t('polling') : t('disconnected');
}

async function loadSession() {
  try {
    const r = await fetch('/api/auth/session', { credentials: 'same-origin' });
    if (r.ok) session = await r.json();
  } catch { /* offline: the form reports it on submit */ }
  $('signin').hidden = session.authenticated;
}

async function write(method, url, body) {
  const headers = { 'X-CSRF-TOKEN': session.csrfToken || '' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (r.status === 401 || r.status === 403) { await loadSession(); }
  return r;
}

function problemText(p) {
  if (!p) return '';
  const fields = p.errors ? Object.entries(p.errors).map(([f, rules]) => `${f}: ${rules.join('; ')}`).join('\n') : '';
  return `${p.title ?? ''}${p.detail ? `: ${p.detail}` : ''}${fields ? `\n${fields}` : ''}`;
}

function requestFromForm(form) {
  const f = new FormData(form);
  const n = (name) => (f.get(name) === '' || f.get(name) === null ? undefined : Number(f.get(name)));
  const baseline = f.get('baseline');
  const months = (f.get('batchMonths') || '').split(/[ ,，]+/).filter(Boolean).map(Number);
  const body = {
    baseline, seed: n('seed'), months: n('months'), runs: n('runs'), deadline: f.get('deadline') || undefined,
    paceMs: n('paceMs'), paused: f.get('paused') === 'on',
    enterprises: baseline === 'synthetic' ? n('enterprises') : null,
    startMonth: baseline === 'live' ? undefined : (f.get('startMonth') || undefined),
    policy: {
      subsidyRate: n('subsidyRate') / 100, projectCap: n('projectCap') * 1e4, annualFund: n('annualFund') * 1e4,
      fundCapped: f.get('fundCapped') === 'on', rewardAmount: n('rewardAmount') === undefined ? undefined : n('rewardAmount') * 1e4, batchMonths: months,
      countyPush: n('countyPush'), countyPushFrom: f.get('countyPushFrom') || undefined,
    },
  };
  if (baseline === 'live') { delete body.months; }
  if (f.get('altOn') === 'on') {
    body.alternatives = [{
      name: f.get('altName') || 'alternative',
      policy: { ...body.policy, subsidyRate: n('altSubsidyRate') / 100, projectCap: n('altProjectCap') * 1e4, countyPush: n('altCountyPush') },
    }];
  }
  return body;
}

async function submit(event) {
  event.preventDefault();
  $('form-error').textContent = '';
  $('run').disabled = true;
  try {
    const r = await write('POST', '/api/scenarios', requestFromForm(event.target));
    if (r.status === 201) {
      const { id } = await r.json();
      location.hash = id;
    } else {
      const p = await r.json().catch(() => null);
      $('form-error').textContent = t('invalid') + (problemText(p) || r.statusText);
    }
  } catch (e) {
    $('form-error').textContent = String(e);
  } finally {
    $('run').disabled = false;
  }
}

async function loadList() {
  const list = $('scenario-list');
  let items = [];
  try {
    const r = await fetch('/api/scenarios');
    if (r.ok) items = await r.json();
  } catch { /* the list is a convenience; the page works without it */ }
  list.replaceChildren();
  if (items.length === 0) { list.append(el('li', {}, t('noScenarios'))); return; }
  for (const s of items) {
    const created = new Date(s.createdAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false });
    const what = `${t('baselineName')[s.baseline] ?? s.baseline} · ${s.startMonth} · ${s.months} ${t('month')} · ${s.runs} ${t('runsLabel')}`;
    list.append(el('li', { class: current && current.id === s.id ? 'current' : '' },
      el('a', { href: `#${s.id}` }, s.id), el('small', {}, `${what} · ${s.owner} · ${created}`)));
  }
}

async function open(id) {
  stopFollowing();
  current = null;
  if (!id) { render(null); return; }
  const r = await fetch(`/api/scenarios/${encodeURIComponent(id)}`);
  if (!r.ok) {
    render(null);
    $('form-error').textContent = problemText(await r.json().catch(() => null));
    return;
  }
  show(await r.json());
  follow(id);
  loadList();
}

function show(view) {
  if (current && current.id === view.id && view.version < current.version) return;
  current = view;
  render(view);
  if (view.status !== 'running' && poll) { clearInterval(poll); poll = null; }
}

async function follow(id) {
  const scope = `scenario:${id}`;
  if (window.signalR) {
    try {
      hub = new signalR.HubConnectionBuilder().withUrl('/hubs/board').withAutomaticReconnect().build();
      hub.on('board', (s, snapshot) => { if (s === scope) show(snapshot); });
      hub.onreconnected(async () => { setConnection('on'); show(await hub.invoke('Subscribe', scope)); });
      hub.onclose(() => { setConnection('off'); startPolling(id); });
      await hub.start();
      show(await hub.invoke('Subscribe', scope));
      setConnection('on');
      return;
    } catch { hub = null; }
  }
  startPolling(id);
}

function startPolling(id) {
  if (poll || !current || current.status !== 'running') return;
  setConnection('polling');
  poll = setInterval(async () => {
    const r = await fetch(`/api/scenarios/${encodeURIComponent(id)}`);
    if (r.ok) show(await r.json());
  }, 1000);
}

function stopFollowing() {
  if (poll) { clearInterval(poll); poll = null; }
  if (hub) { const h = hub; hub = null; h.stop().catch(() => {}); }
}

async function control(action) {
  if (!current) return;
  const id = encodeURIComponent(current.id);
  let r;
  if (action === 'delete') {
    if (!confirm(t('confirmDelete'))) return;
    r = await write('DELETE', `/api/scenarios/${id}`);
    if (r.ok) { stopFollowing(); current = null; location.hash = ''; render(null); loadList(); }
    return;
  }
  if (action === 'pace') r = await write('PUT', `/api/scenarios/${id}/pace`, { milliseconds: Number($('pace-live').value) });
  else r = await write('POST', `/api/scenarios/${id}/${action}`);
  if (r.ok) show(await r.json());
  else $('form-error').textContent = problemText(await r.json().catch(() => null));
}

// --- rendering -----------------------------------------------------------------------------------------------

const COLORS = ['#38bdf8', '#fbbf24', '#a78bfa', '#f472b6', '#34d399', '#94a3b8'];
const armColor = (arms, i) => (i === arms.length - 1 ? '#94a3b8' : COLORS[i % (COLORS.length - 1)]);

function render(view) {
  const has = !!view;
  for (const id of ['status-bar']) $(id).hidden = !has;
  $('empty').hidden = has;
  const results = view?.results;
  for (const id of ['chart-card', 'targets-card', 'compare-card', 'arms-card', 'batches-card']) $(id).hidden = !results || results.months.length === 0;
  if (!has) return;

  const state = view.status === 'running' ? (view.paused ? 'paused' : 'running') : view.status;
  $('status-text').textContent = `${t(state)} · ${view.id}`;
  $('status-text').dataset.status = state;
  const p = view.progress;
  $('progress-text').textContent = ` ${p.lastMonth ?? view.request.startMonth} · ${p.monthsDone} ${t('of')} ${p.months} ${t('month')} · ${view.request.runs} ${t('runsLabel')}`
    + (view.error ? ` · ${view.error}` : '');
  $('progress').value = p.months ? p.monthsDone / p.months : 0;
  const running = view.status === 'running';
  $('pause').disabled = !running || view.paused;
  $('resume').disabled = !running || !view.paused;
  $('step').disabled = !running;
  $('pace-live').disabled = !running;
  $('pace-live').value = String([0, 300, 1000].includes(view.request.paceMilliseconds) ? view.request.paceMilliseconds : 0);
  if (!results || results.months.length === 0) return;

  renderChart(view);
  renderTargets(results);
  renderComparison(results);
  renderArms(results);
  renderBatches(results);
}

function renderChart(view) {
  const arms = view.results.arms;
  const labels = arms[0].months.map((m) => m.month);
  const datasets = [];
  arms.forEach((arm, i) => {
    const color = armColor(arms, i);
    const name = armName(arm.name);
    datasets.push({ label: `${name} ${t('band')}`, data: arm.months.map((m) => m.bands.coverage.p5 * 100), borderWidth: 0, pointRadius: 0, fill: false, borderColor: 'transparent' });
    datasets.push({ label: `${name} 95%`, data: arm.months.map((m) => m.bands.coverage.p95 * 100), borderWidth: 0, pointRadius: 0, fill: '-1', backgroundColor: color + '33', borderColor: 'transparent' });
    datasets.push({ label: name, data: arm.months.map((m) => m.coverage * 100), borderColor: color, backgroundColor: color, borderWidth: 2, pointRadius: 0, fill: false, borderDash: i === arms.length - 1 ? [6, 4] : [] });
  });
  const options = {
    responsive: true, maintainAspectRatio: false, animation: false,
    scales: {
      y: { title: { display: true, text: `${t('coverage')} %`, color: '#a9bdd6' }, ticks: { color: '#a9bdd6' }, grid: { color: '#21416d' } },
      x: { ticks: { color: '#a9bdd6', maxTicksLimit: 12 }, grid: { color: '#21416d55' } },
    },
    plugins: {
      legend: { labels: { color: '#eef4fc', filter: (item) => !item.text.endsWith('95%') && !item.text.endsWith(t('band')) } },
      tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${c.parsed.y.toFixed(1)}%` } },
    },
  };
  if (!window.Chart) return;
  if (chart && chart.data.datasets.length === datasets.length) {
    chart.data.labels = labels;
    chart.data.datasets.forEach((d, i) => { Object.assign(d, datasets[i]); });
    chart.options = options;
    chart.update('none');
  } else {
    chart?.destroy();
    chart = new Chart($('coverage-chart'), { type: 'line', data: { labels, datasets }, options });
  }
}

function bar(share, twin) {
  return el('span', {}, el('span', { class: `sc-bar${twin ? ' twin' : ''}`, style: `width:${Math.round(Number(share) * 80)}px` }), pct(share, 0));
}

function renderTargets(results) {
  const arms = results.arms;
  const table = $('targets');
  table.replaceChildren();
  table.append(el('tr', {}, el('th', {}, `${t('county')} (${t('judgedAt')} ${results.judgedAt})`), el('th', {}, t('coverageAt')),
    ...arms.map((a) => el('th', {}, `${t('probability')} · ${armName(a.name)}`))));
  table.append(el('tr', {}, el('td', {}, el('strong', {}, t('city'))),
    el('td', {}, pct(coverageAt(results.months, results.judgedAt))),
    ...arms.map((a, i) => el('td', {}, bar(a.probabilityFullCoverage, i === arms.length - 1)))));
  results.counties.forEach((c, k) => {
    table.append(el('tr', {}, el('td', {}, lang === 'zh' ? c.name : c.nameEn), el('td', {}, pct(c.coverageAtDeadline)),
      ...arms.map((a, i) => el('td', {}, bar(a.counties[k].probabilityFullCoverage, i === arms.length - 1)))));
  });
}

function coverageAt(months, month) {
  const m = months.find((x) => x.month === month) ?? months[months.length - 1];
  return m?.coverage;
}

function renderComparison(results) {
  const arms = results.arms.filter((a) => a.comparison);
  const table = $('compare');
  table.replaceChildren(el('tr', {}, el('th', {}, ''), ...arms.map((a) => el('th', {}, armName(a.name)))));
  const rows = [
    ['additionalProjects', (c) => `${num(c.additionalProjects)} (${num(c.additionalProjectsBand.p5, 0)}–${num(c.additionalProjectsBand.p95, 0)})`],
    ['additionalInvestment', (c) => money(c.additionalInvestment)],
    ['additionalCompleted', (c) => money(c.additionalInvestmentCompleted)],
    ['additionalCovered', (c) => `${num(c.additionalCovered)} (${num(c.additionalCoveredBand.p5, 0)}–${num(c.additionalCoveredBand.p95, 0)})`],
    ['grants', (c) => money(c.grants)],
    ['leverage', (c) => (c.leverageRatio === null ? t('none') : num(c.leverageRatio, 2))],
    ['perYuan', (c) => (c.additionalInvestmentPerYuan === null ? t('none') : num(c.additionalInvestmentPerYuan, 2))],
    ['costPerFirm', (c) => money(c.costPerNewlyCoveredFirm)],
  ];
  for (const [key, f] of rows) table.append(el('tr', {}, el('td', {}, t(key)), ...arms.map((a) => el('td', {}, f(a.comparison)))));
}

function renderArms(results) {
  const table = $('arms');
  table.replaceChildren(el('tr', {}, el('th', {}, ''), ...results.arms.map((a) => el('th', {}, armName(a.name)))));
  const last = (a) => a.months[a.months.length - 1];
  const rows = [
    ['coverage', (a) => `${pct(last(a).coverage)} (${pct(last(a).bands.coverage.p5)}–${pct(last(a).bands.coverage.p95)})`],
    ['covered', (a) => num(last(a).covered)],
    ['projects', (a) => num(last(a).projects)],
    ['totalInvestment', (a) => money(last(a).totalInvestment)],
    ['completedInvestment', (a) => money(last(a).investmentCompleted)],
    ['grants', (a) => money(last(a).grantsAwarded)],
    ['fullProb', (a) => pct(a.probabilityFullCoverage, 0)],
  ];
  for (const [key, f] of rows) table.append(el('tr', {}, el('td', {}, t(key)), ...results.arms.map((a) => el('td', {}, f(a)))));
}

function renderBatches(results) {
  const table = $('batches');
  table.replaceChildren(el('tr', {}, ...['batch', 'call', 'award', 'applications', 'requested', 'awards', 'awarded'].map((k) => el('th', {}, t(k)))));
  for (const b of results.batches) {
    table.append(el('tr', {}, el('td', {}, b.id + (b.complete ? '' : t('inProgress'))), el('td', {}, b.callMonth), el('td', {}, b.awardMonth),
      el('td', {}, num(b.applications)), el('td', {}, money(b.requested)), el('td', {}, num(b.awarded)), el('td', {}, money(b.awardedAmount))));
  }
}

// --- wiring --------------------------------------------------------------------------------------------------

function syncForm() {
  const form = $('scenario-form');
  const baseline = form.baseline.value;
  form.querySelector('.sc-synthetic').hidden = baseline !== 'synthetic';
  form.querySelector('.sc-start').hidden = baseline === 'live';
}

document.addEventListener('DOMContentLoaded', async () => {
  applyLanguage();
  syncForm();
  $('lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; localStorage.setItem('scenarios.lang', lang); applyLanguage(); });
  $('scenario-form').addEventListener('submit', submit);
  $('scenario-form').baseline.addEventListener('change', syncForm);
  $('signin-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    const r = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin',
      body: JSON.stringify({ userName: f.get('userName'), password: f.get('password') }) });
    $('signin-error').textContent = r.ok ? '' : problemText(await r.json().catch(() => null));
    await loadSession();
  });
  for (const action of ['pause', 'resume', 'step', 'delete']) $(action).addEventListener('click', () => control(action));
  $('pace-live').addEventListener('change', () => control('pace'));
  window.addEventListener('hashchange', () => open(location.hash.slice(1)));
  await loadSession();
  await open(location.hash.slice(1));
});
