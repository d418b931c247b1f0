// Compiles a validated ruleset once: every condition becomes a closure, ids become maps. The engine runs
// only compiled knowledge, so a test can compile a changed ruleset and run the same engine over it.
import { FACT_INDEX, type FactName } from './facts.js';
import { type Blamer, type Compiled, compile, compileBlame, factsOf } from './knowledge/conditions.js';
import { DOSE_SETTINGS, type DoseOptionDef } from './knowledge/dose-options.js';
import type { FlagDef } from './knowledge/flags.js';
import type { ModifierRow, StatementSel, VerdictRow, Wording } from './knowledge/rules.js';
import type { StatementDef } from './knowledge/statements.js';
import type { Citation, DoseOption, Flag, Statement } from './output-schema.js';

export interface CompiledSel {
  when: Compiled | null;
  ids: readonly string[];
}
export interface CompiledWording {
  when: Compiled | null;
  text: string;
}
export interface CompiledVerdictRule {
  row: VerdictRow;
  when: Compiled;
  facts: readonly FactName[];
  /** Vector indices of `facts`. */
  slots: readonly number[];
  /** The trace entry's `facts` keys in order, each undefined: copied per entry so its shape is fixed. */
  traceTemplate: Readonly<Record<string, undefined>>;
  words: readonly CompiledWording[];
  statements: readonly CompiledSel[];
}
export interface CompiledModifier {
  row: ModifierRow;
  when: Compiled;
  facts: readonly FactName[];
  slots: readonly number[];
  traceTemplate: Readonly<Record<string, undefined>>;
  statements: readonly CompiledSel[];
}
export interface CompiledFlag {
  row: FlagDef;
  /** The flag as answers show it, built once and frozen (shared by every answer that raises it). */
  output: Flag;
  key: string;
  when: Compiled;
  statements: readonly CompiledSel[];
}
export interface CompiledDose {
  row: DoseOptionDef;
  /** The option as answers show it without assumptions, built once and frozen. */
  output: DoseOption;
  when: Compiled;
  /** The same condition, also naming the unknown facts an unknown result rests on. */
  blame: Blamer;
  prefer: Compiled | null;
  facts: readonly FactName[];
  statements: readonly CompiledSel[];
}

export interface CompiledKnowledge {
  version: string;
  verdictRules: readonly CompiledVerdictRule[];
  modifiers: readonly CompiledModifier[];
  flags: readonly CompiledFlag[];
  doseOptions: readonly CompiledDose[];
  /** The dose options of each setting, in the rows' order. */
  doseBySetting: ReadonlyMap<string, readonly CompiledDose[]>;
  statementById: ReadonlyMap<string, StatementDef>;
  /** Statements and citations as answers show them, built once and frozen. */
  statementOutputById: ReadonlyMap<string, Statement>;
  citationById: ReadonlyMap<string, Citation>;
  ruleById: ReadonlyMap<string, CompiledVerdictRule | CompiledModifier>;
}

export interface KnowledgeRows {
  version: string;
  verdictRules: readonly VerdictRow[];
  modifiers: readonly ModifierRow[];
  flags: readonly FlagDef[];
  doseOptions: readonly DoseOptionDef[];
  statements: readonly StatementDef[];
  citations: readonly Citation[];
}

const sels = (xs: readonly StatementSel[] | undefined): CompiledSel[] =>
  (xs ?? []).map((s) => ({ when: s.when ? compile(s.when) : null, ids: s.ids }));
const words = (xs: readonly Wording[]): CompiledWording[] =>
  xs.map((w) => ({ when: w.when ? compile(w.when) : null, text: w.text }));

/** Answers share these objects, so they are frozen: no caller can change another caller's answer. */
function frozen<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') Object.freeze(v);
  return Object.freeze(o);
}

function citationOutput(c: Citation): Citation {
  const out: Citation = { id: c.id, label: c.label };
  if (c.title !== undefined) out.title = c.title;
  if (c.pmid !== undefined) out.pmid = c.pmid;
  if (c.doi !== undefined) out.doi = c.doi;
  if (c.url !== undefined) out.url = c.url;
  if (c.note !== undefined) out.note = c.note;
  return frozen(out);
}

function flagOutput(row: FlagDef): Flag {
  return frozen({ code: row.code, severity: row.severity, text: row.text, citations: [...row.citations] });
}

function doseOutput(r: DoseOptionDef): DoseOption {
  return frozen({
    id: r.id,
    schedule: r.schedule,
    totalGy: r.totalGy,
    fractions: r.fractions,
    setting: r.setting,
    citations: [...r.citations],
  });
}

const template = (keys: readonly string[]): Record<string, undefined> =>
  Object.fromEntries(keys.map((key) => [key, undefined]));

const slotsOf = (c: Parameters<typeof factsOf>[0]) => [...factsOf(c)].map((n) => FACT_INDEX.get(n) ?? -1);

export function compileKnowledge(k: KnowledgeRows): CompiledKnowledge {
  const verdictRules = k.verdictRules.map((row) => ({
    row,
    when: compile(row.when),
    facts: [...factsOf(row.when)],
    slots: slotsOf(row.when),
    traceTemplate: template([...factsOf(row.when)]),
    words: words(row.words),
    statements: sels(row.statements),
  }));
  const modifiers = k.modifiers.map((row) => ({
    row,
    when: compile(row.when),
    facts: [...factsOf(row.when)],
    slots: slotsOf(row.when),
    traceTemplate: template(['from', 'to', ...factsOf(row.when)]),
    statements: sels(row.statements),
  }));
  const doseOptions: CompiledDose[] = k.doseOptions.map((row) => ({
    row,
    output: doseOutput(row),
    when: compile(row.when),
    blame: compileBlame(row.when),
    prefer: row.prefer ? compile(row.prefer) : null,
    facts: [...factsOf(row.when)],
    statements: sels(row.statements),
  }));
  const ruleById = new Map<string, CompiledVerdictRule | CompiledModifier>();
  for (const r of [...verdictRules, ...modifiers]) ruleById.set(r.row.id, r);
  return {
    version: k.version,
    verdictRules,
    modifiers,
    flags: k.flags.map((row) => ({
      row,
      output: flagOutput(row),
      key: `${row.code}:${row.variant}`,
      when: compile(row.when),
      statements: sels(row.statements),
    })),
    doseOptions,
    doseBySetting: new Map(
      DOSE_SETTINGS.map((setting) => [setting, doseOptions.filter((d) => d.row.settings.includes(setting))]),
    ),
    statementById: new Map(k.statements.map((s) => [s.id, s])),
    statementOutputById: new Map(
      k.statements.map((st) => [
        st.id,
        frozen({ topic: st.topic, text: st.text, citations: [...st.citations] }),
      ]),
    ),
    citationById: new Map(k.citations.map((c) => [c.id, citationOutput(c)])),
    ruleById,
  };
}
