/* Step 8: the process review, and publishing the WTfC report (HTML and PDF). */
(function () {
  'use strict';
  const programmeId = GT.data.programmeId;
  const api = GT.programmeUrl(programmeId);
  const lines = (id) => document.getElementById(id).value.split('\n').map((x) => x.trim()).filter((x) => x);
  function reviews() {
    return GT.api('GET', api + '/process-reviews').then((all) => {
      document.getElementById('process-reviews').replaceChildren(...(all || []).map((r) => GT.el('li', {},
        GT.el('span', { class: 'tag', text: r.perspective }), ' worked: ' + (r.working || []).join('; ') +
        ' — did not: ' + (r.notWorking || []).join('; '))));
    });
  }
  document.getElementById('process-review').addEventListener('submit', (e) => {
    e.preventDefault();
    GT.api('POST', api + '/process-reviews', { perspective: document.getElementById('review-perspective').value,
      working: lines('review-working'), notWorking: lines('review-not-working') })
      .then(() => { GT.say('Process review recorded.'); document.getElementById('process-review').reset(); return reviews(); })
      .catch(GT.refused);
  });
  document.getElementById('publish').addEventListener('click', () => {
    GT.api('POST', api + '/reports').then((r) => {
      const base = api + '/reports/' + encodeURIComponent(r.reportId);
      GT.say('The report is published.');
      document.getElementById('report-link').replaceChildren(GT.el('a', { href: base }, 'Read the report'), ' · ',
        GT.el('a', { href: base + '.pdf' }, 'PDF'));
    }).catch(GT.refused);
  });
  reviews().catch(GT.refused);
})();
