// Environment → validated configuration. Secrets come only from the environment (or a local .env read by
// dotenv in the composition root). Every problem is reported at once, naming the variable.
import { z } from 'zod';

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
});

export type SlackMode =
  | { kind: 'socket'; botToken: string; appToken: string }
  | { kind: 'http'; botToken: string; signingSecret: string }
  | { kind: 'none' };

export interface AppConfig {
  mode: SlackMode;
  port: number;
  slackApiUrl: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: string[] };

/** Reads the Slack settings; empty strings count as unset so a blank line in .env is harmless. */
export function readConfig(env: Record<string, string | undefined>): ConfigResult {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k in EnvSchema.shape && v !== undefined && v.trim() !== ''),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')} ${i.message}`),
    };
  }
  const e = parsed.data;
  const problems: string[] = [];
  let mode: SlackMode = { kind: 'none' };
  if (e.SLACK_BOT_TOKEN && e.SLACK_APP_TOKEN) {
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
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: { mode, port: e.PORT, slackApiUrl: e.SLACK_API_URL, logLevel: e.LOG_LEVEL } };
}
