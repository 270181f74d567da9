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
