import type { ActionsBlock, Button, HeaderBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../../src/engine/index.js';
import { citationLink } from '../../../src/present/citation-link.js';
import { CARD_DISCLAIMER, DISCLAIMER, MISSING_LABEL, VERDICT_LABEL } from '../../../src/present/labels.js';
import {
  ACTION_IDS,
  ANSWER_ACTIONS_BLOCK_ID,
  COMPLETE_CASE,
  EDIT_CASE,
  SHARE_IN_CHANNEL,
  SHOW_EVIDENCE,
} from '../../../src/slack/blocks/action-ids.js';
import { type AnswerOptions, BUTTONS_UNAVAILABLE, buildAnswer } from '../../../src/slack/blocks/answer.js';
import { answerNumbers, citedCitations, shortLabel } from '../../../src/slack/blocks/card-references.js';
import { buildEvidence } from '../../../src/slack/blocks/evidence.js';
import { withMarkers } from '../../../src/slack/blocks/parts.js';
import type { SlackMessage } from '../../../src/slack/blocks/types.js';
import { safeUrl } from '../../../src/slack/mrkdwn.js';
import { allowedUrls, allText, blocksOf, EXAMPLES, esc, expectNoInjection, expectValid } from './support.js';

const TOKEN = `tok-${'x'.repeat(1890)}`;

function actionBlocks(messages: readonly SlackMessage[]): ActionsBlock[] {
  return blocksOf(messages).filter((b): b is ActionsBlock => b.type === 'actions');
}

function markerNumbers(text: string): number[] {
  return [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

describe.each(EXAMPLES)('buildAnswer for %s', (_name, output) => {
  const preview = buildAnswer(output, { mode: 'preview', caseToken: TOKEN });
  const shared = buildAnswer(output, { mode: 'shared', caseToken: TOKEN });

  it('produces messages that pass every Block Kit limit in both modes', () => {
    expectValid(preview);
    expectValid(shared);
  });

  it('opens with a header naming the verdict and the summary', () => {
    for (const messages of [preview, shared]) {
      const first = messages[0]!.blocks[0] as HeaderBlock;
      expect(first.type).toBe('header');
      expect(first.text.text).toContain(VERDICT_LABEL[output.verdict]);
      expect(allText(messages)).toContain(esc(output.summary));
    }
  });

  it('uses verdict and summary as the escaped fallback text', () => {
    expect(preview[0]!.text).toContain(VERDICT_LABEL[output.verdict]);
    expect(preview[0]!.text).toContain(esc(output.summary));
  });

  it('numbers every citation marker within the reference list', () => {
    for (const messages of [preview, shared]) {
      const text = allText(messages);
      expect(text).not.toContain('[?]');
      for (const n of markerNumbers(text)) {
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(output.citations.length);
      }
    }
  });

  it('links every reference the card cites, by a short label, and no other', () => {
    const text = allText(preview);
    const numbers = answerNumbers(output);
    const shownNumbers = new Set(markerNumbers(text));
    for (const c of citedCitations(output)) {
      const n = numbers.get(c.id)!;
      const href = citationLink(c);
      const entry = href
        ? `[${n}] <${safeUrl(href)!}|${esc(shortLabel(c))}>`
        : `[${n}] ${esc(shortLabel(c))}`;
      if (shownNumbers.has(n)) expect(text).toContain(entry);
      else expect(text).not.toContain(entry);
    }
    for (const c of output.citations)
      if (!citedCitations(output).includes(c)) expect(text).not.toContain(c.label);
  });

  it('states the ruleset version and the disclaimer (in full in Details)', () => {
    for (const messages of [preview, shared]) {
      const text = allText(messages);
      expect(text).toContain(`Ruleset ${output.rulesetVersion}`);
      expect(text).toContain(esc(CARD_DISCLAIMER));
    }
    expect(allText(buildEvidence(output))).toContain(esc(DISCLAIMER));
  });

  it('puts Details, Share and Edit on the preview, each carrying the case token; the shared card has Details', () => {
    const blocks = actionBlocks(preview);
    const main = blocks.at(-1)!;
    expect(main.block_id).toBe(ANSWER_ACTIONS_BLOCK_ID);
    expect(preview[0]!.blocks.at(-1)).toBe(main);
    const buttons = main.elements as Button[];
    for (const b of buttons) expect(b.value).toBe(TOKEN);
    const ids = buttons.map((b) => b.action_id);
    expect(ids.slice(-3)).toEqual([SHOW_EVIDENCE, SHARE_IN_CHANNEL, EDIT_CASE]);
    if (output.missing.length > 0) {
      expect(ids[0]).toBe(COMPLETE_CASE);
      expect(buttons[0]!.style).toBe('primary');
    } else {
      expect(ids).not.toContain(COMPLETE_CASE);
    }
    const sharedIds = actionBlocks(shared).flatMap((b) => (b.elements as Button[]).map((e) => e.action_id));
    expect(sharedIds).toEqual([SHOW_EVIDENCE]);
    expect(sharedIds).not.toContain(SHARE_IN_CHANNEL);
  });

  it('shows the card: summary, timing, the first dose options and the critical and warning flags, each cited', () => {
    const text = allText(preview);
    expect(text).toContain(esc(output.summary));
    for (const d of output.doseOptions.slice(0, 3))
      expect(text).toContain(withMarkers(d.setting, d.citations, answerNumbers(output)));
    for (const f of output.flags) {
      if (f.severity === 'info') expect(text).not.toContain(esc(f.text));
      else expect(text).toContain(withMarkers(f.text, f.citations, answerNumbers(output)));
    }
    for (const m of output.missing) expect(text).toContain(esc(MISSING_LABEL[m] ?? m));
    expect(text).not.toContain('*Case as understood*');
  });

  it('puts every statement, dose option, flag and the case as understood in Details, and in the shared thread', () => {
    const evidence = buildEvidence(output);
    expect(shared.slice(1)).toEqual(evidence);
    const text = allText(evidence);
    expect(text).toContain('*Case as understood*');
    for (const s of output.statements) expect(text).toContain(esc(s.text));
    for (const d of output.doseOptions) expect(text).toContain(esc(d.setting));
    for (const f of output.flags) expect(text).toContain(esc(f.text));
    for (const w of output.whatIf) expect(text).toContain(esc(w.if));
  });

  it('shows each source caveat once, beside a statement citing it, never on the card', () => {
    const text = allText(buildEvidence(output));
    for (const c of citedCitations(output)) {
      if (!c.note) continue;
      expect(text.split(esc(c.note)).length - 1).toBe(1);
      expect(allText(preview)).not.toContain(esc(c.note));
    }
  });

  it('contains no mention, broadcast or foreign link', () => {
    expectNoInjection(allText([...preview, ...shared]), allowedUrls(output.citations));
  });
});

describe('buildAnswer options', () => {
  const output = EXAMPLES[0]![1];

  it('lists the kinds of identifiers removed, conflicts and the ignored count, never raw fragments', () => {
    const [m] = buildAnswer(output, {
      mode: 'preview',
      caseToken: 't',
      identifiersRemoved: ['name', 'mrn', 'date'],
      conflicts: ['ECOG 1 or ECOG 2?'],
      ignoredCount: 3,
    });
    const text = allText([m!]);
    expect(text).toContain('names, record or account numbers, dates removed before reading');
    expect(text).toContain('ECOG 1 or ECOG 2?');
    expect(text).toContain('3 text fragments not used');
  });

  it('omits the notices when there is nothing to say', () => {
    const text = allText(buildAnswer(output, { mode: 'preview', caseToken: 't', ignoredCount: 0 }));
    expect(text).not.toContain('Privacy');
    expect(text).not.toContain('Please check');
    expect(text).not.toContain('not used');
  });

  it('shows the answer without buttons, with a note, when the case token is empty or too long', () => {
    for (const caseToken of ['', 'x'.repeat(1901)]) {
      const messages = buildAnswer(output, { mode: 'preview', caseToken });
      expectValid(messages);
      expect(actionBlocks(messages)).toHaveLength(0);
      expect(allText(messages)).toContain(BUTTONS_UNAVAILABLE);
    }
    expect(allText(buildAnswer(output, { mode: 'shared', caseToken: '' }))).not.toContain(
      BUTTONS_UNAVAILABLE,
    );
  });

  it('exports stable action ids', () => {
    expect(ACTION_IDS).toEqual({
      shareInChannel: 'share_in_channel',
      editCase: 'edit_case',
      showEvidence: 'show_evidence',
      completeCase: 'complete_case',
      recordDecision: 'record_decision',
      whatIf: 'what_if',
      whatIfBack: 'what_if_back',
      topicDetails: 'topic_details',
      newCaseHome: 'new_case_home',
    });
  });

  it('continues over-long Details in further thread messages without losing any statement', () => {
    const big: Output = {
      ...output,
      statements: Array.from({ length: 60 }, (_, i) => ({
        topic: i % 2 === 0 ? 'candidacy' : 'target-volume',
        text: `Statement ${i}: ${'evidence text with a < sign & more. '.repeat(20)}`,
        citations: [output.citations[i % output.citations.length]!.id],
      })),
    };
    const messages = buildAnswer(big, { mode: 'shared', caseToken: 't' });
    expect(messages.length).toBeGreaterThan(2);
    expectValid(messages);
    const text = allText(messages.slice(1));
    for (let i = 0; i < 60; i++) expect(text).toContain(`Statement ${i}:`);
    expect(buildAnswer(big, { mode: 'preview', caseToken: 't' })).toHaveLength(1);
  });
});

// Text a user controls: random strings with the characters Slack treats as markup, controls and unicode.
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '<!channel>',
    '<!here>',
    '<@U123>',
    '<#C123|general>',
    '<https://evil|click>',
    '<https://doi.org/10.1093/jnci/djac015|forged>',
    '&',
    '&amp;',
    '&lt;!channel&gt;',
    '\u0000\u0007\n\r\t',
    '\u202e',
    '*bold* _it_ `code`',
  ),
);
const hostileText = fc.array(hostile, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

describe('user text in an answer', () => {
  const output = EXAMPLES[1]![1];
  const urls = allowedUrls(output.citations);

  it('never produces an unescaped mention, broadcast or link (therapy agent, conflicts, identifier kinds)', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (agent, conflict, kind) => {
        const withAgent: Output = {
          ...output,
          case: { ...output.case, therapy: { status: 'on-treatment', agent } },
        };
        const opts: Omit<AnswerOptions, 'mode'> = {
          caseToken: 't',
          conflicts: [conflict],
          identifiersRemoved: [kind],
        };
        for (const mode of ['preview', 'shared'] as const) {
          const messages = buildAnswer(withAgent, { ...opts, mode });
          expectNoInjection(allText(messages), urls);
          expectValid(messages);
        }
      }),
      { numRuns: 60 },
    );
  });
});
