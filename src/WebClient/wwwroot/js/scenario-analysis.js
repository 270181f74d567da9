// Mounts the analysis module on the scenarios page (#scenario-analysis), following the page's own language switch
// (the page sets <html lang>; the shared i18n follows it).
import { mountAnalysis } from './analysis.js';
import { setLang } from './i18n.js';

const follow = () => setLang(document.documentElement.lang === 'en' ? 'en' : 'zh', { remember: false });
setLang(localStorage.getItem('scenarios.lang') === 'en' ? 'en' : 'zh', { remember: false });
const target = document.getElementById('scenario-analysis');
if (target) mountAnalysis(target);
new MutationObserver(follow).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
