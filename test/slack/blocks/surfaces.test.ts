import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISCLAIMER } from '../../../src/present/labels.js';
import { checkView } from '../../../src/slack/blocks/check-message.js';
import { buildHelp, type HelpIntent } from '../../../src/slack/blocks/help.js';
import { buildHome, RECENT_CONSULTS_BLOCK_ID } from '../../../src/slack/blocks/home.js';
import { buildNotice, NOTICE_KINDS } from '../../../src/slack/blocks/notice.js';
import type { SlackMessage } from '../../../src/slack/blocks/types.js';
import { allText, esc, expectNoInjection, expectValid } from './support.js';

const INTENTS: HelpIntent[] = [
  {
    id: 'consult',
    description: 'Assess a case for definitive thoracic RT',
    subcommands: ['<case>'],
    examples: ['/thoracic-rt adeno EGFR ex19del, 3 mets in 2 organs, ECOG 1', 'second', 'third'],
  },
  {
    id: 'evidence',
    description: 'Look up a trial',
    subcommands: ['evidence'],
    examples: ['/thoracic-rt evidence SINDAS'],
  },
];

function homeText(view: ReturnType<typeof buildHome>): string {
  return allText([{ text: 'home', blocks: view.blocks } as SlackMessage]);
}

describe('buildHelp', () => {
  const m = buildHelp(INTENTS, '2026.1.0');
  const text = allText([m]);

  it('passes the message limits', () => {
    expectValid([m]);
  });

  it('explains the command, form, evidence lookup, mention and shortcut', () => {
    for (const s of ['/thoracic-rt form', '/thoracic-rt help', '/thoracic-rt evidence', '@Thoracic RT']) {
      expect(text).toContain(s);
    }
    expect(text).toContain('Assess for thoracic RT');
    expect(text).toContain('/thoracic-rt &lt;case in free text&gt;');
  });

  it('shows each intent with at most two examples', () => {
    expect(text).toContain('Assess a case for definitive thoracic RT');
    expect(text).toContain('second');
    expect(text).not.toContain('third');
    expect(text).toContain('/thoracic-rt evidence SINDAS');
  });

  it('gives privacy advice, the ruleset version and the disclaimer', () => {
    expect(text).toMatch(/do not type names, MRNs, dates of birth/);
    expect(text).toContain('Ruleset 2026.1.0');
    expect(text).toContain(DISCLAIMER);
  });

  it('stays within the limits with many long or hostile intents, counting those left out', () => {
    const many: HelpIntent[] = Array.from({ length: 80 }, (_, i) => ({
      id: `i${i}`,
      description: `<!channel> intent ${i} ${'long description '.repeat(30)}`,
      subcommands: ['`x`', '<@U1>'],
      examples: ['<https://evil|click> & more'.repeat(10)],
    }));
    const big = buildHelp(many, '2026.1.0');
    expectValid([big]);
    expect(allText([big])).toMatch(/…and \d+ more/);
    expectNoInjection(allText([big]), new Set());
  });
});

describe('buildHome', () => {
  const examples = ['/thoracic-rt adeno EGFR ex19del, ECOG 1', '/thoracic-rt evidence NROG-002'];

  it('passes the view limits and explains the app', () => {
    const view = buildHome({ rulesetVersion: '2026.1.0', citationCount: 42, examples });
    expect(view.type).toBe('home');
    expect(checkView(view)).toEqual([]);
    const text = homeText(view);
    expect(text).toContain('Ruleset 2026.1.0 · 42 cited references');
    expect(text).toContain('Assess for thoracic RT');
    expect(text).toContain('/thoracic-rt form');
    expect(text).toContain(esc(examples[0]!));
    expect(text).toContain(DISCLAIMER);
    expect(view.blocks.some((b) => b.block_id === RECENT_CONSULTS_BLOCK_ID)).toBe(false);
  });

  it('renders recent consults in their own section, escaped', () => {
    const view = buildHome({
      rulesetVersion: '2026.1.0',
      citationCount: 42,
      examples,
      recent: Array.from({ length: 30 }, (_, i) => ({
        when: `Today 1${i % 10}:00`,
        verdict: i === 0 ? 'consider' : '<!here>',
        summary: `Consider <@U1> & co ${i}`,
      })),
    });
    expect(checkView(view)).toEqual([]);
    const text = homeText(view);
    expect(view.blocks.some((b) => b.block_id === RECENT_CONSULTS_BLOCK_ID)).toBe(true);
    expect(text).toContain('Consider');
    expect(text).toContain('…and 10 earlier consults.');
    expectNoInjection(text, new Set());
  });

  it('says when there are no consults yet', () => {
    const view = buildHome({ rulesetVersion: '2026.1.0', citationCount: 1, examples: [], recent: [] });
    expect(checkView(view)).toEqual([]);
    expect(homeText(view)).toContain('No consults yet');
  });
});

describe('buildNotice', () => {
  it.each(NOTICE_KINDS)('builds a valid %s notice with and without detail', (kind) => {
    expectValid([buildNotice(kind), buildNotice(kind, 'E_TEST'), buildNotice(kind, ['name', 'date'])]);
  });

  it('lists the identifier kinds removed, never identifiers', () => {
    const text = allText([buildNotice('privacy', ['name', 'mrn'])]);
    expect(text).toContain('names, record or account numbers');
    expect(allText([buildNotice('privacy', 'name, date')])).toContain('names, dates');
    expect(allText([buildNotice('privacy-channel', 'name')])).toContain('still visible in this channel');
    // Kinds named like Object.prototype members are shown as text, not looked up on the prototype.
    expect(allText([buildNotice('privacy', ['__proto__', 'constructor'])])).toContain(
      '(__proto__, constructor)',
    );
  });

  it('shows the error code and the fixed advice', () => {
    const m = buildNotice('error', 'I could not read that case again (E_CASE_TOKEN). Run the command again.');
    const text = allText([m]);
    expect(m.text).toContain(
      'Something went wrong (E_CASE_TOKEN). Try again; if it persists tell your Slack admin.',
    );
    expect(text).toContain('I could not read that case again. Run the command again.');
    expect(allText([buildNotice('error', 'boom <!channel>')])).toContain('(E_INTERNAL)');
  });

  it('gives the fixed texts the listeners rely on', () => {
    expect(buildNotice('empty-case').text).toContain(
      'I could not find case facts in that text; try /thoracic-rt form',
    );
    expect(allText([buildNotice('shared', 'C0123ABC')])).toContain('<#C0123ABC>');
    expect(allText([buildNotice('shared', '<!channel>')])).not.toContain('<#');
  });

  it('never lets detail text ping, link or break the limits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NOTICE_KINDS),
        fc.array(
          fc.oneof(
            fc.string({ unit: 'binary' }),
            fc.constantFrom('<!channel>', '<@U1>', '&', '<https://x|y>'),
          ),
        ),
        (kind, detail) => {
          const m = buildNotice(kind, detail.length === 1 ? detail[0] : detail);
          expectValid([m]);
          expectNoInjection(allText([m]).replace(/<#[CGD][A-Z0-9]+>/g, ''), new Set());
        },
      ),
      { numRuns: 200 },
    );
  });
});
