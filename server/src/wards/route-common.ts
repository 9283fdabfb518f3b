import { ErrorBody } from '@loa/shared';

/** The error answers every set-up route declares, and its security requirement. */
export const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
export const security = [{ session: [] }];
