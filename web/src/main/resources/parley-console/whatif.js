'use strict';
(() => {
  const { api, el, clear, showError, nav, time, auditTrail } = Parley;
  const commands = document.getElementById('commands');
  const ISTANBUL = [
    { command: 'RespondToFramework', negotiationId: 'pak-afg-talks-2025', frameworkId: 'pak-counterterrorism-framework',
      party: 'AFG', response: 'ACCEPTED', occurredAt: '2025-10-29', source: 'What-if' },
    { command: 'ConcludeRound', negotiationId: 'pak-afg-talks-2025', outcome: 'Counterterrorism framework agreed',
      occurredAt: '2025-10-29', source: 'What-if' }];
  let record = [];

  function forkPoint() {
    const picked = document.querySelector('input[name=fork-point]:checked');
    return picked ? picked.value : null;
  }

  function eventList(events, className) {
    if (!events.length) return el('p', { className: 'muted', text: 'none' });
    return el('ul', { className }, events.map(event => el('li', { 'data-position': event.position },
      el('span', { className: 'when mono', text: time(event.occurredAt) + ' ' }),
      el('span', { className: 'event-type', text: event.eventType }), ': ',
      el('span', { className: 'description', text: event.description }))));
  }

  function json(value) {
    return value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
  }

  function showDiff(diff) {
    const box = clear(document.getElementById('diff'));
    box.append(el('p', { className: 'muted', text: 'Forked after position ' + diff.forkPoint + ', compared with the '
        + (diff.against === 'HEAD' ? 'record as it is now.' : 'record as it was at the fork point.') }));
    if (!diff.aggregates.length) box.append(el('p', { text: 'The fork touched nothing.' }));
    for (const aggregate of diff.aggregates) {
      const fields = el('table', { className: 'fields' },
        el('tr', {}, el('th', { text: 'Field' }), el('th', { text: 'Record' }), el('th', { text: 'Fork' })),
        aggregate.statusDifferences.map(difference => el('tr', { 'data-field': difference.field },
          el('td', { className: 'mono', text: difference.field || '(whole)' }),
          el('td', { className: 'record-value', text: json(difference.base) }),
          el('td', { className: 'fork-value', text: json(difference.fork) }))));
      box.append(el('div', { className: 'card aggregate-diff', 'data-aggregate': aggregate.aggregateId },
        el('h3', {}, el('span', { text: aggregate.aggregateType + ' ' }), el('span', { className: 'mono',
                                                                                    text: aggregate.aggregateId })),
        fields,
        el('div', { className: 'side-by-side' },
          el('div', { className: 'record-side' }, el('h3', { text: 'Record: its later events' }),
             eventList(aggregate.baseEventsAfterForkPoint, 'record-later')),
          el('div', { className: 'fork-side' }, el('h3', { text: 'Fork: its own events' }),
             eventList(aggregate.forkEvents, 'fork-only')))));
    }
  }

  function showRejections(rejections) {
    const body = clear(document.querySelector('#rejections tbody'));
    rejections.forEach(rejection => body.append(el('tr', {}, el('td', { text: rejection.line }),
      el('td', { text: rejection.command }), el('td', { className: 'code', text: rejection.code }),
      el('td', { text: rejection.message }))));
    if (!rejections.length) body.append(el('tr', {}, el('td', { colspan: 4, className: 'muted', text: 'none' })));
  }

  async function run(save) {
    const at = forkPoint();
    if (at === null) {
      showError(new Error('Pick the event of the record to fork after.'));
      return;
    }
    const request = { at, commandFile: commands.value, against: document.getElementById('against').value };
    if (save) request.save = document.getElementById('branch-name').value;
    try {
      const result = await api('/api/forks', { body: request });
      showError(null);
      document.getElementById('outcome').replaceChildren(el('p', { id: 'fork-outcome',
        text: result.accepted + ' commands accepted, ' + result.rejections.length + ' rejected'
              + (result.savedAs ? '; saved as branch ' + result.savedAs : '; not saved')
              + '. The record is unchanged.' }));
      showRejections(result.rejections);
      showDiff(result.diff);
      if (result.savedAs) await branches();
    } catch (error) {
      showError(error);
    }
  }

  async function branches() {
    const body = clear(document.querySelector('#branches tbody'));
    for (const branch of await api('/api/branches')) {
      const open = el('button', { type: 'button', className: 'secondary', text: 'Open' });
      open.addEventListener('click', async () => {
        try {
          const view = await api('/api/branches/' + encodeURIComponent(branch.name));
          showError(null);
          showRejections([]);
          showDiff(view.diff);
        } catch (error) {
          showError(error);
        }
      });
      body.append(el('tr', { 'data-branch': branch.name }, el('td', { text: branch.name }),
        el('td', { text: branch.forkPoint }), el('td', { text: branch.events }), el('td', { text: branch.savedAt }),
        el('td', {}, open)));
    }
  }

  async function start() {
    nav('whatif.html');
    document.getElementById('run').addEventListener('click', () => run(false));
    document.getElementById('save').addEventListener('click', () => run(true));
    document.getElementById('example').addEventListener('click', () => {
      commands.value = ISTANBUL.map(line => JSON.stringify(line)).join('\n') + '\n';
      const collapse = record.find(entry => entry.eventType === 'TalksCollapsed');
      if (collapse) {
        const before = document.querySelector('input[name=fork-point][value="' + (collapse.position - 1) + '"]');
        if (before) before.checked = true;
      }
    });
    try {
      record = await auditTrail(null);
      const points = clear(document.getElementById('fork-points'));
      points.append(el('label', {}, el('input', { type: 'radio', name: 'fork-point', value: '0' }),
                       ' position 0: before anything was recorded'));
      record.forEach(entry => points.append(el('label', {},
        el('input', { type: 'radio', name: 'fork-point', value: String(entry.position) }),
        ' position ' + entry.position + ' · ' + time(entry.occurredAt) + ' · ',
        el('span', { className: 'mono', text: entry.aggregateId }), ' · ',
        el('span', { text: entry.eventType }), ' · source: ', el('span', { text: entry.source }))));
      await branches();
    } catch (error) {
      showError(error);
    }
  }

  start();
})();
