import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { hashPassword } from '../server/security/password-hash';
import { SEED_EXAMPLE_ID } from '../server/demo-data/special-calls';
import { expect, test } from './support/console-guard';
import { prepareRunDataDir, removeRunDataDir } from './support/e2e-data';
import { freePort } from './support/free-port';
import { startServerProcess, type RunningProcess } from './support/processes';
import { gzipKb, listCriticalJs } from '../scripts/list-critical-js';

/**
 * Every screen at a phone's, a tablet's and a desktop's size, in the light and the dark theme:
 * no axe violation of any impact (list, call page, Insights, sign-in), colours that really
 * switch, no layout shift while the list and the call page load, and below a desktop's width a
 * player that stays whole on screen with the consent warning above it. One test per size and theme, so the matrix costs
 * six page visits of each kind. Screenshots go to the report.
 */
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

// The seed's example call: a recording, a long transcript, and no consent to record.
const seedUrl = `/calls/${SEED_EXAMPLE_ID}`;

// axe's own checks set an inline style on the call page (the page itself sets none: the other
// specs' console guards would see it), which the strict style-src refuses and logs.
test.use({ allowedConsoleErrors: [/^Applying inline style violates/] });

let signIn: RunningProcess | undefined;
let signInUrl = '';
let signInDataDir = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const [appPort, apiPort] = [await freePort(), await freePort()];
  signInUrl = `http://127.0.0.1:${appPort}`;
  signInDataDir = prepareRunDataDir({ name: 'screens-sign-in', conversations: 120 });
  signIn = await startServerProcess(
    'server/main.ts',
    {
      HOST: '0.0.0.0',
      PORT: String(appPort),
      DEMO_API_PORT: String(apiPort),
      DATA_DIR: signInDataDir,
      DEMO_CONVERSATIONS: '120',
      DASHBOARD_USERS: `dana:${await hashPassword('correct horse battery staple')}`,
      SESSION_SECRET: 'e2e-session-secret-that-is-long-enough-0123',
    },
    `${signInUrl}/healthz`,
  );
});

test.afterAll(async () => {
  await signIn?.stop();
  if (signInDataDir) removeRunDataDir(signInDataDir);
});

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes
        .slice(0, 5)
        .map((node) => `${node.target.join(' ')} ${node.failureSummary ?? ''}`)
        .join(' | ')}`,
  );
}

/** The relative luminance (0–1) of an element's background and text, as painted. */
async function luminances(page: Page, selector: string) {
  return page.locator(selector).evaluate((element) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    const luminance = (color: string) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = color;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b] = [...context.getImageData(0, 0, 1, 1).data].map((value) => {
        const channel = value / 255;
        return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const style = getComputedStyle(element);
    return {
      background: luminance(style.backgroundColor),
      text: luminance(style.color),
      scheme: style.colorScheme,
    };
  });
}

/** The element's text, and its background unless it has none of its own (`textOnly`). */
async function expectTheme(
  page: Page,
  scheme: 'light' | 'dark',
  selector = 'body',
  { textOnly = false } = {},
) {
  const painted = await luminances(page, selector);
  if (scheme === 'dark') {
    if (!textOnly) expect(painted.background, 'a dark background').toBeLessThan(0.05);
    expect(painted.text, 'light text').toBeGreaterThan(0.6);
  } else {
    if (!textOnly) expect(painted.background, 'a light background').toBeGreaterThan(0.85);
    expect(painted.text, 'dark text').toBeLessThan(0.05);
  }
}

/**
 * Layout shifts not caused by input, from the first byte, each with the nodes that moved: a page
 * must not move under the reader while its parts arrive.
 */
const SHIFT_PROBE = `
  window.__layoutShifts = [];
  const name = (node) => {
    const element = node && (node.nodeType === 1 ? node : node.parentElement);
    if (!element) return '(gone)';
    const label = element.getAttribute('aria-label') || (element.textContent || '').trim().slice(0, 40);
    return element.tagName.toLowerCase() + ' "' + label + '"';
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__layoutShifts.push(
        entry.value.toFixed(4) + ': ' + entry.sources.map((source) => name(source.node)).join(', '),
      );
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

/** Once the page is complete and its network quiet: no shift so far. */
async function expectNoLayoutShift(page: Page, what: string) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const shifts = await page.evaluate(
    () => (window as unknown as { __layoutShifts: string[] }).__layoutShifts,
  );
  expect(shifts, `layout shifts on ${what}`).toEqual([]);
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

for (const size of SIZES) {
  for (const scheme of SCHEMES) {
    test.describe(`${size.name} ${size.width}×${size.height}, ${scheme}`, () => {
      test.use({
        viewport: { width: size.width, height: size.height },
        colorScheme: scheme,
      });

      test('list, call page with the shortcuts dialog, Insights and sign-in page', async ({
        page,
      }, testInfo) => {
        // Four pages and four axe passes (Insights' reads every link of both tables): slow on a
        // busy machine.
        test.setTimeout(420_000);
        const label = `${size.name}-${scheme}`;
        await page.addInitScript(SHIFT_PROBE);

        // The list.
        await page.goto('/');
        await expect(page.locator('tbody a[data-row-link]').first()).toBeVisible();
        await expectNoLayoutShift(page, 'the list');
        await expectTheme(page, scheme);
        await expectTheme(page, scheme, 'h1', { textOnly: true });
        if (size.name === 'phone') {
          // Cards, not a table wider than the screen; sorting and filters stay reachable.
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(scrollWidth).toBeLessThanOrEqual(size.width);
          await expect(page.getByRole('combobox', { name: 'Sort by' })).toBeVisible();
          const filters = page.getByRole('button', { name: /^Filters \(\d+\)$/ });
          await filters.click();
          await expect(page.getByRole('group', { name: 'Filters' })).toBeVisible();
          await filters.click();
        }
        expect(await axeViolations(page), 'axe on the list').toEqual([]);
        await attachScreenshot(page, testInfo, `list-${label}`);

        // A call, with the shortcuts dialog open.
        await page.goto(seedUrl);
        const play = page.getByRole('button', { name: 'Play', exact: true });
        await expect(play).toBeEnabled({ timeout: 30_000 });
        const consent = page.getByRole('note', { name: 'No consent to record' });
        const player = page.getByRole('region', { name: 'Recording' });
        await expect(
          page.getByRole('list', { name: 'Transcript' }).getByRole('listitem').last(),
        ).toBeAttached();
        await expect(
          page.getByRole('complementary', { name: 'Call insights' }),
        ).not.toHaveAttribute('aria-busy', 'true');
        await expectNoLayoutShift(page, 'the call page');
        const [consentBox, playerBox] = [await consent.boundingBox(), await player.boundingBox()];
        expect(consentBox!.y + consentBox!.height, 'the warning above the player').toBeLessThan(
          playerBox!.y,
        );
        await expectTheme(page, scheme, '[role="list"][aria-label="Transcript"]');
        if (size.name !== 'desktop') {
          // The page scrolls the transcript under a player that stays whole on screen, with the
          // consent warning above it: at the transcript's end (its last bubble at the bottom of
          // the screen), and on to the end of the page (the analytics, on a phone).
          const transcript = page.getByRole('list', { name: 'Transcript' });
          // The bubbles fill in just after the player: measure the transcript once they have.
          await expect(transcript.getByRole('listitem').last()).toBeAttached();
          const end = await transcript.evaluate(
            (element) => element.getBoundingClientRect().bottom + window.scrollY,
          );
          const pageEnd = await page.evaluate(
            () => document.documentElement.scrollHeight - window.innerHeight,
          );
          for (const target of [end - size.height, pageEnd]) {
            await transcript.hover();
            await page.mouse.wheel(0, target - (await page.evaluate(() => window.scrollY)));
            await expect
              .poll(() => page.evaluate(() => window.scrollY))
              .toBeGreaterThan(target - 50);
            // The whole player, a pixel's rounding aside.
            await expect
              .poll(async () => {
                const { y, height } = (await player.boundingBox())!;
                return y >= -1 && y + height <= size.height + 1;
              })
              .toBe(true);
            await expect(player).toBeInViewport({ ratio: 0.99 });
            const [warning, box] = [await consent.boundingBox(), await player.boundingBox()];
            expect(warning!.y + warning!.height, 'the warning above the player').toBeLessThan(
              box!.y,
            );
          }
          // The compact controls stay whole on screen: play or pause, the time and the skips.
          await expect(play).toBeInViewport({ ratio: 1 });
          await expect(page.getByLabel('Current time')).toBeInViewport({ ratio: 1 });
          for (const name of ['Back 15 seconds', 'Forward 15 seconds'])
            await expect(page.getByRole('button', { name })).toBeInViewport({ ratio: 1 });
          const box = await play.boundingBox();
          expect(box!.height).toBeGreaterThanOrEqual(size.name === 'phone' ? 44 : 24);
          await attachScreenshot(page, testInfo, `call-scrolled-${label}`);
        }
        if (size.name === 'phone') await page.getByRole('button', { name: 'More' }).click();
        const shortcuts = page.getByRole('button', { name: 'Keyboard shortcuts' });
        await shortcuts.click();
        const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
        await expect(dialog).toBeVisible();
        await expectTheme(page, scheme, 'dialog[open]');
        expect(await axeViolations(page), 'axe on the call page with the dialog').toEqual([]);
        await attachScreenshot(page, testInfo, `call-dialog-${label}`);
        // Modal: Tab stays in the dialog, and closing it gives the focus back.
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(
          true,
        );
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
        await expect(shortcuts).toBeFocused();

        // Insights, with both charts drawn.
        await page.goto('/insights');
        await expect(page.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();
        const window30 = page.getByRole('group', { name: 'Window' }).getByRole('button', {
          name: '30 days',
        });
        await window30.click();
        await expect(window30).toHaveAttribute('aria-pressed', 'true');
        await expect(page.locator('[data-drawn="true"]')).toHaveCount(2, { timeout: 30_000 });
        await expectTheme(page, scheme);
        expect(await axeViolations(page), 'axe on Insights').toEqual([]);
        await attachScreenshot(page, testInfo, `insights-${label}`);

        // The sign-in page, served by a server with sign-in on.
        await page.goto(signInUrl);
        await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
        await expectTheme(page, scheme);
        expect(await axeViolations(page), 'axe on the sign-in page').toEqual([]);
        await attachScreenshot(page, testInfo, `sign-in-${label}`);
      });
    });
  }
}

test.describe('the theme chosen in the header', () => {
  test.use({ colorScheme: 'light' });

  test('overrides the system, is remembered, and goes back to the system', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('tbody a[data-row-link]').first()).toBeVisible();
    await expectTheme(page, 'light');
    const theme = page.getByRole('combobox', { name: 'Theme' });
    await theme.selectOption('dark');
    await expectTheme(page, 'dark');
    await page.reload();
    // Applied by public/theme-init.js before the app's own script runs.
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectTheme(page, 'dark');
    await expect(theme).toHaveValue('dark');
    await theme.selectOption('system');
    await expectTheme(page, 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectTheme(page, 'dark');
  });
});

test('the list route’s first JS, from the build under test, stays within 150 KB gzip', () => {
  // The whole first load of the list (the entry and what it imports statically); the player,
  // Insights, dialogs and menus that are not open load on demand.
  const { files } = listCriticalJs('dist');
  expect(gzipKb('dist', files)).toBeLessThanOrEqual(150);
});
