// The old separate pages (/batches.html?batch=ID, /scenarios.html#ID) now live inside the one app: send a visitor (and
// a bookmark) to the same thing there. An external script, so the pages carry no inline script.
(function () {
  var page = window.location.pathname.replace(/^.*\//, '');
  var params = new URLSearchParams(window.location.search);
  var lang = params.get('lang');
  var query = lang === 'en' || lang === 'zh' ? '?lang=' + lang : '';
  var target = '#/';
  if (page === 'batches.html') {
    var batch = params.get('batch');
    target = '#/batches' + (batch ? '/' + encodeURIComponent(batch) : '');
  } else if (page === 'scenarios.html') {
    var id = window.location.hash.replace(/^#\/?/, '');
    target = '#/scenarios' + (id ? '/' + encodeURIComponent(id) : '');
  }
  window.location.replace('/' + query + target);
})();
