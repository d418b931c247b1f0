// A failure notice or the expired-job direct message is about to be sent: the job remembers which (outcome, code
// and the app's own notice text, never the user's), so a job resumed after a crash tells the user the same thing
// once, looking for the notice in Slack first, instead of delivering again or choosing another notice.
import type { Migration } from '../migrations.js';

export const deliveryJobNotice: Migration = {
  name: '0005_delivery_job_notice',
  up: (db) => [db.schema.alterTable('delivery_jobs').addColumn('notice_json', 'text')],
};
