// An app using the published package: it imports 'redlite' as any app would.
import { createClient } from 'redlite';

const db = createClient({ name: 'fixture-app' });
const result = document.querySelector('#result')!;
(async () => {
  await db.set('greeting', 'hello from the package');
  const reply = await db.get('greeting');
  const loaded = await db.ready;
  result.textContent = JSON.stringify({ reply, durability: loaded.durability, role: db.role });
})().catch((error: Error) => (result.textContent = `error: ${error.message}`));
