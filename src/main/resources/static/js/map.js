// The Leaflet map: one marker per device (tid label, presence colour, accuracy circle) and the
// history track of the selected device. Tiles that fail to load (offline) leave a blank map.
import * as L from 'leaflet';
import { esc, locationDetails } from './format.js';

const TRACK = '#2563eb';
/** Above this many points the track's dots are drawn on a canvas instead of as SVG elements. */
const SVG_POINTS = 1500;

export class DeviceMap {
  #map;
  #markers = new Map(); // key -> { marker, circle }
  #track = L.featureGroup();
  #fitted = false;
  #selected = null;

  constructor(element, config, onSelect) {
    this.onSelect = onSelect;
    // the panel covers the right-hand side: keep the controls and the attribution on the left
    this.#map = L.map(element, { worldCopyJump: true, attributionControl: false }).setView([30, 0], 2);
    L.control.attribution({ position: 'bottomleft' }).addTo(this.#map);
    L.control.scale({ position: 'bottomleft' }).addTo(this.#map);
    L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 19 }).addTo(this.#map);
    this.#track.addTo(this.#map);
  }

  /** Places, moves or recolours a device's marker. */
  update(d, key) {
    if (!d.location) return;
    const { lat, lon, acc } = d.location;
    const online = d.presence?.state === 'online';
    let entry = this.#markers.get(key);
    if (!entry) {
      const icon = L.divIcon({
        className: 'device-marker',
        html: '<span class="dot"></span><span class="label"></span>',
        iconSize: [18, 18],
        iconAnchor: [9, 9],
      });
      const marker = L.marker([lat, lon], { icon, riseOnHover: true, keyboard: true })
        .on('click', () => this.onSelect(key))
        .addTo(this.#map);
      const circle = L.circle([lat, lon], { radius: acc ?? 0, className: 'accuracy', interactive: false })
        .addTo(this.#map);
      entry = { marker, circle };
      this.#markers.set(key, entry);
    }
    entry.marker.setLatLng([lat, lon]);
    entry.circle.setLatLng([lat, lon]).setRadius(acc ?? 0);
    const element = entry.marker.getElement();
    element.dataset.device = key;
    element.dataset.lat = lat;
    element.dataset.lon = lon;
    element.title = `${d.name} (${key})`;
    element.classList.toggle('online', online);
    element.classList.toggle('offline', !online);
    element.classList.toggle('selected', key === this.#selected);
    element.querySelector('.label').textContent = d.tid || d.name;
    entry.circle.getElement()?.classList.toggle('offline', !online);
  }

  /** Shows every device, once: later updates never move the view under the user's hands. */
  fitOnce() {
    if (this.#fitted || this.#markers.size === 0) return;
    this.#fitted = true;
    const bounds = L.latLngBounds([...this.#markers.values()].map((e) => e.marker.getLatLng()));
    this.#map.fitBounds(bounds, { padding: [60, 60], maxZoom: 15 });
  }

  /** Centres the map on a device. */
  focus(key) {
    const entry = this.#markers.get(key);
    if (entry) this.#map.setView(entry.marker.getLatLng(), Math.max(this.#map.getZoom(), 15));
  }

  select(key) {
    this.#selected = key;
    for (const [k, { marker }] of this.#markers) marker.getElement()?.classList.toggle('selected', k === key);
  }

  /** Draws a history: the line, a dot per point with its details, start and end. */
  showTrack(points, fit = true) {
    this.clearTrack();
    if (points.length === 0) return;
    const latLngs = points.map((p) => [p.lat, p.lon]);
    const renderer = points.length > SVG_POINTS ? L.canvas() : undefined;
    L.polyline(latLngs, { className: 'history-track', color: TRACK, weight: 3, interactive: false }).addTo(this.#track);
    for (const p of points) {
      L.circleMarker([p.lat, p.lon], { className: 'history-point', radius: 4, renderer, color: '#fff', weight: 1,
        fillColor: TRACK, fillOpacity: 1 })
        .bindPopup(() => locationDetails(p))
        .addTo(this.#track);
    }
    const ends = [['history-start', 'Start', points[0], '#16a34a'], ['history-end', 'End', points.at(-1), '#dc2626']];
    for (const [className, label, p, fillColor] of ends) {
      L.circleMarker([p.lat, p.lon], { className, radius: 8, color: '#fff', weight: 2, fillColor, fillOpacity: 1 })
        .bindTooltip(label, { direction: 'top', offset: [0, -6] })
        .bindPopup(() => `<strong>${esc(label)}</strong>${locationDetails(p)}`)
        .addTo(this.#track);
    }
    if (fit) this.#map.fitBounds(this.#track.getBounds(), { padding: [60, 60], maxZoom: 17 });
  }

  clearTrack() {
    this.#track.clearLayers();
  }

  resize() {
    this.#map.invalidateSize();
  }
}
