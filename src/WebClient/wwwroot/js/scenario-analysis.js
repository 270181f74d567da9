// Mounts the analysis module on the scenarios page (#scenario-analysis), following the page's own language switch.
import { mountAnalysis } from './analysis.js';
import { setLang } from './i18n.js';

const pageLang = () => (document.documentElement.lang === 'en' ? 'en' : 'zh');
setLang(localStorage.getItem('scenarios.lang') === 'en' ? 'en' : 'zh', { remember: false });
const target = document.getElementById('scenario-analysis');
if (target) mountAnalysis(target);
document.getElementById('lang')?.addEventListener('click', () => setLang(pageLang(), { remember: false }));
