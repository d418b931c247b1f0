// "Case as understood": one human line per group of facts, so the asker can check what the engine read. Facts only:
// every value comes from the validated case (enum codes become words, numbers are formatted); the one free-form
// fact (the drug name) is cleaned of controls. Plain text: each surface escapes at its edge (Slack: mrkdwn).
import { type Case, karnofskyToEcog } from '../engine/index.js';
import { cleanInline, clip } from './text.js';

const HISTOLOGY: Record<string, string> = {
  adenocarcinoma: 'adenocarcinoma',
  squamous: 'squamous cell carcinoma',
  'large-cell': 'large-cell carcinoma',
  'nsclc-nos': 'NSCLC, not otherwise specified',
  sclc: 'small-cell lung cancer',
  other: 'other',
};

const EGFR_VARIANT: Record<string, string> = {
  ex19del: 'ex19del',
  L858R: 'L858R',
  exon20ins: 'exon 20 insertion',
  uncommon: 'uncommon mutation',
};

const SITE: Record<string, string> = {
  bone: 'bone',
  liver: 'liver',
  adrenal: 'adrenal',
  brain: 'brain',
  'contralateral-lung': 'contralateral lung',
  pleura: 'pleura',
  'distant-nodes': 'distant nodes',
  other: 'other',
};

const BURDEN: Record<string, string> = { oligo: 'oligometastatic', poly: 'polymetastatic' };

const SEROSAL: Record<string, string> = {
  'pleural-effusion': 'pleural effusion',
  'pericardial-effusion': 'pericardial effusion',
  leptomeningeal: 'leptomeningeal disease',
  unspecified: 'present (kind not stated)',
};

const BRAIN: Record<string, string> = {
  none: 'none',
  'treated-stable': 'treated, stable',
  'untreated-asymptomatic': 'untreated, asymptomatic',
  symptomatic: 'symptomatic',
};

const REGIMEN: Record<string, string> = {
  'egfr-tki': 'EGFR TKI',
  'other-tki': 'TKI',
  chemo: 'chemotherapy',
  'chemo-io': 'chemo-immunotherapy',
  io: 'immunotherapy',
};

const PROGRESSION: Record<string, string> = {
  none: 'none',
  oligoprogression: 'oligoprogression',
  polyprogression: 'polyprogression',
};

const SYMPTOM: Record<string, string> = {
  hemoptysis: 'haemoptysis',
  'airway-obstruction': 'airway obstruction',
  'chest-pain': 'chest pain',
  'svc-syndrome': 'SVC syndrome',
  cough: 'cough',
  dyspnea: 'dyspnoea',
};

const STAGING: Record<string, string> = { done: 'done', 'not-done': 'not done' };

/** The word for a code; an unknown code is shown cleaned and escaped, never raw. */
function word(map: Record<string, string>, code: unknown): string {
  const known = typeof code === 'string' ? map[code] : undefined;
  return known ?? clip(String(code), 40);
}

function num(n: unknown): string | undefined {
  return typeof n === 'number' && Number.isFinite(n) ? String(n) : undefined;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function list(values: unknown, map: Record<string, string>): string[] {
  return Array.isArray(values) ? values.map((v) => word(map, v)) : [];
}

function stageLine(stage: Case['stage']): string | undefined {
  if (!stage) return undefined;
  const tnm = [stage.t, stage.n, stage.m].filter((x): x is string => typeof x === 'string').join('');
  const group = typeof stage.group === 'string' ? clip(stage.group, 10) : undefined;
  if (!tnm) return group ? `Stage ${group}` : undefined;
  const edition = stage.edition === 8 ? ' (8th ed.)' : stage.edition === 9 ? ' (9th ed.)' : '';
  const line = `Stage: c${clip(tnm, 20)}${edition}`;
  return group ? `${line}, stage ${group}` : line;
}

function driverLine(c: Case): string | undefined {
  const negative = c.negativeFor?.length ? `negative for ${c.negativeFor.join(', ')}` : '';
  if (c.driver === undefined && c.egfrVariant === undefined)
    return negative ? `Driver: ${negative}` : undefined;
  if (c.driver === 'none') return 'Driver: none (no targetable driver)';
  const gene = c.driver === undefined ? 'EGFR' : word({}, c.driver);
  const variant = c.egfrVariant === undefined ? '' : ` ${word(EGFR_VARIANT, c.egfrVariant)}`;
  return `Driver: ${gene}${variant}${negative ? `; ${negative}` : ''}`;
}

function metastasesLine(m: Case['metastases']): string | undefined {
  if (!m) return undefined;
  const count = num(m.count);
  const organs = num(m.organs);
  const parts: string[] = [];
  if (count !== undefined && m.count !== undefined) parts.push(plural(m.count, 'lesion'));
  if (organs !== undefined && m.organs !== undefined) {
    parts.push(`${parts.length > 0 ? 'in ' : ''}${plural(m.organs, 'organ')}`);
  }
  let line = parts.join(' ');
  const sites = list(m.sites, SITE);
  if (sites.length > 0) line = line ? `${line} (${sites.join(', ')})` : sites.join(', ');
  if (m.burden !== undefined) {
    const burden = word(BURDEN, m.burden);
    line = line ? `${line}; ${burden}` : burden;
  }
  return line ? `Metastases: ${line}` : undefined;
}

function performanceLine(c: Case): string | undefined {
  const ecog = num(c.ecog);
  const kps = num(c.karnofsky);
  if (ecog !== undefined && kps !== undefined) return `ECOG ${ecog} (Karnofsky ${kps})`;
  if (ecog !== undefined) return `ECOG ${ecog}`;
  if (kps !== undefined && c.karnofsky !== undefined) {
    return `Karnofsky ${kps} (≈ ECOG ${karnofskyToEcog(c.karnofsky)})`;
  }
  return undefined;
}

function therapyLine(t: Case['therapy']): string | undefined {
  if (!t) return undefined;
  const agentText = typeof t.agent === 'string' ? cleanInline(t.agent) : '';
  const agent = agentText ? clip(agentText, 80) : undefined;
  const regimen = t.regimen === undefined ? undefined : word(REGIMEN, t.regimen);
  const what = agent && regimen ? `${agent} (${regimen})` : (agent ?? regimen);

  const duration: string[] = [];
  const months = num(t.months);
  const weeks = num(t.weeks);
  const cycles = num(t.cycles);
  if (months !== undefined && t.months !== undefined) duration.push(plural(t.months, 'month'));
  if (weeks !== undefined && t.weeks !== undefined) duration.push(plural(t.weeks, 'week'));
  if (cycles !== undefined && t.cycles !== undefined) duration.push(plural(t.cycles, 'cycle'));

  let line: string;
  if (t.status === 'naive') {
    line = what ? `treatment-naive, planned ${what}` : 'treatment-naive';
  } else if (t.status === 'on-treatment') {
    line = `on ${what ?? 'systemic therapy'}`;
    if (duration.length > 0) line += ` for ${duration.join(', ')}`;
  } else if (t.status === 'off-treatment') {
    line = `stopped ${what ?? 'systemic therapy'}`;
    if (duration.length > 0) line += ` after ${duration.join(', ')}`;
  } else {
    line = what ?? 'systemic therapy, status not stated';
    if (duration.length > 0) line += `, ${duration.join(', ')}`;
  }
  if (t.response !== undefined) line += `, ${word({ CR: 'CR', PR: 'PR', SD: 'SD', PD: 'PD' }, t.response)}`;
  return `Therapy: ${line}`;
}

function progressionLine(p: Case['progression']): string | undefined {
  if (!p) return undefined;
  const parts: string[] = [];
  if (p.pattern !== undefined) {
    const sites = num(p.sites);
    parts.push(
      word(PROGRESSION, p.pattern) +
        (sites !== undefined && p.sites !== undefined ? ` (${plural(p.sites, 'site')})` : ''),
    );
  } else if (p.sites !== undefined) {
    parts.push(plural(p.sites, 'progressing site'));
  }
  if (p.primaryProgressing === true) parts.push('primary progressing');
  if (p.primaryProgressing === false) parts.push('primary not progressing');
  return parts.length > 0 ? `Progression: ${parts.join(', ')}` : undefined;
}

function primaryLine(p: Case['primary']): string | undefined {
  if (!p) return undefined;
  const parts: string[] = [];
  if (p.location !== undefined) parts.push(word({}, p.location));
  const size = num(p.sizeCm);
  if (size !== undefined) parts.push(`${size} cm`);
  if (p.lobe !== undefined) parts.push(word({}, p.lobe));
  if (p.endobronchial === true) parts.push('endobronchial');
  if (p.endobronchial === false) parts.push('not endobronchial');
  return parts.length > 0 ? `Primary: ${parts.join(', ')}` : undefined;
}

function lungLine(l: Case['lung']): string | undefined {
  if (!l) return undefined;
  const parts: string[] = [];
  if (l.ild !== undefined) parts.push(word({ none: 'no ILD', ild: 'ILD', ipf: 'IPF' }, l.ild));
  if (l.priorThoracicRt === true) parts.push('prior thoracic RT');
  if (l.priorThoracicRt === false) parts.push('no prior thoracic RT');
  if (l.poorFunction === true) parts.push('poor lung function');
  if (l.poorFunction === false) parts.push('adequate lung function');
  return parts.length > 0 ? `Lung: ${parts.join(', ')}` : undefined;
}

function stagingLine(s: Case['staging']): string | undefined {
  if (!s) return undefined;
  const parts: string[] = [];
  if (s.petCt !== undefined) parts.push(`PET-CT ${word(STAGING, s.petCt)}`);
  if (s.brainMri !== undefined) parts.push(`brain MRI ${word(STAGING, s.brainMri)}`);
  return parts.length > 0 ? `Staging: ${parts.join(', ')}` : undefined;
}

/** Human one-liners for the facts the engine understood, in a fixed order; plain text, not escaped. */
export function caseLines(c: Case): string[] {
  const lines: (string | undefined)[] = [];
  if (c.primarySite !== undefined) {
    lines.push(`Primary site: ${word({ lung: 'lung', 'non-lung': 'not lung' }, c.primarySite)}`);
  }
  if (c.histology !== undefined) lines.push(`Histology: ${word(HISTOLOGY, c.histology)}`);
  lines.push(stageLine(c.stage));
  lines.push(driverLine(c));
  const pdl1 = num(c.pdl1);
  if (pdl1 !== undefined) lines.push(`PD-L1 TPS ${pdl1}%`);
  lines.push(metastasesLine(c.metastases));
  if (Array.isArray(c.serosalDisease)) {
    const kinds = list(c.serosalDisease, SEROSAL);
    lines.push(`Serosal disease: ${kinds.length > 0 ? kinds.join(', ') : 'none'}`);
  }
  if (c.brain !== undefined) lines.push(`Brain metastases: ${word(BRAIN, c.brain)}`);
  lines.push(performanceLine(c));
  lines.push(therapyLine(c.therapy));
  lines.push(progressionLine(c.progression));
  lines.push(primaryLine(c.primary));
  if (Array.isArray(c.symptoms)) {
    const symptoms = list(c.symptoms, SYMPTOM);
    lines.push(`Symptoms: ${symptoms.length > 0 ? symptoms.join(', ') : 'none'}`);
  }
  lines.push(lungLine(c.lung));
  lines.push(stagingLine(c.staging));
  const le = num(c.lifeExpectancyMonths);
  if (le !== undefined && c.lifeExpectancyMonths !== undefined) {
    lines.push(`Life expectancy: ${plural(c.lifeExpectancyMonths, 'month')}`);
  }
  return lines.filter((l): l is string => l !== undefined);
}
