// Topic answers narrowed to what was asked: "what dose for an ultracentral tumour?" leads with the ultracentral
// options and their cautions, each cited, and offers the whole topic behind a button (a modal).
import type { Button } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { route } from '../../../src/consult/route.js';
import { RULESET, TOPICS } from '../../../src/engine/index.js';
import { loadIntentsOrThrow } from '../../../src/intents/load-intents.js';
import { ACTION_IDS } from '../../../src/slack/blocks/action-ids.js';
import { visibleTextLength } from '../../../src/slack/blocks/card.js';
import { checkMessage, checkView } from '../../../src/slack/blocks/check-message.js';
import {
  buildTopicAnswer,
  buildTopicDetails,
  GENERAL_STATEMENTS,
} from '../../../src/slack/blocks/topic-answer.js';
import { allText } from './support.js';

const intents = loadIntentsOrThrow();

function answerTo(question: string) {
  const r = route(question, intents);
  if (r.kind !== 'topic') throw new Error(`not a topic question: ${question}`);
  return buildTopicAnswer(r.topic, RULESET, r.reading.case);
}

describe('topic answers', () => {
  it('answers an ultracentral dose question with the ultracentral options and cautions only', () => {
    const m = answerTo('what dose for an ultracentral tumour?');
    expect(checkMessage(m)).toEqual([]);
    const text = allText([m]);
    expect(m.blocks[0]).toMatchObject({ text: { text: expect.stringContaining('ultracentral') } });
    expect(text).toContain('60 Gy / 8 fx');
    expect(text).toMatch(/Ultracentral primary or endobronchial invasion: .* \[\d\]/);
    // Not the catalogue: schedules written for other locations are not listed.
    for (const other of ['54 Gy / 3 fx', '48 Gy / 4 fx', '70 Gy / 10 fx']) expect(text).not.toContain(other);
    const button = m.blocks.flatMap((b) => (b.type === 'actions' ? (b.elements as Button[]) : []))[0]!;
    expect(button).toMatchObject({ action_id: ACTION_IDS.topicDetails, value: 'dose' });
    expect(text).not.toContain('[?]');
  });

  it('keeps a general topic answer short, with the rest behind the button', () => {
    for (const topic of TOPICS) {
      const m = buildTopicAnswer(topic, RULESET);
      expect(checkMessage(m)).toEqual([]);
      const shown = RULESET.statements.filter((s) => s.topic === topic).slice(0, GENERAL_STATEMENTS);
      for (const s of shown)
        expect(allText([m])).toContain(
          s.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
        );
      expect(m.blocks.length).toBeLessThanOrEqual(12);
    }
    expect(visibleTextLength(answerTo('what dose for an ultracentral tumour?').blocks)).toBeLessThanOrEqual(
      1500,
    );
  });

  it('shows the whole topic in a modal within the view limits', () => {
    for (const topic of TOPICS) {
      const view = buildTopicDetails(topic, RULESET);
      expect(checkView(view)).toEqual([]);
    }
    const dose = JSON.stringify(buildTopicDetails('dose', RULESET));
    for (const d of RULESET.doseOptions) expect(dose).toContain(d.schedule);
  });
});
