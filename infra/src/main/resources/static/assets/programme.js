(function () {
  'use strict';
  const id = GT.data.programmeId;
  GT.api('GET', GT.programmeUrl(id)).then((p) => {
    document.getElementById('purpose').textContent = p.purpose;
    document.title = p.purpose + ' — Golden Thread';
    document.getElementById('level').textContent = p.level;
    const sample = document.getElementById('sample');
    sample.replaceChildren(GT.el('p', {},
      p.reviews + ' reviews, ' + p.statements + ' statements (' +
      Object.entries(p.statementsByCategory || {}).map(([k, v]) => k + ' ' + v).join(', ') + '); ' +
      p.flaggedStatements + ' flagged at the quality checkpoint.'));
    if (p.samplePlan) {
      const sp = p.samplePlan;
      const dl = GT.el('dl', { class: 'plan' });
      for (const [k, label] of [['what', 'What'], ['how', 'How'], ['who', 'Who'], ['where', 'Where'], ['when', 'When'],
        ['quantity', 'How many reviews'], ['populationSize', 'Out of']]) {
        dl.append(GT.el('dt', {}, label), GT.el('dd', {}, sp[k] === null || sp[k] === undefined ? '—' : String(sp[k])));
      }
      sample.append(dl);
    } else {
      sample.append(GT.el('p', {}, 'No sample plan yet.'));
    }
    const advisories = document.getElementById('advisories');
    for (const a of p.advisories || []) {
      advisories.append(GT.el('li', { class: 'advisory ' + (a.ok ? 'ok' : 'warn') },
        GT.el('strong', {}, a.ok ? 'OK: ' : 'Advice: '), a.topic + ' — ' + a.message));
    }
    const people = document.getElementById('participants');
    const byPerspective = {};
    for (const x of p.participants || []) {
      byPerspective[x.perspective] = (byPerspective[x.perspective] || 0) + 1;
      people.append(GT.el('li', {}, x.name || '(name erased)', ' ', GT.el('span', { class: 'tag', text: x.perspective })));
    }
    document.getElementById('balance').textContent = 'Attendance by perspective: ' +
      (Object.entries(byPerspective).map(([k, v]) => k + ' ' + v).join(', ') || 'nobody registered yet');
  }).catch(GT.refused);
  GT.api('GET', GT.programmeUrl(id) + '/progress').then((progress) => {
    const steps = document.getElementById('steps');
    for (const step of progress.steps || []) {
      steps.append(GT.el('li', { class: 'step step-' + String(step.status).toLowerCase() },
        GT.el('strong', {}, step.name), ' — ', step.status, step.summary ? ': ' + step.summary : ''));
    }
    const themes = document.getElementById('prioritised');
    themes.replaceChildren(...(progress.prioritisedThemes || []).map((t) => GT.el('li', {},
      GT.el('a', { href: '/app/programmes/' + encodeURIComponent(id) + '/themes/' + encodeURIComponent(t.themeId), class: 'theme-link' },
        t.title), ' (rank ' + t.rank + ', ' + t.votes + ' votes)')));
    if (!themes.children.length) { themes.append(GT.el('li', {}, 'No theme is prioritised yet.')); }
  }).catch(GT.refused);
})();
