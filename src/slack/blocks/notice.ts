// Short ephemeral messages: privacy notices, errors and the small hints the listeners need.
import { clip, escapeMrkdwn } from '../mrkdwn.js';
import { context, identifierKinds, section } from './parts.js';
import type { SlackMessage } from './types.js';

/**
 * - `privacy`: detail = identifier kinds removed (never the identifiers), as a list or comma-separated
 * - `privacy-channel`: the same, for a case typed in a channel: the original message is still visible there
 * - `error`: detail = an error code such as `E_ENGINE`, or an explanation containing one ("… (E_CASE_TOKEN)");
 *   without a code it is `E_INTERNAL`. The explanation, if any, is shown below, escaped.
 * - `shared`: detail = the channel id the answer was shared in
 * - the others take no detail
 */
export type NoticeKind = 'privacy' | 'privacy-channel' | 'error' | 'empty-case' | 'shared' | 'already-shared';

export const NOTICE_KINDS: readonly NoticeKind[] = [
  'privacy',
  'privacy-channel',
  'error',
  'empty-case',
  'shared',
  'already-shared',
];

const ERROR_CODE = /\bE_[A-Z0-9_]{1,60}\b/;
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,30}$/;

function asList(detail: string | readonly string[] | undefined): string[] {
  if (detail === undefined) return [];
  return typeof detail === 'string' ? [detail] : [...detail];
}

function kindsOf(detail: string | readonly string[] | undefined): string {
  return identifierKinds(asList(detail).flatMap((d) => d.split(/[,;]/).map((k) => k.trim())));
}

function asText(detail: string | readonly string[] | undefined): string {
  return asList(detail)[0] ?? '';
}

function message(text: string, extra?: string): SlackMessage {
  const blocks: SlackMessage['blocks'] = [section(text)];
  if (extra) blocks.push(context([extra]));
  // The fallback is the same escaped text without the emoji shortcodes.
  const fallback = text.replace(/:[a-z0-9_+-]+:\s*/g, '').replace(/[*`]/g, '');
  return { text: fallback.trim() || 'Thoracic RT Advisor', blocks };
}

/** A small ephemeral message of the given kind; `detail` is interpreted per kind (see NoticeKind). */
export function buildNotice(kind: NoticeKind, detail?: string | readonly string[]): SlackMessage {
  switch (kind) {
    case 'privacy': {
      const kinds = kindsOf(detail);
      return message(
        `:lock: ${kinds ? `Identifiers (${kinds}) were removed` : 'Possible identifiers were removed'} from your ` +
          'text before it was read. Please do not type names, MRNs, dates of birth or other identifiers in Slack.',
      );
    }
    case 'privacy-channel': {
      const kinds = kindsOf(detail);
      return message(
        `:lock: That message contains ${kinds ? `identifiers (${kinds})` : 'possible identifiers'}. I removed ` +
          'them before reading the case, but the original message is still visible in this channel: please edit ' +
          'or delete it, and describe cases without names, MRNs or dates of birth.',
      );
    }
    case 'error': {
      const raw = asText(detail);
      const code = ERROR_CODE.exec(raw)?.[0] ?? 'E_INTERNAL';
      // The explanation around the code ("I could not read that case again (E_X). Run …"), without the code.
      const explanation = clip(raw.replace(/\(?\s*\bE_[A-Z0-9_]+\b\s*\)?/g, ' '), 200).replace(
        /\s+([.,;:])/g,
        '$1',
      );
      return message(
        `:x: Something went wrong (${code}). Try again; if it persists tell your Slack admin.`,
        explanation ? escapeMrkdwn(explanation) : undefined,
      );
    }
    case 'empty-case':
      return message(
        ':mag: I could not find case facts in that text; try `/thoracic-rt form` or `/thoracic-rt help`.',
      );
    case 'shared': {
      const channel = asText(detail).trim();
      return message(
        `:white_check_mark: Shared in ${CHANNEL_ID.test(channel) ? `<#${channel}>` : 'the channel'}.`,
      );
    }
    case 'already-shared':
      return message(
        ':information_source: This answer was already shared in the channel; it was not posted twice.',
      );
  }
}
