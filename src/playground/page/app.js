// The playground page: renders the emulator's state (pushed as server-sent events) as a Slack-like workspace,
// and turns what the person does into requests to the emulator, which delivers them to the app as Slack would.
import {
  clientErrors,
  collectEntries,
  el,
  renderBlocks,
  renderInputBlock,
  renderMessageBody,
  showErrors,
} from './blocks.js';
import { names, renderPlain } from './mrkdwn.js';

const $ = (id) => document.getElementById(id);

let state;
let view = 'channel';
let appTab = 'home';
/** The open thread: { channel, ts }. */
let thread;
let modalKey = '';
let modalErrorsSig = '';
let lastNotice = 0;
let dmSeen = 0;
const rendered = new WeakMap();

// The per-page token the server embedded: every request to the playground's endpoints carries it.
const TOKEN = document.querySelector('meta[name="playground-token"]')?.getAttribute('content') ?? '';

async function post(path, body) {
  try {
    const res = await fetch(`/playground/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-playground-token': TOKEN },
      body: JSON.stringify(body ?? {}),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) toast(json.error ?? `The playground refused the request (${res.status}).`);
    return json;
  } catch {
    toast('The playground is not reachable. Is `npm start` still running?');
    return { ok: false, error: 'unreachable' };
  }
}

function toast(text) {
  const t = el('div', 'toast');
  t.textContent = text;
  $('toasts').append(t);
  setTimeout(() => t.remove(), 8000);
}

// ---------------------------------------------------------------------------------------------------------
// Messages

function timeOf(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function initials(name) {
  if (name === state.workspace.app.name) return 'RT';
  return (
    name
      .replace(/^Dr\.? /, '')
      .split(/\s+/)
      .map((w) => w[0] ?? '')
      .join('')
      .slice(0, 2)
      .toUpperCase() || '?'
  );
}

function closeMenus() {
  for (const m of document.querySelectorAll('.menu')) m.remove();
  for (const b of document.querySelectorAll('[aria-expanded="true"].more'))
    b.setAttribute('aria-expanded', 'false');
}

function openMenu(anchor, items) {
  closeMenus();
  const menu = el('div', 'menu', { role: 'menu', 'aria-label': 'Message actions' });
  for (const item of items) {
    const b = el('button', 'menu-item', { type: 'button', role: 'menuitem' });
    b.textContent = item.label;
    if (item.hint) {
      const h = el('span', 'menu-hint');
      h.textContent = item.hint;
      b.append(h);
    }
    b.addEventListener('click', () => {
      closeMenus();
      item.run();
    });
    menu.append(b);
  }
  menu.addEventListener('keydown', (e) => {
    const all = [...menu.querySelectorAll('[role=menuitem]')];
    const i = all.indexOf(document.activeElement);
    if (e.key === 'ArrowDown') all[(i + 1) % all.length]?.focus();
    else if (e.key === 'ArrowUp') all[(i - 1 + all.length) % all.length]?.focus();
    else if (e.key === 'Escape') {
      closeMenus();
      anchor.focus();
    } else return;
    e.preventDefault();
  });
  anchor.setAttribute('aria-expanded', 'true');
  anchor.parentElement.append(menu);
  menu.querySelector('[role=menuitem]')?.focus();
}

function messageActions(m, inThread) {
  const items = [];
  if (!m.ephemeral) {
    for (const s of state.workspace.app.messageShortcuts) {
      items.push({
        label: s.name,
        hint: state.workspace.app.name,
        run: () => post('message-shortcut', { channel: m.channel, ts: m.ts, callbackId: s.callbackId }),
      });
    }
    if (!inThread)
      items.push({ label: 'Reply in thread', run: () => openThread(m.channel, m.threadTs ?? m.ts) });
  } else {
    items.push({ label: 'Dismiss message', run: () => post('dismiss', { channel: m.channel, ts: m.ts }) });
  }
  return items;
}

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one message's DOM, built top to bottom as Slack lays it out; the playground is a development emulator, redesigned with the answer card (issue 18)
function messageNode(m, inThread) {
  const article = el('article', `message${m.ephemeral ? ' ephemeral' : ''}`, {
    'aria-label': `${m.user.name}${m.ephemeral ? ', only visible to you' : ''}, ${timeOf(m.time)}`,
    'data-ts': m.ts,
  });
  const avatar = el(
    'div',
    `avatar${m.user.bot ? ' bot' : ''}${m.user.id === 'USLACKBOT' ? ' slackbot' : ''}`,
    {
      'aria-hidden': 'true',
    },
  );
  avatar.textContent = initials(m.user.name);
  const body = el('div', 'message-body');
  if (m.ephemeral) {
    const note = el('div', 'ephemeral-note');
    note.textContent = 'Only visible to you';
    body.append(note);
  }
  const meta = el('div', 'message-meta');
  const author = el('span', 'author');
  author.textContent = m.user.name;
  meta.append(author);
  if (m.user.bot) {
    const badge = el('span', 'app-badge');
    badge.textContent = 'APP';
    meta.append(badge);
  }
  const time = el('time', undefined, { datetime: m.time });
  time.textContent = timeOf(m.time);
  meta.append(time);
  if (m.edited) {
    const edited = el('span', 'edited');
    edited.textContent = '(edited)';
    meta.append(edited);
  }
  body.append(meta);
  body.append(
    renderMessageBody(m, {
      onAction: (block, element) =>
        post('action', {
          channel: m.channel,
          ts: m.ts,
          blockId: block.block_id ?? '',
          actionId: element.action_id,
        }),
    }),
  );
  if (!inThread && m.replyCount > 0) {
    const replies = el('button', 'replies', { type: 'button' });
    replies.textContent = `${m.replyCount} ${m.replyCount === 1 ? 'reply' : 'replies'}`;
    replies.addEventListener('click', () => openThread(m.channel, m.ts));
    body.append(replies);
  }
  article.append(avatar, body);

  const items = messageActions(m, inThread);
  if (items.length > 0) {
    const tools = el('div', 'message-tools');
    const more = el('button', 'icon-button more', {
      type: 'button',
      'aria-label': 'More actions',
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
    });
    more.textContent = '⋮';
    more.addEventListener('click', (e) => {
      e.stopPropagation();
      if (more.getAttribute('aria-expanded') === 'true') closeMenus();
      else openMenu(more, messageActions(m, inThread));
    });
    tools.append(more);
    article.append(tools);
  }
  return article;
}

/** Re-renders a message list, reusing the nodes of unchanged messages; keeps the view at the bottom. */
function renderList(container, messages, inThread, intro) {
  const previous = rendered.get(container) ?? new Map();
  const next = new Map();
  const atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 80;
  const nodes = intro ? [intro] : [];
  for (const m of messages) {
    const key = `${m.channel}/${m.ts}`;
    const sig = JSON.stringify(m);
    const old = previous.get(key);
    const node = old && old.sig === sig ? old.node : messageNode(m, inThread);
    next.set(key, { sig, node });
    nodes.push(node);
  }
  rendered.set(container, next);
  const before = [...container.children];
  if (before.length === nodes.length && before.every((n, i) => n === nodes[i])) return;
  container.replaceChildren(...nodes);
  const last = messages.at(-1);
  if (atBottom || last?.user.id === state.workspace.user.id || last?.ephemeral) {
    container.scrollTop = container.scrollHeight;
  }
}

/** The start of a conversation, as Slack shows it above the first message. */
function intro(id, title, text) {
  const existing = document.getElementById(id);
  if (existing) return existing;
  const div = el('div', 'conversation-intro', { id });
  const h = el('h2');
  h.textContent = title;
  const p = el('p');
  p.textContent = text;
  div.append(h, p);
  return div;
}

function topLevel(channel) {
  return state.messages.filter((m) => m.channel === channel && (!m.threadTs || m.threadTs === m.ts));
}

function openThread(channel, ts) {
  thread = { channel, ts };
  $('thread-pane').hidden = false;
  renderThread();
  $('thread-input').focus();
}

function renderThread() {
  const pane = $('thread-pane');
  if (!thread) {
    pane.hidden = true;
    return;
  }
  const parent = state.messages.find((m) => m.channel === thread.channel && m.ts === thread.ts);
  const replies = state.messages.filter(
    (m) => m.channel === thread.channel && m.threadTs === thread.ts && m.ts !== thread.ts,
  );
  $('thread-where').textContent =
    thread.channel === state.workspace.channel.id
      ? `#${state.workspace.channel.name}`
      : state.workspace.app.name;
  renderList($('thread-messages'), parent ? [parent, ...replies] : replies, true);
}

// ---------------------------------------------------------------------------------------------------------
// Modal

function closeModalDom() {
  $('modal-root').replaceChildren();
  modalKey = '';
  modalErrorsSig = '';
}

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: the modal's DOM in Slack's layout order; the playground is a development emulator, redesigned with the answer card (issue 18)
function renderModal() {
  const modal = state.modal;
  const key = modal ? `${modal.id}:${modal.hash}` : '';
  if (key === modalKey) {
    const sig = JSON.stringify(modal?.errors ?? {});
    if (modal && sig !== modalErrorsSig) {
      modalErrorsSig = sig;
      showErrors($('modal-root'), modal.errors);
    }
    return;
  }
  if (!modal) {
    const hadModal = modalKey !== '';
    closeModalDom();
    if (hadModal) $('composer-input').focus();
    return;
  }
  modalKey = key;
  modalErrorsSig = JSON.stringify(modal.errors);
  const v = modal.view;
  const backdrop = el('div', 'modal-backdrop');
  const dialog = el('div', 'modal', {
    role: 'dialog',
    'aria-modal': 'true',
    'aria-labelledby': 'modal-title',
  });
  const header = el('header', 'modal-header');
  const icon = el('span', 'nav-app-icon', { 'aria-hidden': 'true' });
  icon.textContent = 'RT';
  const title = el('h2', undefined, { id: 'modal-title' });
  title.textContent = renderPlain(v.title);
  const x = el('button', 'icon-button', { type: 'button', 'aria-label': 'Close' });
  x.textContent = '✕';
  x.addEventListener('click', () => post('view-close', { viewId: modal.id, all: true }));
  header.append(icon, title, x);

  const form = el('form', 'modal-body', { novalidate: '' });
  const banner = el('div', 'modal-banner', { role: 'alert', hidden: '' });
  form.append(banner);
  form.append(
    renderBlocks(v.blocks, {
      renderInput: renderInputBlock,
      // Slack sends the form's current state with a click in a modal ("Read it", "More facts").
      onAction: (block, element) =>
        post('action', {
          viewId: modal.id,
          blockId: block.block_id ?? '',
          actionId: element.action_id,
          values: collectEntries(form),
        }),
    }),
  );
  const footer = el('footer', 'modal-footer');
  const cancel = el('button', 'btn', { type: 'button' });
  cancel.textContent = renderPlain(v.close ?? { text: modal.depth > 1 ? 'Back' : 'Cancel' });
  cancel.addEventListener('click', () => post('view-close', { viewId: modal.id }));
  footer.append(cancel);
  let submit;
  if (v.submit) {
    submit = el('button', 'btn btn-primary', { type: 'submit', form: 'modal-form' });
    submit.textContent = renderPlain(v.submit);
    footer.append(submit);
  }
  form.id = 'modal-form';
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!submit || submit.disabled) return;
    banner.hidden = true;
    const local = clientErrors(form, v.blocks);
    if (Object.keys(local).length > 0) {
      showErrors(form, local)?.focus();
      return;
    }
    showErrors(form, {});
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    try {
      const out = await post('view-submit', { viewId: modal.id, values: collectEntries(form) });
      if (out.errors) {
        modalErrorsSig = JSON.stringify(out.errors);
        showErrors(form, out.errors)?.focus();
      } else if (out.ok === false && out.error) {
        banner.textContent = out.error;
        banner.hidden = false;
      } else if (out.closed && modalKey === key) {
        closeModalDom();
        $('composer-input').focus();
      }
    } finally {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
    }
  });
  dialog.append(header, form, footer);
  backdrop.append(dialog);
  backdrop.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') post('view-close', { viewId: modal.id, all: true });
  });
  $('modal-root').replaceChildren(backdrop);
  if (Object.keys(modal.errors).length > 0) showErrors(form, modal.errors);
  (form.querySelector('input, select, textarea') ?? x).focus();
}

// ---------------------------------------------------------------------------------------------------------
// Home tab, navigation, notices

function renderHome() {
  const panel = $('home-panel');
  const home = state.home;
  const key = home ? `${home.id}:${home.hash}` : '';
  if (panel.dataset.key === key && panel.childElementCount > 0) return;
  panel.dataset.key = key;
  if (!home) {
    const p = el('p', 'empty-list');
    p.textContent = 'Opening the Home tab…';
    panel.replaceChildren(p);
    return;
  }
  panel.replaceChildren(
    renderBlocks(home.view.blocks, {
      onAction: (block, element) =>
        post('action', { viewId: home.id, blockId: block.block_id ?? '', actionId: element.action_id }),
    }),
  );
}

function show(next) {
  view = next;
  $('channel-view').hidden = view !== 'channel';
  $('app-view').hidden = view !== 'app';
  $('nav-channel').toggleAttribute('aria-current', view === 'channel');
  if (view === 'channel') $('nav-channel').setAttribute('aria-current', 'page');
  $('nav-app').toggleAttribute('aria-current', view === 'app');
  if (view === 'app') {
    $('nav-app').setAttribute('aria-current', 'page');
    selectTab(appTab);
  }
  render();
}

function selectTab(tab) {
  appTab = tab;
  for (const [name, button, panel] of [
    ['home', $('tab-home'), $('home-panel')],
    ['messages', $('tab-messages'), $('dm-panel')],
  ]) {
    const on = name === tab;
    button.setAttribute('aria-selected', String(on));
    button.tabIndex = on ? 0 : -1;
    panel.hidden = !on;
  }
  // Slack sends app_home_opened every time the person opens the app's tab.
  if (tab === 'home') post('home', {});
  if (state) render();
}

function renderShortcuts() {
  const box = $('global-shortcuts');
  const key = JSON.stringify(state.workspace.app.globalShortcuts);
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  box.replaceChildren(
    ...state.workspace.app.globalShortcuts.map((s) => {
      const b = el('button', 'btn shortcut', { type: 'button', title: 'Global shortcut' });
      b.textContent = `⚡ ${s.name}`;
      b.addEventListener('click', async () => {
        b.disabled = true;
        try {
          await post('global-shortcut', { callbackId: s.callbackId });
        } finally {
          b.disabled = false;
        }
      });
      return b;
    }),
  );
}

function render() {
  if (!state) return;
  const ws = state.workspace;
  names.users.set(ws.app.botUserId, ws.app.name);
  names.users.set(ws.user.id, ws.user.name);
  names.channels.set(ws.channel.id, ws.channel.name);
  $('team-name').textContent = ws.team.name;
  $('nav-channel-name').textContent = ws.channel.name;
  $('channel-name').textContent = ws.channel.name;
  $('nav-app-name').textContent = ws.app.name;
  $('app-name').textContent = ws.app.name;
  $('composer-input').placeholder = `Message #${ws.channel.name}`;
  renderShortcuts();

  renderList(
    $('channel-messages'),
    topLevel(ws.channel.id),
    false,
    intro(
      'channel-intro',
      `This is the very beginning of #${ws.channel.name}`,
      `Ask ${ws.app.name} about a case: type /thoracic-rt followed by a case summary, /thoracic-rt form for the ` +
        `intake form, or mention @${ws.app.name} with a question. Use the ⋮ menu on a posted case to assess it.`,
    ),
  );
  const dm = topLevel(ws.dm.id);
  renderList(
    $('dm-messages'),
    dm,
    false,
    intro(
      'dm-intro',
      ws.app.name,
      'Answers to the global shortcut arrive here, as direct messages from the app.',
    ),
  );
  if (view === 'app' && appTab === 'messages') dmSeen = dm.length;
  const unread = dm.length - dmSeen;
  $('dm-badge').hidden = unread <= 0;
  $('dm-badge').textContent = unread > 0 ? String(unread) : '';
  $('dm-badge').setAttribute('aria-label', `${unread} new`);
  renderHome();
  renderThread();
  renderModal();
  for (const n of state.notices) {
    if (n.id > lastNotice) toast(n.text);
  }
  lastNotice = Math.max(lastNotice, ...state.notices.map((n) => n.id));
}

// ---------------------------------------------------------------------------------------------------------
// Composer

function autoGrow(textarea) {
  textarea.style.height = 'auto';
  textarea.style.height = `${Math.min(textarea.scrollHeight, 200)}px`;
}

function renderCommandHints(input) {
  const hints = $('command-hints');
  const value = input.value;
  const match = /^\/\S*$/.exec(value);
  const commands =
    match && state ? state.workspace.app.commands.filter((c) => c.command.startsWith(value)) : [];
  hints.hidden = commands.length === 0;
  hints.replaceChildren(
    ...commands.map((c) => {
      const b = el('button', 'command-hint', { type: 'button', role: 'option', 'aria-selected': 'false' });
      const name = el('strong');
      name.textContent = c.command;
      const usage = el('span', 'usage');
      usage.textContent = ` ${c.usageHint}`;
      const desc = el('span', 'description');
      desc.textContent = c.description;
      b.append(name, usage, desc);
      b.addEventListener('click', () => {
        input.value = `${c.command} `;
        hints.hidden = true;
        input.focus();
      });
      return b;
    }),
  );
}

function wireComposer(form, input, extra) {
  const send = async () => {
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    autoGrow(input);
    $('command-hints').hidden = true;
    await post('message', { text, ...extra() });
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    } else if (e.key === 'Tab' && form.id === 'composer' && !$('command-hints').hidden) {
      e.preventDefault();
      $('command-hints').querySelector('button')?.click();
    } else if (e.key === 'Escape') $('command-hints').hidden = true;
  });
  input.addEventListener('input', () => {
    autoGrow(input);
    if (form.id === 'composer') renderCommandHints(input);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Start

function connect() {
  const source = new EventSource(`/playground/events?token=${encodeURIComponent(TOKEN)}`);
  source.addEventListener('state', (e) => {
    $('connection').hidden = true;
    state = JSON.parse(e.data);
    document.body.dataset.version = String(state.version);
    render();
  });
  source.addEventListener('error', () => {
    $('connection').hidden = false;
  });
}

document.addEventListener('click', (e) => {
  if (!e.target.closest?.('.menu')) closeMenus();
});
$('nav-channel').addEventListener('click', () => show('channel'));
$('nav-app').addEventListener('click', () => show('app'));
$('tab-home').addEventListener('click', () => selectTab('home'));
$('tab-messages').addEventListener('click', () => selectTab('messages'));
$('thread-close').addEventListener('click', () => {
  thread = undefined;
  renderThread();
});
wireComposer($('composer'), $('composer-input'), () => ({ channel: state?.workspace.channel.id }));
wireComposer($('thread-composer'), $('thread-input'), () => ({
  channel: thread?.channel,
  threadTs: thread?.ts,
}));
connect();
$('composer-input').focus();
