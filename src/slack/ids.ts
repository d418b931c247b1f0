// Slack-facing identifiers that the manifest, the listeners and the tests must agree on.
export const SLASH_COMMAND = '/thoracic-rt';
export const MESSAGE_SHORTCUT_ID = 'assess_message';
export const GLOBAL_SHORTCUT_ID = 'new_case';
