// The campaigns table: one row per campaign with its live pacing numbers, sortable by any column
// and filtered by text and state. Rows are built with DOM calls only (no markup from data).

import * as fmt from './format.js';

const ORDER = ['behind', 'ahead', 'exhausted', 'paused', 'pacing', 'scheduled', 'ended'];

const KEYS = {
  id: (c) => c.id,
  state: (c) => ORDER.indexOf(c.state),
  progress: (c) => c.delivered / c.budget,
  gap: (c) => gap(c),
  pass_rate: (c) => c.pass_rate,
  pacing: (c) => c.pacing,
  end: (c) => c.end,
};

const view = { sort: 'id', dir: 1, text: '', state: '', selected: null, rows: [], elements: new Map() };

/** Delivered minus planned, as a share of the budget: negative is behind. */
export function gap(c) {
  return (c.delivered - c.planned) / c.budget;
}

export function init(onSelect) {
  view.onSelect = onSelect;
  for (const th of document.querySelectorAll('#campaigns th[data-sort]')) {
    th.querySelector('button').addEventListener('click', () => {
      const key = th.dataset.sort;
      view.dir = view.sort === key ? -view.dir : key === 'id' || key === 'end' ? 1 : -1;
      view.sort = key;
      draw();
    });
  }
  document.getElementById('filter').addEventListener('input', (e) => {
    view.text = e.target.value.trim().toLowerCase();
    draw();
  });
  document.getElementById('state-filter').addEventListener('change', (e) => {
    view.state = e.target.value;
    draw();
  });
}

export function select(id) {
  view.selected = id;
  draw();
}

export function render(campaigns) {
  view.rows = campaigns;
  draw();
}

function visible() {
  return view.rows.filter((c) => {
    if (view.state && c.state !== view.state) return false;
    if (!view.text) return true;
    return [c.id, c.state, c.pacing].some((v) => v.toLowerCase().includes(view.text));
  });
}

function draw() {
  const rows = visible();
  const key = KEYS[view.sort];
  rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1) * view.dir;
  });
  for (const th of document.querySelectorAll('#campaigns th[data-sort]')) {
    if (th.dataset.sort === view.sort) {
      th.setAttribute('aria-sort', view.dir > 0 ? 'ascending' : 'descending');
    } else {
      th.removeAttribute('aria-sort');
    }
  }
  // rows are kept per campaign and updated in place, so a poll keeps focus and hover
  const body = document.querySelector('#campaigns tbody');
  const wanted = rows.map((c) => {
    let tr = view.elements.get(c.id);
    if (!tr) {
      tr = row(c.id);
      view.elements.set(c.id, tr);
    }
    update(tr, c);
    return tr;
  });
  const ids = new Set(view.rows.map((c) => c.id));
  for (const id of [...view.elements.keys()]) {
    if (!ids.has(id)) view.elements.delete(id);
  }
  const current = [...body.children];
  if (current.length !== wanted.length || current.some((tr, i) => tr !== wanted[i])) {
    body.replaceChildren(...wanted);
  }
  document.getElementById('c-empty').hidden = rows.length > 0;
  document.getElementById('c-count').textContent =
    rows.length === view.rows.length ? '(' + rows.length + ')' : '(' + rows.length + ' of ' + view.rows.length + ')';
}

function row(id) {
  const tr = document.createElement('tr');
  tr.dataset.campaignId = id;
  tr.tabIndex = 0;
  tr.addEventListener('click', () => view.onSelect(id));
  tr.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      view.onSelect(id);
    }
  });
  const badge = fmt.el('span', 'badge');
  const state = fmt.el('td');
  state.append(badge);
  const progress = fmt.el('td', 'num progress');
  const bar = fmt.el('span', 'bar');
  bar.append(fmt.el('span', 'fill'));
  progress.append(fmt.el('span', 'count'), bar);
  tr.append(
    fmt.el('td', 'id', id),
    state,
    progress,
    fmt.el('td', 'num gap'),
    fmt.el('td', 'num rate'),
    fmt.el('td', 'pacing'),
    fmt.el('td', 'time')
  );
  return tr;
}

function text(el, value) {
  if (el.textContent !== value) el.textContent = value;
}

function update(tr, c) {
  const [, state, progress, vs, rate, pacing, end] = tr.children;
  tr.dataset.state = c.state;
  if (c.id === view.selected) tr.setAttribute('aria-selected', 'true');
  else tr.removeAttribute('aria-selected');
  const badge = state.firstChild;
  badge.className = 'badge state-' + c.state;
  text(badge, c.state);
  text(progress.querySelector('.count'), fmt.int(c.delivered) + ' / ' + fmt.int(c.budget));
  progress.querySelector('.fill').style.width = (Math.min(1, c.delivered / c.budget) * 100).toFixed(1) + '%';
  const g = gap(c);
  const live = c.state !== 'scheduled' && c.state !== 'ended';
  vs.className = 'num gap' + (live && g < 0 ? ' behind' : live && g > 0 ? ' ahead' : '');
  text(vs, live ? fmt.signedPct(g) : '—');
  vs.title = fmt.int(c.delivered) + ' delivered, ' + fmt.int(c.planned) + ' planned by now';
  text(rate, live ? fmt.passRate(c.pass_rate) : '—');
  text(pacing, c.pacing.replace('_', ' '));
  text(end, fmt.shortDateTime(c.end));
  end.title = fmt.dateTime(c.end);
}
