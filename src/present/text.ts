// Plain-text helpers every surface uses before its own escaping: one line, no invisible or control
// characters, cut with a visible ellipsis.
// C0/C1 controls (including newlines and tabs), zero-width and bidirectional controls: they can break a line's
// layout or make text read differently from what it is.
const INVISIBLE = /[\p{Cc}\p{Cs}\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/** One line of text from outside the codebase: controls removed, whitespace collapsed, trimmed. Not escaped. */
export function cleanInline(s: string): string {
  return s.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
}

/** cleanInline, cut to `max` characters with a visible ellipsis (never in the middle of a surrogate pair). */
export function clip(s: string, max: number): string {
  const clean = cleanInline(s);
  if (clean.length <= max) return clean;
  let end = Math.max(0, max - 1);
  const code = clean.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${clean.slice(0, end)}…`;
}
