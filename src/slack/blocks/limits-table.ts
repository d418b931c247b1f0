// Slack's Block Kit limits (slack-facts §4) as data, and how Slack counts a message's text against its budget.
// The checker and the splitter read these; builders read them to stay inside.

export const LIMITS = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in a modal or Home tab. */
  viewBlocks: 100,
  /** Section `text`, and any text object unless a smaller limit applies. */
  sectionText: 3000,
  textObject: 3000,
  /** One section field; at most `sectionFields` of them. */
  field: 2000,
  sectionFields: 10,
  header: 150,
  /** Modal title, submit and close texts. */
  modalTitle: 24,
  modalSubmit: 24,
  modalClose: 24,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  accessibilityLabel: 75,
  optionText: 75,
  optionValue: 75,
  optionDescription: 75,
  optionGroupLabel: 75,
  selectOptions: 100,
  overflowOptions: 5,
  checkboxOptions: 10,
  placeholder: 150,
  contextElements: 10,
  actionsElements: 25,
  /** block_id, action_id, callback_id and external_id. */
  id: 255,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  imageAltText: 2000,
  imageTitle: 2000,
  markdownBlock: 12_000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  /** Keep the fallback `text` short: Slack truncates very long texts (the figure is not documented). */
  messageText: 4000,
  /**
   * Characters of text across all blocks of one message. Slack rejects a message with `msg_blocks_too_long` at
   * about 13 k characters even when each block is within its own limit (undocumented), so budget below it.
   */
  messageTextBudget: 12_000,
  /** views.open/update/push reject a view above 250 kB (`view_too_large`). */
  viewBytes: 250_000,
} as const;

/** Characters of text in a block (every `text` string it contains), as counted against the message budget. */
export function textLength(node: unknown): number {
  if (Array.isArray(node)) {
    let n = 0;
    for (const item of node) n += textLength(item);
    return n;
  }
  if (node === null || typeof node !== 'object') return 0;
  let n = 0;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'text' && typeof value === 'string') n += value.length;
    else if (value !== null && typeof value === 'object') n += textLength(value);
  }
  return n;
}
