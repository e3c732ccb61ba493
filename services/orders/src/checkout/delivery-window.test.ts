// Delivery dates are the shop's calendar days, not UTC ones.
import { describe, expect, it } from 'vitest';
import { deliveryDateProblem, shopDate } from './delivery-window.js';

const sut = deliveryDateProblem;
const window = { timeZone: 'America/New_York', days: 30 };

describe('deliveryDateProblem', () => {
  it('uses the shop day: at 02:00 UTC it is still the previous day in New York', () => {
    const lateEvening = new Date('2026-06-16T02:00:00Z');
    expect(shopDate(lateEvening, window.timeZone)).toBe('2026-06-15');
    expect(sut('2026-06-15', lateEvening, window)).toBeUndefined();
    expect(sut('2026-06-14', lateEvening, window)).toMatch(/today/);
  });

  it('accepts the last day of the window and refuses the day after', () => {
    const now = new Date('2026-06-15T16:00:00Z');
    expect(sut('2026-07-15', now, window)).toBeUndefined();
    expect(sut('2026-07-16', now, window)).toMatch(/within 30 days/);
  });
});
