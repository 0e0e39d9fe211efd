// What the page knows about each device, in the shape of GET /api/v1/devices, kept current by
// the stream. Fetched state and pushed events can cross each other, so the newer always wins.

export const keyOf = (d) => `${d.user}/${d.device}`;

const newerLocation = (a, b) => (!a ? b : !b ? a : b.tst > a.tst || (b.tst === a.tst && b.receivedAt >= a.receivedAt) ? b : a);
const newerPresence = (a, b) => (!a?.since ? b ?? a : !b?.since ? a : Date.parse(b.since) >= Date.parse(a.since) ? b : a);
const later = (a, b) => (!a ? b : !b ? a : Date.parse(b) > Date.parse(a) ? b : a);

export class Devices {
  #byKey = new Map();

  get(key) {
    return this.#byKey.get(key);
  }

  all() {
    return [...this.#byKey.values()];
  }

  /**
   * Takes the server's list. Devices it lacks are kept: Waymark never deletes one, so a device
   * missing here was created by an event that overtook this (older) answer.
   */
  mergeAll(list) {
    list.forEach((d) => this.merge(d));
  }

  merge(fetched) {
    const key = keyOf(fetched);
    const known = this.#byKey.get(key);
    if (!known) {
      this.#byKey.set(key, fetched);
      return fetched;
    }
    const location = newerLocation(known.location, fetched.location);
    Object.assign(known, {
      stub: false,
      name: fetched.name,
      face: fetched.face,
      // the tid travels with locations: take it only from an answer that is not older than them
      tid: location === fetched.location ? fetched.tid : known.tid,
      location,
      presence: newerPresence(known.presence, fetched.presence),
    });
    return known;
  }

  /** Applies a `location` event; a device never seen before is added with what the event tells. */
  applyLocation({ user, device, tid, lastKnown, location }) {
    const d = this.#entry(user, device, tid);
    if (lastKnown) {
      d.location = newerLocation(d.location, location);
      d.tid = tid ?? d.tid;
    }
    d.presence.lastSeen = later(d.presence.lastSeen, location.receivedAt);
    return d;
  }

  /** Remembers the latest region transition, to show it in the list. */
  applyTransition({ user, device, tid, event, desc, rid, time }) {
    const d = this.#entry(user, device, tid);
    if (!d.transition || Date.parse(time) >= Date.parse(d.transition.time)) d.transition = { event, desc: desc ?? rid, time };
    return d;
  }

  applyPresence({ user, device, tid, presence }) {
    const d = this.#entry(user, device, tid);
    d.presence = newerPresence(d.presence, presence);
    return d;
  }

  #entry(user, device, tid) {
    const key = `${user}/${device}`;
    let d = this.#byKey.get(key);
    if (!d) {
      // every event carries the tid Waymark computed (the device's own, or its default)
      d = { user, device, tid, name: device, stub: true,
        presence: { state: 'offline', since: null, lastSeen: null, reason: null }, location: null };
      this.#byKey.set(key, d);
    }
    return d;
  }
}
