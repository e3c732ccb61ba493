// The API's error body turned into what a form shows: one message, and one message per field.
export interface Problem {
  message: string;
  /** Field path without its `body.` prefix (e.g. `deliveryAddress.postalCode`) → message. */
  fields: Record<string, string>;
  requestId?: string;
}

interface ErrorBody {
  code?: string;
  message?: string;
  details?: unknown;
  requestId?: string;
}

export function problemOf(error: unknown, status?: number): Problem {
  const body = (error ?? {}) as ErrorBody;
  const fields: Record<string, string> = {};
  if (Array.isArray(body.details)) {
    for (const item of body.details as { field?: string; message?: string }[]) {
      if (!item.field || !item.message) continue;
      const field = item.field.replace(/^(body|query|params|headers)\.?/, '');
      fields[field] ??= item.message;
    }
  }
  const fallback = status ? `The request failed (${status}).` : 'The request failed.';
  return {
    message: body.message ?? fallback,
    fields,
    ...(body.requestId ? { requestId: body.requestId } : {}),
  };
}

/** For errors thrown by fetch itself (offline, timeout). */
export function problemFromException(err: unknown): Problem {
  const timeout = err instanceof DOMException && err.name === 'TimeoutError';
  return {
    message: timeout
      ? 'The server took too long to answer; try again.'
      : 'Could not reach Concierge; check your connection.',
    fields: {},
  };
}
