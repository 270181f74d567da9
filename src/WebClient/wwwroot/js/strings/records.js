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
