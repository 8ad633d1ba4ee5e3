/* Golden Thread pages: the API with the browser's session, messages, small DOM helpers. */
(function () {
  'use strict';
  const meta = (name) => {
    const m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  };
  const GT = {
    user: meta('user'),
    data: document.body.dataset,

    /** The position of this page's latest write: its reads wait for views that have seen it (read your writes). */
    position: -1,

    /**
     * Calls the JSON API; resolves with the JSON body (or null), rejects with the problem (RFC 9457). A body is sent
     * as JSON, or as it is when its content type is given (a CSV file).
     */
    async api(method, url, body, contentType) {
      const headers = { Accept: 'application/json, application/problem+json' };
      if (method !== 'GET') {
        headers[meta('csrf-header') || 'X-CSRF-TOKEN'] = meta('csrf-token');
      } else if (GT.position >= 0) {
        headers['Min-Event-Position'] = String(GT.position);
      }
      if (body !== undefined) {
        headers['Content-Type'] = contentType || 'application/json';
      }
      const response = await fetch(url, {
        method, headers, credentials: 'same-origin',
        body: body === undefined || contentType ? body : JSON.stringify(body)
      });
      const written = Number(response.headers.get('Event-Position'));
      if (response.headers.get('Event-Position') !== null && written > GT.position) {
        GT.position = written;
      }
      if (!response.ok) {
        let problem;
        try { problem = await response.json(); } catch (e) { problem = { title: response.statusText }; }
        problem.status = response.status;
        throw problem;
      }
      if (response.status === 204) { return null; }
      const type = response.headers.get('Content-Type') || '';
      return type.includes('json') ? response.json() : response.text();
    },

    /** A problem in words for people: its detail, else its title. */
    words(problem) {
      if (!problem) { return 'Something went wrong.'; }
      return problem.detail || problem.title || String(problem);
    },

    /** Shows a message in the page's live region (announced by screen readers). */
    say(text, kind) {
      const box = document.getElementById('messages');
      if (!box) { return; }
      const p = document.createElement('p');
      p.className = kind === 'problem' ? 'problem' : 'notice';
      p.textContent = text;
      box.replaceChildren(p);
    },

    refused(problem) { GT.say(GT.words(problem), 'problem'); },

    /** Creates an element: el('li', {class: 'card'}, 'text', child, …). */
    el(tag, attrs, ...children) {
      const e = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs || {})) {
        if (v === null || v === undefined || v === false) { continue; }
        if (k === 'class') { e.className = v; } else if (k === 'text') { e.textContent = v; }
        else if (k.startsWith('on')) { e.addEventListener(k.substring(2), v); }
        else { e.setAttribute(k, v === true ? '' : v); }
      }
      for (const c of children) {
        if (c === null || c === undefined) { continue; }
        e.append(c instanceof Node ? c : document.createTextNode(String(c)));
      }
      return e;
    },

    /** Follows a server-sent stream of named events, reconnecting as the browser does. */
    stream(url, name, onData) {
      const source = new EventSource(url, { withCredentials: true });
      source.addEventListener(name, (e) => onData(JSON.parse(e.data)));
      source.addEventListener('revoked', () => { GT.say('Your access to this programme has ended.', 'problem'); source.close(); });
      return source;
    },

    programmeUrl(programmeId) { return '/api/programmes/' + encodeURIComponent(programmeId); },

    /** A short, stable code for a statement (printed on cards; it links back to the statement). */
    code(statementId) { return 'S-' + String(statementId).substring(0, 8).toUpperCase(); }
  };
  window.GT = GT;
})();
