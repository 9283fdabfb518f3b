/**
 * The error answers a route documents, from what it takes and who may call it: 400 when it reads
 * input, 401 unless public, 403 when guarded by roles, 404 when it names a record, 409 when it writes.
 * Every one has the same body (ErrorBody); a route adds the rarer ones (413, 415, 422, 429, 503) itself.
 */
import { ErrorBody } from '@loa/shared';

type ErrorCodes = 400 | 401 | 403 | 404 | 409;

export function errorResponses(route: {
  method: string | string[];
  hasInput: boolean;
  hasParams: boolean;
  /** A session is required (not a public route). */
  authenticated: boolean;
  /** The session's role is checked too. */
  roleGuarded: boolean;
}): Partial<Record<ErrorCodes, typeof ErrorBody>> {
  const responses: Partial<Record<ErrorCodes, typeof ErrorBody>> = {};
  if (route.hasInput) responses[400] = ErrorBody;
  if (route.authenticated) responses[401] = ErrorBody;
  if (route.roleGuarded) responses[403] = ErrorBody;
  if (route.hasParams) responses[404] = ErrorBody;
  const methods = [route.method].flat();
  if (methods.some((method) => method !== 'GET' && method !== 'HEAD')) responses[409] = ErrorBody;
  return responses;
}
