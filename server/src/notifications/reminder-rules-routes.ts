/** A campaign's reminder rules: shown and edited on the campaign screen (staff), read by leaders. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, ReminderRuleList, ReminderRulesBody } from '@loa/shared';
import { recordAudit } from '../audit/audit.js';
import { getCampaign } from '../campaigns/service.js';
import { AppError } from '../errors.js';
import { routeGroup } from '../http/access.js';
import { listReminderRules, replaceReminderRules } from './reminder-rules.js';

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
        for (const rule of request.body.rules) {
          const daily = rule.kind === 'daily_at' || rule.kind === 'overdue_daily_at';
          if (daily ? !rule.timeOfDay : rule.offsetMinutes === null && rule.kind !== 'at_due')
            throw new AppError(
              'VALIDATION_FAILED',
              daily
                ? 'Quy tắc nhắc hằng ngày cần giờ nhắc (ví dụ 07:30).'
                : 'Quy tắc nhắc theo hạn hoặc theo lúc giao cần số phút (ví dụ 1440 = một ngày).',
            );
        }
        const before = await listReminderRules(db, request.params.id);
        const rules = await replaceReminderRules(
          db,
          request.session.wardId,
          request.params.id,
          request.body.rules,
        );
        await recordAudit(db, {
          wardId: request.session.wardId,
          actorMemberId: request.session.memberId,
          action: 'reminder_rules.replace',
          entity: 'campaign',
          entityId: request.params.id,
          before,
          after: rules,
        });
        return { rules };
      }),
  );
};

const reminderRuleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(routeGroup('office', reads));
  await app.register(routeGroup('officeWriters', writes));
};

export default reminderRuleRoutes;
