// Brain-metastasis status: none, symptomatic, untreated-asymptomatic or treated-stable.
//
// Kept apart from the site reader because the status is read from the words around a brain item (its clause,
// a continuing clause or a bracket), not from the token pass, and because "no brain mets" and a negative brain MRI
// against a stated brain met is a conflict the board must see.
import type { Doc } from './doc.js';
import { clauseIndex, matchAll, polarity } from './doc.js';
import type { MetItem } from './extract-mets.js';
import type { Sink } from './sink.js';
import { T } from './vocabulary.js';

const BRAIN_SYMPTOMATIC_RE =
  /\b(?:symptomatic|seizures?|headaches?|neuro(?:logical)?\s+(?:deficits?|symptoms?)|hemipar\w*|haemipar\w*|weakness|confusion|mass\s+effect|midline\s+shift|raised\s+icp|on\s+(?:dex|dexamethasone|steroids)|(?:started|commenced|requiring|needs?|needing)\s+(?:on\s+)?(?:dex\w*|steroids)|dysphasi\w*|aphasi\w*|word[\s-]finding|ataxi\w*|papill?o?edema|papilloedema|vomiting|cognitive\s+(?:decline|impairment)|visual\s+(?:loss|disturbance|field\s+defect)|diplopia|focal\s+(?:deficits?|neurology|signs?)|cranial\s+nerve\s+palsy)\b/g;
// "new brain met after WBRT", "progression of brain mets after SRS": active disease, not treated-stable, whatever
// treatment came before; read close to the brain item only.
const BRAIN_ACTIVE_RE =
  /\b(?:new|progress\w*|growing|enlarging|increas\w*\s+in\s+size|recurren\w*|for\s+repeat|to\s+be\s+treated)\b/;
const SHORT_CLAUSE = 40;
// A treatment named, given or not: with "asymptomatic" alone it leaves the status unknown.
const BRAIN_TREATMENT_WORD_RE =
  /\b(?:srs|wbrt|gk|gamma\s?knife|radiosurgery|resect\w*|craniotomy|surgery|irradiat\w*|rt)\b/;
const BRAIN_ASYMPTOMATIC_RE = /\basymptomatic\b/g;
// "not irradiated", "treatment-naive brain mets": untreated stated as such.
const BRAIN_UNTREATED_RE =
  /\b(?:untreated|not\s+(?:yet\s+)?(?:treated|irradiated|resected)|never\s+(?:treated|irradiated)|(?:treatment|rt|radiation|radiotherapy|srs)[\s-]na[iï]ve|awaiting|pending|planned|plan\s+for|for\s+(?:srs|wbrt|sbrt|radiosurgery|gamma\s?knife)|to\s+have|needs?|requires?)\b/g;
// "1 brain met (SRS)", "(GK 2023)", "relapse (brain x1, SRS)", "SRS 2023", "prior WBRT": a treatment in a bracket of its own, with its date or
// said to be past is one given (the window may end at the bracket's close).
const BRAIN_TREATED_RE =
  /(?:\b(?:prior|previous(?:ly)?)\s+(?:srs|wbrt|gk|gamma\s?knife|radiosurgery|resection|craniotomy)\b|\b(?:srs|wbrt|gk|gamma\s?knife|radiosurgery|resection|craniotomy)\s+(?:in\s+)?(?:(?:19|20)\d\d|\[date\]|\d{1,2}\/\d{2,4})|\((?:srs|wbrt|gk|gamma\s?knife|radiosurgery|resected|resection|excised)(?:\s+(?:19|20)\d\d|\s+\d{1,2}\/\d{2,4}|\s+\[date\])?(?:\)|$)|,\s*(?:srs|wbrt|gk|gamma\s?knife|radiosurgery|resected|resection|excised)(?:\s+(?:19|20)\d\d|\s+\d{1,2}\/\d{2,4}|\s+\[date\])?\)|\bs\/p\b|\bstatus\s+post\b|\bpost[\s-]?(?:srs|wbrt|sbrt|rt|radiosurgery|op|surgery|resection|gamma\s?knife)\b|\bafter\s+(?:srs|wbrt|sbrt|radiosurgery|gamma\s?knife|surgery|resection|rt)\b|\btreated\b|\birradiated\b|\bresected\b|\bexcised\b|\b(?:had|received|completed)\s+(?:srs|wbrt|sbrt|radiosurgery|gamma\s?knife|surgery|resection)\b|\bsrs'?d\b|\b(?:srs|wbrt|sbrt|radiosurgery|gamma\s?knife|surgery|resection)\s+(?:done|completed|given)\b|\bstable\b|\bcontrolled\b|\bresponding\b|\bresponded\b|\bregressed\b|\bresolved\b)/g;
// "3 new brain mets treated with SRS": a treatment given to the lesions after the word "new" (not one planned, "to be
// treated"); "progression of brain mets treated with SRS" is of the treated ones, so only "new" gives way to it.
const BRAIN_GIVEN_RE =
  /(?<!\b(?:be|being|get|getting)\s)\b(?:treated|irradiated|resected|excised|srs'?d)\b|\((?:srs|wbrt|gk|gamma\s?knife|radiosurgery|resected|resection|excised)\b|\b(?:had|received|completed|underwent)\s+(?:srs|wbrt|radiosurgery|gamma\s?knife|surgery|resection)\b/;
// "5 brain mets treated with WBRT in 2023; now 2 new asymptomatic lesions": new lesions after the treatment.
const BRAIN_NEW_LATER_RE =
  /\bnew\s+(?:[a-z0-9-]+\s+){0,3}?(?:lesions?|mets?|metastas\w*|deposits?|foci|nodules?)\b/g;
// "brain met with ataxia, s/p SRS, now asymptomatic": the symptoms gone after the treatment.
const BRAIN_RESOLVED_LATER_RE =
  /\b(?:now|since|currently)\s+(?:asymptomatic|symptom[\s-]free|neurologically\s+(?:intact|well|normal))\b|\b(?:symptoms?|deficits?|neurology|ataxia|weakness|headaches?|seizures?)\s+(?:have\s+|has\s+)?(?:resolved|settled)\b/g;
// "MRI brain 12/03: no metastases", "Brain MRI 2 months ago negative": a date or an age of the scan may stand
// between the scan and its result (a date reaches the parser as "[DATE]", a month "03.2025" as itself); "(negative)", "-ve", "clean"; "no leptomeningeal disease, no metastases".
const SCAN_WHEN = String.raw`(?:\s+(?:\(?\[date\]\)?|\(?\d{1,2}[\/.]\d{1,2}(?:[\/.]\d{2,4})?\)?|\(?\d{1,2}[\/.-](?:19|20)\d\d\)?|\(?(?:19|20)\d\d\)?|\d{1,2}\s+(?:days?|weeks?|wks?|months?|mo|years?|yrs?)\s+ago|(?:last|this)\s+(?:week|month)))?`;
const NO_LMD_FIRST = String.raw`(?:no\s+(?:evidence\s+of\s+)?leptomeningeal\s+(?:disease|enhancement|spread|involvement)\s*(?:,|;|and|or)\s*)?`;
const BRAIN_NEG_IMAGING_RE = new RegExp(
  String.raw`\b(?:negative|normal|clear|clean|unremarkable)\s+(?:(?:mri|mr|ct)\s+(?:of\s+(?:the\s+)?)?(?:brain|head)|(?:brain|head)\s+(?:mri|mr|ct|imaging))\b|\b(?:(?:mri|mr|ct)\s+(?:of\s+(?:the\s+)?)?(?:brain|head)|(?:brain|head|cranial)(?:\s+(?:mri|mr|ct|imaging))?)${SCAN_WHEN}\s*[:=-]?\s*\(?\s*${NO_LMD_FIRST}(?:negative|neg\b|-?ve\b|clear|clean|normal|nad\b|unremarkable|no\s+(?:evidence\s+of\s+)?(?:mets|metastas[a-z]*|disease|lesions?|intracranial|brain))`,
  'g',
);

/** The first cue of `re` in the window (starting at `from`) that no other reader took and that is not negated. */
function firstCue(
  doc: Doc,
  sink: Sink,
  re: RegExp,
  window: string,
  from: number,
): { start: number; end: number } | undefined {
  re.lastIndex = 0;
  for (let m = re.exec(window); m !== null; m = re.exec(window)) {
    const s = from + m.index;
    const e = s + m[0].length;
    if (sink.isConsumed(s, e)) continue;
    if (polarity(doc, s, e) === 'neg') continue;
    return { start: s, end: e };
  }
  return undefined;
}

/** The first cue of `re` in the window after `after` that is not negated, whoever read it ("new lesions" is also a
 * progression, "now asymptomatic" also the brain's quiet cue). */
function cueAfter(
  doc: Doc,
  re: RegExp,
  window: string,
  from: number,
  after: number,
): { start: number; end: number } | undefined {
  re.lastIndex = Math.max(0, after - from);
  for (let m = re.exec(window); m !== null; m = re.exec(window)) {
    const s = from + m.index;
    const e = s + m[0].length;
    if (polarity(doc, s, e) !== 'neg') return { start: s, end: e };
  }
  return undefined;
}

function consumeLater(doc: Doc, sink: Sink, re: RegExp, window: string, from: number, after: number): void {
  re.lastIndex = Math.max(0, after - from);
  for (let m = re.exec(window); m !== null; m = re.exec(window)) {
    const s = from + m.index;
    const e = s + m[0].length;
    if (!sink.isConsumed(s, e) && polarity(doc, s, e) !== 'neg') sink.consume(s, e);
  }
}

/** Where a brain item's words end: its clause, the clauses that continue it and a bracket after it. */
function windowEnd(doc: Doc, ci: number, otherStarts: number[]): number {
  const clause = doc.clauses[ci] as (typeof doc.clauses)[number];
  let end = clause.end;
  // "brain mets, treated with SRS", "brain met, asymptomatic, for SRS": the next clauses (up to two)
  // continue while they name no other site; "brain mets x3 (asymptomatic, untreated)": so does a bracket;
  // "4 brain mets; neurologically asymptomatic; SRS planned": so does a short clause after a semicolon.
  for (let k = ci + 1; k <= ci + 2; k++) {
    const prev = doc.clauses[k - 1] as (typeof doc.clauses)[number];
    const next = doc.clauses[k];
    if (!next) break;
    const sep = doc.lower.slice(prev.end, next.start).trim();
    // "1 brain met (SRS), brain stable": into a bracket, and on past its close.
    const joined = sep === ',' || sep === '(' || sep === '),';
    if (!joined && !((sep === ';' || sep === ');') && next.end - next.start <= SHORT_CLAUSE)) break;
    if (otherStarts.some((s) => s >= next.start && s < next.end)) break;
    end = next.end;
  }
  if (doc.lower.charCodeAt(clause.end) === 40) {
    const close = doc.lower.indexOf(')', clause.end);
    if (close > 0 && close - clause.end <= 100) end = Math.max(end, close);
  }
  return end;
}

/** The words close to a brain item: up to the nearest ",;." on each side (24 characters before, 48 after). */
function nearItem(doc: Doc, item: MetItem): { from: number; text: string } {
  let nearFrom = Math.max(0, item.start - 24);
  for (let k = item.start - 1; k >= nearFrom; k--) {
    const c = doc.lower.charCodeAt(k);
    if (c === 59 || c === 46 || c === 44) {
      nearFrom = k + 1;
      break;
    }
  }
  let nearTo = Math.min(doc.lower.length, item.end + 48);
  for (let k = item.end; k < nearTo; k++) {
    const c = doc.lower.charCodeAt(k);
    if (c === 59 || c === 46 || c === 44) {
      nearTo = k;
      break;
    }
  }
  return { from: nearFrom, text: doc.lower.slice(nearFrom, nearTo) };
}

/** Active disease close to the item ("new brain met after WBRT"), unless the lesions called new were then treated
 * ("3 new brain mets treated with SRS", "2 new brain mets, resected"): the words after the item up to ";.", the
 * next other site or 48 characters. */
function activeNear(doc: Doc, item: MetItem, otherStarts: number[]): boolean {
  const near = nearItem(doc, item);
  const m = BRAIN_ACTIVE_RE.exec(near.text);
  if (!m) return false;
  if (m[0] !== 'new' || near.from + m.index >= item.end) return true;
  let to = Math.min(doc.lower.length, item.end + 48);
  for (const s of otherStarts) if (s >= item.end && s < to) to = s;
  for (let k = item.end; k < to; k++) {
    const c = doc.lower.charCodeAt(k);
    if (c === 59 || c === 46) to = k;
  }
  const after = doc.lower.slice(item.end, to);
  return !BRAIN_GIVEN_RE.test(after) || BRAIN_ACTIVE_RE.test(after);
}

/** New lesions named after the treatment, with no other site's item between ("brain mets treated with SRS;
 * now 2 new lesions"). */
function newAfterTreatment(
  doc: Doc,
  window: string,
  from: number,
  treated: { end: number },
  otherStarts: number[],
): { start: number; end: number } | undefined {
  const cue = cueAfter(doc, BRAIN_NEW_LATER_RE, window, from, treated.end);
  if (!cue || otherStarts.some((s) => s >= treated.end && s < cue.start)) return undefined;
  return cue;
}

function brainStatus(doc: Doc, sink: Sink, item: MetItem, otherStarts: number[]): string | undefined {
  const ci = clauseIndex(doc, item.start);
  if (ci < 0) return undefined;
  const clause = doc.clauses[ci];
  if (!clause) return undefined;
  let to = Math.min(windowEnd(doc, ci, otherStarts), item.end + 160);
  // "relapse (brain x1, SRS)": the bracket's close ends the treatment named last in it.
  if (doc.lower.charCodeAt(to) === 41) to++;
  const from = Math.max(clause.start, item.start - 160);
  const window = doc.lower.slice(from, to);
  const sym = firstCue(doc, sink, BRAIN_SYMPTOMATIC_RE, window, from);
  const untreated = firstCue(doc, sink, BRAIN_UNTREATED_RE, window, from);
  const treated = firstCue(doc, sink, BRAIN_TREATED_RE, window, from);
  // "asymptomatic" here describes the brain metastases, not the patient.
  const quiet = firstCue(doc, sink, BRAIN_ASYMPTOMATIC_RE, window, from);
  for (const hit of [sym, untreated, treated, quiet]) if (hit) sink.consume(hit.start, hit.end);
  // "brain: 1 met, SRS'd 2024, stable on last MRI": every later "stable" of the brain's phrase is the brain's too,
  // not a response to systemic therapy.
  if (treated) consumeLater(doc, sink, BRAIN_TREATED_RE, window, from, treated.end);
  const later =
    treated && !untreated ? newAfterTreatment(doc, window, from, treated, otherStarts) : undefined;
  // "brain met with ataxia, s/p SRS, now asymptomatic": symptoms before a treatment, gone after it.
  const resolved =
    sym && treated && treated.start > sym.start
      ? cueAfter(doc, BRAIN_RESOLVED_LATER_RE, window, from, treated.end)
      : undefined;
  const symptomatic = sym && !resolved ? sym : undefined;
  const active = !untreated && activeNear(doc, item, otherStarts);
  // "1 x 6 mm L occipital met, asymptomatic": asymptomatic and no treatment named is untreated-asymptomatic (the
  // status that keeps its warning), never treated-stable.
  const status = symptomatic
    ? 'symptomatic'
    : untreated || active || later
      ? 'untreated-asymptomatic'
      : treated
        ? 'treated-stable'
        : quiet && !BRAIN_TREATMENT_WORD_RE.test(window)
          ? 'untreated-asymptomatic'
          : undefined;
  const hit =
    symptomatic ??
    untreated ??
    later ??
    treated ??
    (active ? { start: item.start, end: item.end } : undefined) ??
    (status && quiet);
  if (status && hit) {
    sink.add('brain', status, Math.min(item.start, hit.start), Math.max(item.end, hit.end));
  }
  return status;
}

/** Brain: "no brain mets" = none; a stated brain met takes its status from its clause. */
export function emitBrain(
  doc: Doc,
  sink: Sink,
  items: readonly MetItem[],
  positives: readonly MetItem[],
): void {
  const brainNeg = items.filter((it) => it.site === 'brain' && it.metContext && it.negated);
  const brainPos = positives.filter((it) => it.site === 'brain');
  const otherStarts = positives.filter((it) => it.site !== 'brain').map((it) => it.start);
  const imagingNeg: { start: number; end: number }[] = [];
  for (const m of matchAll(doc, BRAIN_NEG_IMAGING_RE, T.brainImagingNegative)) {
    imagingNeg.push({ start: m.index, end: m.index + m[0].length });
  }
  const noneSpans = [...brainNeg, ...imagingNeg];
  if (brainPos.length > 0 && noneSpans.length > 0) {
    const statuses = brainPos.map((it) => brainStatus(doc, sink, it, otherStarts) ?? 'brain metastases');
    const spans = [...brainPos, ...noneSpans].map((s) => ({ start: s.start, end: s.end }));
    sink.conflict('brain', ['none', ...new Set(statuses)], spans);
    sink.candidates.splice(0, sink.candidates.length, ...sink.candidates.filter((c) => c.fact !== 'brain'));
  } else {
    for (const it of brainPos) brainStatus(doc, sink, it, otherStarts);
    for (const s of noneSpans) sink.add('brain', 'none', s.start, s.end);
  }
}
