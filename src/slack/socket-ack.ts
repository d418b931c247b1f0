// Socket Mode acknowledges an Events API envelope before its listener runs (Bolt's App.processEvent acks every
// event but function_executed first). Over HTTP the app sets processBeforeResponse, so a mention's job is in
// the queue before Slack hears the ack; this gives Socket Mode the same order: the envelope's ack is held
// until the listener returned (it writes the job and returns; the answer is the queue's work).
import type { ReceiverEvent } from '@slack/bolt';
import { type App, type SocketModeReceiver, socketModeReceiverClass } from './bolt.js';

/** Wraps `app` for the receiver: events are acknowledged once their listeners returned. */
export function ackEventsAfterListeners(app: App): Pick<App, 'processEvent'> {
  return {
    async processEvent(event: ReceiverEvent): Promise<void> {
      if ((event.body as { type?: unknown }).type !== 'event_callback') return app.processEvent(event);
      let held: { body: unknown } | undefined;
      await app.processEvent({
        ...event,
        ack: async (body?: unknown) => {
          held ??= { body };
        },
      });
      // An error above leaves the ack to the receiver's error handler, as before.
      await event.ack(held?.body as never);
    },
  };
}

/** A SocketModeReceiver whose event acks wait for the listeners (see above). */
export function socketReceiver(
  opts: ConstructorParameters<ReturnType<typeof socketModeReceiverClass>>[0],
): SocketModeReceiver {
  const Receiver = socketModeReceiverClass();
  const receiver = new Receiver(opts);
  const init = receiver.init.bind(receiver);
  receiver.init = (app: App) => init(ackEventsAfterListeners(app) as App);
  return receiver;
}
