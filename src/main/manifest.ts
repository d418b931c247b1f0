// `npm run manifest [-- --url https://host]`: prints the app manifest (Socket Mode, or HTTP mode with --url).
import { parseArgs } from 'node:util';
import { buildManifest } from '../slack/manifest.js';

function main(argv: string[]): number {
  let url: string | undefined;
  try {
    const { values } = parseArgs({ args: argv, options: { url: { type: 'string' } }, strict: true });
    url = values.url;
  } catch (err) {
    process.stderr.write(`manifest: ${(err as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  if (url !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      process.stderr.write(
        `manifest: --url must be an absolute URL such as https://rt.example.org (got "${url}")\n`,
      );
      return 2;
    }
    if (parsed.protocol !== 'https:') {
      process.stderr.write('manifest: --url must use https:// (Slack only calls HTTPS request URLs)\n');
      return 2;
    }
  }
  process.stdout.write(`${JSON.stringify(buildManifest(url ? { url } : {}), null, 2)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
