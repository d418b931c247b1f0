// Typed Bolt arguments for calling a listener as a plain function: ack, respond and say are spies typed against
// Bolt's own function types, and the client is a real WebClient whose every API call is recorded (and can be
// scripted to fail) instead of reaching Slack. One ordered list of what the listener did, so a test can assert
// "ack first".
import type {
  AckFn,
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  GlobalShortcut,
  Logger,
  MessageShortcut,
  RespondArguments,
  RespondFn,
  SayFn,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  SlashCommand,
  ViewOutput,
  ViewResponseAction,
  ViewStateValue,
  ViewSubmitAction,
} from '@slack/bolt';
import { ErrorCode, LogLevel, type WebAPICallResult, WebClient } from '@slack/web-api';
import { type Mock, vi } from 'vitest';
import { RULESET } from '../../../src/engine/index.js';
import { loadIntentsOrThrow } from '../../../src/intents/load-intents.js';
import { createLog } from '../../../src/log/logger.js';
import type { SlackDeps } from '../../../src/slack/deps.js';

export const TEAM_ID = 'T0UNIT';
export const USER_ID = 'U0DOCTOR';
export const CHANNEL_ID = 'C0BOARD';

/** What a listener did, in order: `ack`, `respond`, `say` or a Web API method name. */
export type Step =
  | { kind: 'ack'; response?: unknown }
  | { kind: 'respond'; message: RespondArguments }
  | { kind: 'api'; method: string; args: Record<string, unknown> };

/** A Slack platform error as the WebClient throws it (code slack_webapi_platform_error, data.error). */
export function platformError(error: string): Error {
  return Object.assign(new Error(`An API error occurred: ${error}`), {
    code: ErrorCode.PlatformError,
    data: { ok: false, error },
  });
}

/** A WebClient that records every call and answers like Slack, or fails as scripted. */
export class RecordingClient extends WebClient {
  private readonly failures = new Map<string, Error>();

  constructor(private readonly steps: Step[]) {
    super(undefined, { retryConfig: { retries: 0 } });
  }

  /** The next call of `method` throws `err`. */
  failNext(method: string, err: Error): void {
    this.failures.set(method, err);
  }

  callsOf(method: string): Record<string, unknown>[] {
    return this.steps.flatMap((s) => (s.kind === 'api' && s.method === method ? [s.args] : []));
  }

  override async apiCall(method: string, options: Record<string, unknown> = {}): Promise<WebAPICallResult> {
    this.steps.push({ kind: 'api', method, args: options });
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      throw failure;
    }
    const result: WebAPICallResult = { ok: true };
    if (method === 'chat.postMessage')
      Object.assign(result, { channel: options.channel, ts: '1700000000.000200' });
    if (method === 'views.open') Object.assign(result, { view: { id: 'V0UNIT', hash: 'h1' } });
    return result;
  }
}

export interface Recorder {
  steps: Step[];
  logs: string[];
  client: RecordingClient;
  deps: SlackDeps;
  /** What the listener sent through response_url. */
  responses(): RespondArguments[];
  ack: Mock<AckFn<string | RespondArguments>>;
  respond: Mock<RespondFn>;
  /** The ack of a shortcut or an action, which takes no response. */
  ackVoid: Mock<AckFn<void>>;
}

const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/** The shared spies and the listener deps (no store: audit and idempotency degrade as they do in production). */
export function recorder(now = new Date('2026-11-27T07:00:00Z')): Recorder {
  const steps: Step[] = [];
  const logs: string[] = [];
  const client = new RecordingClient(steps);
  const deps: SlackDeps = {
    log: createLog('debug', (line) => logs.push(line)),
    now: () => now,
    intents: loadIntentsOrThrow(),
    ruleset: RULESET,
  };
  const ack = vi.fn<AckFn<string | RespondArguments>>(async (response) => {
    steps.push({ kind: 'ack', response });
  });
  const respond = vi.fn<RespondFn>(async (message) => {
    steps.push({ kind: 'respond', message: typeof message === 'string' ? { text: message } : message });
    return new Response('ok');
  });
  const ackVoid = vi.fn<AckFn<void>>(async () => {
    steps.push({ kind: 'ack' });
  });
  const responses = () => steps.flatMap((s) => (s.kind === 'respond' ? [s.message] : []));
  return { steps, logs, client, deps, responses, ack, respond, ackVoid };
}

/** A say that must not be used: listeners reply through respond or the client, never `say`. */
const unusedSay = vi.fn<SayFn>(async () => {
  throw new Error('listeners do not use say()');
});

function middleware(r: Recorder): AllMiddlewareArgs {
  return {
    client: r.client,
    logger: silentLogger,
    next: async () => {},
    context: { isEnterpriseInstall: false },
  };
}

export function slashCommandArgs(r: Recorder, text: string): AllMiddlewareArgs & SlackCommandMiddlewareArgs {
  const command: SlashCommand = {
    token: 'legacy',
    command: '/thoracic-rt',
    text,
    response_url: 'https://hooks.slack.invalid/commands/1',
    trigger_id: 'trigger.unit.1',
    user_id: USER_ID,
    user_name: 'dr.radonc',
    team_id: TEAM_ID,
    team_domain: 'tumourboard',
    channel_id: CHANNEL_ID,
    channel_name: 'thoracic-board',
    api_app_id: 'A0APP',
  };
  return {
    ...middleware(r),
    payload: command,
    command,
    body: command,
    say: unusedSay,
    respond: r.respond,
    ack: r.ack,
  };
}

export function appMentionArgs(
  r: Recorder,
  text: string,
  opts: { eventId?: string; threadTs?: string } = {},
): AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'> {
  const event = {
    type: 'app_mention' as const,
    user: USER_ID,
    text,
    ts: '1700000000.000100',
    channel: CHANNEL_ID,
    event_ts: '1700000000.000100',
    ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
  };
  return {
    ...middleware(r),
    payload: event,
    event,
    body: {
      token: 'legacy',
      team_id: TEAM_ID,
      api_app_id: 'A0APP',
      event,
      type: 'event_callback',
      event_id: opts.eventId ?? 'Ev0UNIT',
      event_time: 1_700_000_000,
    },
    say: unusedSay,
    sayStream: vi.fn(),
    setStatus: vi.fn(),
  };
}

function isStateValue(v: unknown): v is ViewStateValue {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
}

/** A simulated view state (the playground's simulateState) as Bolt's state values; every element needs a type. */
export function stateValues(values: Record<string, Record<string, unknown>>): ViewOutput['state']['values'] {
  const out: ViewOutput['state']['values'] = {};
  for (const [blockId, actions] of Object.entries(values)) {
    out[blockId] = {};
    for (const [actionId, value] of Object.entries(actions)) {
      if (!isStateValue(value)) throw new Error(`${blockId}.${actionId} has no element type`);
      out[blockId][actionId] = value;
    }
  }
  return out;
}

export function viewSubmissionArgs(
  r: Recorder,
  values: ViewOutput['state']['values'],
  privateMetadata: string,
): AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction> & { ack: Mock<AckFn<ViewResponseAction>> } {
  const view: ViewOutput = {
    id: 'V0MODAL',
    callback_id: 'intake',
    team_id: TEAM_ID,
    app_id: 'A0APP',
    bot_id: 'BBOT',
    title: { type: 'plain_text', text: 'Thoracic RT case' },
    type: 'modal',
    blocks: [],
    close: null,
    submit: { type: 'plain_text', text: 'Assess' },
    state: { values },
    hash: 'h1',
    private_metadata: privateMetadata,
    root_view_id: 'V0MODAL',
    previous_view_id: null,
    clear_on_close: false,
    notify_on_close: false,
  };
  const body: ViewSubmitAction = {
    type: 'view_submission',
    team: { id: TEAM_ID, domain: 'tumourboard' },
    user: { id: USER_ID, name: 'dr.radonc' },
    view,
    api_app_id: 'A0APP',
    token: 'legacy',
    trigger_id: 'trigger.view.1',
  };
  const ack = vi.fn<AckFn<ViewResponseAction>>(async (response) => {
    r.steps.push({ kind: 'ack', response });
  });
  return { ...middleware(r), payload: view, view, body, ack, respond: r.respond };
}

export function globalShortcutArgs(
  r: Recorder,
): AllMiddlewareArgs & SlackShortcutMiddlewareArgs<GlobalShortcut> {
  const shortcut: GlobalShortcut = {
    type: 'shortcut',
    callback_id: 'new_case',
    trigger_id: 'trigger.shortcut.1',
    user: { id: USER_ID, username: 'dr.radonc', team_id: TEAM_ID },
    team: { id: TEAM_ID, domain: 'tumourboard' },
    token: 'legacy',
    action_ts: '1700000000.000300',
  };
  return {
    ...middleware(r),
    payload: shortcut,
    shortcut,
    body: shortcut,
    respond: r.respond,
    ack: r.ackVoid,
  };
}

export function messageShortcutArgs(
  r: Recorder,
  text: string,
): AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut> {
  const shortcut: MessageShortcut = {
    type: 'message_action',
    callback_id: 'assess_message',
    trigger_id: 'trigger.shortcut.2',
    message_ts: '1700000000.000100',
    response_url: 'https://hooks.slack.invalid/actions/1',
    message: { type: 'message', user: 'U0OTHER', ts: '1700000000.000100', text },
    user: { id: USER_ID, name: 'dr.radonc', team_id: TEAM_ID },
    channel: { id: CHANNEL_ID, name: 'thoracic-board' },
    team: { id: TEAM_ID, domain: 'tumourboard' },
    token: 'legacy',
    action_ts: '1700000000.000300',
  };
  return {
    ...middleware(r),
    payload: shortcut,
    shortcut,
    body: shortcut,
    respond: r.respond,
    ack: r.ackVoid,
    say: unusedSay,
  };
}

/** A click on a button of an ephemeral answer preview in the channel (the case travels in `value`). */
export function buttonClickArgs(
  r: Recorder,
  actionId: string,
  value: string,
): AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>> {
  const action: ButtonAction = {
    type: 'button',
    block_id: 'answer_actions',
    action_id: actionId,
    action_ts: '1700000000.000400',
    value,
    text: { type: 'plain_text', text: actionId },
  };
  const body: BlockAction<ButtonAction> = {
    type: 'block_actions',
    actions: [action],
    team: { id: TEAM_ID, domain: 'tumourboard' },
    user: { id: USER_ID, username: 'dr.radonc', team_id: TEAM_ID },
    token: 'legacy',
    response_url: 'https://hooks.slack.invalid/actions/2',
    trigger_id: 'trigger.action.1',
    api_app_id: 'A0APP',
    container: {
      type: 'message',
      message_ts: '1700000000.000500',
      channel_id: CHANNEL_ID,
      is_ephemeral: true,
    },
  };
  return {
    ...middleware(r),
    payload: action,
    action,
    body,
    respond: r.respond,
    ack: r.ackVoid,
    say: unusedSay,
  };
}
