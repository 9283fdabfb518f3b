/** A campaign's reminder rules: shown and edited on the campaign screen (staff), read by leaders. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, ReminderRuleList, ReminderRulesBody } from '@loa/shared';
import { getCampaign } from '../campaigns/service.js';
import { routeGroup } from '../http/access.js';
import { listReminderRules, saveReminderRules } from './reminder-rules.js';

// The route kit states the session, the roles and the error answers in /docs (server/src/http).
const reads: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/campaigns/:id/reminder-rules',
    {
      config: { op: 'reminder_rules.list' },
      schema: { tags: ['notifications'], params: IdParams, response: { 200: ReminderRuleList } },
    },
    async (request) =>
      app.db.withWard(request.session.wardId, async (db) => {
        await getCampaign(db, request.params.id);
        return { rules: await listReminderRules(db, request.params.id) };
      }),
  );
};

const writes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/campaigns/:id/reminder-rules',
    {
      config: { op: 'reminder_rules.replace' },
      schema: {
        tags: ['notifications'],
        params: IdParams,
        body: ReminderRulesBody,
        response: { 200: ReminderRuleList },
      },
    },
    async (request) =>
      app.db.withWard(request.session.wardId, async (db) => {
        await getCampaign(db, request.params.id, true);
        return { rules: await saveReminderRules(db, request.session, request.params.id, request.body.rules) };
      }),
  );
};

const reminderRuleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(routeGroup('office', reads));
  await app.register(routeGroup('officeWriters', writes));
};

export default reminderRuleRoutes;
