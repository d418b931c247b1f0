// action_id values of the answer's buttons. They are permanent (listeners and old messages rely on them), so they
// live in one place for the builders and the listeners.
export const SHARE_IN_CHANNEL = 'share_in_channel';
export const EDIT_CASE = 'edit_case';
export const SHOW_EVIDENCE = 'show_evidence';
export const COMPLETE_CASE = 'complete_case';
export const RECORD_DECISION = 'record_decision';
/** A one-click what-if on a preview (action id `what_if:<key>`, unique in its block), and the way back. */
export const WHAT_IF = 'what_if';
export const WHAT_IF_BACK = 'what_if_back';

export const ACTION_IDS = {
  shareInChannel: SHARE_IN_CHANNEL,
  editCase: EDIT_CASE,
  showEvidence: SHOW_EVIDENCE,
  completeCase: COMPLETE_CASE,
  recordDecision: RECORD_DECISION,
  whatIf: WHAT_IF,
  whatIfBack: WHAT_IF_BACK,
  topicDetails: 'topic_details',
  newCaseHome: 'new_case_home',
} as const;

/** "New case" on App Home: the intake form. */
export const NEW_CASE_HOME = ACTION_IDS.newCaseHome;

/** "All on this topic" under a topic answer: the whole topic in a modal. */
export const TOPIC_DETAILS = ACTION_IDS.topicDetails;

export type ActionId = (typeof ACTION_IDS)[keyof typeof ACTION_IDS];

/** block_id of the actions block under an answer preview. */
export const ANSWER_ACTIONS_BLOCK_ID = 'answer_actions';

/** block_id of the "Record board decision" button under a shared answer. */
export const DECISION_ACTIONS_BLOCK_ID = 'decision_actions';

/** block_id of the what-if buttons under an answer preview. */
export const WHAT_IF_ACTIONS_BLOCK_ID = 'what_if_actions';
