// Small formatting helpers shared by the list, the map popups and the history panel.

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML: names, regions and the like come from phones and are not trusted. */
export const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);

export function span(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 && h < 10 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.round(h / 24)} days`;
}

/** "5 min ago" (style "ago") or "5 min" (style "for"), from an ISO instant. */
export function relative(iso, style = 'ago', now = Date.now()) {
  const ms = now - Date.parse(iso);
  if (style === 'ago') return ms < 5000 ? 'just now' : `${span(ms)} ago`;
  return span(ms);
}

/** A <time> element that {@link tick} keeps up to date. */
export function liveTime(iso, style = 'ago') {
  if (!iso) return '–';
  return `<time datetime="${esc(iso)}" data-rel="${style}" title="${esc(dateTime(iso))}">${esc(relative(iso, style))}</time>`;
}

export function tick(root = document) {
  const now = Date.now();
  for (const t of root.querySelectorAll('time[data-rel]')) {
    t.textContent = relative(t.dateTime, t.dataset.rel, now);
  }
}

export const clock = (t) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
export const dateTime = (t) => new Date(t).toLocaleString([], { dateStyle: 'medium', timeStyle: 'medium' });

const CHARGING = { 1: 'unplugged', 2: 'charging', 3: 'full' };
export function battery(batt, bs) {
  if (batt == null) return null;
  return CHARGING[bs] && bs !== 1 ? `batt ${batt}% (${CHARGING[bs]})` : `batt ${batt}%`;
}

const CONNECTIONS = { w: 'Wi-Fi', m: 'mobile', o: 'no network' };
export const connection = (conn) => (conn ? CONNECTIONS[conn] ?? conn : null);
export const speed = (vel) => (vel == null ? null : `${vel} km/h`);
export const accuracy = (acc) => (acc == null ? null : `±${acc} m`);
export const distance = (m) => (m < 1000 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(m < 10000 ? 2 : 1)} km`);

/** Great-circle distance in metres. */
export function haversine(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

/** The facts about a fix, as a definition list for popups. */
export function locationDetails(l) {
  const rows = [
    ['time', dateTime(l.tst * 1000)],
    ['position', `${l.lat.toFixed(5)}, ${l.lon.toFixed(5)}`],
    ['accuracy', accuracy(l.acc)],
    ['altitude', l.alt == null ? null : `${l.alt} m`],
    ['speed', speed(l.vel)],
    ['battery', battery(l.batt, l.bs)],
    ['network', connection(l.conn)],
    ['regions', l.inregions?.length ? l.inregions.join(', ') : null],
  ];
  return `<dl>${rows.filter(([, v]) => v != null).map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}
