// consultRow() is the one place a consult row's fields are worked out; the store suite checks them through the
// database, this checks the function alone (no database), so a change to it fails here first.
import { describe, expect, it } from 'vitest';
import { isEngineOutput } from '../../src/engine/index.js';
import { consultRow } from '../../src/store/consults.js';
import { canonicalJson, StoreError, sha256Hex } from '../../src/store/index.js';
import { exampleOutput, NOW } from './support.js';

describe('consultRow', () => {
  it('derives every column from the input and the engine output, reading the clock once', () => {
    const output = exampleOutput('ex2-egfr-oligo-osimertinib-ecog2');
    let reads = 0;
    const now = () => {
      reads++;
      return NOW;
    };
    const at = new Date('2026-11-27T08:59:00.000Z');
    const row = consultRow(
      { id: 'c-1', idempotencyKey: 'k-1', at, teamId: 'T1', surface: 'cli', output },
      now,
    );
    expect(reads).toBe(1);
    expect(row).toEqual({
      id: 'c-1',
      idempotency_key: 'k-1',
      at_ms: at.getTime(),
      recorded_at_ms: NOW.getTime(),
      team_id: 'T1',
      channel_id: null,
      user_id: null,
      surface: 'cli',
      ruleset_version: output.rulesetVersion,
      case_json: canonicalJson(output.case),
      verdict: 'consider',
      timing: output.timing,
      flag_codes: JSON.stringify(output.flags.map((f) => f.code)),
      citation_ids: JSON.stringify(output.citations.map((c) => c.id)),
      rule_ids: JSON.stringify(output.decidedBy),
      output_sha256: sha256Hex(canonicalJson(output)),
      slack_channel_id: null,
      slack_thread_ts: null,
      api_key_name: null,
    });
    expect(JSON.parse(String(row.rule_ids))).toEqual(['egfr-oligo', 'ps-borderline']);
  });

  it('gives a fresh id when none is passed, and refuses free text in the case', () => {
    const output = exampleOutput('ex1-egfr-oligo-naive');
    const a = consultRow({ at: NOW, surface: 'cli', output }, () => NOW);
    const b = consultRow({ at: NOW, surface: 'cli', output }, () => NOW);
    expect(a.id).not.toBe(b.id);
    const tainted = { ...output, case: { ...output.case, notes: 'Mr John Smith' } };
    expect(() => consultRow({ at: NOW, surface: 'cli', output: tainted }, () => NOW)).toThrow(StoreError);
    expect(() => consultRow({ at: new Date(Number.NaN), surface: 'cli', output }, () => NOW)).toThrow(
      /consult: at/,
    );
  });

  it('writes the same row for an engine output (trusted as it is) as for a copy (read through the schemas)', () => {
    for (const name of ['ex1-egfr-oligo-naive', 'ex2-egfr-oligo-osimertinib-ecog2']) {
      const output = exampleOutput(name);
      expect(isEngineOutput(output)).toBe(true);
      const copy = structuredClone(output);
      expect(isEngineOutput(copy)).toBe(false);
      const fields = { id: 'c-1', at: NOW, surface: 'cli' as const };
      expect(consultRow({ ...fields, output }, () => NOW)).toEqual(
        consultRow({ ...fields, output: copy }, () => NOW),
      );
    }
  });

  it('refuses a copy of an engine output whose case carries free text, and an output missing its facts', () => {
    const output = structuredClone(exampleOutput('ex1-egfr-oligo-naive'));
    (output.case as Record<string, unknown>).notes = 'Mr John Smith';
    expect(() => consultRow({ at: NOW, surface: 'cli', output }, () => NOW)).toThrow(/structured facts only/);
    const { verdict: _dropped, ...partial } = exampleOutput('ex1-egfr-oligo-naive');
    expect(() => consultRow({ at: NOW, surface: 'cli', output: partial as never }, () => NOW)).toThrow(
      /output: verdict/,
    );
  });
});
