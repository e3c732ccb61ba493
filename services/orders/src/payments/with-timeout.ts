// Bounds every payment call: the processor gets an abort signal and the caller never waits past it.
import type { CallOptions } from './payment.port.js';
import { PaymentError } from './payment.port.js';

/** Runs `call` with a signal that aborts after `ms`; a timeout rejects as a transient PaymentError. */
export async function withTimeout<T>(ms: number, call: (options: CallOptions) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new PaymentError(`payment call timed out after ${ms} ms`, true, 'timeout'));
    }, ms);
  });
  try {
    return await Promise.race([call({ signal: controller.signal }), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
