// The store's public contract: what every surface records and reads. Implemented once over Kysely for SQLite and
// PostgreSQL (open-store.ts composes one module per aggregate).
import type { InstallationStore } from '@slack/bolt';
import type { Output, Verdict } from '../engine/index.js';
import type { ApiKeys } from './api-keys.js';
import type { Jobs } from './jobs.js';
import type { TokenCipher } from './token-crypto.js';

export const SURFACES = [
  'slack-command',
  'slack-modal',
  'slack-mention',
  'slack-action',
  'cli',
  'http',
] as const;
export type Surface = (typeof SURFACES)[number];

export const DECISION_OUTCOMES = ['accepted', 'modified', 'declined', 'deferred'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Why the board decided as it did. Modelled on the CDS Hooks override reasons (HL7 code system
 * `non-adherence-reason-codes`, example value set of CDS Hooks 3.0), plus `as-recommended` for a decision that
 * follows the answer and `trial-enrolment`, which tumour boards need and CDS Hooks folds into
 * `prefers-alternative`. Append only: stored rows keep these codes. */
export const DECISION_REASONS = [
  'as-recommended',
  'patient-preference',
  'contraindicated',
  'clinical-judgement',
  'risk-benefit',
  'trial-enrolment',
  'already-treated',
  'insufficient-data',
  'newer-evidence',
  'not-feasible',
  'institutional-policy',
  'other',
] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

export const CDS_HOOKS_REASON_SYSTEM = 'http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes';

/** Label for a picker, and the CDS Hooks non-adherence code it maps to (null: no CDS Hooks equivalent). */
export const DECISION_REASON_INFO: Record<DecisionReason, { label: string; cdsHooksCode: string | null }> = {
  'as-recommended': { label: 'Followed the recommendation', cdsHooksCode: null },
  'patient-preference': { label: 'Patient preference', cdsHooksCode: 'does-not-align-preferences' },
  contraindicated: { label: 'Contraindication or comorbidity', cdsHooksCode: 'patient-contraindication' },
  'clinical-judgement': { label: 'Clinical judgement differs', cdsHooksCode: 'expert-contradicts' },
  'risk-benefit': { label: 'Risk–benefit balance', cdsHooksCode: 'risk-benefit-ratio' },
  'trial-enrolment': { label: 'Clinical trial enrolment', cdsHooksCode: 'prefers-alternative' },
  'already-treated': { label: 'Already treated / not applicable', cdsHooksCode: 'cds-not-applicable' },
  'insufficient-data': { label: 'More information needed', cdsHooksCode: 'need-more-info' },
  'newer-evidence': { label: 'Newer evidence', cdsHooksCode: 'does-not-align-latest-evidence' },
  'not-feasible': { label: 'Not feasible or service unavailable', cdsHooksCode: 'service-not-available' },
  'institutional-policy': { label: 'Institutional policy', cdsHooksCode: 'policy-contradicts' },
  other: { label: 'Other', cdsHooksCode: null },
};

/** Longest decision note kept, in characters (code points); longer notes are cut and end with "…". */
export const NOTE_MAX_CHARS = 1000;

export interface StoreOptions {
  /** `postgres://…` or `postgresql://…`: PostgreSQL (shared by replicas). Unset: embedded SQLite. */
  databaseUrl?: string | undefined;
  /** SQLite file, created with its folder on first open. Default `data/thoracic-rt.sqlite` (from the cwd). */
  sqlitePath?: string | undefined;
  /** Clock for recorded-at times, claim expiry and retention. Default: the system clock. */
  now?: (() => Date) | undefined;
  /** SQLite `synchronous` in WAL mode. `normal` (default): every acknowledged commit survives a crashed or
   * killed process (tested with SIGKILL), and the file is never corrupted; a power cut or OS crash can lose the
   * commits since the last checkpoint (at most `sqliteCheckpointIntervalMs`). `full`: the WAL is synced before
   * every commit is acknowledged, so it survives a power cut too, at about +0.3 ms p50 / +1 ms p99 per consult. */
  sqliteSynchronous?: 'full' | 'normal' | undefined;
  /** SQLite WAL checkpoints run in a worker thread every this many ms, off the event loop. 0: SQLite's own
   * automatic checkpoint in the committing call (adds tens of ms to one write in a thousand). Default 250. */
  sqliteCheckpointIntervalMs?: number | undefined;
  /** How long a SQLite writer waits for another one (ms). Default 5000. */
  busyTimeoutMs?: number | undefined;
  /** PostgreSQL pool size per process. Default 10. */
  poolMax?: number | undefined;
  /** Slack token encryption. Given (the servers): every stored installation is checked at open and re-sealed
   * under the current key; a row no key opens fails the open with a TokenKeyError. Absent (CLIs): no check,
   * and the installation store refuses to store or read tokens. */
  tokens?: { cipher: TokenCipher | undefined } | undefined;
}

export interface ConsultInput {
  /** Default: a random UUID. */
  id?: string | undefined;
  /** A Slack retry or a double click with the same key records nothing new and returns the first row. */
  idempotencyKey?: string | undefined;
  at: Date;
  teamId?: string | undefined;
  channelId?: string | undefined;
  userId?: string | undefined;
  surface: Surface;
  /** The API key's name, for consults from the JSON API. */
  apiKeyName?: string | undefined;
  output: Output;
}

export interface ConsultRecord {
  id: string;
  idempotencyKey: string | null;
  at: Date;
  recordedAt: Date;
  teamId: string | null;
  channelId: string | null;
  userId: string | null;
  surface: Surface;
  rulesetVersion: string;
  /** The structured case facts the engine evaluated (output.case). */
  case: Record<string, unknown>;
  verdict: Verdict;
  flagCodes: string[];
  citationIds: string[];
  /** The verdict rule that matched and the modifiers that changed the verdict. */
  ruleIds: string[];
  /** SHA-256 (hex) of the canonical JSON of the full output. */
  outputSha256: string;
  slackChannelId: string | null;
  slackThreadTs: string | null;
  /** The API key's name for consults from the JSON API, else null. */
  apiKeyName: string | null;
}

export interface DecisionInput {
  consultId: string;
  at: Date;
  userId?: string | undefined;
  outcome: DecisionOutcome;
  reason: DecisionReason;
  /** Free note: the caller must already have applied the identifier guard. Capped at NOTE_MAX_CHARS. */
  note?: string | undefined;
}

export interface DecisionRecord {
  id: string;
  consultId: string;
  at: Date;
  recordedAt: Date;
  userId: string | null;
  outcome: DecisionOutcome;
  reason: DecisionReason;
  note: string | null;
  /** From the consult the decision is about. */
  teamId: string | null;
  verdict: Verdict;
}

export interface ListQuery {
  teamId?: string | undefined;
  userId?: string | undefined;
  limit: number;
}

/** Concordance: how often the board's decision followed the verdict.
 * - Only the latest decision on each consult counts (a deferral followed by a decision counts once).
 * - `deferred` is not a decision yet: such consults are left out.
 * - `decisions`: consults whose latest decision is accepted, modified or declined.
 * - `followed`: `accepted` when the verdict was `recommended` or `consider`, or `declined` when it was
 *   `not-recommended`. `modified` never counts as followed, nor does any decision on an
 *   `insufficient-information` or `not-applicable` verdict (there was nothing to follow).
 * - `share`: followed / decisions, or null when there is no decision. */
export interface Concordance {
  decisions: number;
  followed: number;
  share: number | null;
}

export interface RecheckCandidate {
  id: string;
  at: Date;
  teamId: string | null;
  channelId: string | null;
  rulesetVersion: string;
  verdict: string;
  /** null when the consult was recorded before timings were stored. */
  timing: string | null;
  ruleIds: string[];
  /** The stored case facts; undefined when the stored JSON cannot be read (the re-check lists it as skipped). */
  case: unknown;
  caseError: string | null;
  slackChannelId: string | null;
  slackThreadTs: string | null;
}

export interface ExportOptions {
  since: Date;
  format: 'csv' | 'jsonl';
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** The SQLite path, or the PostgreSQL URL without its password: safe to log. */
  readonly location: string;
  recordConsult(c: ConsultInput): Promise<{ id: string; created: boolean }>;
  getConsult(id: string): Promise<ConsultRecord | undefined>;
  listRecentConsults(q: ListQuery): Promise<ConsultRecord[]>;
  /** Remembers the Slack thread of a shared answer, for re-check notes. False if there is no such consult. */
  setConsultThread(id: string, channelId: string, threadTs: string): Promise<boolean>;
  /** True for the first claimant of `key` only (until the claim expires: default 24 h). */
  claimOnce(key: string, ttlMs?: number): Promise<boolean>;
  /** Moves a live claim's expiry to `ttlMs` from now (a lease renewed while its work runs); false if it had
   * already expired (another claimant may hold it now). */
  extendClaim(key: string, ttlMs: number): Promise<boolean>;
  /** Gives up a claim, so that work that failed after claiming can be retried. */
  releaseClaim(key: string): Promise<void>;
  recordDecision(d: DecisionInput): Promise<{ id: string }>;
  listDecisions(q: ListQuery): Promise<DecisionRecord[]>;
  concordance(q?: { teamId?: string | undefined }): Promise<Concordance>;
  listCasesForRecheck(): Promise<RecheckCandidate[]>;
  /** Streams consults at or after `since` (oldest first) with their decisions; resolves to the row count. */
  exportAudit(opts: ExportOptions, write: (chunk: string) => void | Promise<void>): Promise<number>;
  /** Deletes consults (and their decisions) older than `cutoff`, delivery jobs finished before it, and expired
   * claims; resolves to the consults deleted. */
  pruneOlderThan(cutoff: Date): Promise<number>;
  readonly installationStore: InstallationStore & {
    deleteInstallation: NonNullable<InstallationStore['deleteInstallation']>;
  };
  /** Clients of the JSON API (hashed keys). */
  readonly apiKeys: ApiKeys;
  /** The durable delivery queue: acknowledged Slack requests and their answers (0004). */
  readonly jobs: Jobs;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export class StoreError extends Error {
  constructor(
    readonly code: 'invalid-input' | 'not-found' | 'conflict' | 'bad-row' | 'config',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
