/* Voting on a phone — one page for the three votes of the method: the NOT_WORKING themes (a voting round), and
   ballots on root causes and on ideas. Each participant has their votes (what is left is shown), may withdraw while
   it is open; the facilitator closes it; the ranking and what goes forward then appear. */
(function () {
  'use strict';
  const programmeId = GT.data.programmeId;
  const ballot = GT.data.kind === 'ballot';
  const pollId = GT.data.pollId;
  const facilitator = GT.data.role === 'FACILITATOR';
  const url = GT.programmeUrl(programmeId) + (ballot ? '/ballots/' : '/votings/') + encodeURIComponent(pollId);
  let participantId = null;
  const words = {};

  /** A voting round or a ballot, in the one shape this page draws. */
  function normal(v) {
    return {
      open: v.status === 'OPEN',
      subject: ballot ? v.subject : 'THEMES',
      votesCast: v.votesCast,
      options: v.tallies.map((t) => ballot
        ? { id: t.optionId, label: t.label, votes: t.votes, statementIds: [] }
        : { id: t.themeId, label: t.title, votes: t.votes, statementIds: t.statementIds || [] }),
      ranking: (v.ranking || []).map((r) => ({ id: ballot ? r.optionId : r.themeId, label: ballot ? r.label : r.title, votes: r.votes })),
      chosen: (ballot ? v.chosenOptionIds : v.prioritisedThemeIds) || []
    };
  }

  async function refresh() {
    const [v, mine] = await Promise.all([
      GT.api('GET', url),
      participantId ? GT.api('GET', url + '/votes?participantId=' + encodeURIComponent(participantId)) : null
    ]);
    draw(normal(v), mine);
  }

  function act(method, optionId) {
    const body = ballot ? { participantId, optionId } : { participantId, themeId: optionId };
    GT.api(method, url + '/votes', body)
      .then(() => { GT.say(method === 'POST' ? 'Your vote is counted.' : 'Your vote is withdrawn.'); return refresh(); })
      .catch(GT.refused);
  }

  const HEADINGS = { THEMES: 'Vote: what should change first?', ROOT_CAUSES: 'Vote: which root causes matter most?',
    IDEAS: 'Vote: which ideas should we take forward?' };

  function draw(v, mine) {
    document.getElementById('heading').textContent = HEADINGS[v.subject] || HEADINGS.THEMES;
    document.getElementById('status').textContent = v.open
      ? 'Voting is open: ' + v.votesCast + ' votes so far.'
      : 'Voting is closed.';
    const remaining = document.getElementById('remaining');
    if (mine) {
      remaining.hidden = false;
      remaining.textContent = 'You have ' + mine.remaining + ' of ' + mine.votesPerParticipant + ' votes left.';
    }
    document.getElementById('close-voting').hidden = !(facilitator && v.open);
    document.getElementById('themes').replaceChildren(...v.options.map((o) => {
      const voted = mine && mine.optionIds.includes(o.id);
      const section = GT.el('section', { class: 'vote-theme' + (voted ? ' voted' : ''), 'data-option-id': o.id, 'aria-labelledby': 'vt-' + o.id },
        GT.el('h2', { id: 'vt-' + o.id }, o.label),
        GT.el('p', { class: 'votes', text: o.votes + (o.votes === 1 ? ' vote' : ' votes') + (voted ? ' (one is yours)' : '') }));
      if (o.statementIds.length) {
        section.append(GT.el('ul', { class: 'cards' }, ...o.statementIds.map((id) => GT.el('li', { class: 'card cat-NOT_WORKING' }, words[id] || GT.code(id)))));
      }
      if (v.open && participantId) {
        section.append(voted
          ? GT.el('button', { type: 'button', class: 'withdraw', onclick: () => act('DELETE', o.id) }, 'Withdraw my vote for “' + o.label + '”')
          : GT.el('button', { type: 'button', class: 'vote', onclick: () => act('POST', o.id) }, 'Vote for “' + o.label + '”'));
      }
      return section;
    }));
    const results = document.getElementById('results');
    results.hidden = v.open;
    if (!v.open) {
      results.replaceChildren(...v.ranking.map((r) => GT.el('li', { class: v.chosen.includes(r.id) ? 'forward' : '' },
        r.label + ' — ' + r.votes + ' votes' + (v.chosen.includes(r.id) ? ' (goes forward)' : ''))));
    }
  }

  document.getElementById('close-voting').addEventListener('click', () => {
    GT.api('POST', url + '/close').then(() => { GT.say('Voting is closed.'); return refresh(); }).catch(GT.refused);
  });

  Promise.all([
    GT.api('GET', GT.programmeUrl(programmeId)),
    ballot ? null : GT.api('GET', GT.programmeUrl(programmeId) + '/boards/NOT_WORKING')
  ]).then(([programme, board]) => {
    const me = (programme.participants || []).find((p) => p.username && p.username === GT.user);
    participantId = me ? me.participantId : null;
    if (board) {
      for (const t of board.themes.concat(board.retiredThemes || [])) {
        for (const s of t.statements) { words[s.statementId] = s.erased ? '[erased]' : s.text; }
      }
    }
    return refresh();
  }).catch(GT.refused);
  if (!ballot) {
    // the board changes with every vote (its tallies) and at the close: follow it
    GT.stream(GT.programmeUrl(programmeId) + '/boards/NOT_WORKING/stream', 'board', () => refresh().catch(() => {}));
  }
  setInterval(() => refresh().catch(() => {}), ballot ? 2000 : 5000);
})();
