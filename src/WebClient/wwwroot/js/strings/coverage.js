// Coverage wording for below-scale firms (coverage counts above-scale firms only).
import { dict } from '../i18n.js';

Object.assign(dict, {
  'covered.na': { zh: '不计入', en: 'Not counted' },
  'covered.naHint': { zh: '规下企业不计入改造覆盖率', en: 'Below-scale firms are outside the coverage target' },
});
