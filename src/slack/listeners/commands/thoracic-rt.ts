// /thoracic-rt [case text | form | help | evidence <trial or topic> | dose/timing/safety question]
// Thin: route the text once → queue the reply (structured facts only) → ack → a worker answers through
// response_url. The form is opened at once after the ack (a trigger id lasts 3 s); an evidence lookup is
// matched before the ack and queued as the ids it matched (the query is user text, which the queue never stores).
import { createHash } from 'node:crypto';
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { route } from '../../../consult/index.js';
import { reportFailure } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { openIntake } from '../../open-intake.js';
import { enqueueJob } from '../../queue/enqueue.js';
import { COMMAND_REPLY, readingPayload } from '../../queue/kinds/index.js';
import { firstDelivery, replayIgnored } from '../../replay-guard.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

export function thoracicRtCommand(deps: SlackDeps) {
  return async ({ ack, command, respond, client, context }: Args): Promise<void> => {
    const where = {
      surface: 'command',
      respond,
      client,
      channel: command.channel_id,
      user: command.user_id,
    };
    let routed: ReturnType<typeof route>;
    try {
      routed = route(command.text ?? '', deps.intents, deps.now());
    } catch (err) {
      await ack();
      if (await firstDelivery(deps, context)) await reportFailure(deps, err, where);
      return;
    }
    const payload = readingPayload(routed, deps.ruleset);
    if (payload) {
      const job = await enqueueJob(
        deps,
        {
          kind: COMMAND_REPLY,
          // One invocation: its trigger id and its response_url (both unique per command Slack sends).
          idempotencyKey: `command:${command.trigger_id}#${digest(command.response_url)}`,
          payload,
          target: {
            responseUrl: command.response_url,
            channel: command.channel_id,
            user: command.user_id,
            team: command.team_id,
            ...(command.enterprise_id ? { enterprise: command.enterprise_id } : {}),
          },
        },
        { respond, client },
      );
      await ack();
      // The job key names this invocation (trigger id, response_url): a duplicate is this request replayed.
      if (job.status === 'duplicate') return replayIgnored(deps, context);
      return job.afterAck();
    }
    await ack();
    if (!(await firstDelivery(deps, context))) return;
    try {
      await openIntake(client, command.trigger_id, {
        origin: 'command',
        channelId: command.channel_id,
        userId: command.user_id,
        // The answer comes back through the command's response_url (an invalid one is dropped).
        responseUrl: command.response_url,
      });
    } catch (err) {
      await reportFailure(deps, err, where);
    }
  };
}

function digest(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 24);
}
