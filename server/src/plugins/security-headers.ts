/**
 * helmet's security headers (CSP, HSTS, frame and sniffing rules, ...) on every answer, from one helmet
 * middleware built at start-up. helmet's own Fastify plugin builds a new middleware on every request,
 * parsing the CSP directives again each time: that was a seventh of the server's CPU on the busiest
 * route (`npm run bench:ack`). Built once, helmet prepares the header values once too (our directives
 * are fixed strings, no per-request nonces), and each request only sets them.
 *
 * The headers go on the raw response, as helmet's plugin put them, so a route that sets its own (the
 * /docs pages set their CSP) still wins.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

export default fp(
  async function securityHeadersPlugin(app: FastifyInstance, options: HelmetOptions) {
    const setHeaders = helmet(options);
    app.addHook('onRequest', (request, reply, done) => {
      // helmet calls back at once; an error (none with fixed options) goes to the error handler.
      setHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
    });
  },
  { name: 'security-headers' },
);
