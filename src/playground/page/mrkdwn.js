// Slack mrkdwn → DOM nodes. Everything is built with createElement/textContent: no text ever reaches innerHTML.
// Supports *bold*, _italic_, ~strike~, `code`, ```preformatted```, > quotes, bullet lines, <url|label> links
// (new tab, rel=noopener), <@user> and <#channel> mentions, <!here>, :emoji: short codes and Slack's three
// entities (&amp; &lt; &gt;).

const EMOJI = {
  white_check_mark: '✅',
  large_yellow_circle: '🟡',
  no_entry: '⛔',
  grey_question: '❔',
  question: '❓',
  heavy_minus_sign: '➖',
  red_circle: '🔴',
  warning: '⚠️',
  information_source: 'ℹ️',
  lock: '🔒',
  mag: '🔍',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  scissors: '✂️',
  turtle: '🐢',
  wave: '👋',
  x: '❌',
  memo: '📝',
  clipboard: '📋',
  books: '📚',
  link: '🔗',
  bulb: '💡',
  thumbsup: '👍',
  '+1': '👍',
  eyes: '👀',
  tada: '🎉',
  ballot_box_with_check: '☑️',
  heavy_check_mark: '✔️',
  radioactive_sign: '☢️',
  lungs: '🫁',
  hospital: '🏥',
};

/** Names to show for ids in mentions; set by the app from the workspace. */
export const names = { users: new Map(), channels: new Map() };

/** Slack's own escaping: exactly &amp; &lt; &gt;. */
export function decodeEntities(s) {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Text with :short_codes: replaced by emoji (unknown codes stay as typed). */
export function emojify(s) {
  return s.replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] ?? whole);
}

function el(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

function text(s) {
  return document.createTextNode(emojify(decodeEntities(s)));
}

const SAFE_URL = /^(https?:|mailto:)/i;

/** `<…>`: a link, a mention or a special token. */
function angle(inner) {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? inner.slice(bar + 1) : '';
  if (target.startsWith('@')) {
    const id = target.slice(1);
    const span = el('span', 'mention');
    span.textContent = `@${decodeEntities(label || names.users.get(id) || id)}`;
    return span;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    const span = el('span', 'mention');
    span.textContent = `#${decodeEntities(label || names.channels.get(id) || id)}`;
    return span;
  }
  if (target.startsWith('!date^')) {
    // <!date^seconds^format|fallback>: Slack shows the reader's local time; so does the playground.
    const seconds = Number(target.split('^')[1]);
    const time = el('time');
    time.textContent = Number.isFinite(seconds)
      ? new Date(seconds * 1000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
      : decodeEntities(label);
    if (Number.isFinite(seconds)) time.dateTime = new Date(seconds * 1000).toISOString();
    return time;
  }
  if (target.startsWith('!')) {
    const span = el('span', 'mention');
    const word = target.slice(1).split('^')[0];
    span.textContent = label ? decodeEntities(label) : `@${word}`;
    return span;
  }
  const url = decodeEntities(target);
  if (!SAFE_URL.test(url)) return text(label || target);
  const a = el('a');
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = emojify(decodeEntities(label || target));
  return a;
}

function isWordChar(c) {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** Index of the closing marker for a span opened at `start`, skipping links and code; -1 when none. */
function closing(s, start, marker) {
  for (let j = start + 2; j < s.length; j++) {
    const c = s[j];
    if (c === '<' || c === '`') {
      const end = s.indexOf(c === '<' ? '>' : '`', j + 1);
      if (end > j) {
        j = end;
        continue;
      }
    }
    if (c === marker && !/\s/.test(s[j - 1]) && !isWordChar(s[j + 1])) return j;
  }
  return -1;
}

const TAGS = { '*': 'strong', _: 'em', '~': 's' };

/** Appends the inline content of one line to `parent`. */
export function renderInline(s, parent) {
  let buf = '';
  const flush = () => {
    if (buf) parent.append(text(buf));
    buf = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '`') {
      const end = s.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        const code = el('code');
        code.textContent = decodeEntities(s.slice(i + 1, end));
        parent.append(code);
        i = end;
        continue;
      }
    }
    if (c === '<') {
      const end = s.indexOf('>', i + 1);
      if (end > i + 1) {
        flush();
        parent.append(angle(s.slice(i + 1, end)));
        i = end;
        continue;
      }
    }
    const tag = TAGS[c];
    if (tag && !isWordChar(s[i - 1]) && s[i + 1] !== undefined && !/\s/.test(s[i + 1])) {
      const end = closing(s, i, c);
      if (end > i + 1) {
        flush();
        const node = el(tag);
        renderInline(s.slice(i + 1, end), node);
        parent.append(node);
        i = end;
        continue;
      }
    }
    buf += c;
  }
  flush();
}

const BULLET = /^\s*[•◦▪‣-]\s+/;

/** A mrkdwn text as a block of lines, lists, quotes and preformatted text. */
export function renderMrkdwn(s) {
  const root = el('div', 'mrkdwn');
  const lines = String(s ?? '').split('\n');
  let list;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('```')) {
      list = undefined;
      const body = [line.slice(3)];
      let j = i;
      let closed = line.length > 3 && line.endsWith('```');
      if (closed) body[0] = line.slice(3, -3);
      while (!closed && j + 1 < lines.length) {
        j += 1;
        const l = lines[j];
        if (l.endsWith('```')) {
          body.push(l.slice(0, -3));
          closed = true;
        } else body.push(l);
      }
      const pre = el('pre');
      pre.textContent = decodeEntities(body.join('\n').replace(/^\n|\n$/g, ''));
      root.append(pre);
      i = j;
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      if (!list) {
        list = el('ul');
        root.append(list);
      }
      const li = el('li');
      renderInline(line.slice(bullet[0].length), li);
      list.append(li);
      continue;
    }
    if (list && /^\s{2,}\S/.test(line)) {
      // An indented continuation of the previous list item.
      const more = el('div', 'mrkdwn-continuation');
      renderInline(line.trim(), more);
      list.lastElementChild?.append(more);
      continue;
    }
    list = undefined;
    if (line.startsWith('&gt;')) {
      const quote = el('blockquote');
      renderInline(line.replace(/^&gt;\s?/, ''), quote);
      root.append(quote);
      continue;
    }
    const div = el('div', 'mrkdwn-line');
    if (line.trim() === '') div.classList.add('empty');
    else renderInline(line, div);
    root.append(div);
  }
  return root;
}

/** Plain text (plain_text objects): entities are not interpreted, emoji are when `emoji` is not false. */
export function renderPlain(obj) {
  const s = String(obj?.text ?? '');
  return obj?.emoji === false ? s : emojify(s);
}

/** A Slack text object (mrkdwn or plain_text) as DOM. */
export function renderTextObject(obj) {
  if (!obj) return document.createTextNode('');
  if (obj.type === 'mrkdwn') return renderMrkdwn(obj.text);
  const span = el('span', 'plain');
  span.textContent = renderPlain(obj);
  return span;
}
