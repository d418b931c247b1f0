// Finds the Chromium the browser tests drive (Debian's package; playwright-core downloads no browser). Missing:
// the tests are skipped with a one-line reason saying what to install, or FAIL under REQUIRE_BROWSER=1 (CI).
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export type ChromiumLookup = { path: string } | { missing: string };

/** CHROMIUM_PATH, when set, is the only place looked at (CHROMIUM_PATH=/nonexistent hides the browser). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const given = env.CHROMIUM_PATH?.trim();
  const candidates = given ? [given] : CANDIDATES;
  const path = candidates.find((p) => existsSync(p));
  if (path) return { path };
  return {
    missing: `no Chromium at ${candidates.join(', ')}: install it with \`apt-get install chromium\` (or set CHROMIUM_PATH)`,
  };
}

/** The Chromium path, or undefined after printing why `what` is skipped; throws under REQUIRE_BROWSER=1. */
export function chromiumOrSkip(what: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const found = findChromium(env);
  if ('path' in found) return found.path;
  if (env.REQUIRE_BROWSER === '1')
    throw new Error(`${what}: ${found.missing}. REQUIRE_BROWSER=1 forbids skipping the browser tests.`);
  console.warn(`[skip] ${what}: ${found.missing}.`);
  return undefined;
}
