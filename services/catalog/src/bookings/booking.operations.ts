// The booking operations of the API contract, one line each; the guest is always the verified caller.
import { type OperationHandler, ok } from '@concierge/platform';
import { pathParam } from '../query/path-param.js';
import type { BookingService } from './booking.service.js';

export function bookingOperations(bookings: BookingService): Record<string, OperationHandler> {
  return {
    createBooking: async (r) => {
      const { booking, created } = await bookings.book(r.caller, pathParam(r, 'restaurantId'), r.body);
      return ok(booking, created ? 201 : 200);
    },
    listBookings: async (r) => ok(await bookings.list(r.caller, r.query)),
    getBooking: async (r) => ok(await bookings.get(r.caller, pathParam(r, 'bookingId'))),
    cancelBooking: async (r) => ok(await bookings.cancel(r.caller, pathParam(r, 'bookingId'))),
  };
}
