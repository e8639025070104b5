import { expect, test } from '@playwright/test';

test('the dev page opens a store in a worker and exposes it as window.db', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#status')).toHaveText('store ready: PING → PONG');
  const echoed = await page.evaluate(() => (window as any).db.echo('héllo ✓'));
  expect(echoed).toBe('héllo ✓');
});
