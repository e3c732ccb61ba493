// Table bookings against any SQL store: who may book, what a restaurant accepts, retries and cancelling.
import type { Caller } from '@concierge/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Booking, Restaurant } from '../index.js';
import {
  call,
  type OpenCatalog,
  openCatalog,
  operator,
  type StoreFactory,
  shopper,
} from './catalog.fixture.js';

const evenings = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '17:00', close: '23:00' }));
const place = {
  name: 'Trattoria Prenota',
  cuisine: 'italian',
  area: 'chelsea',
  address: { street: '1 W 23rd St', city: 'New York', state: 'NY', postalCode: '10011' },
  location: { lat: 40.7465, lng: -74.0014 },
  priceLevel: 2,
  maxPartySize: 6,
  openingHours: evenings,
};
const other: Caller = { userId: 'usr_other', roles: ['customer'], via: 'jwt', email: 'other@example.com' };
const guest: Caller = { ...shopper, email: 'shopper@example.com' };
// The fixture's clock is 2026-01-15 12:00 UTC, 07:00 in New York.
const table = { date: '2026-01-16', time: '20:00', partySize: 4 };

export function bookingSuite(factory: StoreFactory): void {
  describe('table bookings', () => {
    let t: OpenCatalog;
    let restaurantId: string;
    beforeAll(async () => {
      t = await openCatalog(factory);
      restaurantId = (
        (await call(t.sut, 'createRestaurant', { caller: operator, body: place })).body as Restaurant
      ).id;
      return () => t.close();
    });
    const mine = async (caller: Caller) =>
      ((await call(t.sut, 'listBookings', { caller })).body as { items: Booking[] }).items;
    const book = (body: object, caller: Caller | null = guest, id = restaurantId) =>
      call(t.sut, 'createBooking', { caller, params: { restaurantId: id }, body });

    it('books a table for the caller, lists it and answers a retry with the same booking', async () => {
      const first = await book({ ...table, phone: '+12125550123' });
      expect(first.status).toBe(201);
      const booking = first.body as Booking;
      expect(booking).toMatchObject({
        restaurantId,
        restaurantName: 'Trattoria Prenota',
        ...table,
        phone: '+12125550123',
        email: null,
        status: 'confirmed',
      });
      const again = await book({ ...table, phone: '+12125550123' });
      expect(again.status).toBe(200);
      expect((again.body as Booking).id).toBe(booking.id);
      expect((await mine(guest)).map((b) => b.id)).toEqual([booking.id]);
      expect(await mine(other)).toEqual([]);
    });

    it("sends the confirmation to the caller's e-mail when the request names no contact", async () => {
      const created = await book({ ...table, time: '21:00' });
      expect((created.body as Booking).email).toBe('shopper@example.com');
      await expect(book(table, { ...shopper })).rejects.toMatchObject({
        kind: 'invalid',
        details: [{ field: 'body.email' }],
      });
    });

    it('refuses anonymous callers, unknown restaurants, past slots, large parties and closed hours', async () => {
      await expect(book(table, null)).rejects.toMatchObject({ kind: 'unauthenticated' });
      await expect(book(table, guest, 'rst_missing')).rejects.toMatchObject({ kind: 'not_found' });
      await expect(book({ ...table, date: '2026-01-14' })).rejects.toMatchObject({
        kind: 'invalid',
        details: [{ field: 'body.date' }],
      });
      await expect(book({ ...table, date: '2026-01-15', time: '06:30' })).rejects.toMatchObject({
        kind: 'invalid',
      });
      await expect(book({ ...table, date: '2026-06-01' })).rejects.toMatchObject({ kind: 'invalid' });
      await expect(book({ ...table, partySize: 8 })).rejects.toMatchObject({
        kind: 'conflict',
        code: 'PARTY_TOO_LARGE',
      });
      await expect(book({ ...table, time: '12:00' })).rejects.toMatchObject({
        kind: 'conflict',
        code: 'RESTAURANT_CLOSED',
      });
      await expect(book({ ...table, date: '2026-02-30' })).rejects.toMatchObject({ kind: 'invalid' });
      await expect(book({ ...table, seats: 'window' })).rejects.toMatchObject({ kind: 'invalid' });
    });

    it('lets only the guest see and cancel a booking, and a cancelled slot can be booked again', async () => {
      const booking = (await book({ ...table, time: '19:00' })).body as Booking;
      const params = { bookingId: booking.id };
      await expect(call(t.sut, 'getBooking', { caller: other, params })).rejects.toMatchObject({
        kind: 'not_found',
      });
      await expect(call(t.sut, 'cancelBooking', { caller: other, params })).rejects.toMatchObject({
        kind: 'not_found',
      });
      t.tick();
      const cancelled = (await call(t.sut, 'cancelBooking', { caller: guest, params })).body as Booking;
      expect(cancelled.status).toBe('cancelled');
      expect(cancelled.updatedAt > booking.updatedAt).toBe(true);
      expect(((await call(t.sut, 'cancelBooking', { caller: guest, params })).body as Booking).status).toBe(
        'cancelled',
      );
      const rebooked = await book({ ...table, time: '19:00' });
      expect(rebooked.status).toBe(201);
      expect((rebooked.body as Booking).id).not.toBe(booking.id);
    });
  });
}
