// A campaign's two charts, drawn with the vendored uPlot: cumulative deliveries against the plan
// over the whole flight, and the pass rate (with the demand it was aimed at) per slot. Each chart's
// element carries data-points: the history slots it draws.

/* global uPlot */

import * as fmt from './format.js';

const charts = { id: null, doc: null, delivery: null, pass: null };

const COLORS = { delivered: '#1f6feb', plan: '#8c959f', pass: '#bf5700', demand: '#2da44e' };

function seconds(iso) {
  return Date.parse(iso) / 1000;
}

/**
 * The delivery chart's columns: x over history slots, now and the plan's points; deliveries as
 * history recorded them and now; the plan as the controller saw it at each slot, then the current
 * plan from now to the flight's end.
 */
export function deliveryData(h) {
  const now = seconds(h.now);
  const points = new Map();
  const put = (x, delivered, plan) => {
    const p = points.get(x) || [null, null];
    if (delivered != null) p[0] = delivered;
    if (plan != null) p[1] = plan;
    points.set(x, p);
  };
  for (const s of h.slots) put(seconds(s.at), s.delivered, s.planned);
  if (h.state !== 'ended' && h.state !== 'scheduled') put(now, h.delivered, h.planned);
  for (const p of h.plan) {
    const x = seconds(p.at);
    if (x > now || h.slots.length === 0) put(x, null, p.planned);
  }
  const xs = [...points.keys()].sort((a, b) => a - b);
  return [xs, xs.map((x) => points.get(x)[0]), xs.map((x) => points.get(x)[1])];
}

export function passData(h) {
  return [
    h.slots.map((s) => seconds(s.at)),
    h.slots.map((s) => s.pass_rate),
    h.slots.map((s) => s.demand),
  ];
}

// every time on the page is UTC, the charts' ticks too
function utc(ts) {
  return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');
}

function timeAxis() {
  return {
    space: 70,
    values: (u, splits) => fmt.ticks(splits, u.scales.x.max - u.scales.x.min),
  };
}

function width(el) {
  return Math.max(280, el.clientWidth);
}

function deliveryChart(el) {
  return new uPlot(
    {
      width: width(el),
      height: 230,
      tzDate: utc,
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
      scales: { y: { range: (u, min, max) => [0, Math.max(charts.doc.budget, max) * 1.04] } },
      axes: [timeAxis(), { size: 60, values: (u, vals) => vals.map((v) => compact(v)) }],
      series: [
        {},
        {
          label: 'Delivered',
          stroke: COLORS.delivered,
          width: 2,
          fill: 'rgba(31,111,235,0.08)',
          points: { show: false },
          spanGaps: true,
        },
        { label: 'Plan', stroke: COLORS.plan, width: 1.5, dash: [6, 4], spanGaps: true },
      ],
    },
    deliveryData(charts.doc),
    el
  );
}

function passChart(el) {
  return new uPlot(
    {
      width: width(el),
      height: 190,
      tzDate: utc,
      cursor: { drag: { x: false, y: false } },
      scales: {
        // a lone slot still spans a slot's width
        x: { time: true, range: (u, min, max) => (max > min ? [min, max] : around(min)) },
        p: { range: [0, 1] },
        d: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] },
      },
      axes: [
        timeAxis(),
        { scale: 'p', size: 50, values: (u, vals) => vals.map((v) => v.toFixed(2)) },
        { scale: 'd', side: 1, size: 60, grid: { show: false }, values: (u, vals) => vals.map((v) => compact(v)) },
      ],
      series: [
        {},
        {
          label: 'Pass rate',
          scale: 'p',
          stroke: COLORS.pass,
          width: 2,
          points: { show: false },
          paths: uPlot.paths.stepped({ align: 1 }),
        },
        { label: 'Demand / slot', scale: 'd', stroke: COLORS.demand, width: 1, points: { show: false }, spanGaps: true },
      ],
    },
    passData(charts.doc),
    el
  );
}

function around(x) {
  const half = charts.doc.slot_ms / 2000;
  return [x - half, x + half];
}

function compact(v) {
  if (v == null) return '';
  const a = Math.abs(v);
  if (a >= 1e6) return (v / 1e6).toFixed(a >= 1e7 ? 0 : 1) + 'M';
  if (a >= 1e3) return (v / 1e3).toFixed(a >= 1e4 ? 0 : 1) + 'k';
  return String(Math.round(v * 100) / 100);
}

/** Draws (or updates) both charts for one campaign's history document. */
export function render(h) {
  const d = document.getElementById('chart-delivery');
  const p = document.getElementById('chart-pass');
  charts.doc = h;
  if (charts.id !== h.id) {
    clear();
    charts.id = h.id;
    charts.delivery = deliveryChart(d);
    charts.pass = passChart(p);
  } else {
    charts.delivery.setData(deliveryData(h));
    charts.pass.setData(passData(h));
  }
  // the points each chart holds from the history (the delivery chart also holds "now" and the
  // plan ahead)
  const slots = new Set(h.slots.map((s) => seconds(s.at)));
  const [xs, delivered] = charts.delivery.data;
  d.dataset.points = String(xs.filter((x, i) => delivered[i] != null && slots.has(x)).length);
  p.dataset.points = String(charts.pass.data[0].length);
  d.dataset.campaign = h.id;
  p.dataset.campaign = h.id;
}

export function clear() {
  for (const k of ['delivery', 'pass']) {
    if (charts[k]) charts[k].destroy();
    charts[k] = null;
  }
  charts.id = null;
  for (const id of ['chart-delivery', 'chart-pass']) {
    const el = document.getElementById(id);
    el.dataset.points = '0';
    delete el.dataset.campaign;
  }
}

export function resize() {
  for (const [k, id] of [['delivery', 'chart-delivery'], ['pass', 'chart-pass']]) {
    const c = charts[k];
    if (c) c.setSize({ width: width(document.getElementById(id)), height: c.height });
  }
}
