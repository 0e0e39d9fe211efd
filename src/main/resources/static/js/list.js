// The side panel's device list: filtered, sorted (online first, then most recently seen).
import { accuracy, battery, connection, esc, liveTime, speed } from './format.js';
import { keyOf } from './devices.js';

const lastActivity = (d) => Math.max(Date.parse(d.presence?.lastSeen ?? 0) || 0, (d.location?.tst ?? 0) * 1000);

function compare(a, b) {
  const online = (b.presence?.state === 'online') - (a.presence?.state === 'online');
  return online || lastActivity(b) - lastActivity(a) || a.name.localeCompare(b.name);
}

function presenceLine(p) {
  if (!p?.since) return '<span class="presence-state">offline</span> · never connected';
  const state = `<span class="presence-state">${esc(p.state)}</span> for ${liveTime(p.since, 'for')}`;
  return p.lastSeen ? `${state} · last seen ${liveTime(p.lastSeen)}` : state;
}

function content(d, key) {
  const l = d.location;
  const t = d.transition;
  const details = l
    ? [battery(l.batt, l.bs), connection(l.conn), speed(l.vel), accuracy(l.acc),
      l.inregions?.length ? `in ${l.inregions.join(', ')}` : null]
    : ['no location yet'];
  const online = d.presence?.state === 'online';
  return `
    <span class="badge" title="${online ? 'online' : 'offline'}"></span>
    <span class="name">${d.face ? `<img class="face" src="${esc(d.face)}" alt="">` : ''}${esc(d.name)}${d.tid && d.tid !== d.name ? ` <span class="muted">(${esc(d.tid)})</span>` : ''}</span>
    <button type="button" class="history-button" title="Show the history">History</button>
    <span class="id">${esc(key)}</span>
    <span class="presence">${presenceLine(d.presence)}</span>
    <span class="details">${details.filter(Boolean).map((t) => `<span>${esc(t)}</span>`).join('')}
      ${l ? `<span>fix ${liveTime(new Date(l.tst * 1000).toISOString())}</span>` : ''}
      ${t ? `<span>${t.event === 'enter' ? 'entered' : 'left'} ${esc(t.desc)} ${liveTime(t.time)}</span>` : ''}</span>`;
}

export class DeviceList {
  constructor(list, count, { onSelect, onHistory }) {
    this.list = list;
    this.count = count;
    const keyFrom = (e) => e.target.closest('li.device')?.dataset.device;
    list.addEventListener('click', (e) => {
      const key = keyFrom(e);
      if (!key) return;
      if (e.target.closest('.history-button')) onHistory(key);
      else onSelect(key);
    });
    list.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && keyFrom(e)) onSelect(keyFrom(e));
    });
  }

  /** Items are kept and updated in place, so a click that spans a re-render still lands. */
  #items = new Map(); // key -> { li, html }

  #item(d, selected) {
    const key = keyOf(d);
    let entry = this.#items.get(key);
    if (!entry) {
      const li = document.createElement('li');
      li.dataset.device = key;
      li.tabIndex = 0;
      entry = { li, html: null };
      this.#items.set(key, entry);
    }
    const online = d.presence?.state === 'online';
    entry.li.className = `device ${online ? 'online' : 'offline'}${key === selected ? ' selected' : ''}`;
    const html = content(d, key);
    if (html !== entry.html) {
      entry.li.innerHTML = html;
      entry.html = html;
    }
    return entry.li;
  }

  render(devices, { filter, onlineOnly, selected }) {
    const needle = filter.trim().toLowerCase();
    const shown = devices
      .filter((d) => !onlineOnly || d.presence?.state === 'online')
      .filter((d) => !needle || [d.name, d.user, d.device, d.tid].some((s) => s?.toLowerCase().includes(needle)))
      .sort(compare);
    const online = devices.filter((d) => d.presence?.state === 'online').length;
    this.count.textContent = `${devices.length} devices, ${online} online${shown.length < devices.length ? `, ${shown.length} shown` : ''}`;
    const items = shown.map((d) => this.#item(d, selected));
    const known = new Set(devices.map(keyOf));
    for (const key of this.#items.keys()) if (!known.has(key)) this.#items.delete(key);
    const children = this.list.children;
    if (items.length !== children.length || items.some((li, i) => children[i] !== li)) {
      this.list.replaceChildren(...items);
    }
  }
}
