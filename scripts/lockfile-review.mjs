// Offline review of package-lock.json (no registry needed): a package with a resolved URL must come from the npm
// registry with an integrity hash; packages that run scripts at install and licences outside the allow-list are listed for a
// person to review. Exit 1 when a package breaks the first rule or is not on the reviewed lists below.
import { readFileSync } from 'node:fs';

const ALLOWED_LICENSES = new Set([
  'MIT',
  'ISC',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  '0BSD',
  'BlueOak-1.0.0',
  'MIT-0',
  'CC0-1.0',
  'Python-2.0',
  'CC-BY-4.0',
  '(MIT OR CC0-1.0)',
  'MIT OR Apache-2.0',
  '(MIT OR Apache-2.0)',
]);
/** Install scripts reviewed in docs/security.md ("Lockfile review"). */
const REVIEWED_INSTALL_SCRIPTS = new Set(['better-sqlite3', 'esbuild']);

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const problems = [];
const notes = [];
let prod = 0;
let dev = 0;
const unpinned = 0;
for (const [path, p] of Object.entries(lock.packages ?? {})) {
  if (!path) continue;
  const name = path.replace(/^.*node_modules\//, '');
  if (p.link) continue;
  if (p.dev) dev++;
  else prod++;
  if (!String(p.resolved ?? '').startsWith('https://registry.npmjs.org/'))
    problems.push(`${name}: not from registry.npmjs.org (${p.resolved ?? 'no resolved URL'})`);
  if (!/^sha(512|384|256)-/.test(String(p.integrity ?? ''))) problems.push(`${name}: no integrity hash`);
  if (p.hasInstallScript && !REVIEWED_INSTALL_SCRIPTS.has(name))
    problems.push(`${name}@${p.version}: runs an install script and is not on the reviewed list`);
  if (p.hasInstallScript)
    notes.push(`install script (reviewed): ${name}@${p.version}${p.dev ? ' (dev)' : ''}`);
  const license = typeof p.license === 'string' ? p.license : 'unknown';
  if (!ALLOWED_LICENSES.has(license))
    notes.push(`licence to review: ${name}@${p.version} ${license}${p.dev ? ' (dev)' : ''}`);
}
process.stdout.write(
  `lockfile v${lock.lockfileVersion}: ${prod} production and ${dev} development packages\n`,
);
if (unpinned > 0)
  process.stdout.write(
    `  ${unpinned} package(s) without a resolved URL or integrity (lockfile written from a local cache): with the registry reachable, run npm install --package-lock-only to record them\n`,
  );
for (const n of notes) process.stdout.write(`  ${n}\n`);
for (const p of problems) process.stdout.write(`  PROBLEM ${p}\n`);
process.stdout.write(problems.length ? `${problems.length} problem(s)\n` : 'no problems\n');
process.exitCode = problems.length ? 1 : 0;
