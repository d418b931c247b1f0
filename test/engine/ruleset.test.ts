import { describe, expect, it } from 'vitest';
import { checkRuleset, RULESET } from '../../src/engine/index.js';

describe('embedded ruleset', () => {
  it('is version 2026.2.0 and valid', () => {
    expect(RULESET.version).toBe('2026.2.0');
    expect(checkRuleset(RULESET).ok).toBe(true);
  });

  it('has a PMID, DOI or URL for every citation', () => {
    for (const c of RULESET.citations) expect(c.pmid || c.doi || c.url, c.id).toBeTruthy();
  });

  it('cites the 2026 IASLC consensus by its journal URL', () => {
    const iaslc = RULESET.citations.find((c) => c.id === 'iaslc-2026');
    expect(iaslc?.url).toBe('https://www.sciencedirect.com/science/article/pii/S1556086426000961');
  });

  it('is frozen so no caller can change it at run time', () => {
    expect(Object.isFrozen(RULESET)).toBe(true);
    expect(Object.isFrozen(RULESET.statements[0])).toBe(true);
  });
});

describe('ruleset validation', () => {
  const clone = () => structuredClone(RULESET) as unknown as Record<string, { [k: string]: unknown }[]>;

  it('rejects a citation id that does not resolve', () => {
    const rs = clone();
    rs.statements![0]!.citations = ['no-such-trial'];
    const res = checkRuleset(rs);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.issues.join('\n')).toMatch(/no-such-trial does not resolve/);
  });

  it('rejects duplicate rule ids', () => {
    const rs = clone();
    rs.rules!.push({ ...rs.rules![0]! });
    const res = checkRuleset(rs);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.issues.join('\n')).toMatch(/duplicate id/);
  });

  it('rejects a statement without a source', () => {
    const rs = clone();
    rs.statements![1]!.citations = [];
    expect(checkRuleset(rs).ok).toBe(false);
  });

  it('rejects a citation without PMID, DOI or URL', () => {
    const rs = clone();
    rs.citations![0] = { id: 'iaslc-2026', label: 'nothing to check' };
    expect(checkRuleset(rs).ok).toBe(false);
  });

  it('rejects SINDAS cited alone', () => {
    const rs = clone();
    rs.doseOptions![0]!.citations = ['sindas'];
    const res = checkRuleset(rs);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.issues.join('\n')).toMatch(/never cited alone/);
  });
});
