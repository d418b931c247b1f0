// Shared fixtures and assertions for the Block Kit builder tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnownBlock } from '@slack/types';
import { expect } from 'vitest';
import { type Citation, evaluate, type Output } from '../../../src/engine/index.js';
import { citationLink } from '../../../src/present/citation-link.js';
import { checkMessage } from '../../../src/slack/blocks/check-message.js';
import type { SlackMessage } from '../../../src/slack/blocks/types.js';
import { safeUrl } from '../../../src/slack/mrkdwn.js';

const EXAMPLES_DIR = join(import.meta.dirname, '../../../examples');
export const NOW = new Date('2026-03-01T00:00:00Z');

export function evaluateOk(input: unknown): Output {
  const r = evaluate(input, { now: NOW });
  if (!r.ok) throw new Error(`example did not evaluate: ${JSON.stringify(r.issues)}`);
  return r.output;
}

/** The six public examples, evaluated: [file name, output]. */
export const EXAMPLES: [string, Output][] = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, evaluateOk(JSON.parse(readFileSync(join(EXAMPLES_DIR, f), 'utf8')))]);

/** Every `text` string in a message (fallback included), in document order. */
export function texts(message: SlackMessage): string[] {
  const out = [message.text];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'text' && typeof v === 'string') out.push(v);
        else walk(v);
      }
    }
  };
  walk(message.blocks);
  return out;
}

export function allText(messages: readonly SlackMessage[]): string {
  return messages.flatMap(texts).join('\n');
}

export function expectValid(messages: readonly SlackMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(checkMessage(m)).toEqual([]);
    expect(m.text.trim()).not.toBe('');
  }
}

/** The link targets a message may contain: the citation links of the given references, made safe. */
export function allowedUrls(citations: readonly Citation[]): Set<string> {
  const urls = new Set<string>();
  for (const c of citations) {
    const href = citationLink(c);
    const safe = href ? safeUrl(href) : undefined;
    if (safe) urls.add(safe);
  }
  return urls;
}

/**
 * No text can ping, link or forge an entity: every `<` opens one of our own citation links (never `<!`, `<@`, `<#`
 * or any other URL), no `>` stands alone, and every `&` starts one of the three escapes.
 */
export function expectNoInjection(text: string, urls: Set<string>): void {
  const stripped = text.replace(/<([^<>|]*)\|[^<>]*>/g, (whole, url: string) => {
    expect(urls.has(url), `unexpected link ${whole}`).toBe(true);
    return '';
  });
  expect(stripped).not.toMatch(/[<>]/);
  expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
  expect(text).not.toMatch(/<[!@#]/);
}

export function blocksOf(messages: readonly SlackMessage[]): KnownBlock[] {
  return messages.flatMap((m) => m.blocks);
}

/** Escaped like the builders do, for finding engine text in a message. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
