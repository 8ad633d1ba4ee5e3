/* Steps 4–7 for one prioritised theme: the five-whys tree (guard-rail flags shown), success statements and their
   measures (baselines and actuals), ideas in three modes with the effort/impact grid, action plans and milestones. */
(function () {
  'use strict';
  const programmeId = GT.data.programmeId;
  const themeId = GT.data.themeId;
  const facilitator = GT.data.role === 'FACILITATOR';
  const api = GT.programmeUrl(programmeId);
  const PERSPECTIVES = ['PERSON', 'CARER_FAMILY', 'COMMISSIONER', 'PROVIDER', 'PRACTITIONER', 'OTHER'];
  let participantId = null;
  const ok = (text) => () => { GT.say(text); return load(); };

  document.querySelectorAll('select.perspective').forEach((s) => PERSPECTIVES.forEach((p) => s.append(GT.el('option', {}, p))));
  if (facilitator) { document.querySelectorAll('.facilitator-only').forEach((e) => { e.hidden = false; }); }

  function causeForm(whyId) {
    const form = GT.el('form', { class: 'inline' });
    const text = GT.el('input', { required: true, 'aria-label': 'A cause (because …)', placeholder: 'Because …' });
    const who = GT.el('select', { 'aria-label': 'Perspective of the cause' }, ...PERSPECTIVES.map((p) => GT.el('option', {}, p)));
    form.append(text, who, GT.el('button', { type: 'submit' }, 'Add cause'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      GT.api('POST', api + '/whys/' + encodeURIComponent(whyId) + '/causes', { text: text.value, perspective: who.value })
        .then(ok('Cause added.')).catch(GT.refused);
    });
    return form;
  }

  function whyTree(why) {
    const li = GT.el('li', { class: 'why' }, GT.el('p', {}, GT.el('strong', {}, why.question), ' ', GT.el('span', { class: 'tag', text: why.perspective })));
    const causes = GT.el('ul');
    for (const c of why.causes || []) {
      const item = GT.el('li', { class: 'cause' + (c.rootCause ? ' root' : '') }, c.text, ' ', GT.el('span', { class: 'tag', text: c.perspective }));
      for (const f of c.guardRailFlags || []) { item.append(' ', GT.el('span', { class: 'flag', text: f })); }
      if (c.rootCause) { item.append(' ', GT.el('strong', {}, '(root cause)')); }
      if (facilitator) {
        const again = GT.el('button', { type: 'button', class: 'link' }, 'Ask why of this');
        again.addEventListener('click', () => {
          const question = window.prompt('Why …?', 'Why ' + c.text.replace(/^because\s*/i, '') + '?');
          if (question) {
            GT.api('POST', api + '/themes/' + encodeURIComponent(themeId) + '/whys', { question, perspective: c.perspective, causeId: c.causeId })
              .then(ok('Asked.')).catch(GT.refused);
          }
        });
        item.append(' ', again);
      }
      if (c.whys && c.whys.length) { item.append(GT.el('ul', {}, ...c.whys.map(whyTree))); }
      causes.append(item);
    }
    li.append(causes);
    if (facilitator) { li.append(causeForm(why.whyId)); }
    return li;
  }

  function readingForm(measureId, kind) {
    const form = GT.el('form', { class: 'inline' });
    const value = GT.el('input', { required: true, 'aria-label': (kind === 'baseline' ? 'Baseline' : 'Actual') + ' value' });
    const date = GT.el('input', { type: 'date', required: true, 'aria-label': 'Date' });
    const source = GT.el('input', { 'aria-label': 'Source', placeholder: 'source' });
    form.append(value, date, source, GT.el('button', { type: 'submit' }, kind === 'baseline' ? 'Set baseline' : 'Add actual'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      GT.api('POST', api + '/measures/' + encodeURIComponent(measureId) + '/' + (kind === 'baseline' ? 'baseline' : 'actuals'),
        { value: value.value, date: date.value, source: source.value || null }).then(ok('Recorded.')).catch(GT.refused);
    });
    return form;
  }

  function success(s) {
    const box = GT.el('article', { class: 'success' }, GT.el('h3', {}, s.text, ' ', GT.el('span', { class: 'tag', text: s.perspective })));
    const list = GT.el('ul', { class: 'list' });
    for (const m of s.measures || []) {
      const li = GT.el('li', {}, GT.el('strong', {}, m.description), ' (' + m.kind + (m.unit ? ', ' + m.unit : '') + ')',
        m.baseline ? ' — baseline ' + m.baseline.value + ' on ' + m.baseline.date : ' — no baseline yet',
        (m.actuals || []).length ? '; actuals ' + m.actuals.map((a) => a.value + ' (' + a.date + ')').join(', ') : '');
      if (facilitator) { li.append(readingForm(m.measureId, m.baseline ? 'actual' : 'baseline')); }
      list.append(li);
    }
    box.append(list);
    if (facilitator) {
      const form = GT.el('form', { class: 'inline' });
      const d = GT.el('input', { required: true, 'aria-label': 'New measure', placeholder: 'People seeing a friend every week' });
      const kind = GT.el('select', { 'aria-label': 'Kind of measure' }, GT.el('option', {}, 'QUANTITATIVE'), GT.el('option', {}, 'QUALITATIVE'));
      form.append(d, kind, GT.el('button', { type: 'submit' }, 'Add measure'));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const body = { kind: kind.value, description: d.value, dataSource: 'reviews', alreadyCollected: false, proxy: false };
        if (kind.value === 'QUANTITATIVE') { body.unit = '%'; body.direction = 'INCREASE'; }
        GT.api('POST', api + '/success-statements/' + encodeURIComponent(s.successId) + '/measures', body)
          .then(ok('Measure added.')).catch(GT.refused);
      });
      box.append(form);
    }
    return box;
  }

  const NS = 'http://www.w3.org/2000/svg';
  const svg = (tag, attrs) => { const e = document.createElementNS(NS, tag); Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v)); return e; };

  function grid(idea) {
    const size = 200;
    const cell = size / 10;
    const g = svg('svg', { viewBox: '0 0 ' + size + ' ' + size, width: size, height: size, class: 'grid', role: 'img',
      'aria-label': 'Effort and impact of “' + idea.text + '”' + (idea.placements ? ': median effort ' + idea.medianEffort + ', impact ' + idea.medianImpact : ': not placed yet') });
    g.append(svg('rect', { x: 0, y: 0, width: size, height: size, fill: '#fff', stroke: '#1b1b1b' }));
    g.append(svg('line', { x1: size / 2, y1: 0, x2: size / 2, y2: size, stroke: '#8a8a8a' }));
    g.append(svg('line', { x1: 0, y1: size / 2, x2: size, y2: size / 2, stroke: '#8a8a8a' }));
    if (idea.placements) {
      const x = (idea.medianEffort - 0.5) * cell;
      const y = size - (idea.medianImpact - 0.5) * cell;
      g.append(svg('rect', { x: x - idea.effortSpread * cell / 2, y: y - idea.impactSpread * cell / 2,
        width: Math.max(2, idea.effortSpread * cell), height: Math.max(2, idea.impactSpread * cell), fill: 'none', stroke: '#a4161a', 'stroke-dasharray': '4 2' }));
      g.append(svg('circle', { cx: x, cy: y, r: 6, fill: '#a4161a' }));
    }
    if (participantId && idea.chosen) {
      g.addEventListener('click', (e) => {
        const r = g.getBoundingClientRect();
        const effort = Math.min(10, Math.max(1, Math.ceil((e.clientX - r.left) / r.width * 10)));
        const impact = Math.min(10, Math.max(1, Math.ceil((r.bottom - e.clientY) / r.height * 10)));
        place(idea.ideaId, effort, impact);
      });
    }
    return g;
  }

  function place(ideaId, effort, impact) {
    if (!participantId) { GT.say('Only a participant places ideas on the grid (for themselves).', 'problem'); return; }
    GT.api('POST', api + '/ideas/' + encodeURIComponent(ideaId) + '/placements', { participantId, effort, impact })
      .then(ok('Placed: effort ' + effort + ', impact ' + impact + '.')).catch(GT.refused);
  }

  function idea(i) {
    const box = GT.el('article', { class: 'idea' + (i.chosen ? ' chosen' : '') + (i.dropped ? ' dropped' : '') },
      GT.el('h3', {}, i.text, ' ', GT.el('span', { class: 'tag', text: i.mode })),
      GT.el('p', {}, (i.chosen ? 'Chosen. ' : '') + (i.dropped ? 'Dropped: ' + i.dropReason + '. ' : '') + i.votes + ' votes; ' +
        i.placements + ' placed' + (i.quadrant ? ' — ' + i.quadrant : '')), grid(i));
    if (participantId && i.chosen) {
      const effort = GT.el('select', { 'aria-label': 'Effort (1 low – 10 high) for ' + i.text }, ...[...Array(10).keys()].map((n) => GT.el('option', {}, String(n + 1))));
      const impact = GT.el('select', { 'aria-label': 'Impact (1 low – 10 high) for ' + i.text }, ...[...Array(10).keys()].map((n) => GT.el('option', {}, String(n + 1))));
      const go = GT.el('button', { type: 'button', onclick: () => place(i.ideaId, Number(effort.value), Number(impact.value)) }, 'Place');
      box.append(GT.el('p', { class: 'inline' }, 'Effort ', effort, ' impact ', impact, go));
    }
    return box;
  }

  function plan(p) {
    const c = p.content || {};
    const box = GT.el('article', { class: 'plan' }, GT.el('h3', {}, c.keyFeatures || 'Action plan'),
      GT.el('p', {}, 'Lead: ' + (c.lead || '—') + ' · version ' + p.version));
    const ms = GT.el('ul', { class: 'list' });
    for (const m of c.milestones || []) {
      const reached = (p.reached || []).find((r) => r.milestoneId === m.milestoneId);
      const li = GT.el('li', {}, m.description + ' — due ' + m.due + (reached ? ' — reached ' + reached.reachedOn : ''));
      if (facilitator && !reached) {
        li.append(' ', GT.el('button', { type: 'button', onclick: () => GT.api('POST', api + '/action-plans/' + encodeURIComponent(p.planId) +
          '/milestones/' + encodeURIComponent(m.milestoneId) + '/reached', { reachedOn: new Date().toISOString().substring(0, 10), note: 'reached' })
          .then(ok('Milestone reached.')).catch(GT.refused) }, 'Mark reached today'));
      }
      ms.append(li);
    }
    box.append(ms, GT.el('p', {}, GT.el('a', { href: '/app/programmes/' + encodeURIComponent(programmeId) + '/thread?from=' +
      encodeURIComponent('plan:' + p.planId) + '&direction=back' }, 'Back to people’s words')));
    return box;
  }

  async function load() {
    const work = await GT.api('GET', api + '/themes/' + encodeURIComponent(themeId) + '/work');
    document.getElementById('whys').replaceChildren(GT.el('ul', { class: 'tree' }, ...(work.whys || []).map(whyTree)));
    document.getElementById('root-causes').replaceChildren(...(work.rootCauses || []).map((c) => GT.el('li', {}, c.text + ' — ' + c.votes + ' votes')));
    document.getElementById('success').replaceChildren(...(work.successStatements || []).map(success));
    document.getElementById('ideas').replaceChildren(...(work.ideas || []).map(idea));
    document.getElementById('plans').replaceChildren(...(work.plans || []).map(plan));
    const choose = document.getElementById('plan-idea');
    choose.replaceChildren(...(work.ideas || []).filter((i) => i.chosen).map((i) => GT.el('option', { value: i.ideaId }, i.text)));
    document.getElementById('plan-idea').dataset.measures = JSON.stringify((work.successStatements || []).flatMap((s) => (s.measures || []).map((m) => m.measureId)));
  }

  document.getElementById('ask-why').addEventListener('submit', (e) => {
    e.preventDefault();
    GT.api('POST', api + '/themes/' + encodeURIComponent(themeId) + '/whys',
      { question: document.getElementById('why-question').value, perspective: document.getElementById('why-perspective').value })
      .then(ok('Asked.')).catch(GT.refused);
  });
  document.getElementById('add-success').addEventListener('submit', (e) => {
    e.preventDefault();
    GT.api('POST', api + '/themes/' + encodeURIComponent(themeId) + '/success-statements',
      { text: document.getElementById('success-text').value, perspective: document.getElementById('success-perspective').value, rootCauseIds: [] })
      .then(ok('Success statement added.')).catch(GT.refused);
  });
  document.getElementById('add-idea').addEventListener('submit', (e) => {
    e.preventDefault();
    GT.api('POST', api + '/themes/' + encodeURIComponent(themeId) + '/ideas',
      { text: document.getElementById('idea-text').value, mode: document.getElementById('idea-mode').value, rootCauseIds: [] })
      .then(ok('Idea added.')).catch(GT.refused);
  });
  document.getElementById('add-plan').addEventListener('submit', (e) => {
    e.preventDefault();
    const idea = document.getElementById('plan-idea');
    if (!idea.value) { GT.say('Choose ideas first (the vote on ideas), then plan them.', 'problem'); return; }
    GT.api('POST', api + '/ideas/' + encodeURIComponent(idea.value) + '/action-plans', {
      keyFeatures: document.getElementById('plan-features').value, involved: [], lead: document.getElementById('plan-lead').value,
      firstSteps: [], milestones: [{ description: document.getElementById('plan-milestone').value, due: document.getElementById('plan-due').value }],
      resources: [], measureIds: JSON.parse(idea.dataset.measures || '[]')
    }).then(ok('Plan agreed.')).catch(GT.refused);
  });
  const ballot = (subject) => GT.api('POST', api + '/ballots', { subject, themeId })
    .then((b) => { window.location.href = '/app/programmes/' + encodeURIComponent(programmeId) + '/ballots/' + encodeURIComponent(b.ballotId); })
    .catch(GT.refused);
  document.getElementById('ballot-causes').addEventListener('click', () => ballot('ROOT_CAUSES'));
  document.getElementById('ballot-ideas').addEventListener('click', () => ballot('IDEAS'));

  Promise.all([GT.api('GET', api), GT.api('GET', api + '/progress')]).then(([programme, progress]) => {
    const me = (programme.participants || []).find((p) => p.username && p.username === GT.user);
    participantId = me ? me.participantId : null;
    const t = (progress.prioritisedThemes || []).find((x) => x.themeId === themeId);
    document.getElementById('theme-title').textContent = t ? t.title : 'Theme';
    return load();
  }).catch(GT.refused);
})();
