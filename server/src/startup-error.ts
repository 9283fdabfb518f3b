/**
 * A problem the person starting the server can fix (a bad variable, a port in use, a data folder owned
 * by someone else). The listener prints its message as one line and exits, without a stack trace.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}
