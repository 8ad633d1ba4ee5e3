(function () {
  'use strict';
  const list = document.getElementById('programmes');
  GT.api('GET', '/api/programmes').then((programmes) => {
    list.removeAttribute('aria-busy');
    if (programmes.length === 0) {
      list.append(GT.el('li', { text: 'You are not a member of any programme yet.' }));
      return;
    }
    for (const p of programmes) {
      list.append(GT.el('li', {},
        GT.el('a', { href: '/app/programmes/' + encodeURIComponent(p.programmeId), class: 'programme-link' }, p.purpose),
        ' ', GT.el('span', { class: 'tag', text: p.level })));
    }
  }).catch(GT.refused);
})();
