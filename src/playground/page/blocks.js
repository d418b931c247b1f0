// Block Kit → DOM for messages, the Home tab and modals. Text goes through mrkdwn.js (textContent only).
import { emojify, renderInline, renderMrkdwn, renderPlain, renderTextObject } from './mrkdwn.js';

/** A DOM element with a class and attributes (never HTML from text). */
export function el(tag, className, attrs) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [k, v] of Object.entries(attrs ?? {}))
    if (v !== undefined && v !== null) node.setAttribute(k, v);
  return node;
}

let uid = 0;
/** A DOM id for a block_id (block ids may hold any character). */
function domId(prefix, blockId) {
  uid += 1;
  return `${prefix}-${String(blockId).replace(/[^A-Za-z0-9_-]/g, '_')}-${uid}`;
}

/**
 * Asks before an action with a `confirm` object, as Slack does. Resolves true when the person confirms.
 * A small dialog (role alertdialog) instead of window.confirm, so it looks like Slack and tests can drive it.
 */
export function confirmDialog(confirm) {
  return new Promise((resolve) => {
    const backdrop = el('div', 'confirm-backdrop');
    const titleId = domId('confirm-title', 'x');
    const box = el('div', 'confirm', {
      role: 'alertdialog',
      'aria-modal': 'true',
      'aria-labelledby': titleId,
    });
    const title = el('h2', undefined, { id: titleId });
    title.textContent = renderPlain(confirm.title ?? { text: 'Are you sure?' });
    const body = el('div', 'confirm-body');
    body.append(renderTextObject(confirm.text ?? { type: 'plain_text', text: '' }));
    const buttons = el('div', 'confirm-buttons');
    const no = el('button', 'btn', { type: 'button' });
    no.textContent = renderPlain(confirm.deny ?? { text: 'Cancel' });
    const yes = el('button', `btn ${confirm.style === 'danger' ? 'btn-danger' : 'btn-primary'}`, {
      type: 'button',
    });
    yes.textContent = renderPlain(confirm.confirm ?? { text: 'Yes' });
    const done = (v) => {
      backdrop.remove();
      resolve(v);
    };
    no.addEventListener('click', () => done(false));
    yes.addEventListener('click', () => done(true));
    backdrop.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') done(false);
    });
    buttons.append(no, yes);
    box.append(title, body, buttons);
    backdrop.append(box);
    document.body.append(backdrop);
    yes.focus();
  });
}

function button(element, block, ctx) {
  const label = renderPlain(element.text);
  const styleClass =
    element.style === 'primary' ? ' btn-primary' : element.style === 'danger' ? ' btn-danger' : '';
  if (typeof element.url === 'string' && /^https?:/i.test(element.url)) {
    const a = el('a', `btn${styleClass}`, {
      href: element.url,
      target: '_blank',
      rel: 'noopener noreferrer',
    });
    a.textContent = label;
    if (element.accessibility_label) a.setAttribute('aria-label', element.accessibility_label);
    return a;
  }
  const b = el('button', `btn${styleClass}`, { type: 'button' });
  b.textContent = label;
  if (element.accessibility_label) b.setAttribute('aria-label', element.accessibility_label);
  b.addEventListener('click', async () => {
    if (!ctx?.onAction) return;
    if (element.confirm && !(await confirmDialog(element.confirm))) return;
    b.disabled = true;
    b.classList.add('busy');
    b.setAttribute('aria-busy', 'true');
    try {
      await ctx.onAction(block, element);
    } finally {
      b.disabled = false;
      b.classList.remove('busy');
      b.removeAttribute('aria-busy');
    }
  });
  return b;
}

function unsupported(what) {
  const span = el('span', 'blk-unsupported');
  span.textContent = `[${what} is not shown in the playground]`;
  return span;
}

function elementNode(element, block, ctx) {
  switch (element?.type) {
    case 'button':
      return button(element, block, ctx);
    case 'image': {
      const span = el('span', 'blk-image', { role: 'img', 'aria-label': element.alt_text ?? 'image' });
      span.textContent = '🖼';
      return span;
    }
    case 'mrkdwn':
    case 'plain_text':
      return renderTextObject(element);
    default:
      return unsupported(element?.type ?? 'element');
  }
}

function richText(block) {
  const div = el('div', 'mrkdwn');
  const walk = (node, parent) => {
    for (const e of node.elements ?? []) {
      if (e.type === 'text') {
        const span = el(e.style?.code ? 'code' : e.style?.bold ? 'strong' : e.style?.italic ? 'em' : 'span');
        span.textContent = e.text ?? '';
        parent.append(span);
      } else if (e.type === 'link' && /^https?:/i.test(e.url ?? '')) {
        const a = el('a', undefined, { href: e.url, target: '_blank', rel: 'noopener noreferrer' });
        a.textContent = e.text ?? e.url;
        parent.append(a);
      } else if (e.type === 'emoji') {
        parent.append(emojify(`:${e.name}:`));
      } else if (e.type === 'rich_text_list') {
        const ul = el(e.style === 'ordered' ? 'ol' : 'ul');
        for (const item of e.elements ?? []) {
          const li = el('li');
          walk(item, li);
          ul.append(li);
        }
        parent.append(ul);
      } else if (e.elements) {
        const d = el(
          e.type === 'rich_text_preformatted' ? 'pre' : e.type === 'rich_text_quote' ? 'blockquote' : 'div',
        );
        walk(e, d);
        parent.append(d);
      }
    }
  };
  walk(block, div);
  return div;
}

/** One non-input block. */
export function renderBlock(block, ctx) {
  switch (block?.type) {
    case 'header': {
      const h = el('div', 'blk-header', { role: 'heading', 'aria-level': '3' });
      h.textContent = renderPlain(block.text);
      return h;
    }
    case 'section': {
      const div = el('div', 'blk-section');
      const main = el('div', 'blk-section-main');
      if (block.text) main.append(renderTextObject(block.text));
      if (Array.isArray(block.fields)) {
        const grid = el('div', 'blk-fields');
        for (const f of block.fields) {
          const cell = el('div', 'blk-field');
          cell.append(renderTextObject(f));
          grid.append(cell);
        }
        main.append(grid);
      }
      div.append(main);
      if (block.accessory) {
        const acc = el('div', 'blk-accessory');
        acc.append(elementNode(block.accessory, block, ctx));
        div.append(acc);
      }
      return div;
    }
    case 'context': {
      const div = el('div', 'blk-context');
      for (const e of block.elements ?? []) {
        const item = el('span', 'blk-context-item');
        if (e.type === 'mrkdwn') renderInline(String(e.text ?? '').replace(/\n/g, ' '), item);
        else item.append(elementNode(e, block, ctx));
        div.append(item);
      }
      return div;
    }
    case 'divider':
      return el('hr', 'blk-divider');
    case 'actions': {
      const div = el('div', 'blk-actions', { role: 'group', 'aria-label': 'Actions' });
      for (const e of block.elements ?? []) div.append(elementNode(e, block, ctx));
      return div;
    }
    case 'image': {
      const fig = el('figure', 'blk-image-block');
      const cap = el('figcaption');
      cap.textContent = `🖼 ${block.title ? renderPlain(block.title) : (block.alt_text ?? 'image')}`;
      fig.append(cap);
      return fig;
    }
    case 'rich_text':
      return richText(block);
    case 'input':
      return ctx?.renderInput ? ctx.renderInput(block) : unsupported('input');
    default:
      return unsupported(`a ${block?.type ?? 'unknown'} block`);
  }
}

/** A list of blocks. */
export function renderBlocks(blocks, ctx) {
  const div = el('div', 'blocks');
  for (const b of blocks ?? []) div.append(renderBlock(b, ctx));
  return div;
}

/** A message body: its blocks, or its text as mrkdwn when it has none. */
export function renderMessageBody(message, ctx) {
  if (Array.isArray(message.blocks) && message.blocks.length > 0) return renderBlocks(message.blocks, ctx);
  return renderMrkdwn(message.text);
}

// ---------------------------------------------------------------------------------------------------------
// Modal inputs

function optionLabel(o) {
  return renderPlain(o.text);
}

function allOptions(element) {
  const direct = element.options ?? [];
  const grouped = (element.option_groups ?? []).flatMap((g) => g.options ?? []);
  return [...direct, ...grouped];
}

/**
 * An input block: label, element, hint and the place for its error. The element is found by its label
 * (accessible name); `aria-describedby` points at the hint and the error.
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one case per Block Kit input element type, as Slack's reference lists them
export function renderInputBlock(block) {
  const blockId = block.block_id ?? '';
  const element = block.element ?? {};
  const wrap = el('div', 'input-block', {
    'data-block-id': blockId,
    'data-element-type': element.type ?? '',
  });
  const labelId = domId('label', blockId);
  const inputId = domId('input', blockId);
  const hintId = domId('hint', blockId);
  const errorId = domId('error', blockId);
  const grouped = element.type === 'radio_buttons' || element.type === 'checkboxes';
  if (!grouped) {
    // Radio buttons and checkboxes are a labelled group themselves.
    wrap.setAttribute('role', 'group');
    wrap.setAttribute('aria-labelledby', labelId);
  }

  const labelRow = el('div', 'input-label-row');
  const label = el(grouped ? 'span' : 'label', 'input-label', {
    id: labelId,
    ...(grouped ? {} : { for: inputId }),
  });
  label.textContent = renderPlain(block.label);
  labelRow.append(label);
  if (block.optional) {
    const opt = el('span', 'input-optional', { 'aria-hidden': 'true' });
    opt.textContent = '(optional)';
    labelRow.append(opt);
  }
  wrap.append(labelRow);

  const describedBy = [block.hint ? hintId : undefined, errorId].filter(Boolean).join(' ');
  const common = { id: inputId, 'aria-describedby': describedBy };
  const placeholder = element.placeholder ? renderPlain(element.placeholder) : undefined;
  let control;
  switch (element.type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input': {
      const multiline = element.type === 'plain_text_input' && element.multiline;
      control = el(multiline ? 'textarea' : 'input', 'input-control', {
        ...common,
        ...(multiline
          ? { rows: '4' }
          : {
              type:
                element.type === 'email_text_input'
                  ? 'email'
                  : element.type === 'url_text_input'
                    ? 'url'
                    : 'text',
            }),
        ...(element.type === 'number_input'
          ? { inputmode: element.is_decimal_allowed ? 'decimal' : 'numeric' }
          : {}),
        placeholder,
        maxlength: element.max_length,
        autocomplete: 'off',
      });
      if (element.initial_value !== undefined) control.value = element.initial_value;
      break;
    }
    case 'static_select': {
      control = el('select', 'input-control', common);
      const none = el('option', undefined, { value: '' });
      none.textContent = placeholder ?? 'Select an option';
      control.append(none);
      for (const o of allOptions(element)) {
        const opt = el('option', undefined, { value: o.value });
        opt.textContent = optionLabel(o);
        control.append(opt);
      }
      control.value = element.initial_option?.value ?? '';
      break;
    }
    case 'multi_static_select': {
      const options = allOptions(element);
      control = el('select', 'input-control input-multi', {
        ...common,
        multiple: '',
        size: String(Math.min(Math.max(options.length, 2), 6)),
      });
      const initial = new Set((element.initial_options ?? []).map((o) => o.value));
      for (const o of options) {
        const opt = el('option', undefined, { value: o.value });
        opt.textContent = optionLabel(o);
        opt.selected = initial.has(o.value);
        control.append(opt);
      }
      const help = el('div', 'input-multi-help');
      help.textContent = 'Ctrl/⌘-click to choose several';
      wrap.append(control, help);
      control = undefined;
      break;
    }
    case 'radio_buttons':
    case 'checkboxes': {
      const radio = element.type === 'radio_buttons';
      control = el('div', 'input-choices', {
        ...common,
        role: radio ? 'radiogroup' : 'group',
        'aria-labelledby': labelId,
      });
      const name = domId('name', blockId);
      const initial = new Set(
        radio ? [element.initial_option?.value] : (element.initial_options ?? []).map((o) => o.value),
      );
      for (const o of element.options ?? []) {
        const row = el('label', 'input-choice');
        const input = el('input', undefined, { type: radio ? 'radio' : 'checkbox', name, value: o.value });
        input.checked = initial.has(o.value);
        const span = el('span');
        span.textContent = optionLabel(o);
        row.append(input, span);
        if (o.description) {
          const d = el('span', 'input-choice-description');
          d.textContent = renderPlain(o.description);
          row.append(d);
        }
        control.append(row);
      }
      break;
    }
    default:
      control = unsupported(element.type ?? 'element');
  }
  if (control) wrap.append(control);
  if (block.hint) {
    const hint = el('div', 'input-hint', { id: hintId });
    hint.textContent = renderPlain(block.hint);
    wrap.append(hint);
  }
  const error = el('div', 'input-error', { id: errorId, 'aria-live': 'polite' });
  wrap.append(error);
  return wrap;
}

/** What the person entered in each input block of `root`, keyed by block_id, as the emulator expects. */
export function collectEntries(root) {
  const entries = {};
  for (const wrap of root.querySelectorAll('.input-block')) {
    const blockId = wrap.dataset.blockId;
    const type = wrap.dataset.elementType;
    if (type === 'radio_buttons' || type === 'checkboxes') {
      entries[blockId] = { selected: [...wrap.querySelectorAll('input:checked')].map((i) => i.value) };
    } else if (type === 'multi_static_select') {
      entries[blockId] = { selected: [...wrap.querySelector('select').selectedOptions].map((o) => o.value) };
    } else if (type === 'static_select') {
      const v = wrap.querySelector('select').value;
      entries[blockId] = { selected: v ? [v] : [] };
    } else {
      const control = wrap.querySelector('input, textarea');
      if (control) entries[blockId] = { value: control.value === '' ? null : control.value };
    }
  }
  return entries;
}

/** Shows (or clears) the error under each input; returns the first input with an error. */
export function showErrors(root, errors) {
  let first;
  for (const wrap of root.querySelectorAll('.input-block')) {
    const message = errors[wrap.dataset.blockId];
    const box = wrap.querySelector('.input-error');
    const control = wrap.querySelector('input, select, textarea');
    box.textContent = message ? emojify(message) : '';
    wrap.classList.toggle('has-error', Boolean(message));
    for (const c of wrap.querySelectorAll('input, select, textarea, [role=radiogroup]')) {
      if (message) c.setAttribute('aria-invalid', 'true');
      else c.removeAttribute('aria-invalid');
    }
    if (message && !first) first = control;
  }
  return first;
}

/** Slack's own checks before a modal is sent: number inputs must hold a number within their bounds. */
export function clientErrors(root, blocks) {
  const errors = {};
  const byId = new Map((blocks ?? []).filter((b) => b.type === 'input').map((b) => [b.block_id ?? '', b]));
  for (const wrap of root.querySelectorAll('.input-block')) {
    const block = byId.get(wrap.dataset.blockId);
    const element = block?.element;
    if (!element) continue;
    const control = wrap.querySelector('input, textarea');
    const value = control?.value.trim() ?? '';
    if (element.type === 'number_input' && value !== '') {
      const n = Number(value);
      if (!/^-?\d+(\.\d+)?$/.test(value) || !Number.isFinite(n))
        errors[wrap.dataset.blockId] = 'Please enter a number.';
      else if (!element.is_decimal_allowed && !Number.isInteger(n))
        errors[wrap.dataset.blockId] = 'Please enter a whole number.';
      else {
        const min = element.min_value !== undefined ? Number(element.min_value) : undefined;
        const max = element.max_value !== undefined ? Number(element.max_value) : undefined;
        if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
          errors[wrap.dataset.blockId] =
            min !== undefined && max !== undefined
              ? `Please enter a number between ${min} and ${max}.`
              : min !== undefined
                ? `Please enter a number of at least ${min}.`
                : `Please enter a number no greater than ${max}.`;
        }
      }
    }
    if (
      element.type === 'plain_text_input' &&
      element.min_length &&
      value !== '' &&
      value.length < element.min_length
    ) {
      errors[wrap.dataset.blockId] = `Please enter at least ${element.min_length} characters.`;
    }
  }
  return errors;
}
