// The secret values of a configuration, for the log scrubber: whatever a framework message might quote.
import type { AppConfig } from '../config/env.js';

export function configSecrets(config: Pick<AppConfig, 'mode' | 'store'>): string[] {
  const out: string[] = [];
  const m = config.mode;
  if (m.kind === 'socket') out.push(m.botToken, m.appToken);
  if (m.kind === 'http') out.push(m.botToken, m.signingSecret);
  if (m.kind === 'http-oauth') {
    out.push(m.signingSecret, m.oauth.clientSecret, m.oauth.stateSecret);
    if (m.botToken) out.push(m.botToken);
  }
  const url = config.store.databaseUrl;
  if (url) {
    try {
      const password = decodeURIComponent(new URL(url).password);
      if (password) out.push(password, new URL(url).password);
    } catch {
      // unparseable: the URL pattern of the scrubber still applies
    }
  }
  return [...new Set(out)];
}
