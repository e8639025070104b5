import { expect, test } from '@playwright/test';

test('the dev page opens a store in a worker and exposes it as window.db', async ({ page }) => {
  await page.goto('/');
  // The playground marks itself ready once it has read the command table from the store.
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  const echoed = await page.evaluate(() => (window as any).db.echo('héllo ✓'));
  expect(echoed).toBe('héllo ✓');
});
