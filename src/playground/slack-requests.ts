// Builds Slack requests as Slack sends them (used by the playground, the tests and the benchmarks): form-encoded
// commands and interactivity payloads, JSON events, signed with the signing secret (v0 HMAC-SHA256 over
// "v0:timestamp:body"), and `deliver` to POST one to an app's request URL.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

/** A signing secret for loopback tests and benchmarks only; real secrets come from the environment. */
export const SIGNING_SECRET = 'test-signing-secret-0123456789';

export interface SlackRequest {
  body: string;
  contentType: string;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** A fresh random signing secret (the playground makes one at every start). */
export function randomSigningSecret(): string {
  return randomBytes(24).toString('hex');
}

export function form(fields: Record<string, string>): SlackRequest {
  return { body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' };
}

export function interactive(payload: unknown): SlackRequest {
  return form({ payload: JSON.stringify(payload) });
}

export function event(envelope: unknown): SlackRequest {
  return { body: JSON.stringify(envelope), contentType: 'application/json' };
}

export interface Team {
  id: string;
  domain: string;
}
export interface User {
  id: string;
  username: string;
  name: string;
  team_id: string;
}
export interface Channel {
  id: string;
  name: string;
}

export const TEAM: Team = { id: 'T0TEST', domain: 'tumourboard' };
export const USER: User = { id: 'U0DOCTOR', username: 'dr.radonc', name: 'dr.radonc', team_id: TEAM.id };
export const CHANNEL: Channel = { id: 'C0BOARD', name: 'thoracic-board' };
export const API_APP_ID = 'A0APP';

/** Who is acting where: defaults to TEAM, USER and CHANNEL. */
export interface Who {
  team?: Team;
  user?: User;
  channel?: Channel;
}

function who(w: Who = {}): { team: Team; user: User; channel: Channel } {
  return { team: w.team ?? TEAM, user: w.user ?? USER, channel: w.channel ?? CHANNEL };
}

/** A Slack-style timestamp ("1790000000.000100") for the current time. */
export function slackTs(ms = Date.now()): string {
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, '0')}`;
}

export function slashCommand(
  text: string,
  responseUrl: string,
  triggerId = 'trigger.command.1',
  opts: Who & { command?: string } = {},
): SlackRequest {
  const { team, user, channel } = who(opts);
  return form({
    token: 'legacy',
    team_id: team.id,
    team_domain: team.domain,
    channel_id: channel.id,
    channel_name: channel.name,
    user_id: user.id,
    user_name: user.username,
    command: opts.command ?? '/thoracic-rt',
    text,
    api_app_id: API_APP_ID,
    response_url: responseUrl,
    trigger_id: triggerId,
  });
}

/** One element of a block_actions payload (what was clicked). */
export interface ActionElement {
  type: string;
  action_id: string;
  block_id: string;
  value?: string;
  text?: { type: 'plain_text'; text: string; emoji?: boolean };
  style?: string;
  url?: string;
}

export interface BlockActionsOptions extends Who {
  actions: ActionElement[];
  triggerId?: string;
  /** Clicked in a message: its channel, ts, whether it is ephemeral, and (for a non-ephemeral one) the message. */
  message?: { ts: string; isEphemeral: boolean; threadTs?: string; body?: Record<string, unknown> };
  /** Clicked in a modal or the Home tab: the view as Slack sends it (with state). */
  view?: Record<string, unknown>;
  responseUrl?: string;
}

let clickSeq = 0;

/** A block_actions payload: a button (or other element) in a message, a modal or the Home tab. Each click has
 * its own trigger_id, as in Slack. */
export function blockActions(opts: BlockActionsOptions): SlackRequest {
  const { team, user, channel } = who(opts);
  const actionTs = slackTs();
  const base: Record<string, unknown> = {
    type: 'block_actions',
    team,
    user,
    api_app_id: API_APP_ID,
    token: 'legacy',
    trigger_id: opts.triggerId ?? `trigger.action.${++clickSeq}.${randomUUID().slice(0, 8)}`,
    actions: opts.actions.map((a) => ({ ...a, action_ts: actionTs })),
  };
  if (opts.view) {
    const v = opts.view;
    return interactive({
      ...base,
      container: { type: 'view', view_id: v.id },
      view: v,
    });
  }
  const m = opts.message ?? { ts: '1790000001.000001', isEphemeral: true };
  return interactive({
    ...base,
    container: {
      type: 'message',
      message_ts: m.ts,
      channel_id: channel.id,
      is_ephemeral: m.isEphemeral,
      ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    },
    channel,
    ...(m.body && !m.isEphemeral ? { message: m.body } : {}),
    ...(opts.responseUrl ? { response_url: opts.responseUrl } : {}),
  });
}

export function buttonClick(
  actionId: string,
  value: string,
  responseUrl: string,
  opts: Who & { triggerId?: string; blockId?: string; text?: string } = {},
): SlackRequest {
  return blockActions({
    ...opts,
    responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: opts.blockId ?? 'answer_actions',
        value,
        text: { type: 'plain_text', text: opts.text ?? 'x' },
      },
    ],
  });
}

export interface ViewSubmissionOptions extends Who {
  triggerId?: string;
  /** The submitted view as Slack sends it (id, hash, blocks, title, …); `state` and the ids are set here. */
  view?: Record<string, unknown>;
}

let submittedViews = 0;

export function viewSubmission(
  callbackId: string,
  values: unknown,
  privateMetadata: string,
  opts: ViewSubmissionOptions = {},
): SlackRequest {
  const { team, user } = who(opts);
  const v = opts.view ?? {};
  // Slack's view ids are unique per opened view (the app keys a submission by id and hash), so a view made up
  // here gets its own.
  submittedViews += 1;
  const id = typeof v.id === 'string' ? v.id : `V0MODAL${submittedViews}`;
  return interactive({
    type: 'view_submission',
    team,
    user,
    api_app_id: API_APP_ID,
    token: 'legacy',
    trigger_id: opts.triggerId ?? 'trigger.view.1',
    view: {
      type: 'modal',
      title: { type: 'plain_text', text: 'Thoracic RT case' },
      blocks: [],
      hash: 'h1',
      root_view_id: id,
      previous_view_id: null,
      clear_on_close: false,
      notify_on_close: false,
      ...v,
      id,
      callback_id: callbackId,
      team_id: team.id,
      app_id: API_APP_ID,
      bot_id: 'BBOT',
      private_metadata: privateMetadata,
      state: { values },
    },
    response_urls: [],
  });
}

/** view_closed: sent when the user closes a modal whose view has `notify_on_close`. */
export function viewClosed(
  view: Record<string, unknown>,
  opts: Who & { isCleared?: boolean } = {},
): SlackRequest {
  const { team, user } = who(opts);
  return interactive({
    type: 'view_closed',
    team,
    user,
    api_app_id: API_APP_ID,
    token: 'legacy',
    view,
    is_cleared: opts.isCleared ?? false,
  });
}

export interface ShortcutMessage {
  ts: string;
  user?: string;
  threadTs?: string;
}

export function messageShortcut(
  callbackId: string,
  text: string,
  responseUrl: string,
  opts: Who & { triggerId?: string; message?: ShortcutMessage } = {},
): SlackRequest {
  const { team, user, channel } = who(opts);
  const m = opts.message ?? { ts: '1790000000.000100', user: 'U0OTHER' };
  return interactive({
    type: 'message_action',
    callback_id: callbackId,
    trigger_id: opts.triggerId ?? 'trigger.shortcut.1',
    team,
    user,
    channel,
    token: 'legacy',
    action_ts: slackTs(),
    message_ts: m.ts,
    response_url: responseUrl,
    message: {
      type: 'message',
      user: m.user ?? 'U0OTHER',
      ts: m.ts,
      text,
      ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    },
  });
}

export function globalShortcut(callbackId: string, opts: Who & { triggerId?: string } = {}): SlackRequest {
  const { team, user } = who(opts);
  return interactive({
    type: 'shortcut',
    callback_id: callbackId,
    trigger_id: opts.triggerId ?? 'trigger.global.1',
    team,
    user,
    token: 'legacy',
    action_ts: slackTs(),
  });
}

let eventSeq = 0;
function eventId(prefix: string): string {
  eventSeq += 1;
  return `Ev0${prefix}${eventSeq}`;
}

export function appMention(text: string, extra: Record<string, unknown> = {}, opts: Who = {}): SlackRequest {
  const { team, user, channel } = who(opts);
  const id = eventId('MENTION');
  const ts = `1790000010.${String(eventSeq).padStart(6, '0')}`;
  return event({
    token: 'legacy',
    team_id: team.id,
    api_app_id: API_APP_ID,
    type: 'event_callback',
    event_id: id,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: 'app_mention',
      user: user.id,
      text,
      ts,
      channel: channel.id,
      event_ts: ts,
      ...extra,
    },
  });
}

export function appHomeOpened(opts: Who & { dmChannel?: string } = {}): SlackRequest {
  const { team, user } = who(opts);
  return event({
    token: 'legacy',
    team_id: team.id,
    api_app_id: API_APP_ID,
    type: 'event_callback',
    event_id: eventId('HOME'),
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: 'app_home_opened',
      user: user.id,
      channel: opts.dmChannel ?? 'D0HOME',
      tab: 'home',
      event_ts: slackTs(),
    },
  });
}

export interface DeliverOptions {
  /** Signing secret; SIGNING_SECRET when not given. */
  secret?: string;
  /** Request timestamp in seconds (now when not given); a stale one is rejected by the app. */
  timestamp?: number;
  /** An explicit signature, or null to send none (tests of the signature check). */
  signature?: string | null;
  headers?: Record<string, string>;
  /** Slack gives up waiting for the acknowledgement after 3 s; abort after this many ms. */
  timeoutMs?: number;
}

export interface Delivered {
  status: number;
  body: string;
  ms: number;
}

/** POSTs a signed request to the app's request URL exactly as Slack does, and returns its acknowledgement. */
export async function deliver(url: string, req: SlackRequest, opts: DeliverOptions = {}): Promise<Delivered> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': req.contentType,
    'x-slack-request-timestamp': String(timestamp),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...opts.headers,
  };
  const signature = opts.signature === undefined ? sign(req.body, timestamp, opts.secret) : opts.signature;
  if (signature !== null) headers['x-slack-signature'] = signature;
  const t0 = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body: req.body,
    ...(opts.timeoutMs !== undefined ? { signal: AbortSignal.timeout(opts.timeoutMs) } : {}),
  });
  const body = await res.text();
  return { status: res.status, body, ms: performance.now() - t0 };
}
