/* The card call: one board per category. Every change is the API's act; the board is drawn again from the
   server's stream after each, on every open screen. */
(function () {
  'use strict';
  const programmeId = GT.data.programmeId;
  const category = GT.data.category;
  const facilitator = GT.data.role === 'FACILITATOR';
  const base = GT.programmeUrl(programmeId) + '/boards/' + category;
  let board = null;
  let dragging = false;
  let pending = null;
  const selected = new Set();

  const where = (statementId) => {
    if (board.unclustered.some((s) => s.statementId === statementId)) { return 'unclustered'; }
    if (board.parked.some((s) => s.statementId === statementId)) { return 'parked'; }
    const t = board.themes.find((x) => x.statements.some((s) => s.statementId === statementId));
    return t ? 'theme:' + t.themeId : null;
  };

  /** Moves a card: to a theme (cluster), to the parked pile (park), back to the unclustered pile (unpark). */
  async function move(statementId, to) {
    const from = where(statementId);
    if (from === to) { return; }
    try {
      if (to === 'parked') {
        await GT.api('POST', base + '/parked', { statementId });
      } else if (to === 'unclustered') {
        if (from !== 'parked') {
          throw { detail: 'A card in a theme goes to another theme or to the parked pile; only a parked card returns to the pile.' };
        }
        await GT.api('DELETE', base + '/parked/' + encodeURIComponent(statementId));
      } else if (to.startsWith('theme:')) {
        if (from === 'parked') {
          await GT.api('DELETE', base + '/parked/' + encodeURIComponent(statementId));
        }
        await GT.api('POST', base + '/themes/' + encodeURIComponent(to.substring(6)) + '/statements', { statementId });
      }
      GT.say('Moved ' + GT.code(statementId) + '.');
    } catch (problem) {
      GT.refused(problem);
      draw(board);
    }
  }

  function targets(current) {
    const options = [];
    if (current === 'parked') { options.push(['unclustered', 'Not in a theme yet']); }
    for (const t of board.themes) {
      if ('theme:' + t.themeId !== current) { options.push(['theme:' + t.themeId, 'Theme: ' + t.title]); }
    }
    if (current !== 'parked') { options.push(['parked', 'Parked']); }
    return options;
  }

  function card(s, current) {
    const li = GT.el('li', { class: 'card cat-' + category + (s.erased ? ' erased' : ''), 'data-statement-id': s.statementId });
    li.append(GT.el('p', { class: 'words' }, s.erased ? '[erased]' : s.text));
    const meta = GT.el('p', { class: 'meta' }, GT.el('span', { class: 'code', text: GT.code(s.statementId) }));
    for (const f of s.flags || []) {
      meta.append(' ', GT.el('span', { class: 'flag', title: 'Quality checkpoint', text: f }));
    }
    li.append(meta);
    if (facilitator) {
      const label = 'Select card ' + GT.code(s.statementId);
      const box = GT.el('input', { type: 'checkbox', class: 'select', 'aria-label': label, checked: selected.has(s.statementId) });
      box.addEventListener('change', () => { box.checked ? selected.add(s.statementId) : selected.delete(s.statementId); });
      const choose = GT.el('select', { class: 'move-to', 'aria-label': 'Move card ' + GT.code(s.statementId) + ' to' });
      for (const [value, text] of targets(current)) { choose.append(GT.el('option', { value }, text)); }
      const go = GT.el('button', { type: 'button', class: 'move', onclick: () => move(s.statementId, choose.value) }, 'Move');
      li.append(GT.el('div', { class: 'card-tools' }, box, choose, go));
    }
    return li;
  }

  function themeBox(t) {
    const article = GT.el('article', { class: 'theme', 'data-theme-id': t.themeId, 'aria-labelledby': 'theme-' + t.themeId });
    article.append(GT.el('h3', { id: 'theme-' + t.themeId, class: 'theme-title' }, t.title,
      ' ', GT.el('span', { class: 'count', text: '(' + t.statements.length + ')' })));
    if (t.votes) { article.append(GT.el('p', { class: 'votes', text: t.votes + ' votes' })); }
    const list = GT.el('ul', { class: 'cards', 'data-drop': 'theme:' + t.themeId });
    for (const s of t.statements) { list.append(card(s, 'theme:' + t.themeId)); }
    article.append(list);
    if (facilitator) {
      const rename = GT.el('form', { class: 'inline rename' });
      const input = GT.el('input', { value: t.title, 'aria-label': 'New title for ' + t.title, required: true });
      rename.append(input, GT.el('button', { type: 'submit' }, 'Rename'));
      rename.addEventListener('submit', (e) => {
        e.preventDefault();
        GT.api('PUT', base + '/themes/' + encodeURIComponent(t.themeId) + '/title', { title: input.value })
          .then(() => GT.say('Renamed to “' + input.value + '”.')).catch(GT.refused);
      });
      const merge = GT.el('form', { class: 'inline merge' });
      const other = GT.el('select', { 'aria-label': 'Theme to merge into ' + t.title });
      for (const o of board.themes) {
        if (o.themeId !== t.themeId) { other.append(GT.el('option', { value: o.themeId }, o.title)); }
      }
      merge.append(other, GT.el('button', { type: 'submit', disabled: board.themes.length < 2 }, 'Merge into this theme'));
      merge.addEventListener('submit', (e) => {
        e.preventDefault();
        GT.api('POST', base + '/themes/' + encodeURIComponent(t.themeId) + '/merge', { themeIds: [other.value] })
          .then(() => GT.say('Merged.')).catch(GT.refused);
      });
      const split = GT.el('button', { type: 'button', class: 'split' }, 'Split the selected cards into a new theme');
      split.addEventListener('click', () => {
        const ids = t.statements.map((s) => s.statementId).filter((id) => selected.has(id));
        const title = document.getElementById('new-theme-title').value;
        if (ids.length === 0 || !title) {
          GT.say('Select cards of this theme and write the new theme’s title above first.', 'problem');
          return;
        }
        GT.api('POST', base + '/themes/' + encodeURIComponent(t.themeId) + '/split', { title, statementIds: ids })
          .then(() => { ids.forEach((id) => selected.delete(id)); GT.say('Split into “' + title + '”.'); })
          .catch(GT.refused);
      });
      article.append(GT.el('div', { class: 'theme-tools' }, rename, merge, split));
    }
    return article;
  }

  function sortable(list) {
    if (!facilitator || typeof Sortable === 'undefined') { return; }
    Sortable.create(list, {
      group: 'board', sort: false, animation: 120, forceFallback: true, fallbackOnBody: true,
      filter: 'input, select, button, label', preventOnFilter: false,
      onStart: () => { dragging = true; },
      onEnd: (evt) => {
        dragging = false;
        const to = evt.to.dataset.drop;
        const id = evt.item.dataset.statementId;
        if (evt.from !== evt.to) { move(id, to); }
        if (pending) { const b = pending; pending = null; draw(b); }
      }
    });
  }

  function draw(b) {
    board = b;
    document.getElementById('board').removeAttribute('aria-busy');
    const unclustered = document.getElementById('unclustered');
    unclustered.replaceChildren(...b.unclustered.map((s) => card(s, 'unclustered')));
    document.getElementById('unclustered-count').textContent = '(' + b.unclustered.length + ')';
    const parked = document.getElementById('parked');
    parked.replaceChildren(...b.parked.map((s) => card(s, 'parked')));
    document.getElementById('parked-count').textContent = '(' + b.parked.length + ')';
    const themes = document.getElementById('themes');
    themes.replaceChildren(...b.themes.map(themeBox));
    document.querySelectorAll('ul.cards').forEach(sortable);
    const link = document.getElementById('voting-link');
    if (b.votingId) {
      link.hidden = false;
      link.replaceChildren(GT.el('a', { href: '/app/programmes/' + encodeURIComponent(programmeId) + '/votings/' + encodeURIComponent(b.votingId) }, 'The voting round'));
    }
  }

  if (facilitator) {
    document.getElementById('facilitator-tools').hidden = false;
    document.getElementById('new-theme').addEventListener('submit', (e) => {
      e.preventDefault();
      const title = document.getElementById('new-theme-title').value;
      const ids = [...selected].filter((id) => where(id) === 'unclustered' || where(id) === 'parked');
      if (ids.length === 0) { GT.say('Select one or more cards that are not in a theme yet first.', 'problem'); return; }
      GT.api('POST', base + '/themes', { title, statementIds: ids })
        .then(() => { ids.forEach((id) => selected.delete(id)); GT.say('Theme “' + title + '” created.'); })
        .catch(GT.refused);
    });
    if (category === 'NOT_WORKING') {
      const open = document.getElementById('open-voting');
      open.hidden = false;
      open.addEventListener('click', () => {
        GT.api('POST', GT.programmeUrl(programmeId) + '/votings', { votesPerParticipant: 3, selectTop: 5 })
          .then((created) => { window.location.href = '/app/programmes/' + encodeURIComponent(programmeId) + '/votings/' + encodeURIComponent(created.votingId); })
          .catch(GT.refused);
      });
    }
  }

  GT.stream(base + '/stream', 'board', (b) => { if (dragging) { pending = b; } else { draw(b); } });
})();
