'use strict';
// Shared by every page of the console. Recorded text is only ever put into the page as text (textContent), never as
// markup, so a source such as "<script>alert(1)</script>" shows as those characters.
const Parley = (() => {

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  async function api(path, options = {}) {
    const init = { credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (options.body !== undefined) {
      init.method = 'POST';
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (notJson) {
      throw new ApiError(response.status, 'NOT_JSON', 'the console answered ' + response.status + ' without JSON');
    }
    if (!response.ok) {
      throw new ApiError(response.status, json && json.code, (json && json.message) || ('status ' + response.status));
    }
    return json;
  }

  /** An element with text content (never markup), attributes and children. */
  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') element.textContent = String(value);
      else if (name === 'className') element.className = value;
      else element.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  function clear(element) {
    while (element.firstChild) element.removeChild(element.firstChild);
    return element;
  }

  function showError(error) {
    const box = document.getElementById('error');
    if (box) box.textContent = error ? (error.code ? error.code + ': ' : '') + error.message : '';
  }

  function nav(current) {
    const pages = [['index.html', 'Status & timeline'], ['charts.html', 'Charts'], ['audit.html', 'Audit'],
                   ['whatif.html', 'What-if']];
    const links = pages.map(([href, label]) => el('a', { href, className: href === current ? 'current' : null,
                                                          text: label }));
    const header = el('header', {}, el('span', { className: 'brand', text: 'Parley console' }),
                      el('nav', {}, links),
                      el('a', { href: '/swagger-ui/index.html', className: 'muted', text: 'API' }));
    document.body.prepend(header);
  }

  function day(iso) {
    return iso ? iso.substring(0, 10) : '';
  }

  function time(iso) {
    return iso ? iso.replace('T', ' ').replace(':00Z', 'Z').replace(' 00:00Z', '') : '';
  }

  /** Every entry of the audit trail (or one aggregate's), page by page. */
  async function auditTrail(aggregateId) {
    const entries = [];
    for (let offset = 0; ; offset += 1000) {
      const query = '/api/audit?limit=1000&offset=' + offset
          + (aggregateId ? '&aggregateId=' + encodeURIComponent(aggregateId) : '');
      const page = await api(query);
      entries.push(...page.entries);
      if (entries.length >= page.total || page.entries.length === 0) return entries;
    }
  }

  function param(name) {
    return new URLSearchParams(window.location.search).get(name);
  }

  return { api, el, clear, showError, nav, day, time, auditTrail, param, ApiError };
})();
