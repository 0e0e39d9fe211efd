// The OwnTracks Frontend's use of /api/0 and /ws/last, in miniature (a file: the CSP allows no inline script).
  import * as L from "/webjars/leaflet/dist/leaflet-src.esm.js";

  const map = L.map("map", { zoomControl: false }).setView([48.2, 16.37], 13);
  const pins = {}; // topic -> marker, the Frontend's key for a device's pin
  const status = document.getElementById("status");

  async function getJson(path, params = {}) {
    const url = new URL(path, window.location.href);
    Object.keys(params).forEach(key => url.searchParams.append(key, params[key]));
    const response = await fetch(url.href);
    return response.json();
  }

  async function refreshLast() {
    const last = await getJson("/api/0/last");
    for (const l of last) {
      const icon = L.divIcon({ className: "", iconSize: [12, 12],
        html: `<div class="pin" data-topic="${l.topic}" data-lat="${l.lat}" data-lon="${l.lon}"
                    data-name="${l.name ?? ""}" data-username="${l.username}" data-device="${l.device}"></div>` });
      if (pins[l.topic]) {
        pins[l.topic].setLatLng([l.lat, l.lon]).setIcon(icon);
      } else {
        pins[l.topic] = L.marker([l.lat, l.lon], { icon }).addTo(map);
      }
    }
    window.refreshes = (window.refreshes ?? 0) + 1;
  }

  function connectWebsocket() {
    const url = new URL("/ws/last", window.location.href);
    url.protocol = url.protocol.replace("http", "ws");
    const ws = new WebSocket(url.href);
    ws.onopen = () => { status.dataset.state = "live"; ws.send("LAST"); };
    ws.onclose = () => { status.dataset.state = "closed"; setTimeout(connectWebsocket, 1000); };
    ws.onmessage = async msg => {
      if (!msg.data) {
        return;
      }
      const data = JSON.parse(msg.data);
      if (data._type === "location") {
        window.wsFrames = (window.wsFrames ?? 0) + 1;
        await refreshLast();
      }
    };
  }

  const version = (await getJson("/api/0/version")).version;
  status.dataset.version = version;
  await refreshLast();
  if (version) {
    connectWebsocket();
  }
