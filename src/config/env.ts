// Environment → validated configuration. Secrets come only from the environment (or a local .env read by
// dotenv in the composition root). Every problem is reported at once, naming the variable.
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { type ApiLimits, readSecurity, readTokenKeys, SECURITY_ENV, type TokenKeys } from './security-env.js';

export type { ApiLimits, TokenKeys };

/** The process environment with a local `.env` applied (never overriding set variables): the one reader. */
export function loadEnvironment(): Record<string, string | undefined> {
  loadDotenv({ quiet: true });
  return process.env;
}

const token = (prefix: string, what: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^${prefix}-[A-Za-z0-9-]+$`), `must be a ${what} starting with "${prefix}-"`);

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: token('xoxb', 'bot token').optional(),
  SLACK_APP_TOKEN: token('xapp', 'app-level token (connections:write)').optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .trim()
    .min(8, 'must be the signing secret from Basic Information')
    .optional(),
  SLACK_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' })
    .optional(),
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(1, 'must be 1–65535')
    .max(65535, 'must be 1–65535')
    .default(3000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL URL such as postgres://user@host:5432/db')
    .optional(),
  SQLITE_PATH: z.string().trim().min(1).optional(),
  SQLITE_SYNCHRONOUS: z.enum(['full', 'normal'], { error: 'must be full or normal' }).optional(),
  AUDIT_RETENTION_YEARS: z.coerce
    .number({ error: 'must be a number of years' })
    .min(1, 'must be at least 1 year')
    .max(100, 'must be at most 100 years')
    .default(6),
  SLACK_CLIENT_ID: z.string().trim().min(1).optional(),
  SLACK_CLIENT_SECRET: z
    .string()
    .trim()
    .min(8, 'must be the client secret from Basic Information')
    .optional(),
  SLACK_STATE_SECRET: z.string().trim().min(16, 'must be at least 16 random characters').optional(),
  DELIVERY_LEASE_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number')
    .min(500, 'must be at least 500 ms')
    .max(300_000, 'must be at most 300000 ms (5 minutes)')
    .default(10_000),
  DELIVERY_WORKERS: z.coerce
    .number({ error: 'must be a number of workers' })
    .int('must be a whole number')
    .min(1, 'must be 1–64')
    .max(64, 'must be 1–64')
    .default(4),
  ...SECURITY_ENV,
});

export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
}

export type SlackMode =
  | { kind: 'socket'; botToken: string; appToken: string }
  | { kind: 'http'; botToken: string; signingSecret: string }
  /** Multi-workspace: tokens come from the installation store after /slack/install. */
  | { kind: 'http-oauth'; signingSecret: string; oauth: OAuthConfig; botToken?: string }
  | { kind: 'none' };

export interface StoreConfig {
  databaseUrl?: string;
  sqlitePath?: string;
  sqliteSynchronous?: 'full' | 'normal';
}

export interface AppConfig {
  mode: SlackMode;
  port: number;
  slackApiUrl: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  store: StoreConfig;
  retentionYears: number;
  api: ApiLimits;
  tokenKeys: TokenKeys;
  /** The delivery queue: how long a worker's lease on a job lasts (a crashed worker's jobs are resumed after
   * it), and how many jobs one process works at once. */
  delivery: { leaseMs: number; concurrency: number };
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: string[] };

/** Reads the Slack settings; empty strings count as unset so a blank line in .env is harmless. */
export function readConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = EnvSchema.safeParse(cleanEnv(env));
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')} ${i.message}`),
    };
  }
  const e = parsed.data;
  const problems: string[] = [];
  let mode: SlackMode = { kind: 'none' };
  const oauthParts = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  const oauthSet = oauthParts.filter(Boolean).length;
  if (oauthSet > 0 && oauthSet < 3) {
    problems.push(
      'SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together for multi-workspace install: set all three or none',
    );
  }
  if (oauthSet === 3 && !e.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET is missing: multi-workspace install runs in HTTP mode');
  }
  if (oauthSet === 3 && e.SLACK_SIGNING_SECRET) {
    mode = {
      kind: 'http-oauth',
      signingSecret: e.SLACK_SIGNING_SECRET,
      oauth: {
        clientId: e.SLACK_CLIENT_ID!,
        clientSecret: e.SLACK_CLIENT_SECRET!,
        stateSecret: e.SLACK_STATE_SECRET!,
      },
      ...(e.SLACK_BOT_TOKEN ? { botToken: e.SLACK_BOT_TOKEN } : {}),
    };
  } else if (oauthSet > 0) {
    // reported above
  } else if (e.SLACK_BOT_TOKEN && e.SLACK_APP_TOKEN) {
    mode = { kind: 'socket', botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN };
  } else if (e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET) {
    mode = { kind: 'http', botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET };
  } else if (e.SLACK_BOT_TOKEN) {
    problems.push(
      'SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is missing: set SLACK_APP_TOKEN for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode',
    );
  } else if (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET) {
    problems.push(
      'SLACK_BOT_TOKEN is missing: copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions',
    );
  }
  const security = readSecurity(e);
  problems.push(...security.problems);
  if (mode.kind === 'http-oauth' && !security.tokenKeys.current) {
    problems.push(
      'TOKEN_ENCRYPTION_KEY is missing: multi-workspace install stores bot tokens encrypted (openssl rand -base64 32)',
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  const store = storeConfigOf(e);
  return {
    ok: true,
    config: {
      mode,
      port: e.PORT,
      slackApiUrl: e.SLACK_API_URL,
      logLevel: e.LOG_LEVEL,
      store,
      retentionYears: e.AUDIT_RETENTION_YEARS,
      api: security.api,
      tokenKeys: security.tokenKeys,
      delivery: { leaseMs: e.DELIVERY_LEASE_MS, concurrency: e.DELIVERY_WORKERS },
    },
  };
}

/** What the command-line tools need: the store, and Slack's bot token and API URL for optional notes. */
export interface ToolConfig {
  store: StoreConfig;
  /** Needed by the tools that read Slack installations (re-check notes in multi-workspace mode). */
  tokenKeys: TokenKeys;
  slackBotToken: string | undefined;
  slackApiUrl: string | undefined;
}

const ToolEnvSchema = EnvSchema.pick({
  DATABASE_URL: true,
  SQLITE_PATH: true,
  SQLITE_SYNCHRONOUS: true,
  SLACK_BOT_TOKEN: true,
  SLACK_API_URL: true,
  TOKEN_ENCRYPTION_KEY: true,
  TOKEN_ENCRYPTION_KEY_PREVIOUS: true,
});

/** The tools' settings, validated like the server's; a Slack mode is not required. */
export function readToolConfig(
  env: Record<string, string | undefined>,
): { ok: true; config: ToolConfig } | { ok: false; problems: string[] } {
  const parsed = ToolEnvSchema.safeParse(cleanEnv(env));
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')} ${i.message}`),
    };
  const e = parsed.data;
  const keys = readTokenKeys(e);
  if (keys.problems.length > 0) return { ok: false, problems: keys.problems };
  return {
    ok: true,
    config: {
      store: storeConfigOf(e),
      tokenKeys: keys.tokenKeys,
      slackBotToken: e.SLACK_BOT_TOKEN,
      slackApiUrl: e.SLACK_API_URL,
    },
  };
}

function storeConfigOf(
  e: Pick<z.infer<typeof EnvSchema>, 'DATABASE_URL' | 'SQLITE_PATH' | 'SQLITE_SYNCHRONOUS'>,
) {
  const store: StoreConfig = {
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    ...(e.SQLITE_PATH ? { sqlitePath: e.SQLITE_PATH } : {}),
    ...(e.SQLITE_SYNCHRONOUS ? { sqliteSynchronous: e.SQLITE_SYNCHRONOUS } : {}),
  };
  return store;
}

/** Empty strings count as unset, so a blank line in .env is harmless; unknown variables are ignored. */
function cleanEnv(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        entry[0] in EnvSchema.shape && entry[1] !== undefined && entry[1].trim() !== '',
    ),
  );
}
