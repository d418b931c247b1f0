import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIntakeModal } from '../../../src/slack/views/intake-modal.js';
import {
  decodeMetadata,
  encodeMetadata,
  METADATA_MAX,
  MODAL_ORIGINS,
  type ModalMetadata,
} from '../../../src/slack/views/modal-metadata.js';

const arbId = (prefix: string) => fc.stringMatching(/^[A-Z0-9]{6,20}$/).map((s) => `${prefix}${s}`);

const arbMetadata: fc.Arbitrary<ModalMetadata> = fc.record(
  {
    origin: fc.constantFrom(...MODAL_ORIGINS),
    channelId: arbId('C'),
    threadTs: fc
      .tuple(fc.integer({ min: 1_000_000_000, max: 2_000_000_000 }), fc.integer({ min: 0, max: 999_999 }))
      .map(([s, us]) => `${s}.${String(us).padStart(6, '0')}`),
    userId: arbId('U'),
    responseUrl: fc.oneof(
      fc.webUrl({ validSchemes: ['https'] }),
      fc.integer({ min: 0, max: 6000 }).map((n) => `https://hooks.slack.com/commands/T0001/${'a'.repeat(n)}`),
    ),
  },
  { requiredKeys: ['origin'] },
);

function encoded(m: ModalMetadata) {
  const r = encodeMetadata(m);
  expect(r.droppedInvalid).toEqual([]);
  return r;
}

describe('modal metadata', () => {
  it('round-trips a typical command context', () => {
    const m: ModalMetadata = {
      origin: 'command',
      channelId: 'C0123ABCD',
      userId: 'U0123ABCD',
      responseUrl: 'https://hooks.slack.com/commands/T0001/1234/5678',
    };
    const r = encoded(m);
    expect(r.droppedResponseUrl).toBe(false);
    expect(decodeMetadata(r.value)).toEqual({ ok: true, value: m });
  });

  it('round-trips generated metadata within 3000 characters, dropping only an oversized response URL', () => {
    fc.assert(
      fc.property(arbMetadata, (m) => {
        const r = encoded(m);
        expect(r.value.length).toBeLessThanOrEqual(METADATA_MAX);
        const back = decodeMetadata(r.value);
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        if (r.droppedResponseUrl) {
          expect(m.responseUrl).toBeDefined();
          const { responseUrl: _u, ...rest } = m;
          expect(back.value).toEqual(rest);
        } else {
          expect(back.value).toEqual(m);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('drops the response URL first when it would not fit, and says so', () => {
    const m: ModalMetadata = {
      origin: 'message-shortcut',
      channelId: 'C0123ABCD',
      threadTs: '1700000000.123456',
      userId: 'U0123ABCD',
      responseUrl: `https://hooks.slack.com/${'x'.repeat(3000)}`,
    };
    const r = encoded(m);
    expect(r.droppedResponseUrl).toBe(true);
    expect(r.value.length).toBeLessThanOrEqual(3000);
    expect(decodeMetadata(r.value)).toEqual({
      ok: true,
      value: {
        origin: 'message-shortcut',
        channelId: 'C0123ABCD',
        threadTs: '1700000000.123456',
        userId: 'U0123ABCD',
      },
    });
  });

  it('keeps the longest response URL that fits', () => {
    const base = encoded({ origin: 'action', responseUrl: 'https://h.io/' }).value.length;
    const fits = `https://h.io/${'a'.repeat(METADATA_MAX - base)}`;
    const r = encoded({ origin: 'action', responseUrl: fits });
    expect(r.value.length).toBe(METADATA_MAX);
    expect(r.droppedResponseUrl).toBe(false);
    expect(encoded({ origin: 'action', responseUrl: `${fits}a` }).droppedResponseUrl).toBe(true);
  });

  it('leaves out invalid optional fields when encoding, and says which', () => {
    const bad: [Partial<ModalMetadata>, string][] = [
      [{ channelId: '' }, 'channelId'],
      [{ channelId: 'C0"12' }, 'channelId'],
      [{ threadTs: 'yesterday' }, 'threadTs'],
      [{ userId: 'U'.repeat(65) }, 'userId'],
      [{ responseUrl: 'http://insecure.example/' }, 'responseUrl'],
      [{ responseUrl: 'not a url' }, 'responseUrl'],
    ];
    for (const [fields, key] of bad) {
      const r = encodeMetadata({ origin: 'command', channelId: 'C1', ...fields });
      expect(r.droppedInvalid).toEqual([key]);
      const back = decodeMetadata(r.value);
      expect(back.ok).toBe(true);
      if (back.ok) expect(back.value).not.toHaveProperty(key);
    }
  });

  it('throws only for an origin outside the list', () => {
    expect(() => encodeMetadata({ origin: 'dm' } as unknown as ModalMetadata)).toThrow(TypeError);
    expect(() => encodeMetadata(null as unknown as ModalMetadata)).toThrow(TypeError);
  });

  it('stays within 3000 characters whatever the field values', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MODAL_ORIGINS),
        fc.record(
          {
            channelId: fc.string({ maxLength: 5000 }),
            threadTs: fc.string({ maxLength: 5000 }),
            userId: fc.string({ maxLength: 5000 }),
            responseUrl: fc.oneof(fc.string({ maxLength: 5000 }), fc.webUrl()),
          },
          { requiredKeys: [] },
        ),
        (origin, fields) => {
          const r = encodeMetadata({ origin, ...fields });
          expect(r.value.length).toBeLessThanOrEqual(METADATA_MAX);
          expect(decodeMetadata(r.value).ok).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('decodes only valid metadata and never throws', () => {
    for (const s of [
      undefined,
      null,
      42,
      '',
      'not json',
      '[]',
      'null',
      '{"origin":"dm"}',
      '{"channelId":"C1"}',
      `{"origin":"command","userId":"${'U'.repeat(3000)}"}`,
    ]) {
      expect(decodeMetadata(s).ok).toBe(false);
    }
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything()), (s) => {
        const r = decodeMetadata(s);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('ignores unknown keys when decoding (older or newer modals)', () => {
    expect(decodeMetadata('{"origin":"mention","channelId":"C1","v":2}')).toEqual({
      ok: true,
      value: { origin: 'mention', channelId: 'C1' },
    });
  });

  it('is what the modal carries', () => {
    const r = encoded({ origin: 'global-shortcut', userId: 'U1' });
    const view = buildIntakeModal({ metadata: r.value });
    expect(decodeMetadata(view.private_metadata)).toEqual({
      ok: true,
      value: { origin: 'global-shortcut', userId: 'U1' },
    });
  });
});
