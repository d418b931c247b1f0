// Short ephemeral messages: privacy notices, errors and the small hints the listeners need.
import { clip, escapeMrkdwn } from '../mrkdwn.js';
import { context, identifierKinds, section } from './parts.js';
import type { SlackMessage } from './types.js';

/**
 * - `privacy`: detail = identifier kinds removed (never the identifiers), as a list or comma-separated
 * - `privacy-channel`: the same, for a case typed in a channel: the original message is still visible there
 * - `error`: detail = an error code such as `E_ENGINE`, or an explanation containing one ("… (E_CASE_TOKEN)");
 *   without a code it is `E_INTERNAL`. The explanation, if any, is shown below, escaped.
 * - `invalid-case`: detail = problems ("ecog: ECOG must be a whole number from 0 to 4")
 * - `unknown-command`: detail = the subcommand the user typed (shown escaped)
 * - `shared`: detail = the channel id the answer was shared in
 * - `too-long`: detail = the maximum number of characters
 * - the others take no detail
 */
export type NoticeKind =
  | 'privacy'
  | 'privacy-channel'
  | 'error'
  | 'not-in-channel'
  | 'expired-trigger'
  | 'empty-case'
  | 'invalid-case'
  | 'unknown-command'
  | 'expired-case'
  | 'shared'
  | 'already-shared'
  | 'decision-recorded'
  | 'working'
  | 'rate-limited'
  | 'too-long';

export const NOTICE_KINDS: readonly NoticeKind[] = [
  'privacy',
  'privacy-channel',
  'error',
  'not-in-channel',
  'expired-trigger',
  'empty-case',
  'invalid-case',
  'unknown-command',
  'expired-case',
  'shared',
  'already-shared',
  'decision-recorded',
  'working',
  'rate-limited',
  'too-long',
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
    case 'not-in-channel':
      return message(
        ':wave: I am not in this channel yet. Invite me with `/invite @Thoracic RT`, then Share again.',
      );
    case 'expired-trigger':
      return message(':hourglass: That took too long to open; please try again.');
    case 'empty-case':
      return message(
        ':mag: I could not find case facts in that text; try `/thoracic-rt form` or `/thoracic-rt help`.',
      );
    case 'invalid-case': {
      const problems = asList(detail)
        .map((p) => clip(p, 200))
        .filter((p) => p !== '');
      const shown = problems.slice(0, 10).map((p) => `• ${escapeMrkdwn(p)}`);
      const more = problems.length - shown.length;
      const list = shown.length > 0 ? `\n${shown.join('\n')}${more > 0 ? `\n…and ${more} more` : ''}` : '';
      return message(
        `:warning: Some facts could not be used:${list}`,
        'Correct them with *Edit case* or `/thoracic-rt form`.',
      );
    }
    case 'unknown-command': {
      const typed = escapeMrkdwn(clip(asText(detail), 40));
      return message(
        `:question: I do not know ${typed ? `“${typed}”` : 'that command'}. Try \`/thoracic-rt help\`.`,
      );
    }
    case 'expired-case':
      return message(
        ':hourglass: This case is no longer available (cases are kept only briefly). Please run the consult again.',
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
    case 'decision-recorded':
      return message(':white_check_mark: Board decision recorded and announced in the thread.');
    case 'working':
      return message(':hourglass_flowing_sand: Assessing the case…');
    case 'rate-limited':
      return message(':turtle: Slack is busy right now; please try again in a minute.');
    case 'too-long': {
      const max = Number.parseInt(asText(detail), 10);
      const limit = Number.isFinite(max) && max > 0 ? ` (over ${max} characters)` : '';
      return message(`:scissors: That text is too long${limit}. Shorten it or use \`/thoracic-rt form\`.`);
    }
  }
}
