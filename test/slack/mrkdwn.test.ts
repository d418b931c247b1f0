import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bold, cleanInline, clip, escapeMrkdwn, italic, link, safeUrl } from '../../src/slack/mrkdwn.js';

const unescapeMrkdwn = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '<!channel>',
    '<!here>',
    '<@U123>',
    '<https://evil|click>',
    '&',
    '&amp;',
    '\u0000',
    '\n',
    'é',
  ),
);
const hostileText = fc.array(hostile, { maxLength: 6 }).map((p) => p.join(''));
// URL paths without lone surrogates (those are rejected outright, tested separately).
const urlText = fc
  .array(
    fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('|', '<', '>', ' ', '\n', '&', '\u202e')),
    {
      maxLength: 6,
    },
  )
  .map((p) => p.join(''));

describe('escapeMrkdwn', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeMrkdwn('<!channel> & <@U123> <https://evil|click> "quote" \'s *b* <5%')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|click&gt; "quote" \'s *b* &lt;5%',
    );
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;');
  });

  it('leaves no markup for any input and loses nothing', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const e = escapeMrkdwn(s);
        expect(e).not.toMatch(/[<>]/);
        expect(e).not.toMatch(/&(?!amp;|lt;|gt;)/);
        expect(unescapeMrkdwn(e)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
});

describe('link', () => {
  it('makes a Slack link with an escaped label', () => {
    expect(link('https://doi.org/10.1093/jnci/djac015', 'Wang XS et al. <SINDAS> & co')).toBe(
      '<https://doi.org/10.1093/jnci/djac015|Wang XS et al. &lt;SINDAS&gt; &amp; co>',
    );
  });

  it('percent-encodes |, <, > and whitespace in a URL and escapes &', () => {
    expect(link('https://x.org/a|b<c>d e?x=1&y=2', 'l')).toBe(
      '<https://x.org/a%7Cb%3Cc%3Ed%20e?x=1&amp;y=2|l>',
    );
  });

  it('rejects anything but absolute http(s) URLs, keeping the label only', () => {
    for (const url of [
      'javascript:alert(1)',
      'mailto:a@b.c',
      '/relative',
      'https://',
      'ftp://x.org',
      '!channel',
    ]) {
      expect(link(url, 'label <x>')).toBe('label &lt;x&gt;');
      expect(safeUrl(url)).toBeUndefined();
    }
  });

  it('rejects a URL with a lone surrogate', () => {
    expect(safeUrl('https://x.org/\ud800')).toBeUndefined();
  });

  it('uses the URL as the label when the label is empty', () => {
    expect(link('https://x.org', '  ')).toBe('<https://x.org|https://x.org>');
  });

  it('always yields one well-formed link or an escaped label', () => {
    fc.assert(
      fc.property(urlText, hostileText, (url, label) => {
        const l = link(`https://x.org/${url}`, label);
        expect(l).toMatch(/^<https:\/\/x\.org\/[^\s<>|]*\|[^<>]*>$/);
        expect(link(url, label)).not.toMatch(/<[!@#]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('bold, italic, cleanInline, clip', () => {
  it('wraps escaped content and leaves empty text empty', () => {
    expect(bold('a < b')).toBe('*a &lt; b*');
    expect(italic('x & y')).toBe('_x &amp; y_');
    expect(bold('  ')).toBe('');
    expect(italic('')).toBe('');
  });

  it('removes controls and bidi overrides and collapses whitespace', () => {
    expect(cleanInline(' a\n\tb\u0000c\u202ed  ')).toBe('a b c d');
  });

  it('clips with a visible ellipsis and never splits a surrogate pair', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(clip('abc', 4)).toBe('abc');
  });
});
