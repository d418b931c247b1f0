// Bolt's classes from their own modules. Bolt's index ('@slack/bolt') also loads the Express and AWS Lambda
// receivers (Express alone is ~130 ms of start-up); this app uses HTTPReceiver and Socket Mode only. The values
// are the same objects the index exports, typed as the index types them.
import type * as Bolt from '@slack/bolt';
import * as AppModule from '@slack/bolt/dist/App.js';
import * as ErrorsModule from '@slack/bolt/dist/errors.js';
import * as HttpModule from '@slack/bolt/dist/receivers/HTTPReceiver.js';
import * as SocketModule from '@slack/bolt/dist/receivers/SocketModeReceiver.js';

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
export const SocketModeReceiver = exportsOf(SocketModule).default as typeof Bolt.SocketModeReceiver;
export type SocketModeReceiver = Bolt.SocketModeReceiver;
