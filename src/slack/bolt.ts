// Bolt's classes from their own modules. Bolt's index ('@slack/bolt') also loads the Express and AWS Lambda
// receivers (Express alone is ~130 ms of start-up); this app uses HTTPReceiver and Socket Mode only. The values
// are the same objects the index exports, typed as the index types them. Socket Mode (its receiver, the
// @slack/socket-mode client and ws: ~30 ms of start-up) loads only when a socket-mode app is built.
import { createRequire } from 'node:module';
import type * as Bolt from '@slack/bolt';
import * as AppModule from '@slack/bolt/dist/App.js';
import * as ErrorsModule from '@slack/bolt/dist/errors.js';
import * as HttpModule from '@slack/bolt/dist/receivers/HTTPReceiver.js';

/** A CommonJS module's exports, whichever interop loaded it: Node gives `module.exports` as the namespace's
 * default, esbuild's bundle the same, Vitest the namespace of named exports itself. */
function exportsOf(ns: object): Record<string, unknown> {
  const d = (ns as { default?: unknown }).default;
  return d !== null && typeof d === 'object' && '__esModule' in d
    ? (d as Record<string, unknown>)
    : (ns as Record<string, unknown>);
}

const app = exportsOf(AppModule);
export const App = app.default as typeof Bolt.App;
export type App = Bolt.App;
export const LogLevel = app.LogLevel as typeof Bolt.LogLevel;
export type LogLevel = Bolt.LogLevel;
export const HTTPReceiver = exportsOf(HttpModule).default as typeof Bolt.HTTPReceiver;
export type HTTPReceiver = Bolt.HTTPReceiver;
export const RespondError = exportsOf(ErrorsModule).RespondError as typeof Bolt.RespondError;
export type SocketModeReceiver = Bolt.SocketModeReceiver;

/** Bolt's SocketModeReceiver, loaded on first use. In the production bundle esbuild turns this require() into
 * its own lazily evaluated copy of the module (the build also makes Bolt's App.js load it lazily, see
 * scripts/build.mjs); under tsx and Vitest (plain ESM) Node's require loads the same module the imports share. */
export function socketModeReceiverClass(): typeof Bolt.SocketModeReceiver {
  const mod: object =
    typeof require === 'function'
      ? require('@slack/bolt/dist/receivers/SocketModeReceiver.js')
      : createRequire(import.meta.url)('@slack/bolt/dist/receivers/SocketModeReceiver.js');
  return exportsOf(mod).default as typeof Bolt.SocketModeReceiver;
}
