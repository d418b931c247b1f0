// /thoracic-rt [case text | form | help | evidence <trial or topic> | dose/timing/safety question]
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Topic } from '../../../engine/index.js';
import { classifyIntent } from '../../../intents/classify.js';
import { recordConsult } from '../../audit.js';
import { buildAnswer } from '../../blocks/answer.js';
import { buildEvidenceLookup } from '../../blocks/evidence-lookup.js';
import { buildHelp } from '../../blocks/help.js';
import { buildNotice } from '../../blocks/notice.js';
import { encodeCaseToken } from '../../case-token.js';
import { consultRead, readCaseText } from '../../consult-text.js';
import { reportFailure, respondAll } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { openIntake } from '../../open-intake.js';
import { buildTopicAnswer } from '../../topic-answer.js';
import { yieldToAcks } from '../../yield-to-acks.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

const TOPIC_INTENTS: Record<string, Topic> = {
  dose: 'dose',
  timing: 'timing',
  'target-volume': 'target-volume',
  safety: 'safety',
};

export function thoracicRtCommand(deps: SlackDeps) {
  return async ({ ack, command, respond, client }: Args): Promise<void> => {
    await ack();
    await yieldToAcks();
    const where = { surface: 'command', respond, client, channel: command.channel_id, user: command.user_id };
    try {
      const read = readCaseText(command.text ?? '');
      const intent = classifyIntent(read.redacted, deps.intents, { parse: () => read.parsed });
      switch (intent.intent) {
        case 'form':
          await openIntake(client, command.trigger_id, {
            origin: 'command',
            channelId: command.channel_id,
            userId: command.user_id,
          });
          return;
        case 'help':
          await respondAll(respond, [buildHelp([...deps.intents], deps.ruleset.version)]);
          return;
        case 'evidence':
          await respondAll(respond, [buildEvidenceLookup(intent.rest, deps.ruleset)]);
          return;
      }
      const consult = consultRead(read, deps.now());
      const topic = TOPIC_INTENTS[intent.intent];
      // A topic question without case facts ("what dose for an ultracentral primary?") gets the general answer.
      if (consult.kind === 'empty' || (topic && consult.coreFactCount === 0)) {
        await respondAll(respond, [
          topic ? buildTopicAnswer(topic, deps.ruleset) : buildNotice('empty-case'),
          ...(consult.identifiers.length > 0 ? [buildNotice('privacy', consult.identifiers.join(', '))] : []),
        ]);
        return;
      }
      deps.log.info('consult', {
        surface: 'command',
        team: command.team_id,
        channel: command.channel_id,
        verdict: consult.output.verdict,
        identifiersRemoved: consult.identifiers.length,
      });
      await recordConsult(deps, consult.output, {
        surface: 'slack-command',
        idempotencyKey: `command:${command.trigger_id}`,
        teamId: command.team_id,
        channelId: command.channel_id,
        userId: command.user_id,
      });
      const token = encodeCaseToken(consult.output.case);
      await respondAll(
        respond,
        buildAnswer(consult.output, {
          mode: 'preview',
          caseToken: token ?? '',
          identifiersRemoved: consult.identifiers,
          conflicts: consult.conflicts,
          ignoredCount: consult.ignoredCount,
        }),
      );
    } catch (err) {
      await reportFailure(deps, err, where);
    }
  };
}
