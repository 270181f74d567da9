// Every label of the board app, in Simplified Chinese (default) and English.
//
// Language choice: ?lang=zh|en in the page URL forces a language for that page load
// (handy for screenshots; not remembered); otherwise the choice saved in localStorage;
// otherwise English when navigator.language starts with "en", else Chinese.

const STORAGE_KEY = 'threeTransformations.lang';

export const dict = {
  'app.title': { zh: '“三大改造”目标看板', en: 'Three Transformations — Target Boards' },
  'app.subtitle': { zh: '智能化 · 绿色化 · 技术改造 实时数字孪生', en: 'Intelligent · green · technical upgrading — live digital twin' },
  'app.skip': { zh: '跳到主要内容', en: 'Skip to main content' },
  'nav.label': { zh: '位置', en: 'Breadcrumb' },
  'nav.city': { zh: '全市', en: 'City' },
  'nav.county': { zh: '县区', en: 'County' },
  'nav.enterprise': { zh: '企业', en: 'Enterprise' },
  'lang.switch': { zh: 'EN', en: '中文' },
  'lang.switchLabel': { zh: 'Switch to English', en: '切换为中文' },

  'conn.label': { zh: '实时连接状态', en: 'Live connection' },
  'conn.connected': { zh: '实时推送', en: 'Live' },
  'conn.connecting': { zh: '正在连接…', en: 'Connecting…' },
  'conn.reconnecting': { zh: '正在重连…', en: 'Reconnecting…' },
  'conn.disconnected': { zh: '已断开 · 每 5 秒刷新', en: 'Offline · polling every 5 s' },

  'board.version': { zh: '版本', en: 'Version' },
  'board.asOf': { zh: '数据截至', en: 'Data as of' },
  'board.calendar': { zh: '时间进度', en: 'Year elapsed' },
  'board.score': { zh: '综合得分', en: 'Score' },
  'board.loading': { zh: '数据加载中…', en: 'Loading…' },
  'board.error': { zh: '数据加载失败，正在重试…', en: 'Could not load the data; retrying…' },
  'board.notFound': { zh: '未找到：{id}', en: 'Not found: {id}' },
  'board.back': { zh: '返回全市看板', en: 'Back to the city board' },
  'board.cityTitle': { zh: '全市总览', en: 'City overview' },

  'unit.firms': { zh: '家', en: 'firms' },
  'unit.projects': { zh: '个', en: 'projects' },
  'unit.items': { zh: '个', en: '' },
  'of': { zh: '/', en: '/' },

  'kpi.coverage': { zh: '规上工业企业改造覆盖率', en: 'Above-scale firms covered' },
  'kpi.coverage.covered': { zh: '已覆盖', en: 'covered' },
  'kpi.coverage.aboveScale': { zh: '规上企业', en: 'above-scale firms' },
  'kpi.coverage.target': { zh: '目标：{by} 实现全覆盖（100%）', en: 'Target: 100% covered by {by}' },
  'kpi.coverage.toGo': { zh: '还差 {n} 家', en: '{n} firms still to go' },
  'kpi.coverage.spread': { zh: '未覆盖规上企业分布（家）', en: 'Uncovered firms by county' },
  'kpi.coverage.done': { zh: '已实现全覆盖', en: 'Full coverage reached' },

  'kpi.projects': { zh: '年度实施改造项目', en: 'Projects this year' },
  'kpi.projects.target': { zh: '年度目标 {n} 个', en: 'Annual target {n}' },
  'kpi.projects.ofTarget': { zh: '完成目标 {p}', en: '{p} of target' },
  'kpi.projects.kinds': { zh: '项目构成（累计 {n} 个）', en: 'By kind (all {n} projects)' },
  'kpi.projects.completed': { zh: '本年竣工', en: 'Done' },
  'kpi.projects.completedLong': { zh: '本年竣工项目', en: 'Projects completed this year' },
  'kind.intelligent': { zh: '智能化', en: 'Intelligent' },
  'kind.green': { zh: '绿色化', en: 'Green' },
  'kind.technical': { zh: '技术改造', en: 'Technical' },

  'kpi.investment': { zh: '年度完成投资', en: 'Investment completed this year' },
  'kpi.investment.target': { zh: '年度目标 {v}', en: 'Annual target {v}' },
  'kpi.investment.ofTarget': { zh: '完成年度目标 {p}', en: '{p} of target' },
  'kpi.investment.ahead': { zh: '超时间进度 {d} 个百分点', en: '{d} points ahead of calendar' },
  'kpi.investment.behind': { zh: '落后时间进度 {d} 个百分点', en: '{d} points behind calendar' },
  'kpi.investment.level': { zh: '与时间进度持平', en: 'level with the calendar' },
  'kpi.investment.calendarMark': { zh: '时间进度 {p}', en: 'Year elapsed {p}' },
  'kpi.investment.planned': { zh: '年度计划投资', en: 'Planned this year' },
  'kpi.investment.thisYearTotal': { zh: '年度项目总投资', en: "This year's projects, total" },
  'kpi.investment.thisYearTarget': { zh: '目标 {v}', en: 'target {v}' },
  'kpi.investment.toDate': { zh: '累计完成 / 总投资', en: 'Completed to date / total' },

  'goals.title': { zh: '年度专项目标', en: 'Annual goals' },
  'goal.cloud': { zh: '企业上云', en: 'Firms moved to the cloud' },
  'goal.digital': { zh: '数字化转型', en: 'Digital transformation' },
  'goal.smart': { zh: '智能制造认定', en: 'Smart-manufacturing certifications' },
  'goal.green': { zh: '绿色工厂认定', en: 'Green certifications' },
  'goal.total': { zh: '累计 {n}', en: '{n} to date' },
  'goal.certTotal': { zh: '各级认定累计 {n} 项', en: '{n} certifications to date' },

  'fund.title': { zh: '专项资金', en: 'Grant fund' },
  'fund.awarded': { zh: '已下达', en: 'Awarded' },
  'fund.disbursed': { zh: '已拨付', en: 'Disbursed' },
  'fund.projects': { zh: '支持项目', en: 'Projects funded' },
  'fund.rate': { zh: '拨付率 {p}', en: '{p} paid out' },
  'fund.projectsLine': { zh: '支持项目 {n} 个', en: '{n} projects funded' },

  'ops.title': { zh: '企业运行与规下企业', en: 'Operations & below-scale firms' },
  'ops.halted': { zh: '停产', en: 'Halted' },
  'ops.semiHalted': { zh: '半停产', en: 'Semi-halted' },
  'ops.revived': { zh: '已复产', en: 'Revived' },
  'ops.belowScale': { zh: '规下企业', en: 'Below-scale firms' },
  'ops.belowScaleProjects': { zh: '规下项目', en: 'Below-scale projects' },

  'trend.title': { zh: '月度完成投资走势', en: 'Investment completed by month' },
  'trend.monthly': { zh: '当月完成', en: 'Completed in the month' },
  'trend.cumulative': { zh: '累计完成', en: 'Cumulative' },
  'trend.axisMonthly': { zh: '当月', en: 'Month' },
  'trend.axisCumulative': { zh: '累计', en: 'Cumulative' },
  'trend.pace': { zh: '目标进度线', en: 'Target pace' },
  'trend.caption': { zh: '柱：当月完成投资；实线：累计完成；虚线：按月均分的年度目标进度', en: 'Bars: completed each month; line: cumulative; dashed: annual target spread evenly over the months' },

  'league.title': { zh: '县（市、区）排名', en: 'County league table' },
  'league.caption': { zh: '按综合得分排名；点击县区查看详情', en: 'Ranked by score; select a county to open its board' },
  'league.rank': { zh: '排名', en: 'Rank' },
  'league.county': { zh: '县（市、区）', en: 'County' },
  'league.score': { zh: '得分', en: 'Score' },
  'league.coverage': { zh: '覆盖率', en: 'Coverage' },
  'league.projects': { zh: '项目 / 目标', en: 'Projects / target' },
  'league.completed': { zh: '完成投资 / 目标', en: 'Completed / target' },
  'league.targets': { zh: '目标达成情况', en: 'Targets' },
  'league.first': { zh: '首位 · 交流发言', en: 'First · presents experience' },
  'league.last': { zh: '末位 · 表态发言', en: 'Last · public commitment' },
  'league.legend': { zh: '图例', en: 'Legend' },

  'status.coverage': { zh: '覆盖', en: 'Cov.' },
  'status.projectsThisYear': { zh: '项目', en: 'Proj.' },
  'status.completedThisYear': { zh: '投资', en: 'Inv.' },
  'status.cloud': { zh: '上云', en: 'Cloud' },
  'status.digital': { zh: '数字', en: 'Digi.' },
  'status.certifications': { zh: '认定', en: 'Cert.' },
  'statusLong.coverage': { zh: '改造覆盖', en: 'Coverage' },
  'statusLong.projectsThisYear': { zh: '年度项目', en: 'Projects this year' },
  'statusLong.completedThisYear': { zh: '年度完成投资', en: 'Investment completed' },
  'statusLong.cloud': { zh: '企业上云', en: 'Cloud' },
  'statusLong.digital': { zh: '数字化转型', en: 'Digital transformation' },
  'statusLong.certifications': { zh: '认定', en: 'Certifications' },
  'rag.green': { zh: '达标', en: 'on track' },
  'rag.amber': { zh: '预警', en: 'at risk' },
  'rag.red': { zh: '滞后', en: 'behind' },
  'rag.unknown': { zh: '暂无', en: 'n/a' },

  'county.title': { zh: '{name} 目标看板', en: '{name} — target board' },
  'county.rank': { zh: '全市排名', en: 'City rank' },
  'county.rankValue': { zh: '第 {r} 名 / 共 {n} 个', en: '{r} of {n}' },
  'county.switch': { zh: '切换县区', en: 'Switch county' },
  'county.targetStatus': { zh: '目标达成情况', en: 'Targets' },

  'ent.list': { zh: '企业名录', en: 'Enterprises' },
  'ent.search': { zh: '搜索企业名称或编号', en: 'Search name or id' },
  'ent.searchLabel': { zh: '搜索', en: 'Search' },
  'ent.filter.scale': { zh: '规模', en: 'Scale' },
  'ent.filter.covered': { zh: '改造覆盖', en: 'Coverage' },
  'ent.filter.sector': { zh: '行业', en: 'Sector' },
  'ent.filter.status': { zh: '运行状态', en: 'Status' },
  'ent.filter.all': { zh: '全部', en: 'All' },
  'ent.filter.reset': { zh: '重置', en: 'Reset' },
  'ent.col.name': { zh: '企业名称', en: 'Enterprise' },
  'ent.col.sector': { zh: '行业', en: 'Sector' },
  'ent.col.scale': { zh: '规模', en: 'Scale' },
  'ent.col.status': { zh: '运行状态', en: 'Status' },
  'ent.col.covered': { zh: '覆盖', en: 'Covered' },
  'ent.col.projects': { zh: '项目', en: 'Projects' },
  'ent.col.totalInvestment': { zh: '总投资', en: 'Total investment' },
  'ent.col.completed': { zh: '累计完成', en: 'Completed' },
  'ent.col.completedThisYear': { zh: '本年完成', en: 'This year' },
  'ent.col.flags': { zh: '上云 / 数字化 / 认定', en: 'Cloud / digital / cert.' },
  'ent.col.grants': { zh: '获得资金', en: 'Grants' },
  'ent.page': { zh: '共 {n} 家 · 第 {p} / {pages} 页', en: '{n} firms · page {p} of {pages}' },
  'ent.prev': { zh: '上一页', en: 'Previous' },
  'ent.next': { zh: '下一页', en: 'Next' },
  'ent.first': { zh: '首页', en: 'First' },
  'ent.last': { zh: '末页', en: 'Last' },
  'ent.pageSize': { zh: '每页', en: 'Per page' },
  'ent.empty': { zh: '没有符合条件的企业', en: 'No matching enterprises' },
  'ent.sortBy': { zh: '按此列排序', en: 'Sort by this column' },

  'plan.title': { zh: '一企一策 · 未覆盖规上企业', en: 'One enterprise, one plan — uncovered above-scale firms' },
  'plan.none': { zh: '规上企业已全部覆盖', en: 'Every above-scale firm is covered' },
  'plan.count': { zh: '{n} 家', en: '{n} firms' },
  'plan.projects': { zh: '项目 {n} 个', en: '{n} projects' },

  'scale.above': { zh: '规上', en: 'Above scale' },
  'scale.below': { zh: '规下', en: 'Below scale' },
  'covered.yes': { zh: '已覆盖', en: 'Covered' },
  'covered.no': { zh: '未覆盖', en: 'Not covered' },
  'yes': { zh: '是', en: 'Yes' },
  'no': { zh: '否', en: 'No' },
  'none': { zh: '暂无', en: 'None' },

  'entStatus.active': { zh: '正常生产', en: 'Active' },
  'entStatus.halted': { zh: '停产', en: 'Halted' },
  'entStatus.semi-halted': { zh: '半停产', en: 'Semi-halted' },
  'entStatus.revived': { zh: '已复产', en: 'Revived' },

  'e.profile': { zh: '企业概况', en: 'Profile' },
  'e.id': { zh: '企业编号', en: 'ID' },
  'e.county': { zh: '所属县区', en: 'County' },
  'e.sector': { zh: '所属行业', en: 'Sector' },
  'e.scale': { zh: '规模', en: 'Scale' },
  'e.status': { zh: '运行状态', en: 'Operating status' },
  'e.covered': { zh: '改造覆盖', en: 'Covered by the programme' },
  'e.cloudSince': { zh: '上云时间', en: 'On the cloud since' },
  'e.digitalSince': { zh: '数字化转型时间', en: 'Digitally transformed since' },
  'e.version': { zh: '数据版本', en: 'Data version' },
  'e.updatedAt': { zh: '更新时间', en: 'Updated' },
  'e.totals': { zh: '投资汇总', en: 'Investment summary' },
  'e.totalInvestment': { zh: '项目总投资', en: 'Total investment' },
  'e.invested': { zh: '累计完成', en: 'Completed to date' },
  'e.plannedThisYear': { zh: '本年计划', en: 'Planned this year' },
  'e.projects': { zh: '改造项目', en: 'Projects' },
  'e.p.name': { zh: '项目名称', en: 'Project' },
  'e.p.kind': { zh: '类型', en: 'Kind' },
  'e.p.status': { zh: '状态', en: 'Status' },
  'e.p.period': { zh: '建设期', en: 'Period' },
  'e.p.total': { zh: '总投资', en: 'Total' },
  'e.p.planned': { zh: '本年计划', en: 'Planned this year' },
  'e.p.invested': { zh: '已完成', en: 'Invested' },
  'e.p.progress': { zh: '完成进度', en: 'Progress' },
  'e.p.monthly': { zh: '月度投资', en: 'Monthly investment' },
  'e.p.month': { zh: '月份', en: 'Month' },
  'e.p.amount': { zh: '完成投资', en: 'Amount' },
  'e.p.showMonths': { zh: '明细', en: 'Details' },
  'e.p.none': { zh: '暂无改造项目', en: 'No projects' },
  'pStatus.planned': { zh: '计划', en: 'Planned' },
  'pStatus.underway': { zh: '在建', en: 'Underway' },
  'pStatus.completed': { zh: '竣工', en: 'Completed' },
  'pStatus.cancelled': { zh: '取消', en: 'Cancelled' },
  'e.certs': { zh: '认定情况', en: 'Certifications' },
  'e.c.kind': { zh: '认定类别', en: 'Kind' },
  'e.c.level': { zh: '级别', en: 'Level' },
  'e.c.month': { zh: '认定时间', en: 'Month' },
  'cert.green-factory': { zh: '绿色工厂', en: 'Green factory' },
  'cert.smart-workshop': { zh: '智能车间', en: 'Smart workshop' },
  'cert.smart-factory': { zh: '智能工厂', en: 'Smart factory' },
  'cert.smart-manufacturing-benchmark': { zh: '智能制造标杆企业', en: 'Smart-manufacturing benchmark' },
  'cert.integration-demonstration': { zh: '两化融合示范企业', en: 'IT–industry integration demonstration' },
  'level.city': { zh: '市级', en: 'City' },
  'level.provincial': { zh: '省级', en: 'Provincial' },
  'level.national': { zh: '国家级', en: 'National' },
  'e.grants': { zh: '专项资金', en: 'Grants' },
  'e.g.batch': { zh: '批次', en: 'Batch' },
  'e.g.project': { zh: '支持项目', en: 'Project' },
  'e.g.class': { zh: '类别', en: 'Class' },
  'e.g.awarded': { zh: '下达', en: 'Awarded' },
  'e.g.disbursed': { zh: '拨付', en: 'Disbursed' },
  'e.g.month': { zh: '下达时间', en: 'Awarded' },
  'e.g.total': { zh: '合计', en: 'Total' },
  'grant.subsidy': { zh: '补助', en: 'Subsidy' },
  'grant.reward': { zh: '奖励', en: 'Reward' },
  'e.history': { zh: '变更记录', en: 'Change history' },
  'e.h.at': { zh: '时间', en: 'When' },
  'e.h.version': { zh: '版本', en: 'Version' },
  'e.h.actor': { zh: '操作人', en: 'Who' },
  'e.h.via': { zh: '渠道', en: 'Via' },
  'e.h.summary': { zh: '摘要', en: 'Summary' },
  'e.h.changes': { zh: '变更内容', en: 'Changes' },
  'action.seed': { zh: '初始数据', en: 'Seed data' },
  'action.upsert-enterprise': { zh: '更新企业信息', en: 'Enterprise updated' },
  'action.add-project': { zh: '新增项目', en: 'Project added' },
  'action.report-progress': { zh: '报告月度投资', en: 'Monthly investment reported' },
  'action.set-project-status': { zh: '变更项目状态', en: 'Project status changed' },
  'action.set-cloud': { zh: '登记上云', en: 'Cloud adoption recorded' },
  'action.set-digital': { zh: '登记数字化转型', en: 'Digital transformation recorded' },
  'action.add-certification': { zh: '新增认定', en: 'Certification added' },
  'action.record-grant': { zh: '记录专项资金', en: 'Grant recorded' },
  'via.api': { zh: '接口', en: 'API' },
  'via.seed': { zh: '初始数据', en: 'Seed' },
  'via.import': { zh: '批量导入', en: 'Import' },
  'e.live': { zh: '随县区看板实时刷新', en: "Refreshed live with the county's board" },
};

function initialLang() {
  try {
    const forced = new URLSearchParams(window.location.search).get('lang');
    if (forced === 'en' || forced === 'zh') return forced;
  } catch { /* no URL */ }
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh') return saved;
  } catch { /* storage blocked */ }
  const nav = (navigator.language || '').toLowerCase();
  return nav.startsWith('en') ? 'en' : 'zh';
}

let lang = initialLang();
const listeners = new Set();

export function getLang() { return lang; }

export function setLang(next, { remember = true } = {}) {
  if (next !== 'zh' && next !== 'en') return;
  if (remember) {
    try { window.localStorage.setItem(STORAGE_KEY, next); } catch { /* storage blocked */ }
  }
  if (next === lang) return;
  lang = next;
  for (const fn of listeners) fn(lang);
}

export function onLangChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Translate a key; {name} placeholders are replaced from params. */
export function t(key, params) {
  const entry = dict[key];
  let text = entry ? (entry[lang] ?? entry.zh) : key;
  if (params) text = text.replace(/\{(\w+)\}/g, (m, k) => (params[k] !== undefined ? String(params[k]) : m));
  return text;
}

/** Translate a key if the dictionary has it, else return the fallback (e.g. a code the server added later). */
export function tOr(key, fallback) {
  return dict[key] ? t(key) : fallback;
}

/** A county's display name: `name`/`nameZh` in Chinese, `nameEn` in English. */
export function countyName(c) {
  if (!c) return '';
  return lang === 'en' ? (c.nameEn || c.name || c.nameZh || c.id) : (c.name || c.nameZh || c.nameEn || c.id);
}

/** The html lang attribute of the current language. */
export function htmlLang() { return lang === 'en' ? 'en' : 'zh-CN'; }

/** Parenthesised aside in the current language's punctuation: "（x）" or " (x)". */
export function paren(text) {
  return lang === 'en' ? ` (${text})` : `（${text}）`;
}

/** List separator in the current language's punctuation. */
export function comma() {
  return lang === 'en' ? ', ' : '，';
}
