// Builds Slack requests as Slack sends them (used by the playground, the tests and the benchmarks): form-encoded
// commands and interactivity payloads, JSON events, signed with the signing secret (v0 HMAC-SHA256 over
// "v0:timestamp:body").
import { createHmac } from 'node:crypto';

/** A signing secret for loopback tests and benchmarks only; real secrets come from the environment. */
export const SIGNING_SECRET = 'test-signing-secret-0123456789';

export interface SlackRequest {
  body: string;
  contentType: string;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
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

export const TEAM = { id: 'T0TEST', domain: 'tumourboard' };
export const USER = { id: 'U0DOCTOR', username: 'dr.radonc', name: 'dr.radonc', team_id: TEAM.id };
export const CHANNEL = { id: 'C0BOARD', name: 'thoracic-board' };

export function slashCommand(
  text: string,
  responseUrl: string,
  triggerId = 'trigger.command.1',
): SlackRequest {
  return form({
    token: 'legacy',
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: CHANNEL.id,
    channel_name: CHANNEL.name,
    user_id: USER.id,
    user_name: USER.username,
    command: '/thoracic-rt',
    text,
    api_app_id: 'A0APP',
    response_url: responseUrl,
    trigger_id: triggerId,
  });
}

export function buttonClick(actionId: string, value: string, responseUrl: string): SlackRequest {
  return interactive({
    type: 'block_actions',
    team: TEAM,
    user: USER,
    api_app_id: 'A0APP',
    token: 'legacy',
    container: {
      type: 'message',
      message_ts: '1790000001.000001',
      channel_id: CHANNEL.id,
      is_ephemeral: true,
    },
    trigger_id: 'trigger.action.1',
    channel: CHANNEL,
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'answer_actions',
        value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1790000002.000001',
      },
    ],
  });
}

export function viewSubmission(callbackId: string, values: unknown, privateMetadata: string): SlackRequest {
  return interactive({
    type: 'view_submission',
    team: TEAM,
    user: USER,
    api_app_id: 'A0APP',
    token: 'legacy',
    trigger_id: 'trigger.view.1',
    view: {
      id: 'V0MODAL',
      type: 'modal',
      callback_id: callbackId,
      team_id: TEAM.id,
      app_id: 'A0APP',
      bot_id: 'BBOT',
      title: { type: 'plain_text', text: 'Thoracic RT case' },
      blocks: [],
      private_metadata: privateMetadata,
      hash: 'h1',
      state: { values },
      root_view_id: 'V0MODAL',
      previous_view_id: null,
      clear_on_close: false,
      notify_on_close: false,
    },
  });
}

export function messageShortcut(callbackId: string, text: string, responseUrl: string): SlackRequest {
  return interactive({
    type: 'message_action',
    callback_id: callbackId,
    trigger_id: 'trigger.shortcut.1',
    team: TEAM,
    user: USER,
    channel: CHANNEL,
    token: 'legacy',
    action_ts: '1790000003.000001',
    message_ts: '1790000000.000100',
    response_url: responseUrl,
    message: { type: 'message', user: 'U0OTHER', ts: '1790000000.000100', text },
  });
}

export function globalShortcut(callbackId: string): SlackRequest {
  return interactive({
    type: 'shortcut',
    callback_id: callbackId,
    trigger_id: 'trigger.global.1',
    team: TEAM,
    user: USER,
    token: 'legacy',
    action_ts: '1790000004.000001',
  });
}

let eventSeq = 0;
export function appMention(text: string, extra: Record<string, unknown> = {}): SlackRequest {
  eventSeq += 1;
  return event({
    token: 'legacy',
    team_id: TEAM.id,
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: `Ev0MENTION${eventSeq}`,
    event_time: 1_790_000_000,
    event: {
      type: 'app_mention',
      user: USER.id,
      text,
      ts: `1790000010.00000${eventSeq}`,
      channel: CHANNEL.id,
      event_ts: `1790000010.00000${eventSeq}`,
      ...extra,
    },
  });
}

export function appHomeOpened(): SlackRequest {
  return event({
    token: 'legacy',
    team_id: TEAM.id,
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: 'Ev0HOME',
    event_time: 1_790_000_000,
    event: {
      type: 'app_home_opened',
      user: USER.id,
      channel: 'D0HOME',
      tab: 'home',
      event_ts: '1790000020.000001',
    },
  });
}
