import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { createShutdown } from './shutdown.js';

const logger = createLogger({ level: 'silent', format: 'json' });

describe('shutdown', () => {
  it('runs steps once, in order, even when one fails', async () => {
    const order: string[] = [];
    const sut = createShutdown({ logger, timeoutMs: 1000, exit: () => {} });
    sut.add('http', async () => {
      order.push('http');
    });
    sut.add('consumers', async () => {
      order.push('consumers');
      throw new Error('stuck');
    });
    sut.add('store', async () => {
      order.push('store');
    });
    await Promise.all([sut.run('test'), sut.run('again')]);
    expect(order).toEqual(['http', 'consumers', 'store']);
  });
});
