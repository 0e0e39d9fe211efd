// The dashboard: wires the map, the list, the history panel and the live stream together.
import { api } from './api.js';
import { Devices, keyOf } from './devices.js';
import { DeviceList } from './list.js';
import { DeviceMap } from './map.js';
import { HistoryPanel } from './history.js';
import { connectStream } from './stream.js';
import { tick } from './format.js';

const $ = (id) => document.getElementById(id);

const FALLBACK_CONFIG = {
  tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  tileAttribution: '&copy; OpenStreetMap contributors',
};

const config = await api.config().catch(() => FALLBACK_CONFIG);
const devices = new Devices();
let selected = null;

const map = new DeviceMap($('map'), config, (key) => select(key, false));
const history = new HistoryPanel(map, () => render());
const list = new DeviceList($('devices'), $('device-count'), {
  onSelect: (key) => select(key, true),
  onHistory: (key) => {
    select(key, false);
    history.open(devices.get(key));
  },
});

function select(key, centre) {
  selected = key;
  map.select(key);
  if (centre) map.focus(key);
  render();
  document.querySelector(`#devices li[data-device="${CSS.escape(key)}"]`)?.scrollIntoView({ block: 'nearest' });
}

// The list is redrawn at most once a frame, however fast events come.
let renderQueued = false;
function render() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    list.render(devices.all(), { filter: $('filter').value, onlineOnly: $('online-only').checked, selected });
  });
}

async function reload() {
  devices.mergeAll(await api.devices());
  for (const d of devices.all()) map.update(d, keyOf(d));
  map.fitOnce();
  render();
}

/**
 * A device first heard of through the stream: fetch its name and presence. Its first location
 * is a second chance, since a card (the name) that came before it is not streamed. Only the
 * answer to the latest request for a device is used.
 */
const requests = new Map(); // key -> number of the latest request
function complete(d, firstLocation) {
  const key = keyOf(d);
  if (!firstLocation && !(d.stub && !requests.has(key))) return;
  const request = (requests.get(key) ?? 0) + 1;
  requests.set(key, request);
  api.device(d.user, d.device)
    .then((full) => {
      if (requests.get(key) === request) map.update(devices.merge(full), key);
    })
    .catch(() => {})
    .finally(render);
}

let resync;
function onEvent(type, event) {
  if (type === 'resync') {
    clearTimeout(resync);
    resync = setTimeout(() => reload().catch(() => {}), 500);
    return;
  }
  const firstLocation = type === 'location' && !devices.get(`${event.user}/${event.device}`)?.location;
  const apply = { location: devices.applyLocation, presence: devices.applyPresence, transition: devices.applyTransition };
  const d = apply[type].call(devices, event);
  const key = keyOf(d);
  map.update(d, key);
  map.fitOnce();
  complete(d, firstLocation);
  if (type === 'location') history.locationArrived(key);
  render();
}

function setStatus(state) {
  const status = $('status');
  status.dataset.state = state;
  status.textContent = state === 'live' ? 'live' : 'reconnecting…';
}

$('filter').addEventListener('input', render);
$('online-only').addEventListener('change', render);
$('panel-toggle').addEventListener('click', (e) => {
  const collapsed = $('panel').classList.toggle('collapsed');
  e.currentTarget.setAttribute('aria-expanded', String(!collapsed));
});
setInterval(() => tick(), 1000);

reload().catch(() => setStatus('reconnecting'));
// every (re)connection re-reads the state: events sent while we were away are not replayed
connectStream({ onOpen: () => reload().catch(() => {}), onEvent, onStatus: setStatus });
