// The live stream (GET /api/v1/stream). EventSource reconnects by itself after a network error
// (such as a server restart); when it gives up (an error status), we reconnect ourselves.

const EVENTS = ['location', 'presence', 'transition', 'resync'];

export function connectStream({ onOpen, onEvent, onStatus }) {
  let delay = 1000;
  const connect = () => {
    const source = new EventSource('/api/v1/stream');
    source.addEventListener('open', () => {
      delay = 1000;
      onStatus('live');
      onOpen();
    });
    for (const type of EVENTS) {
      source.addEventListener(type, (e) => onEvent(type, JSON.parse(e.data)));
    }
    source.addEventListener('error', () => {
      onStatus('reconnecting');
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(connect, delay);
        delay = Math.min(delay * 2, 30000);
      }
    });
  };
  connect();
}
