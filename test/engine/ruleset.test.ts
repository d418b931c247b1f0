import { describe, expect, it } from 'vitest';
import {
  checkRuleset,
  embeddedRuleset,
  loadRuleset,
  RULESET,
  type Ruleset,
  RulesetError,
} from '../../src/engine/index.js';

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

// The loader of issue 11: a row that names an unknown fact, or a statement, rule or citation that does not
// resolve, is rejected before the engine can run it.
describe('rule-row loader', () => {
  const rows = () => structuredClone(RULESET) as unknown as Ruleset;
  const issuesOf = (rs: unknown) => {
    const res = checkRuleset(rs);
    return res.ok ? '' : res.issues.join('\n');
  };
  const verdictRow = (rs: Ruleset, id: string) => {
    const r = rs.rules.find((x) => x.id === id);
    if (r?.kind !== 'verdict') throw new Error(`no verdict rule ${id}`);
    return r as unknown as { when: unknown; statements: { ids: string[] }[]; citations: string[] };
  };

  it('accepts the embedded rows, and loads them into a working engine', () => {
    expect(issuesOf(embeddedRuleset())).toBe('');
    expect(() => loadRuleset(embeddedRuleset())).not.toThrow();
  });

  it('rejects a verdict rule whose condition names an unknown fact', () => {
    const rs = rows();
    verdictRow(rs, 'egfr-oligo').when = { eq: ['driverGroupp', 'egfr-common'] };
    expect(issuesOf(rs)).toMatch(/unknown fact "driverGroupp"/);
  });

  it('rejects a nested unknown fact in a dose option and in a flag', () => {
    const rs = rows();
    (rs.doseOptions[0] as { when: unknown }).when = { all: [{ not: { lte: ['tumourSize', 5] } }] };
    (rs.flags[0] as { when: unknown }).when = { known: 'nonsense' };
    const issues = issuesOf(rs);
    expect(issues).toMatch(/doseOptions\.0\.when.*unknown fact "tumourSize"/);
    expect(issues).toMatch(/flags\.0\.when.*unknown fact "nonsense"/);
  });

  it('rejects an unknown operator', () => {
    const rs = rows();
    verdictRow(rs, 'polyprogression').when = { matches: ['progression', 'poly'] };
    expect(issuesOf(rs)).toMatch(/unknown operator "matches"/);
  });

  it('rejects a statement id that does not resolve', () => {
    const rs = rows();
    verdictRow(rs, 'no-driver-oligo').statements.push({ ids: ['no-such-statement'] });
    expect(issuesOf(rs)).toMatch(/statement no-such-statement does not resolve/);
  });

  it('rejects a flag condition naming a verdict rule that does not exist', () => {
    const rs = rows();
    const trial = rs.flags.find((f) => f.code === 'trial-preferred') as { when: unknown };
    trial.when = { all: [{ eq: ['rule', 'no-driver-oligo-typo'] }] };
    expect(issuesOf(rs)).toMatch(/unknown verdict rule "no-driver-oligo-typo"/);
  });

  it('rejects a rule citation that does not resolve', () => {
    const rs = rows();
    verdictRow(rs, 'egfr-oligo').citations = ['nrog-002', 'dingemans-2020'];
    expect(issuesOf(rs)).toMatch(/citation dingemans-2020 does not resolve/);
  });

  it('rejects a statement citing IASLC 2026 without saying it rests on the commentary', () => {
    const rs = rows();
    const s = rs.statements.find((x) => x.citations.includes('iaslc-2026'));
    if (!s) throw new Error('no IASLC statement');
    s.text = 'The consensus strongly supports this.';
    expect(issuesOf(rs)).toMatch(/does not say "as the consensus is described in the commentary"/);
  });

  it('rejects verdict rules that can fall through (last row not unconditional)', () => {
    const rs = rows();
    verdictRow(rs, 'polymetastatic').when = { eq: ['oligometastatic', false] };
    expect(issuesOf(rs)).toMatch(/last verdict rule must have the condition \{ always: true \}/);
  });

  it('throws a coded RulesetError when asked to load a broken ruleset', () => {
    const rs = rows();
    verdictRow(rs, 'egfr-oligo').when = { eq: ['nope', 1] };
    expect(() => loadRuleset(rs)).toThrow(RulesetError);
  });

  it('publishes exactly the rows the engine runs (one place for a verdict and its evidence)', () => {
    const row = RULESET.rules.find((r) => r.id === 'egfr-oligo');
    expect(row).toMatchObject({
      kind: 'verdict',
      outcome: { verdict: 'recommended', evidence: 'phase-3-rct' },
    });
    expect(RULESET.doseOptions.find((d) => d.id === 'hypo-60-15')).toBeUndefined();
  });
});
