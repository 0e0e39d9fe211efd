// The selected device's history: range presets, track on the map, distance and point count,
// battery and speed charts, presence timeline.
import { api, HISTORY_LIMIT } from './api.js';
import { TimeChart } from './charts.js';
import { clock, dateTime, distance, esc, haversine, span } from './format.js';

const HOUR = 3600 * 1000;

/** Relative presets end "now" and follow new locations; a custom range stays as chosen. */
const PRESETS = {
  hour: () => [new Date(Date.now() - HOUR), new Date()],
  today: () => [new Date(new Date().setHours(0, 0, 0, 0)), new Date()],
  day: () => [new Date(Date.now() - 24 * HOUR), new Date()],
  week: () => [new Date(Date.now() - 7 * 24 * HOUR), new Date()],
};

const $ = (id) => document.getElementById(id);
const localInput = (date) => new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);

export class HistoryPanel {
  #device = null;
  #preset = 'hour';
  #range = null;
  #request = 0;
  #refresh = null;

  constructor(map, onClose) {
    this.map = map;
    this.section = $('history');
    this.battery = new TimeChart($('battery-chart'), { label: 'Battery', unit: '%', color: '#16a34a', range: [0, 100] });
    this.speed = new TimeChart($('speed-chart'), { label: 'Speed', unit: '', color: '#2563eb',
      range: (u, min, max) => [0, Math.max(10, max)] });
    this.section.querySelector('.presets').addEventListener('click', (e) => {
      const preset = e.target.closest('button')?.dataset.preset;
      if (preset === 'custom') this.#showCustom();
      else if (preset) this.load(preset);
    });
    $('custom-range').addEventListener('submit', (e) => {
      e.preventDefault();
      this.load('custom', [new Date($('range-from').value), new Date($('range-to').value)]);
    });
    $('history-close').addEventListener('click', () => {
      this.close();
      onClose();
    });
    addEventListener('resize', () => {
      this.battery.resize();
      this.speed.resize();
    });
  }

  get deviceKey() {
    return this.#device ? `${this.#device.user}/${this.#device.device}` : null;
  }

  open(device) {
    this.#device = device;
    this.section.hidden = false;
    $('history-title').textContent = device.name;
    this.load(this.#preset === 'custom' ? 'hour' : this.#preset);
    this.section.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }

  close() {
    this.#device = null;
    this.#request++;
    this.section.hidden = true;
    this.map.clearTrack();
    this.battery.clear();
    this.speed.clear();
  }

  /** A new fix of the shown device: reload a range that ends now (debounced). */
  locationArrived(key) {
    if (key !== this.deviceKey || this.#preset === 'custom' || this.#refresh) return;
    this.#refresh = setTimeout(() => {
      this.#refresh = null;
      if (this.#device) this.load(this.#preset, null, false);
    }, 2000);
  }

  #showCustom() {
    const [from, to] = this.#range ?? PRESETS.day();
    $('range-from').value = localInput(from);
    $('range-to').value = localInput(to);
    $('custom-range').hidden = false;
    this.#press('custom');
  }

  #press(preset) {
    for (const b of this.section.querySelectorAll('.presets button')) {
      b.setAttribute('aria-pressed', String(b.dataset.preset === preset));
    }
  }

  async load(preset, range = null, fit = true) {
    const device = this.#device;
    if (!device) return;
    const [from, to] = range ?? PRESETS[preset]();
    this.#preset = preset;
    this.#range = [from, to];
    this.#press(preset);
    $('custom-range').hidden = preset !== 'custom';
    const request = ++this.#request;
    $('history-summary').textContent = 'Loading…';
    let points;
    let presence;
    try {
      [points, presence] = await Promise.all([
        api.locations(device.user, device.device, from, to),
        api.presence(device.user, device.device).catch(() => []),
      ]);
    } catch (error) {
      if (request === this.#request) $('history-summary').textContent = `Could not load the history: ${error.message}`;
      return;
    }
    if (request !== this.#request) return; // a newer choice overtook this one
    this.map.showTrack(points, fit);
    this.#summary(points, from, to);
    this.battery.show(points.map((p) => ({ t: p.tst, v: p.batt })), from, to);
    this.speed.show(points.map((p) => ({ t: p.tst, v: p.vel })), from, to);
    this.#timeline(presence, from, to);
  }

  #summary(points, from, to) {
    let metres = 0;
    for (let i = 1; i < points.length; i++) metres += haversine(points[i - 1], points[i]);
    const capped = points.length >= HISTORY_LIMIT ? ` (the newest ${HISTORY_LIMIT})` : '';
    const summary = $('history-summary');
    summary.dataset.points = points.length;
    summary.textContent = points.length === 0
      ? `No locations between ${dateTime(from)} and ${dateTime(to)}`
      : `${points.length} points${capped} · ${distance(metres)} · ${dateTime(from)} – ${dateTime(to)}`;
  }

  /** Online/offline periods within the range, from the presence events (newest first). */
  #timeline(events, from, to) {
    const start = from.getTime();
    const end = Math.min(to.getTime(), Date.now());
    let state = 'unknown';
    let reason = null;
    const periods = [];
    let cursor = start;
    for (const e of [...events].reverse()) {
      const at = Date.parse(e.at);
      if (at <= start) {
        [state, reason] = [e.state, e.reason];
        continue;
      }
      if (at > end) break;
      periods.push({ state, reason, from: cursor, to: at });
      [state, reason, cursor] = [e.state, e.reason, at];
    }
    if (end > cursor) periods.push({ state, reason, from: cursor, to: end });
    const total = Math.max(1, end - start);
    const bar = periods.map((p) => `<span class="${esc(p.state)}" style="flex-grow:${(p.to - p.from) / total}"
      title="${esc(p.state)} ${esc(dateTime(p.from))} – ${esc(dateTime(p.to))}"></span>`).join('');
    const list = periods.filter((p) => p.state !== 'unknown').reverse().slice(0, 8)
      .map((p) => `<li class="${esc(p.state)}">${esc(p.state)} ${clock(p.from)} – ${clock(p.to)} · ${span(p.to - p.from)}${
        p.reason ? ` <span class="muted">(${esc(p.reason)})</span>` : ''}</li>`).join('');
    $('presence-timeline').innerHTML = `<div class="timeline">${bar}</div>
      <div class="timeline-axis"><span>${esc(dateTime(start))}</span><span>${esc(dateTime(end))}</span></div>
      <ul class="periods">${list || '<li>no presence changes recorded</li>'}</ul>`;
  }
}
