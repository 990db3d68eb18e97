// Number and time formatting shared by the page's parts.

const ints = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function int(n) {
  return n == null || Number.isNaN(n) ? '—' : ints.format(n);
}

export function pct(share, digits = 1) {
  return share == null || !Number.isFinite(share) ? '—' : (share * 100).toFixed(digits) + '%';
}

export function signedPct(share) {
  if (share == null || !Number.isFinite(share)) return '—';
  const s = (share * 100).toFixed(1);
  return (share > 0 ? '+' : share < 0 ? '−' : '±') + s.replace('-', '') + '%';
}

export function passRate(p) {
  if (p == null || !Number.isFinite(p)) return '—';
  return p >= 0.1 ? p.toFixed(2) : p.toPrecision(2);
}

export function rate(perSecond) {
  if (perSecond == null || !Number.isFinite(perSecond)) return '—';
  return (perSecond >= 100 ? ints.format(perSecond) : perSecond.toFixed(1)) + ' /s';
}

export function ms(seconds) {
  if (seconds == null || !Number.isFinite(seconds)) return '—';
  const v = seconds * 1000;
  return (v >= 10 ? v.toFixed(0) : v.toFixed(1)) + ' ms';
}

export function dateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 16).replace('T', ' ') + 'Z';
}

export function clock(date) {
  return date.toISOString().slice(11, 19) + 'Z';
}

/** Replaces an element's children by text, never parsing markup. */
export function setText(el, text) {
  el.textContent = text;
  return el;
}

/** A new element with a class and text. */
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}
