// Checks that every engine answer must satisfy, whatever the case (decision-spec §3–§6 and the lead's
// decisions). `checkOutput` needs only the output; `checkFlagsAgainstFacts` relates flags to the input facts.
import { expect } from 'vitest';
import { type FlagCode, type Output, OutputSchema, RULESET, type Severity } from '../../src/engine/index.js';
import {
  type CaseJson,
  effectiveEcog,
  hasDose,
  isEgfrCommon,
  isTargetable,
  nodePositive,
  PALLIATIVE_SCHEDULES,
  PALLIATIVE_SYMPTOMS,
  serosalPresent,
} from './support.js';

/** Severities fixed by decision-spec §5 (two codes allow two severities, chosen by the facts). */
export const SEVERITY_BY_CODE: Record<FlagCode, readonly Severity[]> = {
  'ps-poor': ['critical'],
  'limited-life-expectancy': ['critical'],
  'ps-borderline': ['warning'],
  ild: ['critical'],
  'prior-thoracic-rt': ['warning'],
  'serosal-disease': ['warning'],
  'brain-mets-untreated': ['warning', 'critical'],
  'staging-incomplete': ['warning', 'info'],
  'panel-incomplete': ['info'],
  'ps-conflict': ['info'],
  'tki-pneumonitis': ['warning'],
  'immunotherapy-pneumonitis': ['warning'],
  central: ['info'],
  ultracentral: ['warning'],
  'palliative-indication': ['info'],
  'uncommon-egfr': ['info'],
  'trial-preferred': ['info'],
  'ps-unknown': ['info'],
  'ps-converted': ['info'],
};

export function checkOutput(out: Output): void {
  const parsed = OutputSchema.safeParse(out);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);

  expect(out.rulesetVersion).toBe('2026.2.0');
  expect(out.rulesetVersion).toBe(RULESET.version);
  expect(out.summary.length).toBeGreaterThan(0);
  expect(out.summary.length).toBeLessThanOrEqual(140);

  // One flag per code, each with the severity of §5.
  const codes = out.flags.map((f) => f.code);
  expect(new Set(codes).size, `duplicate flag codes: ${codes.join(', ')}`).toBe(codes.length);
  for (const f of out.flags) {
    expect(SEVERITY_BY_CODE[f.code], `severity of ${f.code}`).toContain(f.severity);
    expect(f.citations.length).toBeGreaterThan(0);
  }

  // Citations: every id used resolves, every source is checkable.
  const known = new Set(out.citations.map((c) => c.id));
  const used = [
    ...out.flags.flatMap((f) => f.citations),
    ...out.statements.flatMap((s) => s.citations),
    ...out.doseOptions.flatMap((d) => d.citations),
  ];
  for (const id of used) expect(known, `citation ${id} must resolve`).toContain(id);
  for (const c of out.citations) {
    expect(Boolean(c.pmid || c.doi || c.url), `citation ${c.id} needs pmid, doi or url`).toBe(true);
  }
  for (const s of out.statements) expect(s.citations.length).toBeGreaterThan(0);
  // §6: an answer never shows a reference that none of its statements, flags or dose options cites.
  for (const c of out.citations) expect(used, `citation ${c.id} is shown but not cited`).toContain(c.id);
  // §6: a statement resting on the unread IASLC paper says so in its own text.
  for (const s of out.statements)
    if (s.citations.includes('iaslc-2026'))
      expect(s.text).toContain('as the consensus is described in the commentary');

  // decidedBy: a verdict rule first, then only modifiers (decision-spec §3, issue 11).
  const kinds = new Map(RULESET.rules.map((r) => [r.id, r.kind]));
  expect(kinds.get(out.decidedBy[0] ?? ''), `decidedBy ${out.decidedBy.join(',')}`).toBe('verdict');
  for (const id of out.decidedBy.slice(1)) expect(kinds.get(id), `decidedBy ${id}`).toBe('modifier');
  if (out.decidedBy.length === 1 && out.verdict !== 'insufficient-information') {
    const rule = RULESET.rules.find((r) => r.id === out.decidedBy[0]);
    if (rule?.kind === 'verdict' && rule.id !== 'critical-facts')
      expect(out.verdict).toBe(rule.outcome.verdict);
  }

  // §5: safety flags about RT with systemic therapy only when thoracic RT is on the table; a trial only on consider.
  const onTable =
    out.verdict === 'recommended' ||
    out.verdict === 'consider' ||
    (out.verdict === 'not-recommended' && codes.includes('palliative-indication'));
  if (!onTable) {
    expect(codes).not.toContain('tki-pneumonitis');
    expect(codes).not.toContain('immunotherapy-pneumonitis');
  }
  if (out.verdict !== 'consider') expect(codes).not.toContain('trial-preferred');
  for (const d of out.doseOptions) expect(d.citations.length).toBeGreaterThan(0);

  const palliative = codes.includes('palliative-indication');
  switch (out.verdict) {
    case 'recommended':
      expect(out.evidence).toBe('phase-3-rct');
      expect(['after-induction', 'now-as-consolidation']).toContain(out.timing);
      expect(out.doseOptions.length).toBeGreaterThanOrEqual(1);
      expect(out.doseOptions.length).toBeLessThanOrEqual(3);
      break;
    case 'consider':
      expect(out.evidence).not.toBeNull();
      expect(out.timing).not.toBe('none');
      // §6: no standard schedule after prior thoracic RT; otherwise at least one eligible option.
      // With ILD no SBRT of ≤8 fractions is offered, so SBRT to progressing sites may leave nothing.
      if (codes.includes('prior-thoracic-rt')) expect(out.doseOptions).toEqual([]);
      else if (!codes.includes('ild')) expect(out.doseOptions.length).toBeGreaterThanOrEqual(1);
      expect(out.doseOptions.length).toBeLessThanOrEqual(3);
      break;
    case 'not-recommended':
      expect(out.timing).toBe('none');
      expect(out.evidence).toBe('consensus');
      if (palliative && !codes.includes('prior-thoracic-rt')) {
        expect(
          PALLIATIVE_SCHEDULES.some(([gy, fx]) => hasDose(out, gy, fx)),
          'palliative schedule offered',
        ).toBe(true);
        expect(out.summary).toMatch(/palliat/i);
      } else if (!palliative) {
        expect(out.doseOptions).toEqual([]);
      }
      break;
    case 'insufficient-information':
      expect(out.timing).toBe('none');
      expect(out.evidence).toBeNull();
      expect(out.missing.length).toBeGreaterThan(0);
      expect(out.whatIf.length).toBeGreaterThan(0);
      break;
    case 'not-applicable':
      expect(out.timing).toBe('none');
      expect(out.evidence).toBeNull();
      break;
  }

  // Dose safety (HILUS, SUNSET): never 7 Gy x 8 for an ultracentral primary.
  if (codes.includes('ultracentral'))
    expect(hasDose(out, 56, 8), '56 Gy / 8 fx for ultracentral').toBe(false);
}

/** Relates the flags (and dose options) to the facts of the input (decision-spec §5, lead's decisions). */
export function checkFlagsAgainstFacts(c: CaseJson, out: Output): void {
  if (out.verdict === 'not-applicable') return; // flags of out-of-scope answers are not specified
  const codes = new Set(out.flags.map((f) => f.code));
  const has = (code: FlagCode, expected: boolean, why: string) =>
    expect(codes.has(code), `${code} ${expected ? 'expected' : 'not expected'}: ${why}`).toBe(expected);
  const severity = (code: FlagCode) => out.flags.find((f) => f.code === code)?.severity;

  const ecog = effectiveEcog(c);
  has('ps-poor', ecog !== undefined && ecog >= 3, `ECOG ${ecog}`);
  has('ps-borderline', ecog === 2, `ECOG ${ecog}`);
  has('ps-unknown', c.ecog === undefined && c.karnofsky === undefined, 'neither ECOG nor KPS');
  has('ps-converted', c.ecog === undefined && c.karnofsky !== undefined, 'ECOG from KPS');
  const le = c.lifeExpectancyMonths;
  has('limited-life-expectancy', le !== undefined && le < 6, `life expectancy ${le}`);
  has('ild', c.lung?.ild === 'ild' || c.lung?.ild === 'ipf', `lung.ild ${c.lung?.ild}`);
  has('prior-thoracic-rt', c.lung?.priorThoracicRt === true, 'prior thoracic RT');
  has('serosal-disease', serosalPresent(c), 'serosal disease');

  const untreatedBrain = c.brain === 'untreated-asymptomatic' || c.brain === 'symptomatic';
  has('brain-mets-untreated', untreatedBrain, `brain ${c.brain}`);
  if (untreatedBrain)
    expect(severity('brain-mets-untreated')).toBe(c.brain === 'symptomatic' ? 'critical' : 'warning');

  const pet = c.staging?.petCt;
  const mri = c.staging?.brainMri;
  const bothDone = pet === 'done' && mri === 'done';
  has('staging-incomplete', !bothDone, `PET ${pet}, MRI ${mri}`);
  if (!bothDone) {
    expect(severity('staging-incomplete')).toBe(
      pet === 'not-done' || mri === 'not-done' ? 'warning' : 'info',
    );
  }

  const status = c.therapy?.status;
  const regimen = c.therapy?.regimen;
  // §2: a partial panel with EGFR negative and nothing positive is driver none, flagged panel-incomplete.
  const negativeFor = c.negativeFor ?? [];
  const panelEgfrNegative = negativeFor.includes('EGFR');
  has(
    'panel-incomplete',
    c.driver === undefined && panelEgfrNegative && negativeFor.length < 9,
    `driver ${c.driver}, negative for ${negativeFor.join('/')}`,
  );
  const kps = c.karnofsky;
  const maEcog =
    kps === undefined ? undefined : kps >= 100 ? 0 : kps >= 80 ? 1 : kps >= 60 ? 2 : kps >= 40 ? 3 : 4;
  has(
    'ps-conflict',
    c.ecog !== undefined && maEcog !== undefined && c.ecog !== maEcog,
    `ECOG ${c.ecog}, KPS ${kps}`,
  );
  const tki =
    ((regimen === 'egfr-tki' || regimen === 'other-tki') && status !== 'off-treatment') ||
    (regimen === undefined && isTargetable(c) && status !== 'off-treatment');
  // §5: only when thoracic RT is on the table.
  const onTable =
    out.verdict === 'recommended' ||
    out.verdict === 'consider' ||
    (out.verdict === 'not-recommended' && codes.has('palliative-indication'));
  has('tki-pneumonitis', tki && onTable, `regimen ${regimen}, status ${status}, driver ${c.driver}`);
  // A stated checkpoint inhibitor, or (driver-negative, regimen not stated, naive or status unknown) a planned one.
  const plannedIo =
    regimen === undefined &&
    (status === undefined || status === 'naive') &&
    (c.driver === 'none' || c.driver === 'KRAS' || (c.driver === undefined && panelEgfrNegative));
  has(
    'immunotherapy-pneumonitis',
    onTable && (((regimen === 'io' || regimen === 'chemo-io') && status !== 'off-treatment') || plannedIo),
    `regimen ${regimen}, status ${status}, driver ${c.driver}`,
  );

  const location = c.primary?.location;
  const endobronchial = c.primary?.endobronchial === true;
  has('ultracentral', location === 'ultracentral' || endobronchial, `location ${location}, endobronchial`);
  if (location === 'central' && !endobronchial) has('central', true, 'central primary');
  if (location === undefined || location === 'peripheral') has('central', false, `location ${location}`);

  const symptoms = c.symptoms ?? [];
  has(
    'palliative-indication',
    symptoms.some((s) => (PALLIATIVE_SYMPTOMS as readonly string[]).includes(s)),
    `symptoms ${symptoms.join(',')}`,
  );
  has(
    'uncommon-egfr',
    c.driver === 'EGFR' && (c.egfrVariant === 'exon20ins' || c.egfrVariant === 'uncommon'),
    `EGFR variant ${c.egfrVariant}`,
  );

  // Dose options (decision-spec §6).
  if (endobronchial) {
    expect(hasDose(out, 56, 8), '7 Gy x 8 with endobronchial invasion').toBe(false);
    expect(hasDose(out, 60, 8), '60 Gy / 8 fx with endobronchial invasion (SUNSET excluded it)').toBe(false);
  }
  if (location === 'ultracentral') expect(hasDose(out, 56, 8), '7 Gy x 8 for ultracentral').toBe(false);
  checkDoseSafety(c, out);
  if (
    c.lung?.priorThoracicRt !== true &&
    isEgfrCommon(c) &&
    (out.verdict === 'recommended' || out.verdict === 'consider') &&
    out.timing !== 'at-oligoprogression' &&
    (nodePositive(c) || (c.primary?.sizeCm ?? 0) > 5 || location === 'central' || location === 'ultracentral')
  ) {
    expect(
      hasDose(out, 60, 30),
      '60 Gy / 30 fx for EGFR with nodes or a large or central primary (NROG-002)',
    ).toBe(true);
  }
}

/** Definitive or oligoprogression options (not the palliative courses of ASTRO 2011). */
function nonPalliative(out: Output) {
  return out.doseOptions.filter(
    (d) => !PALLIATIVE_SCHEDULES.some(([gy, fx]) => d.totalGy === gy && d.fractions === fx),
  );
}

/** decision-spec §6 dose eligibility, as invariants (issue 11). */
export function checkDoseSafety(c: CaseJson, out: Output): void {
  const location = c.primary?.location;
  const size = c.primary?.sizeCm;
  const fx = nonPalliative(out).map((d) => `${d.schedule} (${d.fractions} fx)`);
  // SBRT to progressing metastases does not treat the primary when the primary is stated not to progress, or
  // when the option states that it assumes so (decision-spec §6: an unknown fact may be assumed, said aloud).
  const primaryControlled = c.progression?.primaryProgressing === false;
  const spared = (d: Output['doseOptions'][number]) =>
    d.id.startsWith('opd-') &&
    (primaryControlled ||
      (c.progression?.primaryProgressing === undefined &&
        (d.assumes ?? []).some((a) =>
          /primary is not a progressing site outside SBRT’s location rules/.test(a),
        )));
  const few = (n: number) => nonPalliative(out).filter((d) => d.fractions <= n && !spared(d));
  if (c.primary?.endobronchial === true || (location === 'ultracentral' && nodePositive(c)))
    expect(few(8), `≤8 fractions for an endobronchial or node-positive ultracentral primary: ${fx}`).toEqual(
      [],
    );
  if (location === 'central' && size !== undefined && size > 5)
    expect(few(5), `≤5-fraction SBRT for a central primary >5 cm: ${fx}`).toEqual([]);
  if (c.lung?.ild === 'ild' || c.lung?.ild === 'ipf')
    expect(few(8), `SBRT of ≤8 fractions with ILD/IPF: ${fx}`).toEqual([]);
  if (c.lung?.priorThoracicRt === true)
    expect(out.doseOptions, 'no standard schedule after prior thoracic RT').toEqual([]);
  expect(hasDose(out, 60, 15), '60 Gy / 15 has no allowed source').toBe(false);
}
