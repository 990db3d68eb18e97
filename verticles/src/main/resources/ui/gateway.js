// The gateway's own health strip: readiness from /health/ready, the rest from /metrics (the
// Prometheus text format, parsed here). Rates and p99 are taken between the newest scrape and one
// about a minute older, as a dashboard's rate() would; until there are two scrapes they cover
// everything since the gateway started.

import * as fmt from './format.js';

const SCORES = 'POST /v1/scores';
const WINDOW_MS = 60_000;
const samples = [];

/** Every sample of a metrics page: [{name, labels, value}]. */
export function parseMetrics(text) {
  const out = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const labels = {};
    const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
    let l;
    while ((l = re.exec(m[2] || '')) !== null) {
      labels[l[1]] = l[2].replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
    }
    out.push({ name: m[1], labels, value: number(m[3]) });
  }
  return out;
}

function number(s) {
  if (s === '+Inf') return Infinity;
  if (s === '-Inf') return -Infinity;
  return parseFloat(s);
}

function sum(page, name, match = {}) {
  let total = 0;
  for (const s of page) {
    if (s.name !== name) continue;
    if (Object.entries(match).every(([k, v]) => s.labels[k] === v)) total += s.value;
  }
  return total;
}

/** Cumulative bucket counts by upper bound, ascending. */
function buckets(page, name, match) {
  const byLe = new Map();
  for (const s of page) {
    if (s.name !== name || !Object.entries(match).every(([k, v]) => s.labels[k] === v)) continue;
    const le = number(s.labels.le);
    byLe.set(le, (byLe.get(le) || 0) + s.value);
  }
  return [...byLe.entries()].sort((a, b) => a[0] - b[0]);
}

/** histogram_quantile over the difference of two bucket sets (older may be empty). */
export function quantile(q, newer, older) {
  const base = new Map(older);
  const counts = newer.map(([le, c]) => [le, c - (base.get(le) || 0)]);
  if (counts.length === 0) return null;
  const total = counts[counts.length - 1][1];
  if (!(total > 0)) return null;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const [le, c] of counts) {
    if (c >= rank) {
      if (le === Infinity) return lower;
      return lower + ((le - lower) * (rank - below)) / (c - below || 1);
    }
    lower = le;
    below = c;
  }
  return lower;
}

/** What the strip shows, from the newest scrape against the oldest within the window. */
export function summarize(newest, oldest) {
  const seconds = oldest ? (newest.at - oldest.at) / 1000 : null;
  const delta = (name, match) =>
    sum(newest.page, name, match) - (oldest ? sum(oldest.page, name, match) : 0);
  const requests = delta('gateway_requests_total');
  const answered = delta('gateway_requests_total', { route: SCORES, status: '200' });
  const degraded = delta('gateway_degraded_answers_total');
  const hist = 'gateway_request_duration_seconds_bucket';
  const p99 = quantile(
    0.99,
    buckets(newest.page, hist, { route: SCORES }),
    oldest ? buckets(oldest.page, hist, { route: SCORES }) : []
  );
  const breaker = {};
  for (const state of ['closed', 'half_open', 'open']) {
    breaker[state] = sum(newest.page, 'gateway_redis_breaker', { state });
  }
  const known = newest.page.some((s) => s.name === 'gateway_redis_breaker');
  return {
    rate: seconds ? requests / seconds : null,
    degradedShare: answered > 0 ? degraded / answered : null,
    p99,
    breaker: known ? breaker : null,
    window: seconds,
  };
}

/** Takes one scrape and renders the strip. */
export function render(text, ready) {
  const at = Date.now();
  samples.push({ at, page: parseMetrics(text) });
  while (samples.length > 2 && at - samples[1].at >= WINDOW_MS) samples.shift();
  const newest = samples[samples.length - 1];
  const s = summarize(newest, samples.length > 1 ? samples[0] : null);

  const r = document.getElementById('g-ready');
  if (ready.status === 'ready') {
    show(r, 'ready', 'ok');
  } else {
    const why = ['redis', 'catalog', 'data_plane']
      .filter((k) => ready[k] && !['connected', 'loaded', 'warm'].includes(ready[k]))
      .map((k) => k.replace('_', ' ') + ' ' + ready[k]);
    show(r, 'not ready' + (why.length ? ': ' + why.join(', ') : ''), 'bad');
  }

  const b = document.getElementById('g-breaker');
  if (!s.breaker) {
    show(b, 'unknown', 'unknown');
  } else if (s.breaker.open > 0) {
    show(b, 'open on ' + s.breaker.open + ' of ' + total(s.breaker) + ' links', 'bad');
  } else if (s.breaker.half_open > 0) {
    show(b, 'half open (probing)', 'warn');
  } else {
    show(b, 'closed', 'ok');
  }

  const suffix = s.window ? '' : ' since start';
  show(document.getElementById('g-rate'), s.rate == null ? 'measuring…' : fmt.rate(s.rate));
  const d = s.degradedShare;
  show(
    document.getElementById('g-degraded'),
    d == null ? 'no scores' : fmt.pct(d, 2) + suffix,
    d == null ? 'unknown' : d > 0.01 ? 'bad' : d > 0 ? 'warn' : 'ok'
  );
  show(
    document.getElementById('g-p99'),
    s.p99 == null ? 'no scores' : fmt.ms(s.p99) + suffix,
    s.p99 == null ? 'unknown' : s.p99 > 0.01 ? 'warn' : 'ok'
  );
}

function total(breaker) {
  return breaker.closed + breaker.half_open + breaker.open;
}

function show(el, text, level) {
  el.textContent = text;
  if (level) el.dataset.level = level;
}
