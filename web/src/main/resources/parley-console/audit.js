'use strict';
(() => {
  const { api, el, clear, showError, nav, auditTrail, param } = Parley;
  const select = document.getElementById('aggregate');
  let verified = null;
  let checkpoint = null;

  function isVerified(position) {
    if (!verified) return false;
    return verified.intact || (verified.firstBadPosition !== null && position < verified.firstBadPosition);
  }

  async function show(aggregateId) {
    history.replaceState(null, '', '?id=' + encodeURIComponent(aggregateId));
    try {
      const entries = await auditTrail(aggregateId);
      showError(null);
      const body = clear(document.querySelector('#audit tbody'));
      for (const entry of entries) {
        const proven = checkpoint && entry.position <= checkpoint.treeSize;
        body.append(el('tr', { 'data-position': entry.position },
          el('td', { text: entry.position }), el('td', { text: entry.sequence }),
          el('td', { className: 'event-type', text: entry.eventType }),
          el('td', { className: 'mono', text: entry.occurredAt }), el('td', { className: 'mono', text: entry.recordedAt }),
          el('td', { className: 'actor', text: entry.actor }), el('td', { className: 'source', text: entry.source }),
          el('td', { className: 'mono', text: entry.correlationId }),
          el('td', { className: 'mono', text: entry.causationId || '' }),
          el('td', { className: 'mono hash', text: entry.hash || '' }),
          el('td', {}, el('span', { className: 'badge ' + (isVerified(entry.position) ? 'verified' : 'not-verified'),
                                    text: isVerified(entry.position) ? 'verified' : 'not verified' })),
          el('td', {}, proven
              ? el('a', { className: 'proof', href: '/api/proofs/' + entry.position + '?download=true',
                          download: 'proof-' + entry.position + '.json', text: 'download proof' })
              : el('span', { className: 'muted', text: 'after the latest checkpoint' }))));
      }
    } catch (error) {
      showError(error);
    }
  }

  async function start() {
    nav('audit.html');
    try {
      const [status, verification] = await Promise.all([api('/api/status'), api('/api/verify')]);
      verified = verification;
      try {
        checkpoint = await api('/api/checkpoints/latest');
      } catch (none) {
        checkpoint = null;
      }
      document.getElementById('verification').append(
        el('span', { id: 'verify-badge', className: 'badge ' + (verified.intact ? 'verified' : 'not-verified'),
                     text: verified.intact ? 'store verified' : 'store TAMPERED' }),
        verified.intact ? verified.events + ' events, root ' + (verified.rootHash || '').substring(0, 16) + '…'
                        : 'first bad position ' + verified.firstBadPosition + ': ' + verified.problem);
      document.getElementById('checkpoint').append(checkpoint
          ? el('span', {}, 'Latest checkpoint: ' + checkpoint.treeSize + ' events · ',
               el('a', { href: '/api/checkpoints/latest/note', download: 'checkpoint.txt', text: 'checkpoint' }),
               ' · ', el('a', { href: '/api/verifier-key', download: 'verifier-key.txt', text: 'verifier key' }))
          : 'No checkpoint yet: proofs need one (parley checkpoint).');
      const ids = [...status.negotiations.map(n => n.id), ...status.incidents.map(i => i.id)];
      ids.forEach(id => select.append(el('option', { value: id, text: id })));
      const wanted = param('id');
      if (wanted && ids.includes(wanted)) select.value = wanted;
      select.addEventListener('change', () => show(select.value));
      if (ids.length) await show(select.value);
    } catch (error) {
      showError(error);
    }
  }

  start();
})();
