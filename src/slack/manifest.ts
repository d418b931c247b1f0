// The Slack app manifest, built from the same ids the listeners use. manifest.json in the repository is the
// Socket Mode variant; `npm run manifest -- --url https://host` prints the HTTP-mode variant.
import { GLOBAL_SHORTCUT_ID, MESSAGE_SHORTCUT_ID, SLASH_COMMAND } from './ids.js';

export const BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'chat:write',
  'commands',
  'groups:history',
  'im:history',
  'im:write',
] as const;

/** Why the app asks for each scope (README "Set up"; the manifest test requires one per scope). The history
 * scopes are read only to find the app's own messages by their metadata; nothing read is stored or logged. */
export const SCOPE_REASONS: Record<(typeof BOT_SCOPES)[number], string> = {
  'app_mentions:read': 'answer @mentions in channels',
  'channels:history': 'find an answer a crash cut in a public channel before posting it again',
  'chat:write': 'post answers, evidence threads and notices',
  commands: 'the /thoracic-rt slash command',
  'groups:history': 'find an answer a crash cut in a private channel before posting it again',
  'im:history':
    'find a failure or expired-answer notice a crash cut in the direct message before sending it again',
  'im:write': 'open the direct message for those notices (and to find them there)',
};
export const BOT_EVENTS = ['app_home_opened', 'app_mention', 'app_uninstalled', 'tokens_revoked'] as const;

export function buildManifest(opts: { url?: string } = {}): Record<string, unknown> {
  const requestUrl = opts.url ? `${opts.url.replace(/\/+$/, '')}/slack/events` : undefined;
  const withUrl = <T extends object>(o: T, key: 'url' | 'request_url') =>
    requestUrl ? { ...o, [key]: requestUrl } : o;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'Thoracic RT',
      description: 'Cited tumour-board answers on definitive thoracic RT to the primary in stage IV NSCLC.',
      long_description:
        'Thoracic RT Advisor answers one tumour-board question: should a patient with stage IV non-small cell lung cancer get definitive radiotherapy to the primary tumour, and if so when, how much dose, to what volume and at what risk? Type a case summary after /thoracic-rt, fill in the intake form, or use the message shortcut on a case posted in a channel. Every answer shows the facts it used, the rule that fired, the evidence level, safety flags and numbered references with PMID or DOI. Decision support for clinicians, not a directive: the tumour board decides.',
      background_color: '#1d4e89',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      bot_user: { display_name: 'thoracic-rt', always_online: true },
      shortcuts: [
        {
          name: 'Assess for thoracic RT',
          type: 'message',
          callback_id: MESSAGE_SHORTCUT_ID,
          description: 'Read this case summary and open the intake form, answering in its thread',
        },
        {
          name: 'New thoracic RT case',
          type: 'global',
          callback_id: GLOBAL_SHORTCUT_ID,
          description: 'Open the tumour-board intake form',
        },
      ],
      slash_commands: [
        withUrl(
          {
            command: SLASH_COMMAND,
            description: 'Assess a stage IV NSCLC case for definitive thoracic RT (cited)',
            usage_hint: '[case summary] | form | help | evidence <trial or topic>',
            should_escape: false,
          },
          'url',
        ),
      ],
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: withUrl({ bot_events: [...BOT_EVENTS] }, 'request_url'),
      interactivity: withUrl({ is_enabled: true }, 'request_url'),
      org_deploy_enabled: false,
      socket_mode_enabled: !requestUrl,
      token_rotation_enabled: false,
    },
  };
}
