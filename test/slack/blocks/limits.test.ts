import type { KnownBlock, ModalView, SectionBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMessage, checkView } from '../../../src/slack/blocks/check-message.js';
import { LIMITS, textLength } from '../../../src/slack/blocks/limits-table.js';
import { splitIntoMessages, splitText } from '../../../src/slack/blocks/split-message.js';

const section = (text: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const rules = (v: { path: string; rule: string }[]) => v.map((x) => `${x.path} ${x.rule}`);

describe('LIMITS', () => {
  it('holds the documented Block Kit limits', () => {
    expect(LIMITS).toMatchObject({
      messageBlocks: 50,
      viewBlocks: 100,
      sectionText: 3000,
      textObject: 3000,
      field: 2000,
      sectionFields: 10,
      header: 150,
      modalTitle: 24,
      modalSubmit: 24,
      modalClose: 24,
      buttonText: 75,
      optionText: 75,
      optionValue: 75,
      contextElements: 10,
      actionsElements: 25,
      id: 255,
      privateMetadata: 3000,
      messageTextBudget: 12_000,
    });
  });
});

describe('checkMessage', () => {
  it('accepts a small valid message', () => {
    expect(checkMessage({ text: 'hi', blocks: [section('hello')] })).toEqual([]);
  });

  it('requires a fallback text', () => {
    expect(rules(checkMessage({ text: ' ', blocks: [section('x')] }))).toEqual(['text required']);
  });

  it('finds every broken limit with its path', () => {
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
      section('s'.repeat(3001)),
      {
        type: 'section',
        fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f'.repeat(2001) })),
      },
      { type: 'section', text: { type: 'mrkdwn', text: '' } },
      { type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' })) },
      {
        type: 'actions',
        block_id: 'b'.repeat(256),
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'x'.repeat(76) },
            action_id: 'a',
            value: 'v'.repeat(2001),
          },
          { type: 'button', text: { type: 'mrkdwn', text: 'ok' }, action_id: 'a' },
          {
            type: 'static_select',
            action_id: 's',
            options: [{ text: { type: 'plain_text', text: 'o'.repeat(76) }, value: 'v'.repeat(76) }],
          },
        ],
      },
      { type: 'section', block_id: 'dup', text: { type: 'mrkdwn', text: 'a' } },
      { type: 'section', block_id: 'dup', text: { type: 'mrkdwn', text: 'b' } },
    ] as KnownBlock[];
    expect(rules(checkMessage({ text: 'x', blocks }))).toEqual([
      'blocks[0].text.text too-long',
      'blocks[1].text.text too-long',
      'blocks[2].fields too-many',
      ...Array.from({ length: 11 }, (_, i) => `blocks[2].fields[${i}].text too-long`),
      'blocks[3].text.text too-short',
      'blocks[4].elements too-many',
      'blocks[5].block_id too-long',
      'blocks[5].elements[0].text.text too-long',
      'blocks[5].elements[0].value too-long',
      'blocks[5].elements[1].text.type wrong-type',
      'blocks[5].elements[1].action_id duplicate-id',
      'blocks[5].elements[2].options[0].text.text too-long',
      'blocks[5].elements[2].options[0].value too-long',
      'blocks[7].block_id duplicate-id',
      'blocks text-budget',
    ]);
  });

  it('limits a message to 50 blocks and the total text budget', () => {
    const many = Array.from({ length: 51 }, () => section('x'));
    expect(rules(checkMessage({ text: 'x', blocks: many }))).toEqual(['blocks too-many']);
    const heavy = Array.from({ length: 5 }, () => section('y'.repeat(2500)));
    expect(rules(checkMessage({ text: 'x', blocks: heavy }))).toEqual(['blocks text-budget']);
    expect(textLength(heavy)).toBe(12_500);
  });
});

describe('checkView', () => {
  const modal = (over: Partial<ModalView>): ModalView => ({
    type: 'modal',
    title: { type: 'plain_text', text: 'Thoracic RT' },
    blocks: [],
    ...over,
  });

  it('checks modal title, submit, close, metadata and the input/submit rule', () => {
    const input: KnownBlock = {
      type: 'input',
      label: { type: 'plain_text', text: 'Case' },
      element: { type: 'plain_text_input', action_id: 'case' },
    };
    expect(checkView(modal({ blocks: [input], submit: { type: 'plain_text', text: 'Assess' } }))).toEqual([]);
    expect(
      rules(
        checkView(
          modal({
            title: { type: 'plain_text', text: 't'.repeat(25) },
            close: { type: 'plain_text', text: 'c'.repeat(25) },
            private_metadata: 'm'.repeat(3001),
            callback_id: 'x'.repeat(256),
            blocks: [input],
          }),
        ),
      ),
    ).toEqual([
      'private_metadata too-long',
      'callback_id too-long',
      'title.text too-long',
      'close.text too-long',
      'submit required',
    ]);
  });

  it('allows 100 blocks in a view but not 101', () => {
    const blocks = Array.from({ length: 101 }, () => section('x'));
    expect(checkView({ type: 'home', blocks: blocks.slice(0, 100) })).toEqual([]);
    expect(rules(checkView({ type: 'home', blocks }))).toEqual(['blocks too-many']);
  });
});

describe('splitText', () => {
  it('cuts at lines, then sentences, then words, never inside a link or an entity', () => {
    const text = `${'a'.repeat(60)}\n${'b'.repeat(30)}. ${'c'.repeat(30)}`;
    expect(splitText(text, 80)).toEqual(['a'.repeat(60), `${'b'.repeat(30)}. ${'c'.repeat(30)}`]);
    expect(splitText('one two. three four', 12)).toEqual(['one two.', 'three four']);
    const link = '<https://doi.org/10.1/x|Label with spaces>';
    for (const piece of splitText(`${'word '.repeat(10)}${link} &amp; tail`, 60)) {
      expect(piece.split('<').length).toBe(piece.split('>').length);
      expect(piece).not.toMatch(/&[a-z]*$/);
    }
  });

  it('hard-cuts a single over-long word without splitting a surrogate pair', () => {
    const pieces = splitText('😀'.repeat(10), 5);
    expect(pieces.join('')).toBe('😀'.repeat(10));
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(5);
  });
});

// Text made of words, sentences, lines, entities, links and emoji, long enough to need several messages.
const token = fc.oneof(
  { weight: 10, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
  { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '. ', '\n', '\n\n', '&amp;', '&lt;', '😀', 'é') },
  { weight: 1, arbitrary: fc.constantFrom('<https://doi.org/10.1/x|A label with spaces>', '*bold*') },
  { weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 4000, unit: 'grapheme-ascii' }) },
);
const longText = fc.array(token, { minLength: 200, maxLength: 3000 }).map((t) => t.join(''));
const squash = (s: string) => s.replace(/\s+/g, '');

describe('splitIntoMessages', () => {
  it('packs any content within every limit and loses no text', () => {
    fc.assert(
      fc.property(fc.array(longText, { minLength: 1, maxLength: 8 }), (texts) => {
        const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: 'Title' } }];
        for (const t of texts) blocks.push(section(t), { type: 'divider' });
        const messages = splitIntoMessages(blocks, 'Fallback &amp; text');
        for (const m of messages) {
          expect(checkMessage(m)).toEqual([]);
          expect(m.text.startsWith('Fallback &amp; text')).toBe(true);
        }
        const sections = messages
          .flatMap((m) => m.blocks)
          .filter((b): b is SectionBlock => b.type === 'section')
          .map((b) => b.text!.text)
          .join('');
        expect(squash(sections)).toBe(squash(texts.join('')));
      }),
      { numRuns: 25 },
    );
  });

  it('splits by block count and moves a trailing header to the next message', () => {
    const blocks: KnownBlock[] = [
      ...Array.from({ length: 49 }, (_, i) => section(`s${i}`)),
      { type: 'header', text: { type: 'plain_text', text: 'Next part' } },
      section('after'),
    ];
    const messages = splitIntoMessages(blocks, 'fb');
    expect(messages).toHaveLength(2);
    expect(messages[0]!.blocks).toHaveLength(49);
    expect(messages[1]!.blocks.map((b) => b.type)).toEqual(['header', 'section']);
    expect(messages[0]!.text).toBe('fb');
    expect(messages[1]!.text).toBe('fb (continued, part 2 of 2)');
  });

  it('splits over-long fields and contexts, keeping the block id on the first piece only', () => {
    const blocks: KnownBlock[] = [
      {
        type: 'section',
        block_id: 'f',
        fields: Array.from({ length: 23 }, (_, i) => ({
          type: 'mrkdwn' as const,
          text: `field ${i} ${'x '.repeat(1100)}`,
        })),
      },
      {
        type: 'context',
        block_id: 'c',
        elements: Array.from({ length: 25 }, (_, i) => ({ type: 'mrkdwn' as const, text: `c${i}` })),
      },
    ];
    const messages = splitIntoMessages(blocks, 'fb');
    for (const m of messages) expect(checkMessage(m)).toEqual([]);
    const all = messages.flatMap((m) => m.blocks);
    expect(all.filter((b) => b.block_id === 'f')).toHaveLength(1);
    expect(all.filter((b) => b.block_id === 'c')).toHaveLength(1);
    expect(all.filter((b) => b.type === 'context')).toHaveLength(3);
  });

  it('keeps a fallback text for an empty list and clips an over-long fallback visibly', () => {
    expect(splitIntoMessages([], '')).toEqual([{ text: 'Thoracic RT Advisor', blocks: [] }]);
    const [m] = splitIntoMessages([section('x')], `${'a'.repeat(5000)}`);
    expect(m!.text.length).toBeLessThanOrEqual(LIMITS.messageText);
    expect(m!.text.endsWith('…')).toBe(true);
  });
});
