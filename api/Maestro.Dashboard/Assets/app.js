// The Maestro dashboard: one page, hash routes, each page polling its JSON endpoint under /dashboard/api about once a
// second. Everything is built with DOM calls and textContent (never innerHTML with data), so nothing a grain returns
// can become markup; the Content-Security-Policy forbids inline script anyway.
'use strict';

(function () {
  const API = '/dashboard/api';
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const POLL_MS = 1000;
  const view = document.getElementById('view');
  const problem = document.getElementById('problem');
  let current = null;
  let timer = null;
  let generation = 0;

  // ---- DOM helpers ----------------------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'onclick' || name === 'onsubmit' || name === 'oninput' || name === 'onchange') node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    append(node, children);
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function badge(text) { return el('span', { class: 'badge s-' + String(text).toLowerCase().replace(/[^a-z0-9]/g, '') }, text); }

  function table(headers, rows, options) {
    const opts = options || {};
    const head = el('tr', {}, headers.map(h => el('th', { class: h.num ? 'num' : null }, h.label || h)));
    const body = rows.length === 0
      ? [el('tr', {}, el('td', { colspan: headers.length, class: 'muted' }, opts.empty || 'Nothing yet.'))]
      : rows.map(r => {
          const cells = r.cells || r;
          const tr = el('tr', { class: r.onclick ? 'clickable' + (r.selected ? ' selected' : '') : null, 'data-testid': r.testid || null, onclick: r.onclick || null },
            cells.map((c, i) => el('td', { class: headers[i] && headers[i].num ? 'num' : null }, c)));
          return tr;
        });
    return el('table', { 'data-testid': opts.testid || null }, el('thead', {}, head), el('tbody', {}, body));
  }

  const fmt = {
    int: n => (n === null || n === undefined) ? '–' : Math.round(n).toLocaleString('en-US'),
    ms: n => (n === null || n === undefined) ? '–' : (n >= 100 ? n.toFixed(0) : n.toFixed(2)) + ' ms',
    pct: n => (n === null || n === undefined) ? '–' : n.toFixed(1) + ' %',
    bytes: n => {
      if (n === null || n === undefined) return '–';
      const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
      let i = 0; let v = n;
      while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
      return v.toFixed(i === 0 ? 0 : 1) + ' ' + units[i];
    },
    time: t => t ? new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '–',
    duration: s => {
      if (s === null || s === undefined) return '–';
      const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60), sec = Math.floor(s % 60);
      return (d ? d + 'd ' : '') + (d || h ? h + 'h ' : '') + (d || h || m ? m + 'm ' : '') + sec + 's';
    },
  };

  // ---- Data ------------------------------------------------------------------------------------------------------
  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  async function api(path, body) {
    const init = { credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.method = 'POST';
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(API + path, init);
    if (response.status === 401) {
      window.location.assign('/dashboard/sign-in');
      throw new ApiError(401, 'Signed out.');
    }
    if (!response.ok) {
      let detail = response.statusText;
      try {
        const body = await response.json();
        detail = body.detail || body.title || detail;
        if (body.errors) detail += ' ' + Object.entries(body.errors).map(([k, v]) => k + ': ' + v.join(' ')).join('; ');
      } catch (_) { /* not JSON: keep the status text */ }
      throw new ApiError(response.status, detail);
    }
    return response.json();
  }

  function q(params) {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, v);
    const s = search.toString();
    return s ? '?' + s : '';
  }

  function showProblem(message) {
    if (message) { problem.textContent = message; problem.hidden = false; } else { problem.textContent = ''; problem.hidden = true; }
  }

  // ---- Charts ----------------------------------------------------------------------------------------------------
  // A line chart of the last 100 seconds: x is the second (gaps while statistics were off stay empty), y from 0 to max.
  function lineChart(samples, pick, options) {
    const opts = options || {};
    const width = 300, height = 54, seconds = 100;
    const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': opts.label || 'history' });
    if (!samples.length) return chart;
    const last = samples[samples.length - 1].unixSecond;
    const max = Math.max(1e-9, ...samples.map(pick));
    const points = samples
      .filter(s => last - s.unixSecond < seconds)
      .map(s => [width - (last - s.unixSecond) * width / (seconds - 1), height - 2 - pick(s) / max * (height - 4)]);
    if (points.length === 0) return chart;
    const line = points.map(p => p[0].toFixed(1) + ',' + p[1].toFixed(1)).join(' ');
    chart.appendChild(svg('polygon', { class: 'area', points: `${points[0][0].toFixed(1)},${height} ${line} ${points[points.length - 1][0].toFixed(1)},${height}` }));
    chart.appendChild(svg('polyline', { class: 'line' + (opts.errors ? ' errors' : ''), points: line }));
    return chart;
  }

  // ---- Pages -----------------------------------------------------------------------------------------------------
  function tile(id, label, value, chart) {
    return el('div', { class: 'tile', 'data-testid': 'tile-' + id },
      el('div', { class: 'label' }, label),
      el('div', { class: 'value', 'data-testid': 'tile-' + id + '-value' }, value),
      chart || null);
  }

  function methodRows(list, value) {
    return list.map(m => [m.grainType, m.method, value(m)]);
  }

  const pages = {
    overview: {
      title: 'Overview',
      async refresh(root) {
        const o = await api('/overview');
        const h = o.history;
        clear(root);
        root.append(
          el('h2', {}, 'Cluster overview ', el('span', { class: 'muted', 'data-testid': 'collecting' }, o.collecting ? '(statistics on)' : '(statistics starting)')),
          el('div', { class: 'tiles' },
            tile('activations', 'Total activations', fmt.int(o.totalActivations)),
            tile('silos', 'Active silos', fmt.int(o.activeSilos)),
            tile('rps', 'Requests per second', fmt.int(o.requestsPerSecond), lineChart(h, s => s.calls, { label: 'requests per second, last 100 s' })),
            tile('errors', 'Error rate', fmt.pct(o.errorPercent), lineChart(h, s => s.calls ? s.errors * 100 / s.calls : 0, { errors: true, label: 'error rate, last 100 s' })),
            tile('latency', 'Average latency', fmt.ms(o.averageMilliseconds), lineChart(h, s => s.averageMilliseconds, { label: 'average latency, last 100 s' })),
            tile('calls', 'Calls counted', fmt.int(o.totalCalls))),
          el('div', { class: 'tables' },
            el('div', {}, el('h3', {}, 'Methods with most calls'),
              table(['Grain type', 'Method', { label: 'Calls', num: true }], methodRows(o.top.byCalls, m => fmt.int(m.calls)), { testid: 'top-calls' })),
            el('div', {}, el('h3', {}, 'Most errors'),
              table(['Grain type', 'Method', { label: 'Errors', num: true }], methodRows(o.top.byErrors, m => fmt.pct(m.errorPercent) + ' of ' + fmt.int(m.calls)), { testid: 'top-errors', empty: 'No failed calls.' })),
            el('div', {}, el('h3', {}, 'Highest latency'),
              table(['Grain type', 'Method', { label: 'Average', num: true }], methodRows(o.top.byLatency, m => fmt.ms(m.averageMilliseconds)), { testid: 'top-latency' }))));
      },
    },

    silos: {
      title: 'Silos',
      async refresh(root) {
        const o = await api('/overview');
        const gauge = (v, max) => {
          const bar = el('span', {});
          bar.style.width = Math.min(100, max ? v * 100 / max : v) + '%';
          return el('span', { class: 'gauge' }, bar);
        };
        clear(root);
        root.append(el('h2', {}, 'Silos'),
          table(['Silo', 'Status', 'Address', 'Gateway', 'Uptime', { label: 'Activations', num: true }, 'CPU', 'Memory'],
            o.silos.map(s => ({
              testid: 'silo-' + s.name,
              cells: [s.name, badge(s.status), s.address, s.gateway || '–', fmt.duration(s.uptimeSeconds), fmt.int(s.activations),
                s.cpuPercent === null ? (s.error || '–') : [gauge(s.cpuPercent, 100), fmt.pct(s.cpuPercent)],
                s.workingSetBytes === null ? '–' : [gauge(s.workingSetBytes, s.availableMemoryBytes), fmt.bytes(s.workingSetBytes) + ' of ' + fmt.bytes(s.availableMemoryBytes)]],
            })), { testid: 'silos' }));
      },
    },

    grains: {
      title: 'Grains',
      state: { open: null },
      async refresh(root) {
        const o = await api('/overview');
        const state = this.state;
        const rows = [];
        for (const t of o.grainTypes) {
          rows.push({
            testid: 'grain-' + t.grainType, selected: state.open === t.grainType,
            onclick: () => { state.open = state.open === t.grainType ? null : t.grainType; this.refresh(root).catch(report); },
            cells: [t.grainType, fmt.int(t.activations), fmt.int(t.calls), fmt.int(t.errors), fmt.ms(t.averageMilliseconds)],
          });
          if (state.open === t.grainType) {
            for (const m of t.methods) rows.push(['  ' + m.method, '', fmt.int(m.calls), fmt.int(m.errors) + ' (' + fmt.pct(m.errorPercent) + ')', fmt.ms(m.averageMilliseconds)]);
          }
        }
        clear(root);
        root.append(el('h2', {}, 'Grain types'),
          el('p', { class: 'muted' }, 'Calls, errors and latency count from when statistics were switched on; click a type for its methods.'),
          table(['Grain type', { label: 'Activations', num: true }, { label: 'Calls', num: true }, { label: 'Errors', num: true }, { label: 'Average', num: true }], rows, { testid: 'grain-types' }));
      },
    },

    reminders: {
      title: 'Reminders',
      state: { offset: 0, limit: 25 },
      async refresh(root) {
        const state = this.state;
        const page = await api('/reminders' + q({ offset: state.offset, limit: state.limit }));
        const go = delta => { state.offset = Math.max(0, state.offset + delta); this.refresh(root).catch(report); };
        clear(root);
        root.append(el('h2', {}, 'Reminders'),
          el('div', { class: 'toolbar' },
            el('span', { 'data-testid': 'reminder-count' }, fmt.int(page.total) + ' reminders'),
            el('button', { class: 'small', disabled: state.offset === 0, onclick: () => go(-state.limit) }, 'Previous'),
            el('span', {}, page.total === 0 ? '' : `${page.offset + 1}–${page.offset + page.items.length}`),
            el('button', { class: 'small', disabled: page.offset + page.items.length >= page.total, onclick: () => go(state.limit) }, 'Next')),
          table(['Grain', 'Name', 'Start', 'Period', 'Next tick'],
            page.items.map(r => [r.grainId, r.name, fmt.time(r.startAt), r.period, fmt.time(r.nextTick)]), { testid: 'reminders', empty: 'No reminders.' }));
      },
    },

    streams: {
      title: 'Streams',
      async refresh(root) {
        const queues = await api('/streams');
        clear(root);
        root.append(el('h2', {}, 'Stream queues'),
          table(['Provider', { label: 'Queue', num: true }, 'Owner', { label: 'Last offset', num: true }, { label: 'Checkpoint', num: true }, { label: 'Lag', num: true }, { label: 'Dead letters', num: true }],
            queues.map(x => [x.provider, x.queue, x.owner || 'none', fmt.int(x.lastOffset), fmt.int(x.checkpoint), fmt.int(x.lag), fmt.int(x.deadLetters)]),
            { testid: 'streams', empty: 'No stream queues: the cluster runs no stream provider.' }));
      },
    },

    logs: {
      title: 'Log tail',
      state: { after: 0, filter: '', paused: false, lines: [], built: null },
      reset() { this.state.built = null; this.state.after = 0; this.state.lines = []; },
      async refresh(root) {
        const state = this.state;
        if (!state.built || !root.contains(state.built.output)) {
          const output = el('div', { class: 'log', 'data-testid': 'log-lines' });
          const filter = el('input', { type: 'search', placeholder: 'filter (text in message, category or level)', value: state.filter, 'data-testid': 'log-filter', size: 40 });
          filter.addEventListener('input', () => { state.filter = filter.value; state.after = 0; state.lines = []; clear(output); });
          const pause = el('input', { type: 'checkbox', id: 'log-pause', 'data-testid': 'log-pause' });
          pause.addEventListener('change', () => { state.paused = pause.checked; });
          // The log is this process's own: a silo's, or the gateway's when the gateway serves the page.
          const host = (await me).host;
          const source = host.kind === 'gateway'
            ? `The log of the gateway ${host.name} that serves this page; each silo's log is on that silo's own dashboard.`
            : `The log of silo ${host.name}, which serves this page; each silo's log is on that silo's own dashboard.`;
          clear(root);
          root.append(el('h2', {}, 'Log tail'), el('p', { class: 'muted', 'data-testid': 'log-source' }, source),
            el('div', { class: 'toolbar' }, filter, pause, el('label', { for: 'log-pause' }, 'Pause')), output);
          state.built = { output };
        }
        if (state.paused) return;
        const entries = await api('/logs' + q({ after: state.after, filter: state.filter, limit: 200 }));
        const output = state.built.output;
        const atBottom = output.scrollTop + output.clientHeight >= output.scrollHeight - 4;
        for (const e of entries) {
          state.after = Math.max(state.after, e.sequence);
          output.appendChild(el('div', { class: e.level }, `${fmt.time(e.time)} ${e.level.padEnd(11)} ${e.category}: ${e.message}`));
        }
        while (output.childNodes.length > 1000) output.removeChild(output.firstChild);
        if (atBottom) output.scrollTop = output.scrollHeight;
      },
    },

    services: {
      title: 'Services',
      state: { selected: null },
      async refresh(root) {
        const state = this.state;
        const page = await api('/services' + q({ limit: 500 }));
        const history = state.selected ? await api('/services/' + encodeURIComponent(state.selected) + '/history').catch(() => null) : null;
        clear(root);
        root.append(el('h2', {}, 'Services'),
          el('div', { class: 'split' },
            el('div', {},
              table(['Service', 'Status', 'Version', 'Base URL'], page.items.map(s => ({
                testid: 'service-' + s.name, selected: state.selected === s.name,
                onclick: () => { state.selected = s.name; this.refresh(root).catch(report); },
                cells: [s.name, badge(s.status), s.version, s.baseUrl],
              })), { testid: 'services', empty: 'No services registered.' })),
            el('div', {}, state.selected && history
              ? [el('h3', {}, 'Health history of ' + state.selected), statusTimeline(history.items),
                 table(['Time', 'From', 'To', 'Reason'], history.items.slice().reverse().map(c => [fmt.time(c.at || c.time), badge(c.from || c.previous || '–'), badge(c.to || c.status || '–'), c.reason || '']), { testid: 'service-history' })]
              : el('p', { class: 'muted' }, 'Click a service for its health history.'))));
      },
    },

    workflows: {
      title: 'Workflows',
      state: { selected: null },
      async refresh(root) {
        const state = this.state;
        const list = await api('/workflows' + q({ limit: 100 }));
        const workflow = state.selected ? await api('/workflows/' + encodeURIComponent(state.selected)).catch(() => null) : null;
        clear(root);
        root.append(el('h2', {}, 'Workflows'),
          el('div', { class: 'split' },
            table(['Workflow', 'Name', 'Status', 'Updated'], list.items.map(w => ({
              testid: 'workflow-' + w.id, selected: state.selected === w.id,
              onclick: () => { state.selected = w.id; this.refresh(root).catch(report); },
              cells: [w.id, w.name, badge(w.status), fmt.time(w.updatedAt)],
            })), { testid: 'workflows', empty: 'No workflows yet.' }),
            el('div', {}, workflow
              ? [el('h3', {}, workflow.name + ' ', badge(workflow.status)), dag(workflow.steps),
                 table(['Step', 'Kind', 'Status', { label: 'Attempts', num: true }, 'Error'],
                   workflow.steps.map(s => [s.id, s.kind, badge(s.status), s.attempts, s.error || '']), { testid: 'workflow-steps' })]
              : el('p', { class: 'muted' }, 'Click a workflow to see its graph; step states update live.'))));
      },
    },

    'test-runs': {
      title: 'Test runs',
      state: { suite: '', selected: null },
      async refresh(root) {
        const state = this.state;
        const runs = state.suite ? await api('/test-runs' + q({ suite: state.suite, pageSize: 50 })) : null;
        const run = state.selected ? await api('/test-runs/' + encodeURIComponent(state.selected)).catch(() => null) : null;
        rebuild(root, 'Test runs', suiteForm(state, () => { state.selected = null; this.refresh(root).catch(report); }, 'test-runs-suite'),
          runs ? el('div', { class: 'split' },
            table(['Run', 'Branch', 'Recorded', 'Total', 'Passed', 'Failed', 'Flaky'], runs.items.map(r => ({
              testid: 'run-' + r.runId, selected: state.selected === r.runId,
              onclick: () => { state.selected = r.runId; this.refresh(root).catch(report); },
              cells: [r.runId, r.branch, fmt.time(r.recordedAt), r.totals.total, r.totals.passed, r.totals.failed, r.totals.flaky],
            })), { testid: 'test-runs', empty: 'No runs of this suite.' }),
            el('div', {}, run
              ? [el('h3', {}, 'Run ' + run.runId + ' — ' + run.metadata.suite),
                 table(['Test', 'Status', { label: 'Duration', num: true }, { label: 'Attempts', num: true }],
                   run.tests.map(t => [t.testId, badge(t.status), fmt.ms(t.durationMs), t.attempts.length]), { testid: 'run-tests' })]
              : el('p', { class: 'muted' }, 'Click a run for its results.')))
            : el('p', { class: 'muted' }, 'Enter a suite name to list its runs.'));
      },
    },

    flaky: {
      title: 'Flaky tests',
      state: { suite: '', branch: '' },
      async refresh(root) {
        const state = this.state;
        const flaky = state.suite ? await api('/flaky' + q({ suite: state.suite, branch: state.branch })) : null;
        rebuild(root, 'Flaky tests', suiteForm(state, () => this.refresh(root).catch(report), 'flaky-suite', true),
          flaky ? table(['Test', 'Verdict', { label: 'Runs', num: true }, { label: 'Flip rate', num: true }, { label: 'Failure rate', num: true }, 'Evidence'],
            flaky.map(f => [f.testId, badge(f.verdict.classification), f.verdict.runsConsidered,
              f.verdict.flipRate === null ? '–' : fmt.pct(f.verdict.flipRate * 100),
              f.verdict.failureRate === null ? '–' : fmt.pct(f.verdict.failureRate * 100),
              el('div', {}, f.verdict.reasons.map(r => el('div', {}, r)),
                f.verdict.sameCommitEvidence.length ? el('div', { class: 'muted' }, 'passed and failed on ' + f.verdict.sameCommitEvidence.join(', ')) : null)]),
            { testid: 'flaky-tests', empty: 'No flaky or broken tests in this suite.' })
            : el('p', { class: 'muted' }, 'Enter a suite name to see its flaky tests and the evidence behind each verdict.'));
      },
    },

    healing: {
      title: 'Healing sessions',
      state: { suite: '', selected: null, message: null },
      async refresh(root) {
        const state = this.state;
        const sessions = state.suite ? await api('/healing/sessions' + q({ suite: state.suite, limit: 100 })) : null;
        const session = state.selected ? await api('/healing/sessions/' + encodeURIComponent(state.selected)) : null;
        const review = async approved => {
          try {
            await api('/healing/sessions/' + encodeURIComponent(session.sessionId) + '/review', { approved, comment: 'from the dashboard' });
            state.message = approved ? 'Approved.' : 'Rejected.';
          } catch (e) {
            state.message = e.status === 403 ? 'Reviewing needs an operator key: sign in with one.' : e.message;
          }
          this.refresh(root).catch(report);
        };
        const shot = which => el('figure', {},
          el('img', { src: API + '/healing/sessions/' + encodeURIComponent(session.sessionId) + '/screenshots/' + which, alt: which + ' the heal', 'data-testid': 'healing-' + which }),
          el('figcaption', {}, which === 'before' ? 'Before' : 'After (healed element outlined)'));
        rebuild(root, 'Healing sessions', suiteForm(state, () => { state.selected = null; this.refresh(root).catch(report); }, 'healing-suite', false),
          sessions ? [
            table(['Opened', 'Test', 'Kind', 'Strategy', { label: 'Confidence', num: true }, 'Decision', 'Outcome'], sessions.map(h => ({
              testid: 'healing-' + h.sessionId, selected: state.selected === h.sessionId,
              onclick: () => { state.selected = h.sessionId; state.message = null; this.refresh(root).catch(report); },
              cells: [fmt.time(h.createdAt), h.testId, h.kind, h.strategy || '–', h.confidence === null ? '–' : h.confidence.toFixed(2), badge(h.decision), badge(h.outcome)],
            })), { testid: 'healing-sessions', empty: 'No healing sessions in this suite.' }),
            session ? el('div', { 'data-testid': 'healing-session' },
              el('h3', {}, session.failure.testId + ' — ' + session.classification.kind),
              el('p', {}, session.failure.errorMessage),
              el('p', { class: 'muted' }, session.classification.reason || ''),
              session.fix ? el('div', {},
                el('p', {}, el('strong', {}, 'Fix: '), session.fix.description, ' (confidence ' + session.fix.confidence.toFixed(2) + ', decision ', badge(session.decision), ')'),
                session.fix.evidence.map(e => el('div', { class: 'muted' }, e)),
                session.fix.patch ? el('pre', { 'data-testid': 'healing-patch' }, session.fix.patch) : null)
                : el('p', { class: 'muted' }, 'No fix was chosen.'),
              session.candidates.length ? table(['Candidate', { label: 'Score', num: true }, 'Locator', 'Why'],
                session.candidates.map(c => [c.description, c.score.toFixed(3), c.locator || '–',
                  c.rejection || c.terms.map(t => t.term + ' ' + t.similarity.toFixed(2) + '×' + t.weight.toFixed(2)).join(', ')]),
                { testid: 'healing-candidates' }) : null,
              (session.hasScreenshotBefore || session.hasScreenshotAfter)
                ? el('div', { class: 'screenshots' }, session.hasScreenshotBefore ? shot('before') : null, session.hasScreenshotAfter ? shot('after') : null) : null,
              el('p', { 'data-testid': 'healing-outcome' }, 'Outcome: ', badge(session.outcome),
                session.reviews.map(r => el('span', { class: 'muted' }, ' · ' + (r.approved ? 'approved' : 'rejected') + ' by ' + r.reviewer))),
              session.fix ? el('div', { class: 'toolbar' },
                el('button', { class: 'small', 'data-testid': 'healing-approve', onclick: () => review(true) }, 'Approve'),
                el('button', { class: 'small', 'data-testid': 'healing-reject', onclick: () => review(false) }, 'Reject')) : null,
              state.message ? el('p', { 'data-testid': 'healing-message' }, state.message) : null)
              : el('p', { class: 'muted' }, 'Click a session for its candidates, scores, screenshots and review.'),
          ] : el('p', { class: 'muted' }, 'Enter a suite name to list its healing sessions.'));
      },
    },

    audit: {
      title: 'Audit log',
      state: { actor: '', action: '', target: '', from: '', to: '' },
      async refresh(root) {
        const state = this.state;
        let result = null; let denied = null;
        try {
          // Newest first: read the total, then the last page.
          const head = await api('/audit' + q({ actor: state.actor, action: state.action, target: state.target, from: state.from, to: state.to, limit: 1 }));
          result = await api('/audit' + q({ actor: state.actor, action: state.action, target: state.target, from: state.from, to: state.to, offset: Math.max(0, head.total - 100), limit: 100 }));
        } catch (e) {
          if (e.status === 403) denied = 'The audit log needs an admin key: sign out and sign in with one.'; else throw e;
        }
        const fields = ['actor', 'action', 'target', 'from', 'to'].map(name => {
          const input = el('input', { name, value: state[name], placeholder: name + (name === 'from' || name === 'to' ? ' (ISO 8601)' : ''), 'data-testid': 'audit-' + name, size: name === 'from' || name === 'to' ? 22 : 14 });
          input.addEventListener('change', () => { state[name] = input.value.trim(); this.refresh(root).catch(report); });
          return input;
        });
        rebuild(root, 'Audit log', el('div', { class: 'toolbar' }, fields),
          denied ? el('p', { class: 'problem', 'data-testid': 'audit-denied' }, denied)
            : [el('p', { class: 'muted' }, fmt.int(result.total) + ' matching records, newest first'),
               table(['Time', 'Actor', 'Role', 'Action', 'Target', 'Outcome', { label: 'Status', num: true }],
                 result.items.slice().reverse().map(({ entry: r }) => [fmt.time(r.time), r.actorName ? r.actorName + ' (' + r.actor + ')' : r.actor, r.role, r.action, r.target, badge(r.outcome), r.statusCode]),
                 { testid: 'audit', empty: 'No records match.' })]);
      },
    },
  };

  // Forms keep focus while the page below them refreshes: only the part after the form is rebuilt.
  function rebuild(root, title, form, content) {
    if (!root.firstChild || root.dataset.title !== title) {
      clear(root);
      root.dataset.title = title;
      root.append(el('h2', {}, title), form, el('div', { class: 'content' }));
    }
    const slot = root.querySelector('.content');
    clear(slot);
    append(slot, [content]);
  }

  function suiteForm(state, submit, testid, withBranch) {
    const suite = el('input', { name: 'suite', value: state.suite, placeholder: 'suite name', 'data-testid': testid, size: 24 });
    const branch = withBranch ? el('input', { name: 'branch', value: state.branch, placeholder: 'branch (optional)', 'data-testid': testid + '-branch', size: 16 }) : null;
    return el('form', {
      class: 'toolbar',
      onsubmit: e => { e.preventDefault(); state.suite = suite.value.trim(); if (branch) state.branch = branch.value.trim(); submit(); },
    }, suite, branch, el('button', { class: 'small', type: 'submit', 'data-testid': testid + '-show' }, 'Show'));
  }

  // A service's status over time: one coloured band per status change, oldest on the left.
  function statusTimeline(changes) {
    const width = 600, height = 18;
    const chart = svg('svg', { class: 'timeline', viewBox: `0 0 ${width} ${height}`, width: '100%', height, role: 'img', 'aria-label': 'status history' });
    if (!changes.length) return chart;
    const times = changes.map(c => Date.parse(c.at || c.time));
    const start = times[0], end = Math.max(Date.now(), start + 1);
    const colours = { healthy: '#4caf6a', degraded: '#e0a526', unhealthy: '#d64545', expired: '#9aa3b2' };
    changes.forEach((c, i) => {
      const x = (times[i] - start) / (end - start) * width;
      const next = i + 1 < changes.length ? (times[i + 1] - start) / (end - start) * width : width;
      const status = c.to || c.status;
      chart.appendChild(svg('rect', { x: x.toFixed(1), y: 0, width: Math.max(1, next - x).toFixed(1), height, fill: colours[status] || '#c0c6d0' },
        svg('title', {}, `${status} from ${fmt.time(c.at || c.time)}`)));
    });
    return chart;
  }

  // The workflow's DAG: a step's column is its longest distance from a root, so every edge points right.
  function dag(steps) {
    const byId = new Map(steps.map(s => [s.id, s]));
    const depth = new Map();
    const depthOf = (id, seen) => {
      if (depth.has(id)) return depth.get(id);
      if (seen.has(id)) return 0;
      seen.add(id);
      const step = byId.get(id);
      const d = step && step.depends.length ? 1 + Math.max(...step.depends.filter(p => byId.has(p)).map(p => depthOf(p, seen)), -1) : 0;
      depth.set(id, d);
      return d;
    };
    steps.forEach(s => depthOf(s.id, new Set()));
    const columns = [];
    steps.forEach(s => { const d = depth.get(s.id); (columns[d] = columns[d] || []).push(s); });
    const nodeW = 150, nodeH = 34, gapX = 60, gapY = 18, pad = 12;
    const rows = Math.max(1, ...columns.map(c => c.length));
    const width = pad * 2 + columns.length * nodeW + (columns.length - 1) * gapX;
    const height = pad * 2 + rows * nodeH + (rows - 1) * gapY;
    const pos = new Map();
    columns.forEach((col, ci) => col.forEach((s, ri) => pos.set(s.id, { x: pad + ci * (nodeW + gapX), y: pad + ri * (nodeH + gapY) })));
    const chart = svg('svg', { class: 'dag', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'workflow graph', 'data-testid': 'workflow-dag' },
      svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
        svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#8a96aa' }))));
    for (const s of steps) {
      for (const p of s.depends) {
        if (!pos.has(p)) continue;
        const a = pos.get(p), b = pos.get(s.id);
        const x1 = a.x + nodeW, y1 = a.y + nodeH / 2, x2 = b.x, y2 = b.y + nodeH / 2, mx = (x1 + x2) / 2;
        chart.appendChild(svg('path', { class: 'edge', d: `M ${x1} ${y1} C ${mx} ${y1}, ${mx} ${y2}, ${x2} ${y2}` }));
      }
    }
    for (const s of steps) {
      const p = pos.get(s.id);
      const label = s.id.length > 20 ? s.id.slice(0, 19) + '…' : s.id;
      chart.appendChild(svg('g', { class: 'node ' + String(s.status).toLowerCase(), transform: `translate(${p.x},${p.y})`, 'data-testid': 'dag-step-' + s.id, 'data-status': s.status },
        svg('title', {}, `${s.id}: ${s.status}`),
        svg('rect', { width: nodeW, height: nodeH, rx: 5 }),
        svg('text', { x: 8, y: 14 }, label),
        svg('text', { x: 8, y: 28, class: 'muted' }, s.status)));
    }
    return chart;
  }

  // ---- Routing and polling ---------------------------------------------------------------------------------------
  function report(error) {
    if (error instanceof ApiError && error.status === 401) return;
    showProblem(error && error.message ? error.message : String(error));
  }

  function route() {
    const name = (window.location.hash.replace(/^#\/?/, '') || 'overview').split('?')[0];
    const page = pages[name] || pages.overview;
    if (timer) clearInterval(timer);
    const mine = ++generation;
    current = page;
    if (page.reset) page.reset();
    document.title = page.title + ' · Maestro dashboard';
    for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.getAttribute('href') === '#/' + name);
    // Each visit renders into a root of its own: a refresh of the page left behind that was still waiting for its data
    // fills a root no longer shown, instead of replacing this page (and what was typed into its form).
    const root = el('div', { class: 'page' });
    clear(view);
    view.dataset.page = name;
    view.append(root);
    let busy = false;
    const tick = async () => {
      if (busy || mine !== generation) return;
      busy = true;
      try {
        await page.refresh(root);
        if (mine === generation) showProblem(null);
      } catch (e) {
        if (mine === generation) report(e);
      } finally {
        busy = false;
      }
    };
    tick();
    timer = setInterval(tick, POLL_MS);
  }

  // Who is signed in, and which process serves the page (the log tail names it).
  const me = api('/me');
  me.then(who => {
    document.getElementById('who').textContent = `${who.name} (${who.role})`;
  }).catch(report);
  window.addEventListener('hashchange', route);
  route();
})();
