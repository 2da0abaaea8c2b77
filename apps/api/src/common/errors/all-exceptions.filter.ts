import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { toErrorResponse } from './to-error-response';

/**
 * Global filter: every failure of an HTTP request, including unknown routes and
 * Fastify's body parser errors, leaves as `{ code, message, details? }`. Server faults
 * are logged with their stack here, and only here, so each appears in the logs once.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const { status, body, serverFault, headers } = toErrorResponse(exception);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (serverFault) {
      // The request's own logger carries its id, which ties the stack to the access log line.
      const err = exception instanceof Error ? exception : new Error(String(exception));
      if (reply?.log) reply.log.error({ err, code: body.code }, 'request failed');
      else this.logger.error(err.message, err.stack);
    }
    if (!reply || reply.sent) return;
    if (headers) void reply.headers(headers);
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
