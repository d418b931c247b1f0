// Slack mrkdwn helpers. Slack parses `<…>` as links and mentions (`<!channel>`, `<@U…>`, `<url|label>`) and `&…;`
// as entities, so every piece of text that is not our own markup goes through escapeMrkdwn first. Slack asks for
// exactly three characters to be escaped and nothing else (no HTML entity encoding of the whole text).

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Escapes exactly `&`, `<` and `>` so that the text can never ping, link or forge an entity. */
export function escapeMrkdwn(s: string): string {
  return s.replace(/[&<>]/g, (ch) => ESCAPES[ch] ?? ch);
}

import { cleanInline } from '../present/text.js';

export { cleanInline, clip } from '../present/text.js';

// Characters that must not appear raw inside `<url|label>`: they would end the URL, start the label, inject
// markup or hide what the URL is (format characters such as bidi overrides). They are percent-encoded, which keeps the link working.
const URL_UNSAFE = /[\s|<>"`\p{Cc}\p{Cf}]/gu;

/** A URL made safe for `<url|label>`, or undefined when it is not an absolute http(s) URL. */
export function safeUrl(url: string): string | undefined {
  if (/\p{Cs}/u.test(url)) return undefined; // a lone surrogate cannot be encoded
  const encoded = url.trim().replace(URL_UNSAFE, (ch) => encodeURIComponent(ch));
  if (!/^https?:\/\/[^/?#]/i.test(encoded)) return undefined;
  try {
    const parsed = new URL(encoded);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  } catch {
    return undefined;
  }
  return encoded.replace(/&/g, '&amp;');
}

/**
 * `<url|label>` with the label escaped. A URL that is not http(s) is rejected: the result is then the escaped label
 * alone, never a link. Unsafe characters in an accepted URL (`|`, `<`, `>`, whitespace, controls) are percent-encoded.
 */
export function link(url: string, label: string): string {
  const cleanLabel = cleanInline(label);
  const href = safeUrl(url);
  if (href === undefined) return escapeMrkdwn(cleanLabel);
  return `<${href}|${escapeMrkdwn(cleanLabel || url.trim())}>`;
}

/** `*text*`, escaped; empty text stays empty (a bare `**` would show literally). */
export function bold(s: string): string {
  const t = cleanInline(s);
  return t ? `*${escapeMrkdwn(t)}*` : '';
}

/** `_text_`, escaped; empty text stays empty. */
export function italic(s: string): string {
  const t = cleanInline(s);
  return t ? `_${escapeMrkdwn(t)}_` : '';
}
