// The answer card in a real browser (headless Chromium through playwright-core): the compact card, Details in
// a modal, a one-click what-if and the way back, the small completion modal, a shared card updated with the
// board's decision, and App Home. Screenshots at desktop and phone (390 px) width go to docs/ only with
// UPDATE_SCREENSHOTS=1 (otherwise to a temp folder, so a test run never changes a tracked file).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_EXAMPLE, startTestPlayground, type TestPlayground } from '../playground/support.js';
import { chromiumOrSkip } from '../support/browser.js';

const CHROMIUM = chromiumOrSkip('the answer card in Chromium (test/e2e)');
const DOCS =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? fileURLToPath(new URL('../../docs/', import.meta.url))
    : join(tmpdir(), 'thoracic-rt-screenshots');
const TIMEOUT = 90_000;
const DESKTOP = { width: 1360, height: 900 };
const PHONE = { width: 390, height: 844 };

let pg: TestPlayground;
let context: BrowserContext;
let page: Page;
let profile: string;
const problems: string[] = [];

beforeAll(async () => {
  if (!CHROMIUM) return;
  pg = await startTestPlayground();
  profile = mkdtempSync(join(tmpdir(), 'answer-card-e2e-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
    viewport: DESKTOP,
    deviceScaleFactor: 1,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(pg.url);
  await page.getByRole('textbox', { name: 'Message', exact: true }).waitFor();
  mkdirSync(DOCS, { recursive: true });
}, TIMEOUT);

afterAll(async () => {
  await context?.close();
  await pg?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const channelLog = () => page.getByRole('log', { name: 'Messages in the channel' });

async function send(text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill(text);
  await composer.press('Enter');
}

function lastMessage(...texts: (string | RegExp)[]): Locator {
  let messages = channelLog().getByRole('article');
  for (const t of texts) messages = messages.filter({ hasText: t });
  return messages.last();
}

/** `name.png` at desktop width and `name-390.png` at phone width, of `target` scrolled into view. */
async function shoot(name: string, target?: Locator, block: 'start' | 'end' = 'start'): Promise<void> {
  for (const [size, file] of [
    [DESKTOP, `${name}.png`],
    [PHONE, `${name}-390.png`],
  ] as const) {
    await page.setViewportSize(size);
    if (target) await target.evaluate((el, b) => el.scrollIntoView({ block: b }), block);
    // Usable at phone width: nothing wider than the screen.
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow, `${file} scrolls sideways`).toBeLessThanOrEqual(1);
    await page.screenshot({ path: join(DOCS, file) });
  }
  await page.setViewportSize(DESKTOP);
}

describe.skipIf(!CHROMIUM)('the answer card in Chromium', () => {
  it(
    'shows the compact card with its cited dose options, and Details in a modal',
    async () => {
      await send(`/thoracic-rt ${FIRST_EXAMPLE}`);
      const card = lastMessage('Only visible to you', 'Recommended');
      await card.getByRole('heading', { name: /Recommended/ }).waitFor();
      const text = (await card.textContent()) ?? '';
      expect(text).toContain('Dose options for this case');
      expect(text).toMatch(/\[1\]/);
      expect(text).not.toContain('Case as understood');
      expect(text).not.toContain('Paper not read');
      const ref = card.getByRole('link', { name: 'NROG-002' });
      expect(await ref.getAttribute('href')).toMatch(/^https:\/\//);
      await shoot('playground-answer', card);

      await card.getByRole('button', { name: 'Details' }).click();
      const details = page.getByRole('dialog', { name: 'Answer details' });
      await details.waitFor();
      await details.getByText('Case as understood').waitFor();
      await details.getByText('References').first().waitFor();
      await shoot('answer-details');
      await details.getByRole('button', { name: 'Close' }).first().click();
      await details.waitFor({ state: 'detached' });
    },
    TIMEOUT,
  );

  it(
    'answers a what-if in place, marked as such, and goes back to the case as stated',
    async () => {
      await send('/thoracic-rt metastatic NSCLC, 3 mets, ECOG 1 (driver not stated)');
      const card = lastMessage('Only visible to you', 'Insufficient information');
      await card.getByRole('button', { name: 'What if EGFR ex19del?' }).click();
      const whatIf = lastMessage('Only visible to you', 'What if EGFR ex19del?');
      await whatIf.getByRole('heading', { name: /What if EGFR ex19del\? .*Recommended/ }).waitFor();
      await shoot('answer-what-if', whatIf);
      await whatIf.getByRole('button', { name: /Back to the case as stated/ }).click();
      await lastMessage('Only visible to you')
        .getByRole('heading', { name: /Insufficient information/ })
        .waitFor();
    },
    TIMEOUT,
  );

  it(
    'completes the case in a small modal with only the missing fact',
    async () => {
      const card = lastMessage('Only visible to you', 'Insufficient information');
      await card.getByRole('button', { name: 'Complete the case' }).click();
      const dialog = page.getByRole('dialog', { name: 'Complete the case' });
      await dialog.waitFor();
      expect(await dialog.getByRole('combobox').count()).toBe(1);
      await shoot('answer-complete-case');
      await dialog.getByRole('combobox', { name: 'Driver' }).selectOption({ label: 'EGFR ex19del' });
      await dialog.getByRole('button', { name: 'Assess' }).click();
      await dialog.waitFor({ state: 'detached' });
      await lastMessage('Only visible to you', 'Recommended').waitFor();
    },
    TIMEOUT,
  );

  it(
    'shares a compact card that says who shared it, and shows the board decision on it',
    async () => {
      await send(`/thoracic-rt ${FIRST_EXAMPLE}`);
      const preview = lastMessage('Only visible to you', 'Recommended');
      await preview.getByRole('button', { name: 'Share in channel' }).click();
      // The preview is replaced: its buttons are gone.
      await lastMessage('Only visible to you', /Shared in/).waitFor();
      const shared = channelLog()
        .getByRole('article')
        .filter({ hasNotText: 'Only visible to you' })
        .filter({ hasText: 'Shared by' })
        .last();
      await shared.waitFor();
      await shared.getByRole('button', { name: 'Record board decision' }).click();
      const decision = page.getByRole('dialog', { name: 'Board decision' });
      await decision.waitFor();
      await decision.getByRole('radiogroup', { name: 'Board decision' }).getByLabel('Declined').check();
      await decision
        .getByRole('combobox', { name: 'Reason' })
        .selectOption({ label: 'Followed the recommendation' });
      await decision.getByRole('button', { name: 'Record' }).click();
      await decision.getByText(/contradicts/).waitFor();
      await decision.getByRole('radiogroup', { name: 'Board decision' }).getByLabel('Accepted').check();
      await decision.getByRole('button', { name: 'Record' }).click();
      await decision.waitFor({ state: 'detached' });
      await shared.getByText(/Board decision:/).waitFor();
      // The decision time is shown in the reader's time zone, not as the UTC fallback.
      expect(await shared.textContent()).not.toMatch(/\d{2}:\d{2} UTC/);
      await shoot('answer-shared-decision', shared, 'end');
    },
    TIMEOUT,
  );

  it(
    'shows App Home with a New case button, recent consults and decisions',
    async () => {
      const nav = page.getByRole('navigation', { name: 'Conversations' });
      await nav.getByRole('button', { name: /Thoracic RT/ }).click();
      const home = page.getByRole('tabpanel');
      await home.getByRole('button', { name: 'New case' }).waitFor();
      await home.getByRole('heading', { name: 'How to use' }).waitFor();
      await shoot('app-home');
      await home.getByRole('button', { name: 'New case' }).click();
      const dialog = page.getByRole('dialog', { name: 'Thoracic RT case' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      await nav.getByRole('button', { name: /tumour-board/ }).click();
      expect(problems).toEqual([]);
    },
    TIMEOUT,
  );
});
