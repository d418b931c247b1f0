// An offline guard for Block Kit payloads: Slack has no validator, and `invalid_blocks` rarely says which block
// is wrong. checkMessage/checkView walk every block, element and text object and list what breaks a limit.
import type { AnyBlock, KnownBlock, View } from '@slack/types';
import { LIMITS, textLength } from './limits-table.js';

export type ViolationRule =
  | 'too-long'
  | 'too-short'
  | 'too-many'
  | 'too-few'
  | 'required'
  | 'wrong-type'
  | 'duplicate-id'
  | 'text-budget';

/** One broken limit: where (`blocks[3].text.text`), which rule, and a sentence for logs and test failures. */
export interface Violation {
  path: string;
  rule: ViolationRule;
  message: string;
}

/** Every limit a chat.postMessage / respond payload must meet. An empty list means the message is valid. */
export function checkMessage(message: {
  text: string;
  blocks?: readonly (KnownBlock | AnyBlock)[];
}): Violation[] {
  const c = new Checker();
  if (typeof message.text !== 'string' || message.text.trim() === '') {
    c.add('text', 'required', 'every message needs a non-empty plain `text` fallback');
  } else if (message.text.length > LIMITS.messageText) {
    c.add(
      'text',
      'too-long',
      `fallback text is ${message.text.length} characters (keep ≤ ${LIMITS.messageText})`,
    );
  }
  const blocks = message.blocks ?? [];
  c.blocks('blocks', blocks, LIMITS.messageBlocks);
  const total = textLength(blocks);
  if (total > LIMITS.messageTextBudget) {
    c.add(
      'blocks',
      'text-budget',
      `blocks hold ${total} characters of text (budget ${LIMITS.messageTextBudget}; Slack fails near 13 k)`,
    );
  }
  return c.violations;
}

/** Every limit a modal or Home tab must meet. */
export function checkView(view: View): Violation[] {
  const c = new Checker();
  c.blocks('blocks', view.blocks, LIMITS.viewBlocks);
  if (view.private_metadata !== undefined)
    c.str('private_metadata', view.private_metadata, LIMITS.privateMetadata);
  if (view.callback_id !== undefined) c.str('callback_id', view.callback_id, LIMITS.id);
  if (view.external_id !== undefined) c.str('external_id', view.external_id, LIMITS.id);
  if (view.type === 'modal') {
    c.text('title', view.title, LIMITS.modalTitle, { plainOnly: true });
    if (view.submit !== undefined) c.text('submit', view.submit, LIMITS.modalSubmit, { plainOnly: true });
    if (view.close !== undefined) c.text('close', view.close, LIMITS.modalClose, { plainOnly: true });
    if (view.submit === undefined && view.blocks.some((b) => b.type === 'input')) {
      c.add('submit', 'required', 'a modal with an input block needs a submit button');
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(view), 'utf8');
  if (bytes > LIMITS.viewBytes) c.add('', 'too-long', `view is ${bytes} bytes (max ${LIMITS.viewBytes})`);
  return c.violations;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

class Checker {
  readonly violations: Violation[] = [];
  private readonly blockIds = new Set<string>();

  add(path: string, rule: ViolationRule, message: string): void {
    this.violations.push({ path, rule, message });
  }

  str(path: string, value: unknown, max: number): void {
    if (typeof value !== 'string') {
      this.add(path, 'wrong-type', 'must be a string');
      return;
    }
    if (value.length > max) this.add(path, 'too-long', `${value.length} characters (max ${max})`);
  }

  count(path: string, items: unknown, min: number, max: number): items is unknown[] {
    if (!Array.isArray(items)) {
      if (min > 0) this.add(path, 'required', `needs ${min}–${max} items`);
      return false;
    }
    if (items.length < min) this.add(path, 'too-few', `${items.length} items (min ${min})`);
    if (items.length > max) this.add(path, 'too-many', `${items.length} items (max ${max})`);
    return true;
  }

  text(path: string, obj: unknown, max: number, opts: { plainOnly?: boolean } = {}): void {
    if (!isObj(obj)) {
      this.add(path, 'required', 'needs a text object');
      return;
    }
    if (obj.type !== 'plain_text' && obj.type !== 'mrkdwn') {
      this.add(`${path}.type`, 'wrong-type', 'text object type must be plain_text or mrkdwn');
      return;
    }
    if (opts.plainOnly && obj.type !== 'plain_text') {
      this.add(`${path}.type`, 'wrong-type', 'must be plain_text');
    }
    const t = obj.text;
    if (typeof t !== 'string') {
      this.add(`${path}.text`, 'wrong-type', 'text must be a string');
      return;
    }
    if (t.trim().length === 0) this.add(`${path}.text`, 'too-short', 'text must not be empty');
    if (t.length > max) this.add(`${path}.text`, 'too-long', `${t.length} characters (max ${max})`);
  }

  blocks(path: string, blocks: unknown, max: number): void {
    if (!this.count(path, blocks, 0, max)) return;
    blocks.forEach((b, i) => {
      this.block(`${path}[${i}]`, b);
    });
  }

  private block(path: string, b: unknown): void {
    if (!isObj(b) || typeof b.type !== 'string') {
      this.add(path, 'wrong-type', 'a block needs a type');
      return;
    }
    if (b.block_id !== undefined) {
      this.str(`${path}.block_id`, b.block_id, LIMITS.id);
      if (typeof b.block_id === 'string') {
        if (this.blockIds.has(b.block_id)) {
          this.add(`${path}.block_id`, 'duplicate-id', `block_id ${b.block_id} is used twice`);
        }
        this.blockIds.add(b.block_id);
      }
    }
    switch (b.type) {
      case 'section':
        this.section(path, b);
        return;
      case 'header':
        this.text(`${path}.text`, b.text, LIMITS.header, { plainOnly: true });
        return;
      case 'context':
        this.context(path, b);
        return;
      case 'actions':
        this.actions(path, b);
        return;
      case 'input':
        this.text(`${path}.label`, b.label, LIMITS.inputLabel, { plainOnly: true });
        if (b.hint !== undefined) this.text(`${path}.hint`, b.hint, LIMITS.inputHint, { plainOnly: true });
        this.element(`${path}.element`, b.element);
        return;
      case 'image':
        this.str(`${path}.alt_text`, b.alt_text, LIMITS.imageAltText);
        if (b.title !== undefined)
          this.text(`${path}.title`, b.title, LIMITS.imageTitle, { plainOnly: true });
        return;
      case 'markdown':
        if (typeof b.text !== 'string' || b.text.trim() === '') {
          this.add(`${path}.text`, 'required', 'markdown block needs text');
          return;
        }
        this.str(`${path}.text`, b.text, LIMITS.markdownBlock);
        return;
      case 'rich_text':
        this.count(`${path}.elements`, b.elements, 1, Number.POSITIVE_INFINITY);
        return;
      default:
        return;
    }
  }

  private section(path: string, b: Obj): void {
    if (b.text === undefined && b.fields === undefined) {
      this.add(path, 'required', 'a section needs text or fields');
    }
    if (b.text !== undefined) this.text(`${path}.text`, b.text, LIMITS.sectionText);
    if (b.fields !== undefined && this.count(`${path}.fields`, b.fields, 1, LIMITS.sectionFields)) {
      b.fields.forEach((f, i) => {
        this.text(`${path}.fields[${i}]`, f, LIMITS.field);
      });
    }
    if (b.accessory !== undefined) this.element(`${path}.accessory`, b.accessory);
  }

  private context(path: string, b: Obj): void {
    if (!this.count(`${path}.elements`, b.elements, 1, LIMITS.contextElements)) return;
    b.elements.forEach((el, i) => {
      const p = `${path}.elements[${i}]`;
      if (isObj(el) && el.type === 'image') this.str(`${p}.alt_text`, el.alt_text, LIMITS.imageAltText);
      else this.text(p, el, LIMITS.textObject);
    });
  }

  private actions(path: string, b: Obj): void {
    if (!this.count(`${path}.elements`, b.elements, 1, LIMITS.actionsElements)) return;
    const actionIds = new Set<string>();
    b.elements.forEach((el, i) => {
      const p = `${path}.elements[${i}]`;
      this.element(p, el);
      if (isObj(el) && typeof el.action_id === 'string') {
        if (actionIds.has(el.action_id)) {
          this.add(`${p}.action_id`, 'duplicate-id', `action_id ${el.action_id} is used twice in this block`);
        }
        actionIds.add(el.action_id);
      }
    });
  }

  private element(path: string, el: unknown): void {
    if (!isObj(el) || typeof el.type !== 'string') {
      this.add(path, 'wrong-type', 'an element needs a type');
      return;
    }
    if (el.action_id !== undefined) this.str(`${path}.action_id`, el.action_id, LIMITS.id);
    if (el.placeholder !== undefined) {
      this.text(`${path}.placeholder`, el.placeholder, LIMITS.placeholder, { plainOnly: true });
    }
    if (el.confirm !== undefined) this.confirm(`${path}.confirm`, el.confirm);
    switch (el.type) {
      case 'button':
        this.text(`${path}.text`, el.text, LIMITS.buttonText, { plainOnly: true });
        if (el.value !== undefined) this.str(`${path}.value`, el.value, LIMITS.buttonValue);
        if (el.url !== undefined) this.str(`${path}.url`, el.url, LIMITS.buttonUrl);
        if (el.accessibility_label !== undefined) {
          this.str(`${path}.accessibility_label`, el.accessibility_label, LIMITS.accessibilityLabel);
        }
        return;
      case 'image':
        this.str(`${path}.alt_text`, el.alt_text, LIMITS.imageAltText);
        return;
      case 'overflow':
        this.options(`${path}.options`, el.options, 1, LIMITS.overflowOptions);
        return;
      case 'checkboxes':
      case 'radio_buttons':
        this.options(`${path}.options`, el.options, 1, LIMITS.checkboxOptions);
        return;
      case 'plain_text_input':
        for (const key of ['min_length', 'max_length'] as const) {
          const v = el[key];
          if (typeof v === 'number' && v > LIMITS.textObject) {
            this.add(`${path}.${key}`, 'too-long', `${key} ${v} (max ${LIMITS.textObject})`);
          }
        }
        return;
      default:
        if (el.options !== undefined) this.options(`${path}.options`, el.options, 0, LIMITS.selectOptions);
        if (el.option_groups !== undefined && this.count(`${path}.option_groups`, el.option_groups, 1, 100)) {
          for (const [i, g] of el.option_groups.entries()) {
            const gp = `${path}.option_groups[${i}]`;
            if (!isObj(g)) {
              this.add(gp, 'wrong-type', 'option group must be an object');
              continue;
            }
            this.text(`${gp}.label`, g.label, LIMITS.optionGroupLabel, { plainOnly: true });
            this.options(`${gp}.options`, g.options, 1, LIMITS.selectOptions);
          }
        }
        return;
    }
  }

  private options(path: string, options: unknown, min: number, max: number): void {
    if (!this.count(path, options, min, max)) return;
    for (const [i, o] of options.entries()) {
      const p = `${path}[${i}]`;
      if (!isObj(o)) {
        this.add(p, 'wrong-type', 'option must be an object');
        continue;
      }
      this.text(`${p}.text`, o.text, LIMITS.optionText);
      if (o.value !== undefined) this.str(`${p}.value`, o.value, LIMITS.optionValue);
      if (o.description !== undefined) {
        this.text(`${p}.description`, o.description, LIMITS.optionDescription, { plainOnly: true });
      }
      if (o.url !== undefined) this.str(`${p}.url`, o.url, LIMITS.buttonUrl);
    }
  }

  private confirm(path: string, c: unknown): void {
    if (!isObj(c)) {
      this.add(path, 'wrong-type', 'confirm must be an object');
      return;
    }
    if (c.title !== undefined) this.text(`${path}.title`, c.title, LIMITS.confirmTitle, { plainOnly: true });
    this.text(`${path}.text`, c.text, LIMITS.confirmText);
    if (c.confirm !== undefined)
      this.text(`${path}.confirm`, c.confirm, LIMITS.confirmButton, { plainOnly: true });
    if (c.deny !== undefined) this.text(`${path}.deny`, c.deny, LIMITS.confirmButton, { plainOnly: true });
  }
}
