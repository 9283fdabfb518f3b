/**
 * The one error handler. 4xx answers say in Vietnamese what to fix; anything unexpected is logged once
 * with the request and answered with the catalogue's "Lỗi hệ thống" and nothing else.
 */
import { type ErrorBody, type ErrorCode, errorCatalogue } from '@loa/shared';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';
import { isDatabaseUnavailable } from './db.js';
import { translateValidation } from './validation-messages.js';

function send(reply: FastifyReply, code: ErrorCode, message?: string, details?: ErrorBody['details']) {
  const statusCode = errorCatalogue[code].status;
  const body: ErrorBody = {
    statusCode,
    code,
    error: statusCode >= 500 ? 'Server Error' : 'Client Error',
    message: message ?? errorCatalogue[code].message,
    ...(details?.length ? { details } : {}),
  };
  return reply.status(statusCode).type('application/json; charset=utf-8').send(body);
}

/** Postgres errors that are the client's fault once they reach here (a feature may map them better). */
const postgresClientErrors: Record<string, ErrorCode> = {
  '22P02': 'VALIDATION_FAILED', // invalid text representation (e.g. a malformed id)
  '22007': 'VALIDATION_FAILED', // invalid date/time
  '22008': 'VALIDATION_FAILED', // date out of range
  '22001': 'VALIDATION_FAILED', // value too long
  '23514': 'VALIDATION_FAILED', // check constraint
  '23503': 'VALIDATION_FAILED', // foreign key: a referenced row does not exist
  '23505': 'CONFLICT',
  '40001': 'CONFLICT',
};

const fastifyClientErrors: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

export default fp(
  async function errorsPlugin(app: FastifyInstance) {
    app.setErrorHandler((error: FastifyError & { validationContext?: string }, request, reply) => {
      if (error instanceof AppError) return send(reply, error.code, error.message, error.details);
      if (error.validation) {
        const { message, details } = translateValidation(error.validation, error.validationContext ?? 'body');
        return send(reply, 'VALIDATION_FAILED', message, details);
      }
      const fastifyCode = error.code && fastifyClientErrors[error.code];
      if (fastifyCode) return send(reply, fastifyCode);
      if (error instanceof SyntaxError && error.statusCode === 400) return send(reply, 'BAD_JSON');
      if (error.statusCode === 429) return send(reply, 'RATE_LIMITED');
      const pgCode = (error as { code?: string }).code;
      if (pgCode && postgresClientErrors[pgCode]) {
        request.log.info(
          { pgCode, detail: (error as { detail?: string }).detail },
          'database refused the input',
        );
        return send(reply, postgresClientErrors[pgCode]);
      }
      if (isDatabaseUnavailable(error)) {
        request.log.error({ err: error }, 'database unavailable');
        // The phone's queue and the browser may try again; a restart usually takes seconds.
        reply.header('retry-after', '5');
        return send(reply, 'DATABASE_UNAVAILABLE');
      }
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        request.log.info({ err: error }, 'client error without a catalogue code');
        return send(reply, 'VALIDATION_FAILED');
      }
      request.log.error({ err: error }, 'unhandled error');
      return send(reply, 'INTERNAL');
    });

    app.setNotFoundHandler((request, reply) =>
      send(
        reply,
        'ROUTE_NOT_FOUND',
        `Không có đường dẫn ${request.method} ${request.url.split('?')[0]}. Kiểm tra lại địa chỉ.`,
      ),
    );
  },
  { name: 'errors' },
);
