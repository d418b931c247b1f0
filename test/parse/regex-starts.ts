// How a match of a regex can begin: every prefix (up to `limit` characters) of every string the regex can match,
// read from its source. Lookarounds and \b are zero-width and skipped, so the set is a superset of the real one,
// which is what a coverage check needs: a trigger list that covers this set covers every real match.
// Supports the syntax the parser's patterns use (groups, classes, escapes, quantifiers, alternation).

/** Any character of a large class ("[a-z]", "\w", "."): a prefix ends at it. */
export const ANY = '\u0002';
/** A digit of "\d" (literal digits stay themselves). */
export const DIGIT = '\u0001';
/** One of the prefix's start marks: the match begins right after a boundary ("\b", "(?<![a-z0-9])"). */
export const BOUNDED = '\u0003';
const CLOSED = '\u0004';

type Node =
  | { t: 'alt'; alts: Node[][] }
  | { t: 'set'; chars: string[] }
  | { t: 'zero'; boundary: boolean }
  | { t: 'rep'; node: Node; min: number; max: number };

const SPACE = [' ', '\n'];

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  peek(): string {
    return this.s[this.i] ?? '';
  }
  next(): string {
    return this.s[this.i++] ?? '';
  }
}

function escapeSet(c: string): string[] {
  if (c === 'd') return [DIGIT];
  if (c === 's') return SPACE;
  if (c === 'w' || c === 'W' || c === 'S' || c === 'D') return [ANY];
  if (c === 'n') return ['\n'];
  if (c === 'r') return ['\r'];
  if (c === 't') return ['\t'];
  return [c];
}

function parseClass(r: Reader): string[] {
  const negated = r.peek() === '^';
  if (negated) r.next();
  const out = new Set<string>();
  let first = true;
  while (r.peek() !== ']' || first) {
    first = false;
    let c = r.next();
    if (c === '\\') {
      for (const x of escapeSet(r.next())) out.add(x);
      continue;
    }
    if (r.peek() === '-' && r.s[r.i + 1] !== ']') {
      r.next();
      let to = r.next();
      if (to === '\\') to = r.next();
      const span = to.charCodeAt(0) - c.charCodeAt(0);
      if (span > 12) out.add(ANY);
      else for (let k = 0; k <= span; k++) out.add(String.fromCharCode(c.charCodeAt(0) + k));
      c = '';
      continue;
    }
    out.add(c);
  }
  r.next();
  if (negated || out.size > 12) return [ANY];
  return [...out].map((c) => (c >= '0' && c <= '9' && out.size >= 10 ? DIGIT : c));
}

function parseAlt(r: Reader): Node {
  const alts: Node[][] = [[]];
  while (r.i < r.s.length && r.peek() !== ')') {
    const c = r.peek();
    if (c === '|') {
      r.next();
      alts.push([]);
      continue;
    }
    const atom = parseAtom(r);
    (alts[alts.length - 1] as Node[]).push(parseQuantifier(r, atom));
  }
  return { t: 'alt', alts };
}

function parseGroup(r: Reader): Node {
  if (r.peek() === '?') {
    r.next();
    const kind = r.next();
    if (kind === ':') {
      const inner = parseAlt(r);
      r.next();
      return inner;
    }
    // Lookaround: (?= (?! (?<= (?<!
    let boundary = false;
    if (kind === '<') {
      const sign = r.next();
      const start = r.i;
      parseAlt(r);
      boundary = sign === '!' && /a-z/.test(r.s.slice(start, r.i));
    } else parseAlt(r);
    r.next();
    return { t: 'zero', boundary };
  }
  const inner = parseAlt(r);
  r.next();
  return inner;
}

function parseAtom(r: Reader): Node {
  const c = r.next();
  if (c === '(') return parseGroup(r);
  if (c === '[') return { t: 'set', chars: parseClass(r) };
  if (c === '.') return { t: 'set', chars: [ANY] };
  if (c === '^' || c === '$') return { t: 'zero', boundary: false };
  if (c === '\\') {
    const e = r.next();
    if (e === 'b') return { t: 'zero', boundary: true };
    if (e === 'B') return { t: 'zero', boundary: false };
    return { t: 'set', chars: escapeSet(e) };
  }
  return { t: 'set', chars: [c] };
}

function parseQuantifier(r: Reader, node: Node): Node {
  const c = r.peek();
  let min = 1;
  let max = 1;
  if (c === '?') [min, max] = [0, 1];
  else if (c === '*') [min, max] = [0, 99];
  else if (c === '+') [min, max] = [1, 99];
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(r.s.slice(r.i));
    if (!m) return node;
    min = Number(m[1]);
    max = m[2] === undefined ? min : m[3] ? Number(m[3]) : 99;
    r.i += m[0].length - 1;
  } else return node;
  r.next();
  if (r.peek() === '?') r.next();
  return { t: 'rep', node, min, max };
}

/** Extend every open path by the node; a path is closed at `limit` characters or at ANY. */
function extend(paths: Set<string>, node: Node, limit: number, cap: number): Set<string> {
  const out = new Set<string>();
  const add = (p: string) => {
    if (out.size > cap) throw new Error('regex-starts: too many prefixes');
    out.add(p);
  };
  for (const p of paths) {
    if (p.endsWith(CLOSED)) {
      add(p);
      continue;
    }
    if (node.t === 'zero') {
      // A boundary before any character marks the start as bounded.
      add(node.boundary && p === '' ? BOUNDED : p);
    } else if (node.t === 'set') {
      for (const ch of node.chars) {
        const q = p + ch;
        const len = q.replace(BOUNDED, '').length;
        add(ch === ANY || len >= limit ? q + CLOSED : q);
      }
    } else if (node.t === 'alt') {
      for (const seq of node.alts) {
        let cur = new Set([p]);
        for (const n of seq) cur = extend(cur, n, limit, cap);
        for (const q of cur) add(q);
      }
    } else {
      let cur = new Set([p]);
      for (let k = 0; k < node.min; k++) cur = extend(cur, node.node, limit, cap);
      for (const q of cur) add(q);
      for (let k = node.min; k < Math.min(node.max, limit); k++) {
        const open = new Set([...cur].filter((q) => !q.endsWith(CLOSED)));
        if (open.size === 0) break;
        cur = extend(open, node.node, limit, cap);
        for (const q of cur) add(q);
      }
    }
  }
  return out;
}

/** Every way a match can start: strings of at most `limit` characters (marks: BOUNDED, DIGIT, ANY). */
export function matchStarts(re: RegExp, limit = 8, cap = 200_000): string[] {
  const root = parseAlt(new Reader(re.source));
  return [...extend(new Set(['']), root, limit, cap)].map((p) => p.replace(CLOSED, ''));
}

function isAlnum(ch: string): boolean {
  return /^[a-z0-9]$/.test(ch);
}

/**
 * Whether a match starting as `start` begins at a token the triggers name: a bounded letter or digit start whose
 * letters begin with a trigger (or are the whole word of an "r$" trigger), a digit start under the "#" trigger,
 * or a punctuation start equal to a trigger.
 */
export function covered(start: string, triggers: readonly string[]): boolean {
  const bounded = start.startsWith(BOUNDED);
  const s = bounded ? start.slice(1) : start;
  const first = s[0] ?? '';
  if (first === '') return false;
  if ((first === DIGIT || /[0-9]/.test(first)) && triggers.includes('#')) return true;
  if (first === DIGIT || first === ANY) return false;
  if (!isAlnum(first)) return triggers.includes(first);
  if (!bounded) return false;
  return triggers.some((t) => {
    if (t === '#') return false;
    if (!(t.length > 1 && t.endsWith('$'))) return s.startsWith(t);
    // A whole-word trigger: the match must go on with a character that ends the word.
    const word = t.slice(0, -1);
    const after = s[word.length];
    return s.startsWith(word) && after !== undefined && !isAlnum(after) && after !== DIGIT && after !== ANY;
  });
}
