// The SQLite file holds the audit trail and the (sealed) Slack tokens: its folder is created 0700 and the file
// 0600 before SQLite opens it. SQLite gives its -wal and -shm files the database file's permissions. An existing
// file or folder that others can read is tightened, so upgrading installs are fixed too.
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

export function ensurePrivateFile(path: string): void {
  const dir = dirname(path);
  const created = mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  // Tighten only a folder we created or one that is ours alone by name (data/); never chmod e.g. /tmp or $HOME.
  if (created !== undefined || /(^|\/)data$/.test(dir)) tighten(dir, DIR_MODE);
  closeSync(openSync(path, 'a', FILE_MODE));
  tighten(path, FILE_MODE);
  for (const side of ['-wal', '-shm']) {
    try {
      tighten(`${path}${side}`, FILE_MODE);
    } catch {
      // not there yet: SQLite will create it with the database file's mode
    }
  }
}

function tighten(path: string, mode: number): void {
  if (process.platform === 'win32') return;
  if ((statSync(path).mode & 0o777) !== mode) chmodSync(path, mode);
}
