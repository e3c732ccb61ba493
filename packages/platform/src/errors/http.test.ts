import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.js';
import { toHttpError } from './http.js';

describe('error mapping', () => {
  it('maps each kind to its status with the wire body', () => {
    const sut = toHttpError(AppError.invalid('bad', [{ field: 'body.x', message: 'is required' }]), 'r1');
    expect(sut).toEqual({
      status: 400,
      body: {
        code: 'INVALID',
        message: 'bad',
        details: [{ field: 'body.x', message: 'is required' }],
        requestId: 'r1',
      },
      headers: {},
      unexpected: false,
    });
    expect(
      toHttpError(new AppError('throttled', 'slow down', { headers: { 'retry-after': '3' } }), 'r').headers,
    ).toEqual({ 'retry-after': '3' });
    expect(toHttpError(new AppError('conflict', 'x'), 'r').status).toBe(409);
    expect(toHttpError(new AppError('unavailable', 'x'), 'r').status).toBe(503);
  });

  it('hides everything about an unexpected error', () => {
    const sut = toHttpError(new Error('password=hunter2'), 'r2');
    expect(sut.status).toBe(500);
    expect(JSON.stringify(sut.body)).not.toContain('hunter2');
    expect(sut.unexpected).toBe(true);
  });
});
