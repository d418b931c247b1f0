import type { App, GlobalShortcut, MessageShortcut } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { GLOBAL_SHORTCUT_ID, MESSAGE_SHORTCUT_ID } from '../../ids.js';
import { assessMessage } from './assess-message.js';
import { newCase } from './new-case.js';

export function register(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(
    { callback_id: MESSAGE_SHORTCUT_ID, type: 'message_action' },
    assessMessage(deps),
  );
  app.shortcut<GlobalShortcut>({ callback_id: GLOBAL_SHORTCUT_ID, type: 'shortcut' }, newCase(deps));
}
