// The REST API, as the page uses it.

/** The most points a history asks for; the newest are kept. */
export const HISTORY_LIMIT = 20000;

async function json(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (response.status === 401) location.assign('/login'); // the session ended
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

const device = (user, dev) => `/api/v1/devices/${encodeURIComponent(user)}/${encodeURIComponent(dev)}`;

export const api = {
  config: () => json('/api/v1/dashboard/config'),
  devices: () => json('/api/v1/devices'),
  device: (user, dev) => json(device(user, dev)),
  locations: (user, dev, from, to) =>
    json(`${device(user, dev)}/locations?from=${from.toISOString()}&to=${to.toISOString()}&limit=${HISTORY_LIMIT}`),
  presence: (user, dev) => json(`${device(user, dev)}/presence?limit=1000`),
};
