/* The golden thread explorer: from an action plan, idea, measure or KPI back to people's own words; from a
   statement forward to what was done; as it stood at an earlier instant. Erased words are shown as erased. */
(function () {
  'use strict';
  const programmeId = GT.data.programmeId;
  const api = GT.programmeUrl(programmeId);
  const page = '/app/programmes/' + encodeURIComponent(programmeId) + '/thread';
  const params = new URLSearchParams(window.location.search);
  const NAMES = { statement: 'Statement', theme: 'Theme', priority: 'Prioritised theme', cause: 'Root cause',
    success: 'Success statement', measure: 'Measure', idea: 'Idea', plan: 'Action plan', kpi: 'KPI', contract: 'Contract' };

  const link = (from, direction, text) => {
    const q = new URLSearchParams({ from, direction });
    if (params.get('asOf')) { q.set('asOf', params.get('asOf')); }
    return GT.el('a', { href: page + '?' + q.toString(), class: 'walk ' + direction }, text);
  };

  function node(n) {
    const type = String(n.type).toLowerCase();
    const li = GT.el('li', { class: 'node node-' + type, 'data-node': type + ':' + n.id });
    const head = GT.el('p', { class: 'node-head' }, GT.el('span', { class: 'tag', text: NAMES[type] || type }), ' ');
    if (type === 'statement') {
      head.append(GT.el('q', { class: n.erased ? 'words erased' : 'words' }, n.erased ? '[erased]' : (n.text || n.label)));
    } else {
      head.append(GT.el('strong', {}, n.label || n.text || n.id));
      if (n.text && n.text !== n.label) { head.append(' — ', n.text); }
    }
    if (n.link) {
      head.append(' ', GT.el('span', { class: 'link-made' }, '(' + n.link.relation + ', ' +
        new Date(n.link.madeAt).toLocaleString('en-GB') + (n.link.madeBy ? ' by ' + n.link.madeBy : '') +
        (n.link.unmadeAt ? '; undone ' + new Date(n.link.unmadeAt).toLocaleString('en-GB') : '') + ')'));
    }
    if (n.repeat) { head.append(' ', GT.el('span', { class: 'count', text: '(shown above)' })); }
    head.append(' ', type === 'statement'
      ? link(type + ':' + n.id, 'forward', 'What was done with this')
      : link(type + ':' + n.id, 'back', 'Back to people’s words'));
    li.append(head);
    if (n.children && n.children.length) { li.append(GT.el('ul', {}, ...n.children.map(node))); }
    return li;
  }

  async function starts() {
    const box = document.getElementById('starts');
    const progress = await GT.api('GET', api + '/progress' + (params.get('asOf') ? '?asOf=' + encodeURIComponent(params.get('asOf')) : ''));
    const themes = progress.prioritisedThemes || [];
    if (themes.length === 0) {
      box.replaceChildren(GT.el('p', {}, 'No theme has been prioritised yet: vote first.'));
    }
    for (const t of themes) {
      const work = await GT.api('GET', api + '/themes/' + encodeURIComponent(t.themeId) + '/work');
      const items = [];
      for (const p of work.plans || []) {
        items.push(GT.el('li', {}, link('plan:' + p.planId, 'back', 'Action plan: ' + ((p.content && p.content.keyFeatures) || p.planId))));
      }
      for (const i of (work.ideas || []).filter((x) => x.chosen)) {
        items.push(GT.el('li', {}, link('idea:' + i.ideaId, 'back', 'Idea: ' + i.text)));
      }
      for (const s of work.successStatements || []) {
        for (const m of s.measures || []) {
          items.push(GT.el('li', {}, link('measure:' + m.measureId, 'back', 'Measure: ' + m.description)));
        }
      }
      box.append(GT.el('section', { class: 'start-theme' }, GT.el('h3', {}, t.title),
        items.length ? GT.el('ul', { class: 'list' }, ...items) : GT.el('p', {}, 'Nothing planned for this theme yet.'),
        GT.el('p', {}, link('theme:' + t.themeId, 'forward', 'Everything done for “' + t.title + '”'))));
    }
    box.removeAttribute('aria-busy');
  }

  async function walk() {
    document.getElementById('start').hidden = true;
    document.getElementById('walk').hidden = false;
    const q = new URLSearchParams({ from: params.get('from'), direction: params.get('direction') || 'back' });
    if (params.get('asOf')) { q.set('asOf', params.get('asOf')); }
    const view = await GT.api('GET', api + '/thread?' + q.toString());
    document.getElementById('walk-h').textContent = (q.get('direction') === 'forward' ? 'Forward from ' : 'Back from ') +
      (NAMES[String(view.type).toLowerCase()] || view.type).toLowerCase();
    document.getElementById('tree').replaceChildren(node(view));
  }

  document.getElementById('back-to-start').href = page + (params.get('asOf') ? '?asOf=' + encodeURIComponent(params.get('asOf')) : '');
  if (params.get('asOf')) {
    const shown = document.getElementById('as-of-shown');
    shown.hidden = false;
    shown.textContent = 'As it stood at ' + new Date(params.get('asOf')).toLocaleString('en-GB') + '.';
  }
  document.getElementById('when').addEventListener('submit', (e) => {
    e.preventDefault();
    const value = document.getElementById('as-of').value;
    if (!value) { GT.say('Choose a date and time first.', 'problem'); return; }
    params.set('asOf', new Date(value).toISOString());
    window.location.search = params.toString();
  });
  document.getElementById('reference').addEventListener('submit', (e) => {
    e.preventDefault();
    const type = document.getElementById('ref-type').value;
    let id = document.getElementById('ref-id').value.trim();
    if (id.startsWith(type + ':')) { id = id.substring(type.length + 1); }
    params.set('from', type + ':' + id);
    params.set('direction', type === 'statement' ? 'forward' : 'back');
    window.location.search = params.toString();
  });
  document.getElementById('now').addEventListener('click', () => { params.delete('asOf'); window.location.search = params.toString(); });
  (params.get('from') ? walk() : starts()).catch(GT.refused);
})();
