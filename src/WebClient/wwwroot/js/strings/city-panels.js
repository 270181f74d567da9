// The city board's two panels: the overview (fits a 1920×1080 wall screen) and the bureau's records.
import { dict } from '../i18n.js';

Object.assign(dict, {
  'panels.label': { zh: '看板内容', en: 'Board panels' },
  'panels.overview': { zh: '总览', en: 'Overview' },
  'panels.records': { zh: '答复口径 · 项目库 · 月调度', en: 'Reply figures · project database · monthly scheduling' },
});
