// The N category from words (decision-spec §2, `stage.n`): a named nodal station next to a node word gives the
// N it implies (IASLC map: supraclavicular/scalene/contralateral N3; mediastinal and subcarinal N2; hilar and
// intrapulmonary N1); "node-negative", "no nodal disease" give N0. The highest N named wins, as in staging;
// a TNM string that says otherwise is a conflict, asked by the one conflict policy.
import type { Doc } from './doc.js';
import { clauseWindow, matchAll, mentionsAny, polarity } from './doc.js';
import type { Sink } from './sink.js';
import { EXTRACTOR_PATTERNS, T } from './vocabulary.js';

/** Station words and the N they imply, as data: the first matching row names the category. */
const STATIONS: readonly { re: RegExp; n: 'N1' | 'N2' | 'N3' }[] = [
  {
    re: /^(?:supra[\s-]?clav(?:icular)?|scf\b|scalene|(?:contra[\s-]?lateral|contralat\.?|contra|c\/l)\s+(?:mediastinal|hilar)|station\s+1[rl]?\b)/,
    n: 'N3',
  },
  {
    re: /^(?:sub[\s-]?carinal|(?:ipsilateral\s+)?mediastinal|para[\s-]?tracheal|pre[\s-]?tracheal|pre[\s-]?vascular|para[\s-]?o?esophageal|aorto[\s-]?pulmonary|ap\s+window|station\s+[2-9][rl]?\b|[2-9][rl]\b)/,
    n: 'N2',
  },
  {
    re: /^(?:(?:ipsilateral\s+)?hilar|interlobar|peri[\s-]?bronchial|intra[\s-]?pulmonary|station\s+1[0-4][rl]?\b|1[0-4][rl]\b)/,
    n: 'N1',
  },
];
const AREA_RE =
  /\b(?:supra[\s-]?clav(?:icular)?|scf|scalene|(?:contra[\s-]?lateral|contralat\.?|contra|c\/l)\s+(?:mediastinal|hilar)|sub[\s-]?carinal|(?:ipsilateral\s+)?mediastinal|para[\s-]?tracheal|pre[\s-]?tracheal|pre[\s-]?vascular|para[\s-]?o?esophageal|aorto[\s-]?pulmonary|ap\s+window|(?:ipsilateral\s+)?hilar|interlobar|peri[\s-]?bronchial|intra[\s-]?pulmonary|stations?\s+1?\d[rl]?|1?\d[rl])\b/g;
const N0_RE =
  /\bnode[\s-]?negative\b|\bno\s+(?:(?:mediastinal|hilar|regional|nodal)\s+(?:(?:or|and|nor)\s+|\/\s*)?)*(?:nodal\s+(?:disease|involvement|spread|metastas[a-z]*)|(?:lymph\s+)?nodes?|lymphadenopathy|adenopathy)\b/g;
// "… node, likely reactive", "subcarinal node 9 mm, not FDG avid": named, and called not involved (or probably
// not: the N is then left unknown, not read from it). "… node, likely involved", "…, suspicious", "…, equivocal":
// a hedged involvement is no N either (asked, not staged from a guess).
const NODES_CLEAR_RE =
  /^[\s,:(-]*(?:\d{1,2}[rl]?\s+(?:(?:lymph\s+)?nodes?|lns?)\b\s*)?(?:\(?\s*\d{1,2}(?:\.\d)?\s*(?:mm|cm)\s*(?:short[\s-]axis\s*)?\)?[\s,:-]*)?(?:(?:are|were|is|appears?|looks?)\s+)?(?:(?:most\s+likely|likely|probably|prob|possibly|possible|maybe|presumably|\?)\s*(?:involved|malignant|metastatic|positive|pathological|pathologic)\b|involvement\s+(?:likely|probable|possible|suspected|not\s+excluded)|suspicious\b|equivocal\b|indeterminate\b|(?:(?:likely|probably|prob|presumed|most\s+likely|favou?red|felt\s+to\s+be|thought\s+to\s+be|in\s+keeping\s+with|consistent\s+with|c\/w)\s+)?(?:negative|neg\b|-ve\b|clear|benign|reactive|uninvolved|not\s+(?:(?:fdg|pet)[\s-]?)?(?:involved|enlarged|avid)|non[\s-]?(?:(?:fdg|pet)[\s-]?)?avid|no\s+(?:fdg\s+)?(?:uptake|avidity)|normal))/;
// "PET-negative mediastinal nodes", "reactive hilar nodes": named, and not involved ("suspicious hilar nodes":
// perhaps involved, so no N either).
const NODES_CLEAR_BEFORE_RE =
  /\b(?:(?:pet|fdg)[\s-]?(?:negative|neg|-ve)|non[\s-]?(?:fdg[\s-]?)?avid|suspicious|equivocal|indeterminate|reactive|benign(?:[\s-]appearing)?|uninvolved|normal[\s-]sized)\s+(?:(?:subcentimet(?:re|er)|sub[\s-]?cm|small|enlarged|prominent)\s+)?(?:(?:left|right|l|r|lt|rt)\s+)?$/;
const RANK = { N0: 0, N1: 1, N2: 2, N3: 3 } as const;

function stationN(text: string): 'N1' | 'N2' | 'N3' | undefined {
  for (const row of STATIONS) if (row.re.test(text)) return row.n;
  return undefined;
}

/** Station words count only near a node word ("hilar mass" is the primary). */
const NODE_WORDS_RE = /\b(?:nodes?|nodal|lymph|lns?|lymphadenopathy|adenopathy|lad|stations?)\b/g;

/** Station words near one node word ("subcarinal and 4R nodes"): the scan stays around the few node words. */
function stationsNear(
  doc: Doc,
  at: number,
  atEnd: number,
  found: (n: 'N1' | 'N2' | 'N3', s: number, e: number) => void,
): void {
  const win = clauseWindow(doc, at, atEnd, 40);
  const text = doc.lower.slice(win.start, win.end);
  AREA_RE.lastIndex = 0;
  for (let m = AREA_RE.exec(text); m !== null; m = AREA_RE.exec(text)) {
    const n = stationN(m[0]);
    if (n) found(n, win.start + m.index, win.start + m.index + m[0].length);
  }
}

export function extractNodes(doc: Doc, sink: Sink): void {
  const { lower } = doc;
  if (!mentionsAny(doc, EXTRACTOR_PATTERNS.nodes)) return;
  let best: { n: keyof typeof RANK; start: number; end: number } | undefined;
  for (const w of matchAll(doc, NODE_WORDS_RE, T.nodeWord)) {
    // "mediastinal LN negative on EBUS": the nodes named are not involved.
    if (NODES_CLEAR_RE.test(lower.slice(w.index + w[0].length, w.index + w[0].length + 44))) continue;
    stationsNear(doc, w.index, w.index + w[0].length, (n, start, end) => {
      if (polarity(doc, start, end) !== 'pos') return;
      if (NODES_CLEAR_BEFORE_RE.test(lower.slice(Math.max(0, start - 40), start))) return;
      if (!best || RANK[n] > RANK[best.n]) best = { n, start, end };
    });
  }
  if (!best) {
    const m = matchAll(doc, N0_RE, T.nodeNegative)[0];
    if (m) best = { n: 'N0', start: m.index, end: m.index + m[0].length };
  }
  if (best) sink.add('stage.n', best.n, best.start, best.end);
}
