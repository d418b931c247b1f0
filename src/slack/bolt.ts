// Bolt's classes from their own modules. Bolt's index ('@slack/bolt') also loads the Express and AWS Lambda
// receivers (Express alone is ~130 ms of start-up); this app uses HTTPReceiver and Socket Mode only. The values
// are the same objects the index exports, typed as the index types them.
import type * as Bolt from '@slack/bolt';
import BoltApp from '@slack/bolt/dist/App.js';
import BoltErrors from '@slack/bolt/dist/errors.js';
import BoltHttp from '@slack/bolt/dist/receivers/HTTPReceiver.js';

export const App: typeof Bolt.App = BoltApp.default;
export type App = Bolt.App;
export const LogLevel: typeof Bolt.LogLevel = BoltApp.LogLevel;
export type LogLevel = Bolt.LogLevel;
export const HTTPReceiver: typeof Bolt.HTTPReceiver = BoltHttp.default;
export type HTTPReceiver = Bolt.HTTPReceiver;
export const RespondError: typeof Bolt.RespondError = BoltErrors.RespondError;
