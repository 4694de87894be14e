import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium';

/** `tsx scripts/screenshot.ts URL OUT.png [width height]`: what a person sees, for the README. */
const [
  url = 'http://127.0.0.1:8080/',
  out = 'docs/screenshot-list.png',
  width = '1440',
  height = '900',
] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
const errors: string[] = [];
page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(800);
await page.screenshot({ path: out });
await browser.close();
if (errors.length) console.error(`console errors:\n${errors.join('\n')}`);
console.log(`saved ${out}`);
