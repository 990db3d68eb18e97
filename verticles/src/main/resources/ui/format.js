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
  const s = Math.abs(share * 100).toFixed(1);
  return (s === '0.0' ? '±' : share > 0 ? '+' : '−') + s + '%';
}

export function passRate(p) {
  if (p == null || !Number.isFinite(p)) return '—';
  if (p === 0) return '0';
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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 28 12:50" in UTC: short enough for a table column. */
export function shortDateTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso || '—';
  return MONTHS[d.getUTCMonth()] + ' ' + d.getUTCDate() + ' ' + d.toISOString().slice(11, 16);
}

/** Chart tick labels (unix seconds) in UTC: the time, with the date where the day changes. */
export function ticks(splits, spanSeconds) {
  let day = null;
  return splits.map((s) => {
    const iso = new Date(s * 1000).toISOString();
    const date = shortDateTime(iso).split(' ').slice(0, 2).join(' ');
    const label = spanSeconds > 3 * 86400 ? date : iso.slice(11, 16);
    const first = day !== date;
    day = date;
    return first && spanSeconds <= 3 * 86400 ? label + '\n' + date : label;
  });
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
