import { type ErrorCode, errorCatalogue } from '@loa/shared';

/**
 * The one error type features throw. The code picks the HTTP status and the Vietnamese message from
 * the catalogue in `shared/`; a feature may pass a more precise message that still says what to fix.
 */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: { field: string; label?: string; message: string }[],
  ) {
    super(message ?? errorCatalogue[code].message);
    this.statusCode = errorCatalogue[code].status;
  }
}
