'use strict';
(() => {
  const { api, el, clear, showError, nav, day, time, param } = Parley;
  const DAY = 24 * 3600 * 1000;
  const slider = document.getElementById('at');
  const shown = document.getElementById('at-value');
  const knownAt = document.getElementById('known-at');
  let firstDay = 0;

  function dateOf(index) {
    return new Date(firstDay + index * DAY).toISOString().substring(0, 10);
  }

  function query() {
    const parts = ['at=' + encodeURIComponent(dateOf(Number(slider.value)))];
    if (knownAt.value.trim()) parts.push('knownAt=' + encodeURIComponent(knownAt.value.trim()));
    return parts.join('&');
  }

  function list(values) {
    return values && values.length ? values.join(', ') : 'none';
  }

  function negotiationCard(talks) {
    const rounds = el('table', {}, el('tr', {}, ['Round', 'Venue', 'Mediators', 'Opened', 'Closed as', 'Outcome']
        .map(heading => el('th', { text: heading }))),
      talks.rounds.map(round => el('tr', { 'data-round': round.round },
        el('td', { text: round.round }), el('td', { text: round.venue }), el('td', { text: list(round.mediators) }),
        el('td', { text: day(round.openedAt) }),
        el('td', { className: 'closed-as', text: round.closedAs || 'open' }),
        el('td', { text: round.outcome || '' }))));
    const frameworks = talks.frameworks.map(framework => el('li', { 'data-framework': framework.id },
      el('span', { text: framework.title }), ' (by ', el('span', { text: framework.submittedBy }), '): ',
      el('span', { text: Object.entries(framework.responses).map(([party, answer]) => party + ' ' + answer)
          .join(', ') || 'no responses' })));
    return el('div', { className: 'card negotiation', 'data-negotiation': talks.id },
      el('div', { className: 'id', text: talks.id }),
      el('h3', {}, el('span', { className: 'badge status ' + talks.status, text: talks.status }),
        'Round ', el('span', { className: 'current-round', text: talks.currentRound })),
      el('div', {}, 'Parties: ', el('span', { text: list(talks.parties) })),
      el('div', { className: 'ceasefire' }, talks.ceasefireInForce
          ? [el('span', { className: 'badge ceasefire-in-force', text: 'Ceasefire in force' }),
             ' since ' + day(talks.ceasefireEffectiveFrom)]
          : el('span', { className: 'muted', text: 'No ceasefire in force' })),
      rounds,
      frameworks.length ? el('div', {}, 'Frameworks:', el('ul', {}, frameworks)) : null,
      talks.mediationOffers.length ? el('div', {}, 'Mediation offered by ',
                                         el('span', { text: list(talks.mediationOffers) })) : null);
  }

  function incidentCard(incident) {
    const casualties = Object.entries(incident.casualties).map(([side, count]) => el('tr', { 'data-side': side },
      el('td', { text: side }), el('td', { className: 'killed', text: count.killed }),
      el('td', { text: count.wounded })));
    return el('div', { className: 'card incident', 'data-incident': incident.id },
      el('div', { className: 'id', text: incident.id }),
      el('h3', {}, el('span', { className: 'badge status ' + incident.status, text: incident.status }),
        el('span', { className: 'location', text: incident.location })),
      el('div', {}, 'Attackers: ', el('span', { text: list(incident.attackers) }), ' · Defenders: ',
        el('span', { text: list(incident.defenders) })),
      el('div', { className: 'ceasefire' }, incident.ceasefireEffectiveFrom
          ? 'Ceasefire since ' + day(incident.ceasefireEffectiveFrom) + ', violations: ' + incident.violations
          : 'No ceasefire'),
      el('div', {}, 'Strikes: ' + incident.strikes.length),
      casualties.length ? el('table', {}, el('tr', {}, el('th', { text: 'Side' }), el('th', { text: 'Killed' }),
                                                  el('th', { text: 'Wounded' })), casualties) : null);
  }

  async function redraw() {
    shown.value = dateOf(Number(slider.value));
    shown.textContent = shown.value;
    history.replaceState(null, '', '?' + query());
    try {
      const [status, timeline] = await Promise.all([api('/api/status?' + query()), api('/api/timeline?' + query())]);
      showError(null);
      const negotiations = clear(document.getElementById('negotiations'));
      status.negotiations.forEach(talks => negotiations.append(negotiationCard(talks)));
      if (!status.negotiations.length) negotiations.append(el('p', { className: 'muted', text: 'None by then.' }));
      const incidents = clear(document.getElementById('incidents'));
      status.incidents.forEach(incident => incidents.append(incidentCard(incident)));
      if (!status.incidents.length) incidents.append(el('p', { className: 'muted', text: 'None by then.' }));
      const list = clear(document.getElementById('timeline'));
      timeline.forEach(entry => list.append(el('li', { 'data-position': entry.position },
        el('span', { className: 'when', text: time(entry.occurredAt) }),
        el('span', { className: 'description', text: entry.description }),
        el('span', { className: 'muted' }, ' (source: ', el('span', { className: 'source', text: entry.source }),
           ')'))));
      document.getElementById('timeline-count').textContent = '(' + timeline.length + ' events)';
    } catch (error) {
      showError(error);
    }
  }

  async function start() {
    nav('index.html');
    try {
      const everything = await api('/api/timeline');
      const days = everything.map(entry => Date.parse(day(entry.occurredAt) + 'T00:00:00Z'));
      const today = Date.parse(new Date().toISOString().substring(0, 10) + 'T00:00:00Z');
      firstDay = days.length ? Math.min(...days) : today;
      const lastDay = (days.length ? Math.max(...days) : today) + DAY;
      slider.max = String(Math.round((lastDay - firstDay) / DAY));
      const wanted = param('at');
      const index = wanted ? Math.round((Date.parse(day(wanted) + 'T00:00:00Z') - firstDay) / DAY) : NaN;
      slider.value = String(Number.isFinite(index) ? Math.max(0, Math.min(index, Number(slider.max)))
                                                   : Number(slider.max));
      knownAt.value = param('knownAt') || '';
      const recorded = (await api('/api/audit?limit=1000')).entries.map(entry => entry.recordedAt);
      const times = document.getElementById('recording-times');
      [...new Set(recorded)].forEach(when => times.append(el('option', { value: when })));
    } catch (error) {
      showError(error);
    }
    slider.addEventListener('input', redraw);
    document.getElementById('apply-known-at').addEventListener('click', redraw);
    knownAt.addEventListener('keydown', event => { if (event.key === 'Enter') redraw(); });
    document.getElementById('clear-known-at').addEventListener('click', () => { knownAt.value = ''; redraw(); });
    await redraw();
  }

  start();
})();
