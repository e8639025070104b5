// The peer for round trips: a bare worker that echoes every message.
self.onmessage = (event: MessageEvent) => postMessage(event.data);
