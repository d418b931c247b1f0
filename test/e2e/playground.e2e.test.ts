// The playground in a real browser: headless Chromium (Debian's package, driven by playwright-core) uses the
// page as a person would, by role and accessible name, against the real app on a random loopback port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_EXAMPLE, startTestPlayground, type TestPlayground } from '../playground/support.js';
import { chromiumOrSkip } from '../support/browser.js';

// Missing Chromium: skipped with a printed reason, or a failure under REQUIRE_BROWSER=1 (CI).
const CHROMIUM = chromiumOrSkip('the playground in Chromium (test/e2e)');
// Screenshots for the README are taken by answer-card.e2e.test.ts.
const TIMEOUT = 60_000;
const WAIT = 15_000;

let pg: TestPlayground;
let context: BrowserContext;
let page: Page;
let profile: string;

beforeAll(async () => {
  if (!CHROMIUM) return;
  pg = await startTestPlayground();
  profile = mkdtempSync(join(tmpdir(), 'playground-e2e-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1360, height: 900 },
    deviceScaleFactor: 1,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(WAIT);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(pg.url);
  await page.getByRole('textbox', { name: 'Message', exact: true }).waitFor();
  expect(problems).toEqual([]);
}, TIMEOUT);

afterAll(async () => {
  await context?.close();
  await pg?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

function channelLog(): Locator {
  return page.getByRole('log', { name: 'Messages in the channel' });
}

async function send(text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill(text);
  await composer.press('Enter');
}

/** The newest message in the channel that matches. */
function lastMessage(...texts: (string | RegExp)[]): Locator {
  let messages = channelLog().getByRole('article');
  for (const t of texts) messages = messages.filter({ hasText: t });
  return messages.last();
}

describe.skipIf(!CHROMIUM)('the playground in Chromium', () => {
  it(
    'answers the first public example with the verdict and the references, only to the asker',
    async () => {
      const ephemeralBefore = await channelLog().getByRole('article').count();
      await send(`/thoracic-rt ${FIRST_EXAMPLE}`);
      const answer = lastMessage('Only visible to you', 'Recommended');
      await answer.waitFor();
      expect(await channelLog().getByRole('article').count()).toBeGreaterThan(ephemeralBefore);
      await answer.getByRole('heading', { name: /Recommended/ }).waitFor();
      expect(await answer.textContent()).toContain('Dose options for this case');
      const reference = answer.getByRole('link', { name: /./ }).first();
      expect(await reference.getAttribute('href')).toMatch(/^https:\/\//);
      expect(await reference.getAttribute('target')).toBe('_blank');
      expect(await reference.getAttribute('rel')).toContain('noopener');
      for (const name of ['Share in channel', 'Edit case', 'Details']) {
        await answer.getByRole('button', { name }).waitFor();
      }
    },
    TIMEOUT,
  );

  it(
    'shows the ECOG error under its field, then answers the fixed form',
    async () => {
      await send('/thoracic-rt form');
      const dialog = page.getByRole('dialog', { name: 'Thoracic RT case' });
      await dialog.waitFor();
      const ecog = dialog.getByRole('textbox', { name: 'ECOG', exact: true });
      await ecog.fill('7');
      await dialog.getByRole('button', { name: 'Assess' }).click();

      await dialog
        .getByRole('group', { name: 'ECOG', exact: true })
        .getByText(/ECOG must/)
        .waitFor();
      // The error is the one the field describes itself with, inside the field's own group.
      const describedBy = (await ecog.getAttribute('aria-describedby')) ?? '';
      const errorTexts = await Promise.all(
        describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
      );
      expect(errorTexts.join(' ')).toMatch(/ECOG/);
      expect(await ecog.getAttribute('aria-invalid')).toBe('true');
      expect(await dialog.getByRole('group', { name: 'ECOG', exact: true }).textContent()).toMatch(
        /ECOG.*(0|4)/,
      );

      await ecog.fill('1');
      await dialog
        .getByRole('combobox', { name: 'Stage', exact: true })
        .selectOption({ label: 'M1c: multiple extrathoracic metastases' });
      await dialog
        .getByRole('combobox', { name: 'Driver', exact: true })
        .selectOption({ label: 'EGFR ex19del' });
      // The burden is behind "More facts": the form expands in place, keeping what was entered.
      expect(await dialog.getByRole('combobox', { name: 'Metastatic burden' }).count()).toBe(0);
      await dialog.getByRole('button', { name: 'More facts' }).click();
      await dialog.getByRole('button', { name: 'Fewer facts' }).waitFor();
      expect(await dialog.getByRole('textbox', { name: 'ECOG', exact: true }).inputValue()).toBe('1');
      expect(await dialog.getByRole('combobox', { name: 'Driver', exact: true }).inputValue()).toBe(
        'EGFR:ex19del',
      );
      await dialog
        .getByRole('combobox', { name: 'Metastatic burden' })
        .selectOption({ label: 'Oligometastatic' });
      const before = await channelLog().getByRole('article').count();
      await dialog.getByRole('button', { name: 'Assess' }).click();
      await dialog.waitFor({ state: 'detached' });
      await channelLog().getByRole('article').nth(before).waitFor();
      const answer = lastMessage('Only visible to you');
      await answer.getByRole('heading', { name: /definitive thoracic RT/ }).waitFor();
      expect(await answer.textContent()).toMatch(/EGFR/);
    },
    TIMEOUT,
  );

  it(
    'shares an answer in the channel, with the evidence in its thread',
    async () => {
      await send(`/thoracic-rt ${FIRST_EXAMPLE}`);
      const preview = lastMessage('Only visible to you', 'Recommended');
      await preview.getByRole('button', { name: 'Share in channel' }).click();

      const shared = channelLog()
        .getByRole('article')
        .filter({ hasNotText: 'Only visible to you' })
        .filter({ hasText: 'Recommended' })
        .last();
      await shared.waitFor();
      const replies = shared.getByRole('button', { name: /\d+ repl(y|ies)/ });
      await replies.click();
      const thread = page.getByRole('complementary', { name: 'Thread' });
      await thread.getByRole('article').nth(1).waitFor();
      await thread.getByText('References').first().waitFor();
      expect(await thread.getByRole('link').count()).toBeGreaterThan(3);
      await thread.getByRole('button', { name: 'Close thread' }).click();
      await thread.waitFor({ state: 'hidden' });

      // The board records its decision on the shared answer; it is announced in the answer's thread.
      await shared.getByRole('button', { name: 'Record board decision' }).click();
      const decision = page.getByRole('dialog', { name: 'Board decision' });
      await decision.waitFor();
      await decision.getByRole('button', { name: 'Record' }).click();
      await decision.getByText(/Choose accepted/).waitFor();
      await decision.getByRole('radiogroup', { name: 'Board decision' }).getByLabel('Accepted').check();
      await decision
        .getByRole('combobox', { name: 'Reason' })
        .selectOption({ label: 'Followed the recommendation' });
      await decision
        .getByRole('textbox', { name: /Note/ })
        .fill('Agreed at the Thursday board; Dr Jane Doe to plan');
      await decision.getByRole('button', { name: 'Record' }).click();
      await decision.waitFor({ state: 'detached' });
      // The shared card itself shows the decision (chat.update); the note stays private.
      await shared.getByText(/Board decision:/).waitFor();
      expect(await shared.textContent()).toMatch(/Accepted/);
      expect(await shared.textContent()).not.toContain('Jane Doe');
    },
    TIMEOUT,
  );

  it(
    'offers the message shortcut on messages and the global shortcut, and shows the App Home',
    async () => {
      await send('Case for Thursday: adeno EGFR L858R, 2 bone mets, ECOG 1');
      const mine = lastMessage('Case for Thursday');
      await mine.hover();
      await mine.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menuitem', { name: /Assess for thoracic RT/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Thoracic RT case' });
      await dialog.waitFor();
      expect(await dialog.getByRole('combobox', { name: 'Driver', exact: true }).inputValue()).toBe(
        'EGFR:L858R',
      );
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });

      await page.getByRole('button', { name: /New thoracic RT case/ }).click();
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });

      const nav = page.getByRole('navigation', { name: 'Conversations' });
      await nav.getByRole('button', { name: /Thoracic RT/ }).click();
      await page.getByRole('tab', { name: 'Home' }).waitFor();
      await page.getByRole('tabpanel').getByRole('heading', { name: 'How to use' }).waitFor();
      await nav.getByRole('button', { name: /tumour-board/ }).click();
      await channelLog().waitFor();
    },
    TIMEOUT,
  );

  it(
    'renders text safely: markup typed by a person stays text, mrkdwn is formatted',
    async () => {
      await send('<img src=x onerror="window.pwned=1"> *bold* and _italic_ and `code`');
      const m = lastMessage('onerror');
      await m.waitFor();
      expect(await m.locator('img').count()).toBe(0);
      expect(await m.locator('strong').textContent()).toBe('bold');
      expect(await m.locator('em').textContent()).toBe('italic');
      expect(await m.locator('code').textContent()).toBe('code');
      expect(await page.evaluate('window.pwned')).toBeUndefined();
    },
    TIMEOUT,
  );
});
