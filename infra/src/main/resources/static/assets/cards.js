/* The statements of a board as cards to print and cut: colour coded, one statement per card, each with a code
   that links back to the statement. */
(function () {
  'use strict';
  const programmeId = GT.data.programmeId;
  const category = GT.data.category;
  GT.api('GET', GT.programmeUrl(programmeId) + '/boards/' + category).then((b) => {
    const all = b.unclustered.concat(...b.themes.map((t) => t.statements), b.parked);
    const list = document.getElementById('print-cards');
    list.replaceChildren(...all.map((s) => {
      const href = '/app/programmes/' + encodeURIComponent(programmeId) + '/thread?from=' +
        encodeURIComponent('statement:' + s.statementId) + '&direction=forward';
      return GT.el('li', { class: 'print-card cat-' + category, 'data-statement-id': s.statementId },
        GT.el('p', { class: 'words' }, s.erased ? '[erased]' : s.text),
        GT.el('p', { class: 'meta' }, GT.el('a', { href, class: 'code' }, GT.code(s.statementId)),
          GT.el('br'), GT.el('span', { class: 'full-id' }, 'statement:' + s.statementId)));
    }));
    list.removeAttribute('aria-busy');
  }).catch(GT.refused);
})();
