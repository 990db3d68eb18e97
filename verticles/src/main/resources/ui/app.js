// The operations page: polls the admin API (campaigns, snapshots, the selected campaign's
// history) and the gateway's own /metrics and readiness, and keeps the token flow. ?poll=ms
// changes the polling period (default 5 s).

import * as api from './api.js';
import * as campaigns from './campaigns.js';
import * as charts from './charts.js';
import * as fmt from './format.js';
import * as gateway from './gateway.js';
import * as snapshots from './snapshots.js';

const POLL_MS = Math.max(250, Number(new URLSearchParams(location.search).get('poll')) || 5000);

const AUTH = {
  required: ['Admin token required', 'This page reads the admin API: enter a token with the admin role. It is kept for this browser tab only.'],
  invalid: ['Token refused', 'The gateway does not know this token (401). Enter a valid admin token.'],
  forbidden: ['Token lacks the admin role', 'The gateway knows this token but it does not hold the admin role (403). Enter an admin token.'],
};

let selected = fromHash();
let timer = null;
let running = false;
let again = false;

function fromHash() {
  const m = /^#campaign=(.+)$/.exec(location.hash);
  return m ? decodeURIComponent(m[1]) : null;
}

function authState(state) {
  const section = document.getElementById('auth');
  section.dataset.state = state;
  const needed = state !== 'ok';
  section.hidden = !needed;
  document.getElementById('main').hidden = needed;
  document.getElementById('gateway').hidden = needed;
  document.getElementById('forget').hidden = !api.token();
  if (needed) {
    const [title, message] = AUTH[state];
    fmt.setText(document.getElementById('auth-title'), title);
    fmt.setText(document.getElementById('auth-message'), message);
    document.getElementById('token').focus();
  }
}

function showError(message) {
  const e = document.getElementById('error');
  e.hidden = !message;
  e.textContent = message || '';
}

function detail(h) {
  fmt.setText(document.getElementById('d-title'), h.id);
  const done = h.budget > 0 ? h.delivered / h.budget : 0;
  const parts = [
    h.state,
    fmt.int(h.delivered) + ' of ' + fmt.int(h.budget) + ' delivered (' + fmt.pct(done) + ')',
    fmt.int(h.planned) + ' planned by now',
    'pass rate ' + fmt.passRate(h.pass_rate),
    h.pacing.replace('_', ' ') + ' from ' + fmt.dateTime(h.start) + ' to ' + fmt.dateTime(h.end),
    h.slots.length + (h.slots.length === 1 ? ' slot' : ' slots') + ' of ' + Math.round(h.slot_ms / 1000) + ' s in the history',
  ];
  fmt.setText(document.getElementById('d-summary'), parts.join(' · '));
  charts.render(h);
}

function noDetail() {
  charts.clear();
  fmt.setText(document.getElementById('d-title'), 'Select a campaign');
  fmt.setText(
    document.getElementById('d-summary'),
    'Click a row to see its delivery against plan and its pass rate per slot.'
  );
}

async function poll() {
  const [list, snaps] = await Promise.all([
    api.adminJson('/admin/v1/campaigns'),
    api.adminJson('/admin/v1/snapshots'),
  ]);
  authState('ok');
  campaigns.render(list.campaigns);
  snapshots.render(snaps);
  if (selected && list.campaigns.some((c) => c.id === selected)) {
    detail(await api.adminJson('/admin/v1/campaigns/' + encodeURIComponent(selected) + '/history'));
  } else {
    noDetail();
  }
  const [text, ready] = await Promise.all([api.metricsText(), api.readiness()]);
  gateway.render(text, ready);
}

async function refresh() {
  if (running) {
    again = true;
    return;
  }
  running = true;
  clearTimeout(timer);
  let next = true;
  try {
    await poll();
    showError(null);
    fmt.setText(document.getElementById('updated'), 'updated ' + fmt.clock(new Date()));
  } catch (e) {
    if (e instanceof api.AuthError) {
      // nothing to poll until a token is given
      next = false;
      charts.clear();
      authState(e.status === 403 ? 'forbidden' : api.token() ? 'invalid' : 'required');
    } else {
      showError('Could not refresh: ' + e.message);
    }
  } finally {
    running = false;
    if (next) timer = setTimeout(refresh, POLL_MS);
    if (again) {
      again = false;
      refresh();
    }
  }
}

function choose(id) {
  selected = id;
  history.replaceState(null, '', '#campaign=' + encodeURIComponent(id));
  campaigns.select(id);
  refresh();
}

function start() {
  campaigns.init(choose);
  campaigns.select(selected);
  document.getElementById('auth-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const input = document.getElementById('token');
    api.setToken(input.value);
    input.value = '';
    refresh();
  });
  document.getElementById('forget').addEventListener('click', () => {
    api.forgetToken();
    charts.clear();
    authState('required');
  });
  window.addEventListener('hashchange', () => {
    selected = fromHash();
    campaigns.select(selected);
    refresh();
  });
  let pending = null;
  window.addEventListener('resize', () => {
    clearTimeout(pending);
    pending = setTimeout(charts.resize, 100);
  });
  refresh();
}

start();
