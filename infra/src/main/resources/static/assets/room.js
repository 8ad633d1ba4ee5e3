/* The room view for the projector: large cards, colour coded, read-only, live. */
(function () {
  'use strict';
  const base = GT.programmeUrl(GT.data.programmeId) + '/boards/' + GT.data.category;
  GT.stream(base + '/stream', 'board', (b) => {
    const box = document.getElementById('room-themes');
    box.replaceChildren(...b.themes.map((t) => GT.el('section', { class: 'room-theme', 'data-theme-id': t.themeId },
      GT.el('h2', {}, t.title, ' ', GT.el('span', { class: 'count', text: '(' + t.statements.length + ')' })),
      GT.el('ul', { class: 'cards' }, ...t.statements.map((s) => GT.el('li', { class: 'card big cat-' + GT.data.category, 'data-statement-id': s.statementId },
        s.erased ? '[erased]' : s.text))))));
    document.getElementById('room-unclustered').textContent = b.unclustered.length;
    document.getElementById('room-parked').textContent = b.parked.length;
  });
})();
