/* Collect: record a person's review (at most two statements per category; a refusal says why), import a CSV file
   with a dry run that lists every bad line, and the statements the quality checkpoint flagged. */
(function () {
  'use strict';
  const programmeId = GT.data.programmeId;
  const api = GT.programmeUrl(programmeId);
  const CATEGORIES = ['WORKING', 'NOT_WORKING', 'FUTURE'];

  async function flagged() {
    const list = document.getElementById('flagged');
    const boards = await Promise.all(CATEGORIES.map((c) => GT.api('GET', api + '/boards/' + c)));
    const cards = [];
    boards.forEach((b, i) => {
      const all = b.unclustered.concat(b.parked, ...b.themes.map((t) => t.statements));
      for (const s of all.filter((x) => x.flags && x.flags.length)) {
        cards.push(GT.el('li', { class: 'card cat-' + CATEGORIES[i] },
          GT.el('p', { class: 'words' }, s.erased ? '[erased]' : s.text),
          GT.el('p', { class: 'meta' }, GT.el('span', { class: 'code', text: GT.code(s.statementId) }), ' ',
            ...s.flags.map((f) => GT.el('span', { class: 'flag', text: f })))));
      }
    });
    list.replaceChildren(...(cards.length ? cards : [GT.el('li', {}, 'No statement is flagged.')]));
  }

  document.getElementById('review').addEventListener('submit', (e) => {
    e.preventDefault();
    const statements = [];
    for (const c of CATEGORIES) {
      for (const priority of [1, 2]) {
        const text = document.getElementById(c + '-' + priority).value.trim();
        if (text) { statements.push({ category: c, priority, text }); }
      }
    }
    GT.api('POST', api + '/reviews', { person: document.getElementById('person').value, statements })
      .then((r) => {
        GT.say('Recorded: ' + r.statementIds.length + ' statements.');
        document.getElementById('review').reset();
        return flagged();
      })
      .catch(GT.refused);
  });

  async function upload(dryRun) {
    const file = document.getElementById('csv-file').files[0];
    const box = document.getElementById('import-result');
    if (!file) { GT.say('Choose a CSV file first.', 'problem'); return; }
    let body;
    try {
      body = await GT.api('POST', api + '/statements/import?dryRun=' + dryRun, await file.text(), 'text/csv');
    } catch (problem) {
      GT.refused(problem);
      const rows = (problem.errors || []).map((l) => GT.el('tr', {}, GT.el('td', {}, String(l.line)),
        GT.el('td', {}, l.field || ''), GT.el('td', {}, l.reason || l.rule || '')));
      box.replaceChildren(rows.length ? GT.el('table', { class: 'errors' },
        GT.el('caption', {}, 'Bad lines'),
        GT.el('thead', {}, GT.el('tr', {}, GT.el('th', { scope: 'col' }, 'Line'), GT.el('th', { scope: 'col' }, 'Field'),
          GT.el('th', { scope: 'col' }, 'Why'))),
        GT.el('tbody', {}, ...rows)) : '');
      return;
    }
    box.replaceChildren(GT.el('p', { class: 'notice' }, (body.dryRun ? 'The file is good: ' : 'Imported: ') +
      body.rows + ' rows, ' + body.reviews + ' reviews, ' + body.statements + ' statements, ' + body.flagged + ' flagged.'));
    if (!body.dryRun) { await flagged(); }
  }
  document.getElementById('dry-run').addEventListener('click', () => upload(true).catch(GT.refused));
  document.getElementById('import').addEventListener('click', () => upload(false).catch(GT.refused));
  flagged().catch(GT.refused);
})();
