import { createClient } from '../src/index.js';

const db = createClient({ name: 'playground' });
Object.assign(window, { db });

const status = document.querySelector('#status')!;
db.ping()
  .then((reply) => (status.textContent = `store ready: PING → ${String(reply)}`))
  .catch((error: Error) => (status.textContent = `store failed: ${error.message}`));
