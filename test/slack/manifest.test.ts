// manifest.json ↔ Slack's own manifest schema ↔ the listeners that are registered ↔ intents.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RULESET } from '../../src/engine/index.js';
import { loadIntents } from '../../src/intents/load-intents.js';
import { createLog } from '../../src/log/logger.js';
import { ACTION_IDS } from '../../src/slack/blocks/action-ids.js';
import { registerListeners } from '../../src/slack/listeners/index.js';
import { BOT_SCOPES, buildManifest, SCOPE_REASONS } from '../../src/slack/manifest.js';
import { COMPLETE_CALLBACK_ID } from '../../src/slack/views/complete-modal.js';
import { DECISION_CALLBACK_ID } from '../../src/slack/views/decision-modal.js';
import {
  INTAKE_CALLBACK_ID,
  INTAKE_FEWER_FACTS,
  INTAKE_MORE_FACTS,
  INTAKE_READ_SUMMARY,
} from '../../src/slack/views/intake-ids.js';

// Slack's official JSON Schema (slackapi/manifest-schema) is not part of this repository: SLACK_MANIFEST_SCHEMA_DIR
// names a folder holding it (.ci/run sets it). Without it the official check is skipped and says so; the
// structural checks below run everywhere.
const SCHEMA_ENV = process.env.SLACK_MANIFEST_SCHEMA_DIR?.trim() ?? '';
const schemaDir = SCHEMA_ENV ? pathToFileURL(`${resolve(SCHEMA_ENV)}/`) : undefined;
// Set but wrong is a failure, not a skip: CI must never lose this check silently.
const schemaSkip = schemaDir ? '' : 'SLACK_MANIFEST_SCHEMA_DIR is not set';
if (schemaSkip)
  console.warn(`[skip] manifest vs Slack's official JSON Schema: ${schemaSkip} (.ci/run sets it).`);
const readJson = (url: URL) => JSON.parse(readFileSync(url, 'utf8'));

/** The limits of manifest.schema.1.0.0.json that this manifest uses (see the README's test section). */
const ManifestShape = z.object({
  _metadata: z.object({ major_version: z.literal(1), minor_version: z.number().int().min(0) }),
  display_information: z.strictObject({
    name: z.string().min(1).max(35),
    description: z.string().min(1).max(140),
    long_description: z.string().min(175).max(4000),
    background_color: z.string().regex(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i),
  }),
  features: z.object({
    bot_user: z.object({
      display_name: z
        .string()
        .max(80)
        .regex(/^[a-z0-9._-]+$/),
      always_online: z.boolean(),
    }),
    shortcuts: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(24),
          type: z.enum(['global', 'message']),
          callback_id: z.string().min(1).max(255),
          description: z.string().min(1).max(150),
        }),
      )
      .min(1)
      .max(10),
    slash_commands: z
      .array(
        z.strictObject({
          command: z.string().min(2).max(32).startsWith('/'),
          description: z.string().min(1).max(2000),
          usage_hint: z.string().min(1).max(1000).optional(),
          should_escape: z.boolean().optional(),
          url: z
            .url({ protocol: /^https?$/ })
            .max(3000)
            .optional(),
        }),
      )
      .min(1)
      .max(50),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string().min(1)).min(1) }) }),
  settings: z.object({ socket_mode_enabled: z.boolean() }),
});

function validator(dir: URL) {
  if (!existsSync(new URL('manifest.schema.json', dir)))
    throw new Error(`SLACK_MANIFEST_SCHEMA_DIR=${SCHEMA_ENV} holds no manifest.schema.json`);
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema(
    readJson(new URL('manifest.schema.1.0.0.json', dir)),
    'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.1.0.0.json',
  );
  ajv.addSchema(
    readJson(new URL('manifest.schema.2.0.0.json', dir)),
    'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.2.0.0.json',
  );
  return ajv.compile(readJson(new URL('manifest.schema.json', dir)));
}

/** Records what registerListeners registers, the way Bolt's App would receive it. */
function recordRegistrations() {
  const seen = {
    commands: [] as string[],
    actions: [] as string[],
    views: [] as string[],
    shortcuts: [] as string[],
    events: [] as string[],
  };
  // The what-if buttons share one listener: a pattern over `what_if:<key>`.
  const id = (c: unknown) =>
    c instanceof RegExp && c.test(`${ACTION_IDS.whatIf}:ecog-1`) && !c.test(ACTION_IDS.whatIfBack)
      ? ACTION_IDS.whatIf
      : typeof c === 'string'
        ? c
        : ((c as { callback_id?: string; action_id?: string }).callback_id ??
          (c as { action_id?: string }).action_id ??
          String(c));
  const fakeApp = {
    command: (name: string) => seen.commands.push(name),
    action: (c: unknown) => seen.actions.push(id(c)),
    view: (c: unknown) => seen.views.push(id(c)),
    shortcut: (c: unknown) => seen.shortcuts.push(id(c)),
    event: (name: string) => seen.events.push(name),
  };
  return { fakeApp, seen };
}

describe('manifest.json', () => {
  const manifest = readJson(new URL('../../manifest.json', import.meta.url));

  it('is what buildManifest() produces (Socket Mode variant)', () => {
    expect(manifest).toEqual(buildManifest());
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('keeps within the manifest limits Slack documents, in both variants', () => {
    for (const m of [manifest, buildManifest({ url: 'https://rt.example.org' })]) {
      const r = ManifestShape.safeParse(m);
      expect(r.success, r.error?.message).toBe(true);
    }
    expect(manifest.features.slash_commands[0].url).toBeUndefined();
    const tooLong = {
      ...manifest,
      display_information: { ...manifest.display_information, name: 'x'.repeat(36) },
    };
    expect(ManifestShape.safeParse(tooLong).success).toBe(false);
  });

  it.skipIf(schemaSkip !== '')("validates against Slack's official manifest schema, in both variants", () => {
    const validate = validator(schemaDir!);
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    const http = buildManifest({ url: 'https://rt.example.org' });
    expect(validate(http), JSON.stringify(validate.errors)).toBe(true);
  });

  it('asks for each bot scope with a reason; im:history reads back the notices sent in a DM', () => {
    const scopes: string[] = manifest.oauth_config.scopes.bot;
    expect(scopes).toEqual([...BOT_SCOPES]);
    expect(Object.keys(SCOPE_REASONS).sort()).toEqual([...scopes].sort());
    for (const s of scopes) expect(SCOPE_REASONS[s as keyof typeof SCOPE_REASONS]).toMatch(/\w{3,}/);
    // The resumed notice's look-up: conversations.open (im:write), then conversations.history on the DM.
    expect(scopes).toEqual(expect.arrayContaining(['im:history', 'im:write']));
  });

  it('points every request URL at /slack/events in the HTTP variant', () => {
    const http = buildManifest({ url: 'https://rt.example.org/' }) as {
      features: { slash_commands: { url: string }[] };
      settings: { interactivity: { request_url: string }; event_subscriptions: { request_url: string } };
    };
    expect(http.features.slash_commands[0]!.url).toBe('https://rt.example.org/slack/events');
    expect(http.settings.interactivity.request_url).toBe('https://rt.example.org/slack/events');
    expect(http.settings.event_subscriptions.request_url).toBe('https://rt.example.org/slack/events');
  });
});

describe('manifest ↔ listeners ↔ intents', async () => {
  const intents = await loadIntents();
  if (!intents.ok) throw new Error(intents.problems.join('; '));
  const { fakeApp, seen } = recordRegistrations();
  registerListeners(fakeApp as never, {
    log: createLog('error', () => {}),
    now: () => new Date(0),
    intents: intents.intents,
    ruleset: RULESET,
  });
  const manifest = buildManifest() as {
    features: { slash_commands: { command: string }[]; shortcuts: { callback_id: string }[] };
    settings: { event_subscriptions: { bot_events: string[] } };
  };

  it('has a listener for every slash command and vice versa', () => {
    expect(seen.commands.sort()).toEqual(manifest.features.slash_commands.map((c) => c.command).sort());
  });

  it('has a listener for every shortcut callback id and vice versa', () => {
    expect(seen.shortcuts.sort()).toEqual(manifest.features.shortcuts.map((s) => s.callback_id).sort());
  });

  it('has a listener for every subscribed bot event and vice versa', () => {
    expect(seen.events.sort()).toEqual([...manifest.settings.event_subscriptions.bot_events].sort());
  });

  it('has a listener for every button the answers carry, and for the intake modal', () => {
    expect(seen.actions.sort()).toEqual(
      [...Object.values(ACTION_IDS), INTAKE_READ_SUMMARY, INTAKE_MORE_FACTS, INTAKE_FEWER_FACTS].sort(),
    );
    expect(seen.views.sort()).toEqual(
      [COMPLETE_CALLBACK_ID, DECISION_CALLBACK_ID, INTAKE_CALLBACK_ID].sort(),
    );
  });

  it('advertises every intent subcommand in the slash command usage hint', () => {
    const hint = (buildManifest() as { features: { slash_commands: { usage_hint: string }[] } }).features
      .slash_commands[0]!.usage_hint;
    for (const intent of intents.intents) for (const sub of intent.subcommands) expect(hint).toContain(sub);
  });
});
