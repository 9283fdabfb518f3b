/**
 * Downloads of a campaign's results: the report (.docx), the spreadsheet annex (.xlsx) and the
 * delivery ledger (.csv). Staff and leaders of the campaign's ward only (an id from another ward is
 * simply not found); teams have no business here (403). Any time during the campaign and after it.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, IdParams } from '@loa/shared';
import { Type } from '@sinclair/typebox';
import { routeGroup } from '../http/access.js';
import { BuildSlots } from './build-slots.js';
import { DocxLayout } from './docx-layout.js';
import { ledgerCsv, type ReportDeps, type ReportFile, reportDocx, reportXlsx } from './service.js';

/**
 * Builds at once, and builds waiting. Each holds a layout in the worker and one or two photos in
 * memory; two at once keep both cores of a small server busy while other requests still get answers.
 */
const BUILD_SLOTS = 2;
const BUILD_QUEUE = 8;

const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const layout = new DocxLayout();
  app.addHook('onClose', () => layout.close());
  const slots = new BuildSlots(BUILD_SLOTS, BUILD_QUEUE);
  const deps = (log: ReportDeps['log']): ReportDeps => ({
    db: app.db,
    displayCopies: app.displayCopies,
    layout,
    slots,
    log,
  });

  const files = [
    { path: 'report.docx', op: 'reports.docx', build: reportDocx },
    { path: 'report.xlsx', op: 'reports.xlsx', build: reportXlsx },
    { path: 'deliveries.csv', op: 'reports.ledgerCsv', build: ledgerCsv },
  ] as const;

  // The ward office (admin, staff, leaders); summaries, security and error answers come from the kit.
  await app.register(
    routeGroup('office', async (app) => {
      for (const file of files) {
        app.get(
          `/api/campaigns/:id/${file.path}`,
          {
            config: { op: file.op },
            schema: {
              tags: ['reports'],
              params: IdParams,
              response: { 200: Type.Any({ description: 'the file, streamed' }), 503: ErrorBody },
            },
          },
          async (request, reply) => {
            const built: ReportFile = await file.build(
              deps(request.log),
              request.session.wardId,
              request.params.id,
            );
            return reply
              .type(built.contentType)
              .header('content-disposition', `attachment; filename="${built.filename}"`)
              .header('cache-control', 'no-store')
              .send(built.stream);
          },
        );
      }
    }),
  );
};

export default reportRoutes;
