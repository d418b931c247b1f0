// App Home: what the app does, how to use it, examples, the ruleset in use, and a slot for recent consults.
import type { HomeView, KnownBlock } from '@slack/types';
import { VERDICT_LABEL } from '../../present/labels.js';
import { clip, escapeMrkdwn, link } from '../mrkdwn.js';
import { NEW_CASE_HOME } from './action-ids.js';
import { slackDate } from './card.js';
import { code, HOW_TO_ASK, PRIVACY_ADVICE } from './help.js';
import { APP_NAME, context, divider, footer, header, section } from './parts.js';

export interface RecentConsult {
  /** Already formatted for display ("Today 14:02"); shown escaped. Superseded by `at` when given. */
  when: string;
  /** When it was asked: shown in the reader's own time zone (`<!date^…>`). */
  at?: Date | undefined;
  /** Where the shared answer is (chat.getPermalink), when it was shared. */
  permalink?: string | undefined;
  /** A verdict code ("consider") or label; codes are shown as their label. */
  verdict: string;
  summary: string;
}

export interface HomeOptions {
  rulesetVersion: string;
  citationCount: number;
  examples: string[];
  /** Rendered in its own section under the header "Recent consults" when given. */
  recent?: RecentConsult[];
  /** The user's recent board decisions (already formatted). */
  decisions?: { when: string; at?: Date | undefined; outcome: string; reason: string }[];
  /** The team's concordance: share of decisions that followed the verdict. */
  concordance?: { decisions: number; followed: number; share: number | null };
}

/** block_id of the "Recent consults" header, for code that updates that section later. */
export const RECENT_CONSULTS_BLOCK_ID = 'recent_consults';
export const HOME_ACTIONS_BLOCK_ID = 'home_actions';

/** The reader's local time for a date, else the preformatted text (escaped). */
function whenText(at: Date | undefined, when: string): string {
  return at ? slackDate(at) : escapeMrkdwn(clip(when, 60)) || 'Earlier';
}
const MAX_EXAMPLES = 8;
const MAX_RECENT = 20;

function verdictWord(v: string): string {
  const label = (VERDICT_LABEL as Record<string, string>)[v];
  return label ?? escapeMrkdwn(clip(v, 40));
}

export function buildHome(opts: HomeOptions): HomeView {
  const blocks: KnownBlock[] = [
    header(APP_NAME),
    {
      type: 'actions',
      block_id: HOME_ACTIONS_BLOCK_ID,
      elements: [
        {
          type: 'button',
          action_id: NEW_CASE_HOME,
          style: 'primary',
          text: { type: 'plain_text', text: 'New case', emoji: true },
        },
      ],
    },
    section(
      'Tumour-board decision support for one question: should a patient with stage IV NSCLC get definitive ' +
        'radiotherapy to the primary tumour, and if so when, how much dose, to what volume and at what risk? ' +
        'Answers follow the 2026 IASLC consensus and the trials behind it; every statement, flag and dose option ' +
        'carries numbered references with a PMID, DOI or link.',
    ),
    context([
      `Ruleset ${escapeMrkdwn(opts.rulesetVersion)} · ${Math.max(0, Math.trunc(opts.citationCount))} cited references`,
    ]),
    divider(),
    header('How to use'),
    section(HOW_TO_ASK),
  ];
  const examples = opts.examples
    .slice(0, MAX_EXAMPLES)
    .map((e) => code(e))
    .filter((e) => e !== '');
  if (examples.length > 0) {
    blocks.push(header('Examples'), section(examples.map((e) => `• ${e}`).join('\n')));
  }
  blocks.push(divider(), section(PRIVACY_ADVICE));

  blocks.push(...historyBlocks(opts));
  blocks.push(divider(), footer(opts.rulesetVersion));
  return { type: 'home', blocks };
}

/** The signed-in user's recent consults and decisions, and the team's concordance (when the store has them). */
function historyBlocks(opts: HomeOptions): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (opts.recent !== undefined) {
    blocks.push(divider(), header('Recent consults', RECENT_CONSULTS_BLOCK_ID));
    const recent = opts.recent.slice(0, MAX_RECENT);
    if (recent.length === 0) blocks.push(section('_No consults yet._'));
    for (const r of recent) {
      blocks.push(
        section(
          `*${whenText(r.at, r.when)}* · ${verdictWord(r.verdict)}` +
            (r.permalink ? ` · ${link(r.permalink, 'Open the shared answer')}` : '') +
            '\n' +
            (escapeMrkdwn(clip(r.summary, 300)) || '_no summary_'),
        ),
      );
    }
    const more = opts.recent.length - recent.length;
    if (more > 0) blocks.push(context([`…and ${more} earlier consults.`]));
  }

  if (opts.decisions !== undefined) {
    blocks.push(divider(), header('Your board decisions'));
    const shown = opts.decisions.slice(0, 10);
    if (shown.length === 0)
      blocks.push(section('_No decisions recorded yet. Use *Record board decision* on a shared answer._'));
    else
      blocks.push(
        section(
          shown
            .map(
              (d) =>
                `• *${whenText(d.at, d.when)}* · ${escapeMrkdwn(clip(d.outcome, 40))} · ${escapeMrkdwn(clip(d.reason, 80))}`,
            )
            .join('\n'),
        ),
      );
  }
  if (opts.concordance !== undefined) {
    const c = opts.concordance;
    const text =
      c.share === null
        ? 'Team concordance: no decisions recorded yet.'
        : `Team concordance: *${Math.round(c.share * 100)}%* of ${c.decisions} board decisions followed the verdict (${c.followed} of ${c.decisions}; deferred decisions not counted).`;
    blocks.push(context([text]));
  }

  return blocks;
}
