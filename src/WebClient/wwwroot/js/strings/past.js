// Strings of the board as of a past month (?asOf=YYYY-MM).
import { dict } from '../i18n.js';

Object.assign(dict, {
  'past.banner': { zh: '历史视图：{m}末的看板（按各企业记录重算），不接收实时更新。', en: 'Past view: the board at the end of {m} (recomputed from each firm\'s records); live updates are not applied.' },
  'past.backLive': { zh: '返回实时看板', en: 'Back to the live board' },
  'past.outside': { zh: '没有{m}的看板：记录覆盖 {first} 至 {last}（当前报告月份）。', en: 'No board for {m}: the records cover {first} to {last} (the reporting month).' },
  'past.badMonth': { zh: '“{m}”不是有效月份，请写作 年-月，如 2022-05。', en: '“{m}” is not a month: write it as YYYY-MM, e.g. 2022-05.' },
  'past.error': { zh: '历史看板暂时无法读取，请稍后重试。', en: 'The past board could not be read; please try again shortly.' },
  'past.targetsNote': { zh: '{y}年的年度目标未单独记录，图中对照的是{t}年度目标。', en: 'Targets for {y} are not recorded separately; the board compares with the {t} targets.' },
  'past.trendHint': { zh: '点击某月的柱或点，查看该月末的看板。', en: 'Click a month’s bar or point to open the board as of that month.' },
});
