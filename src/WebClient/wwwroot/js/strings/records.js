// Strings of the bureau's records (issue 14): the reply's two readings, the project database, monthly scheduling.
import { dict } from '../i18n.js';

Object.assign(dict, {
  'readings.title': { zh: '答复口径 · 两种读数', en: 'As the bureau reports it · two readings' },
  'readings.caption': { zh: '同一组数据按两种基数计算，各注明其基数。', en: 'The same figures on two bases, each named.' },
  'readings.coverage': { zh: '改造覆盖率', en: 'Transformation coverage' },
  'readings.coverage.prior': { zh: '{year}年规上企业名录 {n} 家，已实施改造 {covered} 家', en: '{covered} of the {n} firms on the {year} above-scale list' },
  'readings.coverage.current': { zh: '按{year}年名录 {n} 家（含新入规 {newly} 家），还差 {left} 家', en: 'on the {year} list: {n} firms incl. {newly} newly above scale; {left} to go' },
  'readings.completion': { zh: '完成年度目标', en: 'Annual goal completed' },
  'readings.completion.plan': { zh: '{n} 个项目年度计划投资 {plan}，前{months}个月完成投资 {done}', en: '{done} completed Jan–{monthName} of the {n} projects\' annual plan of {plan}' },
  'readings.completion.target': { zh: '占年度计划完成投资目标 {target}', en: 'of the annual target of {target} completed investment' },
  'readings.basis.prior': { zh: '基数：上年名录', en: 'base: last year\'s list' },
  'readings.basis.current': { zh: '基数：本年名录', en: 'base: this year\'s list' },
  'readings.basis.plan': { zh: '基数：项目年度计划', en: 'base: the projects\' plan' },
  'readings.basis.target': { zh: '基数：年度目标', en: 'base: the annual target' },
});

Object.assign(dict, {
  'db.title': { zh: '项目库 · 开工率', en: 'Project database · start rate' },
  'db.startRate': { zh: '开工率', en: 'Start rate' },
  'db.startLine': { zh: '今年计划开工 {planned} 个，已开工 {started} 个', en: '{started} of {planned} projects planned to start this year have started' },
  'db.entered': { zh: '已入库', en: 'Entered' },
  'db.pending': { zh: '待审核', en: 'Awaiting review' },
  'db.exited': { zh: '已出库', en: 'Left' },
  'db.key': { zh: '重点项目', en: 'Key projects' },
  'db.byCounty': { zh: '各县（市、区）开工率', en: 'Start rate by county' },
  'db.link': { zh: '查看项目库', en: 'Open the project database' },
});

Object.assign(dict, {
  'sched.title': { zh: '月调度 · {month}', en: 'Monthly scheduling · {month}' },
  'sched.due': { zh: '截止 {date}', en: 'due {date}' },
  'sched.overdue': { zh: '已过截止日', en: 'past due' },
  'sched.line': { zh: '应报 {due} 个，已报 {reported} 个', en: '{reported} of {due} underway projects reported' },
  'sched.completeness': { zh: '填报完整率', en: 'Completeness' },
  'sched.missing': { zh: '未报项目', en: 'Not yet reported' },
  'sched.none': { zh: '全部已报', en: 'All reported' },
  'sched.byCounty': { zh: '各县（市、区）填报完整率', en: 'Completeness by county' },
  'sched.last': { zh: '上次 {month}：{pct}', en: 'last {month}: {pct}' },
});

Object.assign(dict, {
  'more.title': { zh: '年度专项目标 · 平台与中小企业', en: 'Annual goals · platform and SMEs' },
  'more.smeCloud': { zh: '带动中小企业上云', en: 'SMEs led onto the cloud' },
  'more.smeDigital': { zh: '带动中小企业数字化改造', en: 'SMEs led through digital transformation' },
  'more.platformUsers': { zh: '工业互联网平台注册用户', en: 'Industrial-internet platform users' },
  'more.platformDigital': { zh: '以平台推动企业数字化改造', en: 'Digital transformations via the platform' },
  'more.platformCloud': { zh: '以平台带动企业上云', en: 'Cloud adoptions via the platform' },
  'more.atLeast': { zh: '目标 ≥ {n} 家', en: 'target ≥ {n}' },
  'more.notTracked': { zh: '平台数据尚未接入，仅列目标', en: 'platform data not yet connected: target only' },
});

// Machine-replaces-labour support as a policy lever of a scenario (机器换人支持比例).
Object.assign(dict, {
  'sc.machineRatio': { zh: '机器换人支持比例（%，设备投资）', en: 'Machine-replaces-labour support (% of equipment investment)' },
});

// The county worklist (工作清单), the first card of a county's workspace.
Object.assign(dict, {
  'wl.title': { zh: '工作清单', en: 'Worklist' },
  'wl.summary': { zh: '共 {n} 项待办；{month} 月调度须于 {due} 前报送。', en: '{n} things to do; the {month} scheduling reports are due by {due}.' },
  'wl.empty': { zh: '暂无待办事项。', en: 'Nothing to do.' },
  'wl.error': { zh: '工作清单暂时无法读取，稍后自动重试。', en: 'The worklist cannot be read right now; it retries by itself.' },
  'wl.wan': { zh: '万元', en: '10k CNY' },
  'wl.unreported': { zh: '本月未报送月调度（{n} 个项目，截止 {due}）', en: 'Not yet reported this month ({n} projects, due {due})' },
  'wl.uncovered-firm': { zh: '尚未实施改造的规上企业（{n} 家）', en: 'Above-scale firms not yet covered ({n})' },
  'wl.behind-plan': { zh: '投资进度落后于年度计划的项目（{n} 个）', en: 'Projects behind their own annual plan ({n})' },
  'wl.application-review': { zh: '待县级审核的资金申报（{n} 件）', en: 'Grant applications awaiting the county\'s review ({n})' },
  'wl.unreported.item': { zh: '{firm} · {project}：报送 {month} 月调度', en: '{firm} · {project}: report {month}' },
  'wl.uncovered.item': { zh: '{firm}：{plan}', en: '{firm}: {plan}' },
  'wl.behind.item': { zh: '{firm} · {project}：今年完成 {invested}，按计划应完成 {expected}', en: '{firm} · {project}: {invested} this year against {expected} by plan' },
  'wl.review.item': { zh: '{firm} · {project}（{batch}）：{stage}', en: '{firm} · {project} ({batch}): {stage}' },
  'wl.plan.none': { zh: '尚无改造项目，需谋划一企一策', en: 'no project yet — plan one (一企一策)' },
  'wl.plan.proposed': { zh: '项目已谋划，待县级审核', en: 'project planned, awaiting the county\'s review' },
  'wl.plan.county-reviewed': { zh: '县级已审核，待市级入库', en: 'reviewed by the county, awaiting entry by the city' },
  'wl.plan.entered': { zh: '项目已入库，尚未开工', en: 'project entered, not yet started' },
  'wl.stage.county-check': { zh: '县级现场核查', en: 'county on-site check' },
  'wl.stage.county-recommendation': { zh: '县级联合推荐', en: 'county joint recommendation' },
});
