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

const view = { sort: 'id', dir: 1, text: '', state: '', selected: null, rows: [] };

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
  const body = document.querySelector('#campaigns tbody');
  body.replaceChildren(...rows.map(row));
  document.getElementById('c-empty').hidden = rows.length > 0;
  document.getElementById('c-count').textContent =
    rows.length === view.rows.length ? '(' + rows.length + ')' : '(' + rows.length + ' of ' + view.rows.length + ')';
}

function row(c) {
  const tr = document.createElement('tr');
  tr.dataset.campaignId = c.id;
  tr.dataset.state = c.state;
  tr.tabIndex = 0;
  if (c.id === view.selected) tr.setAttribute('aria-selected', 'true');
  tr.addEventListener('click', () => view.onSelect(c.id));
  tr.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      view.onSelect(c.id);
    }
  });

  tr.append(fmt.el('td', 'id', c.id));
  const state = fmt.el('td');
  state.append(fmt.el('span', 'badge state-' + c.state, c.state));
  tr.append(state);

  const progress = fmt.el('td', 'num progress');
  const share = Math.min(1, c.delivered / c.budget);
  const bar = fmt.el('span', 'bar');
  const fill = fmt.el('span', 'fill');
  fill.style.width = (share * 100).toFixed(1) + '%';
  bar.append(fill);
  progress.append(fmt.el('span', null, fmt.int(c.delivered) + ' / ' + fmt.int(c.budget)), bar);
  tr.append(progress);

  const g = gap(c);
  const live = c.state !== 'scheduled' && c.state !== 'ended';
  const vs = fmt.el('td', 'num gap ' + (g < 0 ? 'behind' : g > 0 ? 'ahead' : ''));
  vs.textContent = live ? fmt.signedPct(g) : '—';
  vs.title = fmt.int(c.delivered) + ' delivered, ' + fmt.int(c.planned) + ' planned by now';
  tr.append(vs);

  tr.append(fmt.el('td', 'num', live ? fmt.passRate(c.pass_rate) : '—'));
  tr.append(fmt.el('td', null, c.pacing.replace('_', ' ')));
  tr.append(fmt.el('td', 'time', fmt.dateTime(c.end)));
  return tr;
}
