// The snapshots table, the active one marked.

import * as fmt from './format.js';

let shown = null;

export function render(doc) {
  // redrawn only when something changed, so a poll leaves the rows (and a selection) alone
  const signature = JSON.stringify(doc);
  if (signature === shown) return;
  shown = signature;
  document.getElementById('s-active').textContent = doc.active
    ? '(active: ' + doc.active + ')'
    : '(none active)';
  const rows = [...doc.snapshots].sort((a, b) =>
    a.active !== b.active ? (a.active ? -1 : 1) : String(b.completed_at || '').localeCompare(String(a.completed_at || ''))
  );
  document.querySelector('#snapshots tbody').replaceChildren(
    ...rows.map((s) => {
      const tr = document.createElement('tr');
      tr.dataset.snapshotId = s.id;
      if (s.active) tr.classList.add('active');
      const id = fmt.el('td', 'id', s.id);
      if (s.active) id.append(' ', fmt.el('span', 'badge state-active', 'active'));
      tr.append(
        id,
        fmt.el('td', null, s.state),
        fmt.el('td', 'num', fmt.int(s.rows)),
        fmt.el('td', null, s.source || '—'),
        fmt.el('td', 'time', fmt.dateTime(s.completed_at))
      );
      return tr;
    })
  );
}
