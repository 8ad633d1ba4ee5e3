/* Voting on a phone: the NOT_WORKING themes with their statements; three votes (what is left is shown); withdraw
   while open; the facilitator closes the round; the ranking and the themes that go forward appear when it closes. */
(function () {
  'use strict';
  const programmeId = GT.data.programmeId;
  const votingId = GT.data.votingId;
  const facilitator = GT.data.role === 'FACILITATOR';
  const url = GT.programmeUrl(programmeId) + '/votings/' + encodeURIComponent(votingId);
  let participantId = null;
  let words = {};

  async function refresh() {
    const [voting, mine] = await Promise.all([
      GT.api('GET', url),
      participantId ? GT.api('GET', url + '/votes?participantId=' + encodeURIComponent(participantId)) : null
    ]);
    draw(voting, mine);
  }

  function act(method, themeId) {
    GT.api(method, url + '/votes', { participantId, themeId })
      .then(() => { GT.say(method === 'POST' ? 'Your vote is counted.' : 'Your vote is withdrawn.'); return refresh(); })
      .catch(GT.refused);
  }

  function draw(v, mine) {
    const open = v.status === 'OPEN';
    document.getElementById('status').textContent = open
      ? 'The round is open: ' + v.votesCast + ' votes from ' + v.participantsVoted + ' people so far.'
      : 'The round is closed.';
    const remaining = document.getElementById('remaining');
    if (mine) {
      remaining.hidden = false;
      remaining.textContent = 'You have ' + mine.remaining + ' of ' + mine.votesPerParticipant + ' votes left.';
    }
    document.getElementById('close-voting').hidden = !(facilitator && open);
    const themes = document.getElementById('themes');
    themes.replaceChildren(...v.tallies.map((t) => {
      const voted = mine && mine.themeIds.includes(t.themeId);
      const section = GT.el('section', { class: 'vote-theme' + (voted ? ' voted' : ''), 'data-theme-id': t.themeId, 'aria-labelledby': 'vt-' + t.themeId },
        GT.el('h2', { id: 'vt-' + t.themeId }, t.title),
        GT.el('p', { class: 'votes', text: t.votes + (t.votes === 1 ? ' vote' : ' votes') }),
        GT.el('ul', { class: 'cards' }, ...t.statementIds.map((id) => GT.el('li', { class: 'card cat-NOT_WORKING' }, words[id] || GT.code(id)))));
      if (open && participantId) {
        section.append(voted
          ? GT.el('button', { type: 'button', class: 'withdraw', onclick: () => act('DELETE', t.themeId) }, 'Withdraw my vote for “' + t.title + '”')
          : GT.el('button', { type: 'button', class: 'vote', onclick: () => act('POST', t.themeId) }, 'Vote for “' + t.title + '”'));
      }
      return section;
    }));
    const results = document.getElementById('results');
    results.hidden = open;
    if (!open) {
      results.replaceChildren(...v.ranking.map((r) => GT.el('li', { class: v.prioritisedThemeIds.includes(r.themeId) ? 'forward' : '' },
        r.title + ' — ' + r.votes + ' votes' + (v.prioritisedThemeIds.includes(r.themeId) ? ' (goes forward)' : ''))));
    }
  }

  document.getElementById('close-voting').addEventListener('click', () => {
    GT.api('POST', url + '/close').then(() => { GT.say('The round is closed.'); return refresh(); }).catch(GT.refused);
  });

  Promise.all([
    GT.api('GET', GT.programmeUrl(programmeId)),
    GT.api('GET', GT.programmeUrl(programmeId) + '/boards/NOT_WORKING')
  ]).then(([programme, board]) => {
    const me = (programme.participants || []).find((p) => p.username && p.username === GT.user);
    participantId = me ? me.participantId : null;
    for (const t of board.themes.concat(board.retiredThemes || [])) {
      for (const s of t.statements) { words[s.statementId] = s.erased ? '[erased]' : s.text; }
    }
    return refresh();
  }).catch(GT.refused);
  // the board changes with every vote (its tallies) and at the close: follow it, and look again now and then
  GT.stream(GT.programmeUrl(programmeId) + '/boards/NOT_WORKING/stream', 'board', () => refresh().catch(() => {}));
  setInterval(() => refresh().catch(() => {}), 5000);
})();
