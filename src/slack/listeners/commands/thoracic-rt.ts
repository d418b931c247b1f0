// /thoracic-rt [case text | form | help | evidence <trial or topic> | dose/timing/safety question]
// Thin: ack → route the text once → build blocks → deliver through response_url.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { consultText, route } from '../../../consult/index.js';
import { consultContext } from '../../audit.js';
import { buildAnswer } from '../../blocks/answer.js';
import { buildEvidenceLookup } from '../../blocks/evidence-lookup.js';
import { buildHelp } from '../../blocks/help.js';
import { buildNotice } from '../../blocks/notice.js';
import { buildTopicAnswer } from '../../blocks/topic-answer.js';
import type { SlackMessage } from '../../blocks/types.js';
import { encodeCaseToken } from '../../case-token.js';
import { reportFailure, respondAll } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { openIntake } from '../../open-intake.js';
import { yieldToAcks } from '../../yield-to-acks.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

export function thoracicRtCommand(deps: SlackDeps) {
  return async ({ ack, command, respond, client }: Args): Promise<void> => {
    await ack();
    await yieldToAcks();
    try {
      const routed = route(command.text ?? '', deps.intents, deps.now());
      const privacy = routed.reading.identifiersRemoved.length
        ? [buildNotice('privacy', routed.reading.identifiersRemoved.join(', '))]
        : [];
      const reply = (messages: SlackMessage[]) => respondAll(respond, messages);
      switch (routed.kind) {
        case 'form':
          await openIntake(client, command.trigger_id, {
            origin: 'command',
            channelId: command.channel_id,
            userId: command.user_id,
            // The answer comes back through the command's response_url (an invalid one is dropped).
            responseUrl: command.response_url,
          });
          return;
        case 'help':
          return reply([buildHelp([...deps.intents], deps.ruleset.version)]);
        case 'evidence':
          return reply([buildEvidenceLookup(routed.query, deps.ruleset)]);
        case 'topic':
          return reply([buildTopicAnswer(routed.topic, deps.ruleset, routed.reading.case), ...privacy]);
        case 'empty':
          return reply([buildNotice('empty-case'), ...privacy]);
      }
      const consult = await consultText(
        routed.reading,
        consultContext(deps, {
          surface: 'slack-command',
          idempotencyKey: `command:${command.trigger_id}`,
          teamId: command.team_id,
          channelId: command.channel_id,
          userId: command.user_id,
        }),
      );
      if (consult.kind === 'empty') return reply([buildNotice('empty-case'), ...privacy]);
      deps.log.info('consult', {
        surface: 'command',
        team: command.team_id,
        channel: command.channel_id,
        verdict: consult.output.verdict,
        identifiersRemoved: consult.reading.identifiersRemoved.length,
      });
      await reply(
        buildAnswer(consult.output, {
          mode: 'preview',
          caseToken: encodeCaseToken(consult.output.case) ?? '',
          identifiersRemoved: consult.reading.identifiersRemoved,
          conflicts: consult.reading.conflicts.map((c) => c.question),
          ignoredCount: consult.reading.ignored.length,
        }),
      );
    } catch (err) {
      await reportFailure(deps, err, {
        surface: 'command',
        respond,
        client,
        channel: command.channel_id,
        user: command.user_id,
      });
    }
  };
}
