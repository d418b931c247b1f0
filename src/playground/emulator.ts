// The local Slack emulator: one workspace, one channel and one person, in memory. What the person does on the
// playground page becomes a signed HTTP request to the app exactly as Slack sends it (slash commands, block
// actions, view submissions, shortcuts, events); what the app does through the Web API fake (messages, modals,
// the Home tab) becomes the state the page renders.
import type { Log } from '../log/logger.js';
import {
  appHomeOpened,
  appMention,
  blockActions,
  type Channel,
  deliver,
  globalShortcut,
  messageShortcut,
  type SlackRequest,
  slashCommand,
  type Team,
  type User,
  viewClosed,
  viewSubmission,
} from './slack-requests.js';
import type { FakeEvent, SlackWebApiFake, StoredMessage, StoredView } from './slack-web-api.js';
import { type Entry, stateFromEntries } from './view-state.js';

/** Slack waits this long for an acknowledgement before it shows the request as failed. */
export const ACK_TIMEOUT_MS = 3000;
/** The pseudo-user Slack itself speaks as (errors such as an unknown command). */
export const SLACKBOT = { id: 'USLACKBOT', name: 'Slackbot' };
const MAX_MESSAGES = 2000;
const MAX_NOTICES = 20;

export interface AppDefinition {
  name: string;
  botUserId: string;
  botId: string;
  commands: { command: string; description: string; usageHint: string }[];
  messageShortcuts: { callbackId: string; name: string }[];
  globalShortcuts: { callbackId: string; name: string }[];
}

export interface Workspace {
  team: Team & { name: string };
  user: User & { realName: string };
  channel: Channel;
}

export const PLAYGROUND_WORKSPACE: Workspace = {
  team: { id: 'T0PLAYGROUND', domain: 'tumour-board-playground', name: 'Tumour board (playground)' },
  user: {
    id: 'U0CLINICIAN',
    username: 'dr.radonc',
    name: 'dr.radonc',
    team_id: 'T0PLAYGROUND',
    realName: 'Dr Rad Onc',
  },
  channel: { id: 'C0TUMOURBOARD', name: 'tumour-board' },
};

export interface MessageView {
  channel: string;
  ts: string;
  threadTs?: string;
  user: { id: string; name: string; bot: boolean };
  text: string;
  blocks: unknown[];
  ephemeral: boolean;
  edited: boolean;
  /** When the message was posted (wall clock), ISO 8601. */
  time: string;
  /** For a thread parent: the number of (non-ephemeral) replies. */
  replyCount: number;
}

export interface PlaygroundState {
  version: number;
  workspace: {
    team: { id: string; name: string };
    user: { id: string; name: string };
    channel: Channel;
    dm: { id: string };
    app: AppDefinition;
  };
  messages: MessageView[];
  modal: {
    id: string;
    hash: string;
    view: Record<string, unknown>;
    errors: Record<string, string>;
    depth: number;
  } | null;
  home: { id: string; hash: string; view: Record<string, unknown> } | null;
  notices: { id: number; text: string }[];
}

export type Outcome = { ok: true } | { ok: false; error: string };
export type SubmitOutcome =
  | { ok: true; closed: boolean }
  | { ok: false; errors: Record<string, string> }
  | { ok: false; error: string };

export interface EmulatorOptions {
  slack: SlackWebApiFake;
  /** The app's request URL (`…/slack/events`). */
  requestUrl: string;
  signingSecret: string;
  app: AppDefinition;
  log: Log;
  workspace?: Workspace;
}

export class PlaygroundEmulator {
  readonly workspace: Workspace;
  private readonly slack: SlackWebApiFake;
  private readonly modalStack: string[] = [];
  private readonly modalErrors = new Map<string, Record<string, string>>();
  private readonly postedAt = new Map<string, string>();
  private readonly subscribers = new Set<() => void>();
  private readonly notices: { id: number; text: string }[] = [];
  private readonly unsubscribe: () => void;
  private noticeSeq = 0;
  private version = 0;
  private scheduled = false;

  constructor(private readonly opts: EmulatorOptions) {
    this.slack = opts.slack;
    this.workspace = opts.workspace ?? PLAYGROUND_WORKSPACE;
    this.unsubscribe = this.slack.onChange((e) => this.onFakeEvent(e));
  }

  get dmChannel(): string {
    return this.slack.dmChannelOf(this.workspace.user.id);
  }

  /** Called (coalesced) after every change; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  dispose(): void {
    this.unsubscribe();
    this.subscribers.clear();
  }

  // -------------------------------------------------------------------------------------------------------
  // What the person does

  /**
   * The composer: `/command …` runs a slash command, a message mentioning the app (`@Thoracic RT …`) is posted
   * and delivered as app_mention, anything else is posted as a plain message.
   */
  async sendMessage(input: { text: string; channel?: string; threadTs?: string }): Promise<Outcome> {
    const raw = input.text.trim();
    if (!raw) return { ok: false, error: 'empty message' };
    const channel = input.channel ?? this.workspace.channel.id;
    if (raw.startsWith('/')) return this.slashCommand(raw, channel, input.threadTs);
    const { text, mentioned } = this.encodeMessageText(raw);
    const posted = this.slack.postUserMessage({
      channel,
      user: this.workspace.user.id,
      text,
      ...(input.threadTs ? { threadTs: input.threadTs } : {}),
    });
    if (!mentioned) return { ok: true };
    const req = appMention(
      text,
      {
        ts: posted.ts,
        event_ts: posted.ts,
        channel,
        ...(posted.threadTs ? { thread_ts: posted.threadTs } : {}),
      },
      this.who(channel),
    );
    return this.send(req, 'app_mention');
  }

  async slashCommand(line: string, channel = this.workspace.channel.id, threadTs?: string): Promise<Outcome> {
    const match = /^(\/\S+)\s*([\s\S]*)$/.exec(line.trim());
    const command = match?.[1] ?? line;
    const text = match?.[2] ?? '';
    if (!this.opts.app.commands.some((c) => c.command === command)) {
      this.slackbotSays(
        channel,
        `\`${escapeText(command)}\` is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands.`,
        threadTs,
      );
      return { ok: false, error: 'not a valid command' };
    }
    const user = this.workspace.user.id;
    const responseUrl = this.slack.newResponseUrl({ channel, user, ...(threadTs ? { threadTs } : {}) });
    // Slack escapes a command's text exactly as a message's (`&`, `<`, `>`), so the app sees what Slack sends.
    const req = slashCommand(escapeText(text), responseUrl, this.slack.issueTrigger(user), {
      ...this.who(channel),
      command,
    });
    const res = await this.deliver(req);
    if (!res.ok) {
      this.slackbotSays(channel, `${escapeText(command)} failed with the error "${res.error}"`, threadTs);
      return res;
    }
    // A non-empty acknowledgement is shown as a message, as Slack does.
    if (res.body.trim()) {
      const parsed = parseJson(res.body);
      const text = isObj(parsed) ? String(parsed.text ?? '') : res.body;
      const blocks = isObj(parsed) && Array.isArray(parsed.blocks) ? parsed.blocks : [];
      const inChannel = isObj(parsed) && parsed.response_type === 'in_channel';
      this.slack.addMessage({
        channel,
        user: this.opts.app.botUserId,
        text,
        blocks,
        ...(inChannel ? {} : { ephemeralTo: user }),
        ...(threadTs ? { threadTs } : {}),
        source: 'response_url',
      });
    }
    return { ok: true };
  }

  /** A button (or other interactive element) in a message, identified by block_id and action_id. */
  async clickInMessage(input: {
    channel: string;
    ts: string;
    blockId: string;
    actionId: string;
  }): Promise<Outcome> {
    const message = this.findMessage(input.channel, input.ts);
    if (!message) return { ok: false, error: 'message not found' };
    const element = findElement(message.blocks, input.blockId, input.actionId);
    if (!element) return { ok: false, error: 'element not found' };
    const user = this.workspace.user.id;
    const responseUrl = this.slack.newResponseUrl({
      channel: message.channel,
      user,
      messageTs: message.ts,
      ...(message.threadTs ? { threadTs: message.threadTs } : {}),
    });
    const req = blockActions({
      ...this.who(message.channel),
      triggerId: this.slack.issueTrigger(user),
      responseUrl,
      actions: [actionOf(element, input.blockId)],
      message: {
        ts: message.ts,
        isEphemeral: message.ephemeralTo !== undefined,
        ...(message.threadTs ? { threadTs: message.threadTs } : {}),
        body: {
          type: 'message',
          user: message.user,
          ts: message.ts,
          text: message.text,
          blocks: message.blocks,
          ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
        },
      },
    });
    return this.send(req, 'block_actions');
  }

  /** A button (or other interactive element) in a modal or the Home tab. */
  async clickInView(input: {
    viewId: string;
    blockId: string;
    actionId: string;
    values?: Record<string, Entry>;
  }): Promise<Outcome> {
    const stored = this.slack.views.find((v) => v.id === input.viewId);
    if (!stored) return { ok: false, error: 'view not found' };
    const element = findElement(
      Array.isArray(stored.view.blocks) ? stored.view.blocks : [],
      input.blockId,
      input.actionId,
    );
    if (!element) return { ok: false, error: 'element not found' };
    const user = this.workspace.user.id;
    const req = blockActions({
      ...this.who(),
      triggerId: this.slack.issueTrigger(user),
      actions: [actionOf(element, input.blockId)],
      // The form's current state, as Slack sends it with a click in a modal.
      view: {
        ...this.slack.viewPayload(stored),
        state: { values: stateFromEntries(stored.view as never, input.values ?? {}) },
      },
    });
    return this.send(req, 'block_actions');
  }

  async messageShortcut(input: { channel: string; ts: string; callbackId?: string }): Promise<Outcome> {
    const message = this.findMessage(input.channel, input.ts);
    if (!message || message.ephemeralTo !== undefined) return { ok: false, error: 'message not found' };
    const shortcut = input.callbackId
      ? this.opts.app.messageShortcuts.find((s) => s.callbackId === input.callbackId)
      : this.opts.app.messageShortcuts[0];
    if (!shortcut) return { ok: false, error: 'unknown shortcut' };
    const user = this.workspace.user.id;
    const responseUrl = this.slack.newResponseUrl({
      channel: message.channel,
      user,
      ...(message.threadTs ? { threadTs: message.threadTs } : {}),
    });
    const req = messageShortcut(shortcut.callbackId, message.text, responseUrl, {
      ...this.who(message.channel),
      triggerId: this.slack.issueTrigger(user),
      message: {
        ts: message.ts,
        ...(message.user ? { user: message.user } : {}),
        ...(message.threadTs ? { threadTs: message.threadTs } : {}),
      },
    });
    return this.send(req, 'message_action');
  }

  async globalShortcut(callbackId?: string): Promise<Outcome> {
    const shortcut = callbackId
      ? this.opts.app.globalShortcuts.find((s) => s.callbackId === callbackId)
      : this.opts.app.globalShortcuts[0];
    if (!shortcut) return { ok: false, error: 'unknown shortcut' };
    const req = globalShortcut(shortcut.callbackId, {
      ...this.who(),
      triggerId: this.slack.issueTrigger(this.workspace.user.id),
    });
    return this.send(req, 'shortcut');
  }

  /** The person opened the app's Home tab. */
  async openHome(): Promise<Outcome> {
    return this.send(appHomeOpened({ ...this.who(), dmChannel: this.dmChannel }), 'app_home_opened');
  }

  /**
   * Submits the top modal with what was entered (keyed by block_id). The acknowledgement decides what happens:
   * errors under fields, update or push a view, clear the stack, or (empty) close this view.
   */
  async submitView(viewId: string, entries: Record<string, Entry>): Promise<SubmitOutcome> {
    const stored = this.modal(viewId);
    if (!stored) return { ok: false, error: 'This form is no longer open.' };
    const values = stateFromEntries(stored.view as never, entries);
    const payload = this.slack.viewPayload(stored);
    const req = viewSubmission(
      String(stored.view.callback_id ?? ''),
      values,
      String(stored.view.private_metadata ?? ''),
      {
        ...this.who(),
        triggerId: this.slack.issueTrigger(this.workspace.user.id),
        view: { ...payload, state: { values } },
      },
    );
    const res = await this.deliver(req);
    if (!res.ok) {
      return { ok: false, error: 'We had some trouble connecting. Try again?' };
    }
    const ack = res.body.trim() ? parseJson(res.body) : {};
    const action = isObj(ack) ? ack.response_action : undefined;
    if (action === 'errors' && isObj(ack) && isObj(ack.errors)) {
      const errors: Record<string, string> = {};
      for (const [k, v] of Object.entries(ack.errors)) errors[k] = String(v);
      this.modalErrors.set(viewId, errors);
      this.changed();
      return { ok: false, errors };
    }
    this.modalErrors.delete(viewId);
    if (action === 'update' && isObj(ack) && isObj(ack.view)) {
      this.slack.replaceView(stored, ack.view);
      return { ok: true, closed: false };
    }
    if (action === 'push' && isObj(ack) && isObj(ack.view)) {
      this.slack.pushView(ack.view, this.workspace.user.id, stored);
      return { ok: true, closed: false };
    }
    if (action === 'clear') this.modalStack.length = 0;
    else this.popView(viewId);
    this.changed();
    return { ok: true, closed: true };
  }

  /** Closes the top view (Cancel/back), or every view (`all`, the × button). */
  async closeView(viewId: string, all = false): Promise<Outcome> {
    const stored = this.modal(viewId);
    if (!stored) return { ok: false, error: 'This form is no longer open.' };
    if (all) this.modalStack.length = 0;
    else this.popView(viewId);
    this.modalErrors.delete(viewId);
    this.changed();
    if (stored.view.notify_on_close === true) {
      return this.send(
        viewClosed(this.slack.viewPayload(stored), { ...this.who(), isCleared: all }),
        'view_closed',
      );
    }
    return { ok: true };
  }

  /** "Dismiss message" on an ephemeral message (Slack removes it from the person's view). */
  dismiss(channel: string, ts: string): Outcome {
    const m = this.findMessage(channel, ts);
    if (!m || m.ephemeralTo === undefined) return { ok: false, error: 'message not found' };
    this.slack.deleteMessage(channel, ts);
    return { ok: true };
  }

  // -------------------------------------------------------------------------------------------------------
  // What the page renders

  snapshot(): PlaygroundState {
    const me = this.workspace.user.id;
    const visible = this.slack.messages
      .filter((m) => m.ephemeralTo === undefined || m.ephemeralTo === me || m.ephemeralTo === 'response_url')
      .slice(-MAX_MESSAGES);
    const replies = new Map<string, number>();
    for (const m of visible) {
      if (m.threadTs && m.threadTs !== m.ts && m.ephemeralTo === undefined) {
        const key = `${m.channel}/${m.threadTs}`;
        replies.set(key, (replies.get(key) ?? 0) + 1);
      }
    }
    const top = this.modalStack.at(-1);
    const modal = top ? this.slack.views.find((v) => v.id === top) : undefined;
    const home = this.slack.views.find(
      (v) => v.kind === 'home' && (v.userId === me || v.userId === undefined),
    );
    return {
      version: this.version,
      workspace: {
        team: { id: this.workspace.team.id, name: this.workspace.team.name },
        user: { id: me, name: this.workspace.user.realName },
        channel: this.workspace.channel,
        dm: { id: this.dmChannel },
        app: this.opts.app,
      },
      messages: visible.map((m) => ({
        channel: m.channel,
        ts: m.ts,
        ...(m.threadTs ? { threadTs: m.threadTs } : {}),
        user: this.author(m),
        text: m.text,
        blocks: m.blocks,
        ephemeral: m.ephemeralTo !== undefined,
        edited: m.edited === true,
        time: this.postedAt.get(`${m.channel}/${m.ts}`) ?? new Date().toISOString(),
        replyCount: replies.get(`${m.channel}/${m.ts}`) ?? 0,
      })),
      modal: modal
        ? {
            id: modal.id,
            hash: modal.hash,
            view: modal.view,
            errors: this.modalErrors.get(modal.id) ?? {},
            depth: this.modalStack.length,
          }
        : null,
      home: home ? { id: home.id, hash: home.hash, view: home.view } : null,
      notices: [...this.notices],
    };
  }

  // -------------------------------------------------------------------------------------------------------

  private who(channel = this.workspace.channel.id) {
    const { team, user } = this.workspace;
    const name = channel === this.workspace.channel.id ? this.workspace.channel.name : 'directmessage';
    return {
      team: { id: team.id, domain: team.domain },
      user: { id: user.id, username: user.username, name: user.name, team_id: user.team_id },
      channel: { id: channel, name },
    };
  }

  private author(m: StoredMessage): MessageView['user'] {
    if (m.user === this.opts.app.botUserId) return { id: m.user, name: this.opts.app.name, bot: true };
    if (m.user === SLACKBOT.id) return { id: SLACKBOT.id, name: SLACKBOT.name, bot: true };
    if (m.user === this.workspace.user.id)
      return { id: m.user, name: this.workspace.user.realName, bot: false };
    if (m.source !== 'user') return { id: this.opts.app.botUserId, name: this.opts.app.name, bot: true };
    return { id: m.user ?? 'unknown', name: m.user ?? 'unknown', bot: false };
  }

  private findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.slack.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  private modal(viewId: string): StoredView | undefined {
    if (!this.modalStack.includes(viewId)) return undefined;
    return this.slack.views.find((v) => v.id === viewId && v.kind === 'modal');
  }

  private popView(viewId: string): void {
    const i = this.modalStack.lastIndexOf(viewId);
    if (i >= 0) this.modalStack.splice(i);
  }

  /** `@Thoracic RT` (the app's display name) becomes the mention token `<@UBOT>`; the rest is escaped. */
  private encodeMessageText(raw: string): { text: string; mentioned: boolean } {
    const name = this.opts.app.name;
    const pattern = new RegExp(`@${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi');
    let mentioned = false;
    const parts = raw.split(pattern).map(escapeText);
    if (parts.length > 1) mentioned = true;
    const botToken = `<@${this.opts.app.botUserId}>`;
    return { text: parts.join(botToken), mentioned: mentioned || raw.includes(botToken) };
  }

  private slackbotSays(channel: string, text: string, threadTs?: string): void {
    this.slack.addMessage({
      channel,
      ...(threadTs ? { threadTs } : {}),
      user: SLACKBOT.id,
      text,
      ephemeralTo: this.workspace.user.id,
      source: 'response_url',
    });
  }

  private notice(text: string): void {
    this.noticeSeq += 1;
    this.notices.push({ id: this.noticeSeq, text });
    if (this.notices.length > MAX_NOTICES) this.notices.shift();
    this.changed();
  }

  private async deliver(
    req: SlackRequest,
  ): Promise<{ ok: true; body: string } | { ok: false; error: string }> {
    try {
      const res = await deliver(this.opts.requestUrl, req, {
        secret: this.opts.signingSecret,
        timeoutMs: ACK_TIMEOUT_MS,
      });
      if (res.status !== 200) {
        this.opts.log.warn('playground request refused', { status: res.status });
        return { ok: false, error: `http_error_${res.status}` };
      }
      return { ok: true, body: res.body };
    } catch (err) {
      const timeout = (err as Error).name === 'TimeoutError';
      this.opts.log.warn('playground request failed', { name: (err as Error).name });
      return { ok: false, error: timeout ? 'operation_timeout' : 'dispatch_failed' };
    }
  }

  /** Delivers a request whose acknowledgement carries nothing to show; a failure becomes a notice. */
  private async send(req: SlackRequest, kind: string): Promise<Outcome> {
    const res = await this.deliver(req);
    if (!res.ok) {
      this.notice(`${this.opts.app.name} did not respond to ${kind} (${res.error}).`);
      return res;
    }
    return { ok: true };
  }

  private onFakeEvent(e: FakeEvent): void {
    if (e.type === 'message') {
      this.postedAt.set(`${e.message.channel}/${e.message.ts}`, new Date().toISOString());
    } else if (e.type === 'view') {
      const v = e.view;
      if (v.kind === 'modal' && (v.userId === undefined || v.userId === this.workspace.user.id)) {
        if (e.method === 'views.open') this.modalStack.splice(0, this.modalStack.length, v.id);
        else if (e.method === 'views.push') this.modalStack.push(v.id);
        else if (e.method === 'views.update') this.modalErrors.delete(v.id);
      }
    }
    this.changed();
  }

  private changed(): void {
    this.version += 1;
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      for (const fn of [...this.subscribers]) fn();
    });
  }
}

/** Escapes a person's text as Slack does before it reaches an app: exactly `&`, `<` and `>`. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/** The interactive element with this action_id in the block with this block_id (actions or accessory). */
function findElement(blocks: unknown[], blockId: string, actionId: string): Obj | undefined {
  for (const b of blocks) {
    if (!isObj(b) || (b.block_id ?? '') !== blockId) continue;
    const candidates: unknown[] = [];
    if (Array.isArray(b.elements)) candidates.push(...b.elements);
    if (b.accessory) candidates.push(b.accessory);
    if (b.element) candidates.push(b.element);
    const found = candidates.find((e) => isObj(e) && e.action_id === actionId);
    if (isObj(found)) return found;
  }
  return undefined;
}

function actionOf(element: Obj, blockId: string) {
  return {
    type: String(element.type),
    action_id: String(element.action_id),
    block_id: blockId,
    ...(typeof element.value === 'string' ? { value: element.value } : {}),
    ...(isObj(element.text)
      ? { text: { type: 'plain_text' as const, text: String(element.text.text ?? ''), emoji: true } }
      : {}),
    ...(typeof element.style === 'string' ? { style: element.style } : {}),
    ...(typeof element.url === 'string' ? { url: element.url } : {}),
  };
}
