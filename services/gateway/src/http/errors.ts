// Turns every failure (validation, parsing, limits, AppError, bugs) into the one error body, and answers
// unknown routes with 404 or 405.
import { AppError, type FieldProblem, toHttpError } from '@concierge/platform';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ApiDocument, allowedMethods } from '../openapi/document.js';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const partNames: Record<string, string> = {
  querystring: 'query',
  params: 'path',
  headers: 'header',
  body: 'body',
};

/** `body` + `/deliveryAddress/city` → `body.deliveryAddress.city`; names the extra or missing property too. */
export function fieldProblems(context: string, issues: AjvIssue[]): FieldProblem[] {
  return issues.map((issue) => {
    const part = partNames[context] ?? context;
    const segments = issue.instancePath.split('/').filter(Boolean);
    const extra = issue.params.additionalProperty ?? issue.params.missingProperty;
    if (typeof extra === 'string') segments.push(extra);
    const field = [part, ...segments].join('.');
    const message =
      issue.keyword === 'additionalProperties' ? 'is not a known field' : (issue.message ?? 'is invalid');
    return { field, message };
  });
}

function fromFastifyError(error: FastifyError): AppError {
  if (error.validation) {
    const details = fieldProblems(error.validationContext ?? 'body', error.validation as AjvIssue[]);
    const first = details[0];
    return AppError.invalid(first ? `${first.field} ${first.message}` : 'The request is invalid', details);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request body is larger than allowed', {
        code: 'PAYLOAD_TOO_LARGE',
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Send the body as application/json', {
        code: 'UNSUPPORTED_MEDIA_TYPE',
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('invalid', 'The body is not valid JSON', { code: 'MALFORMED_JSON' });
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return new AppError('invalid', 'The body is not valid JSON', { code: 'MALFORMED_JSON' });
  }
  if (error.statusCode === 431) {
    return new AppError('invalid', 'The request headers are too large', { code: 'HEADERS_TOO_LARGE' });
  }
  return error instanceof AppError ? error : (error as unknown as AppError);
}

export function installErrorHandling(
  app: FastifyInstance,
  document: ApiDocument,
  spaFallback?: string,
): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const mapped = error instanceof AppError ? error : fromFastifyError(error);
    const answer = toHttpError(mapped, request.id);
    if (answer.unexpected) request.log.error({ err: error }, 'unexpected error');
    else if (answer.status >= 500) request.log.warn({ code: answer.body.code }, answer.body.message);
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  });

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const urlPath = request.url.split('?')[0] ?? '/';
    const allowed = allowedMethods(document, urlPath);
    if (allowed.length > 0) {
      const error = new AppError('method_not_allowed', `${request.method} is not allowed on ${urlPath}`, {
        code: 'METHOD_NOT_ALLOWED',
        headers: { allow: allowed.join(', ') },
      });
      throw error;
    }
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (spaFallback && wantsPage && !urlPath.startsWith('/v1/')) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile(spaFallback);
    }
    throw new AppError('not_found', `No route for ${request.method} ${urlPath}`, { code: 'ROUTE_NOT_FOUND' });
  });
}
