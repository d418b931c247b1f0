// Reads a structured case from a file or stdin; every failure is a one-line message, not an exception.
import { readFile } from 'node:fs/promises';

export type ReadResult = { ok: true; value: unknown } | { ok: false; message: string };

const MAX_BYTES = 1_000_000;

export async function readCaseJson(
  path: string,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<ReadResult> {
  let text: string;
  try {
    text = path === '-' ? await readStream(stdin) : await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: `${path}: file not found` };
    if (code === 'EISDIR') return { ok: false, message: `${path}: is a directory, expected a JSON file` };
    if (code === 'EACCES') return { ok: false, message: `${path}: permission denied` };
    return { ok: false, message: `${path}: cannot read (${code ?? (err as Error).message})` };
  }
  if (text.length > MAX_BYTES)
    return { ok: false, message: `${path}: larger than 1 MB; a case is a few hundred bytes` };
  if (!text.trim()) return { ok: false, message: `${path}: empty; expected a JSON object of case facts` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, message: `${path}: invalid JSON (${(err as Error).message})` };
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
