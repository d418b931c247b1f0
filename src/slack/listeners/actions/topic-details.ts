// "All on this topic" under a topic answer: every statement of the topic (and, for dose, every schedule with
// its setting) in a modal.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { TOPICS, type Topic } from '../../../engine/index.js';
import { buildNotice } from '../../blocks/notice.js';
import { buildTopicDetails } from '../../blocks/topic-answer.js';
import { reportFailure, respondAll } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { channelOf } from './case-from-action.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export function topicDetails(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: Args): Promise<void> => {
    await ack();
    const channel = channelOf(body);
    const value = (body.actions[0] as ButtonAction | undefined)?.value ?? '';
    try {
      if (!(TOPICS as readonly string[]).includes(value)) {
        await respondAll(respond, [
          buildNotice('error', 'That topic is not known (E_TOPIC). Ask the question again.'),
        ]);
        return;
      }
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildTopicDetails(value as Topic, deps.ruleset),
      });
    } catch (err) {
      await reportFailure(deps, err, {
        surface: 'topic_details',
        respond,
        client,
        user: body.user.id,
        ...(channel ? { channel } : {}),
      });
    }
  };
}
