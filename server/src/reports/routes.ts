/**
 * Downloads of a campaign's results: the report (.docx), the spreadsheet annex (.xlsx) and the
 * delivery ledger (.csv). Staff and leaders of the campaign's ward only (an id from another ward is
 * simply not found); teams have no business here (403). Any time during the campaign and after it.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, IdParams } from '@loa/shared';
import { Type } from '@sinclair/typebox';
import { BuildSlots } from './build-slots.js';
import { DocxLayout } from './docx-layout.js';
import { ledgerCsv, type ReportDeps, type ReportFile, reportDocx, reportXlsx } from './service.js';

/**
 * Builds at once, and builds waiting. Each holds a layout in the worker and one or two photos in
 * memory; two at once keep both cores of a small server busy while other requests still get answers.
 */
const BUILD_SLOTS = 2;
const BUILD_QUEUE = 8;

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 503: ErrorBody };

const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const layout = new DocxLayout();
  app.addHook('onClose', () => layout.close());
  const deps = (log: ReportDeps['log']): ReportDeps => ({
    db: app.db,
    displayCopies: app.displayCopies,
    layout,
    slots,
    log,
  });
  const slots = new BuildSlots(BUILD_SLOTS, BUILD_QUEUE);
  const readers = [app.authenticate, app.requireRole('admin', 'staff', 'leader')];

  const files = [
    {
      path: 'report.docx',
      op: 'reports.docx',
      build: reportDocx,
      summary: 'Báo cáo kết quả (.docx, theo Nghị định 30/2020)',
    },
    {
      path: 'report.xlsx',
      op: 'reports.xlsx',
      build: reportXlsx,
      summary: 'Phụ lục tiến độ từng tổ × nhiệm vụ (.xlsx)',
    },
    {
      path: 'deliveries.csv',
      op: 'reports.ledgerCsv',
      build: ledgerCsv,
      summary: 'Sổ gửi tin của kế hoạch (.csv, UTF-8)',
    },
  ] as const;

  for (const file of files) {
    app.get(
      `/api/campaigns/:id/${file.path}`,
      {
        onRequest: readers,
        config: { op: file.op },
        schema: {
          tags: ['reports'],
          summary: file.summary,
          security: [{ session: [] }],
          params: IdParams,
          response: { 200: Type.Any({ description: 'the file, streamed' }), ...errors },
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
};

export default reportRoutes;
