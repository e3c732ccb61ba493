// Booking rules: the restaurant must exist, seat the party and be open at the slot, which must lie ahead.
import { AppError, type Caller, localMoment, parseInput } from '@concierge/platform';
import type { BookingTable } from '../catalog.tables.js';
import { cursorCodec, isTuple } from '../paging/cursor.js';
import { type Page, toPage } from '../paging/page.js';
import { parseLocalMoment, toDayRanges } from '../restaurants/opening-hours.js';
import { toRestaurant } from '../restaurants/restaurant.mapper.js';
import type { RestaurantRepository } from '../restaurants/restaurant.repository.js';
import type { BookingRepository } from './booking.repository.js';
import { bookingListSchema, newBookingSchema } from './booking.schemas.js';
import type { Booking } from './booking.types.js';

const byId = cursorCodec('bookings:id', isTuple<[string]>('string'));
const DAY_MS = 24 * 60 * 60 * 1000;
/** How far ahead a table can be booked. */
export const BOOKING_HORIZON_DAYS = 90;

export function toBooking(row: BookingTable): Booking {
  return {
    id: row.id,
    restaurantId: row.restaurant_id,
    restaurantName: row.restaurant_name,
    date: row.date,
    time: row.time,
    partySize: Number(row.party_size),
    email: row.email,
    phone: row.phone,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function requireCaller(caller: Caller | null): Caller {
  if (!caller) throw new AppError('unauthenticated', 'Sign in to book a table.');
  return caller;
}

const invalid = (field: string, message: string, text: string) =>
  AppError.invalid(text, [{ field: `body.${field}`, message }]);

export class BookingService {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly restaurants: RestaurantRepository,
    private readonly now: () => Date,
    private readonly newId: (prefix: string) => string,
    /** Where the restaurants are: dates and times of bookings are local to this zone. */
    private readonly timeZone: string,
  ) {}

  /** Books a table for the caller; asking again for the same table and slot answers the first booking. */
  async book(
    caller: Caller | null,
    restaurantId: string,
    input: unknown,
  ): Promise<{ booking: Booking; created: boolean }> {
    const { userId, email: callerEmail } = requireCaller(caller);
    const req = parseInput(newBookingSchema, input, 'body');
    const email = req.email ?? (req.phone ? undefined : callerEmail);
    if (!email && !req.phone)
      throw invalid(
        'email',
        'an e-mail address or a phone number',
        'Give an e-mail address or a phone number for the booking.',
      );
    const now = this.now();
    const today = localMoment(now, this.timeZone);
    if (req.date < today.date || (req.date === today.date && req.time <= today.time))
      throw invalid('date', 'a day and time still ahead', 'That time has already passed.');
    const horizon = localMoment(new Date(now.getTime() + BOOKING_HORIZON_DAYS * DAY_MS), this.timeZone);
    if (req.date > horizon.date)
      throw invalid(
        'date',
        `at most ${BOOKING_HORIZON_DAYS} days ahead`,
        'That day is too far ahead to book.',
      );
    const row = await this.restaurants.findById(restaurantId);
    if (!row) throw AppError.notFound(`restaurant ${restaurantId}`);
    const restaurant = toRestaurant(row);
    const maxParty = restaurant.maxPartySize;
    if (req.partySize > maxParty)
      throw new AppError('conflict', `${restaurant.name} seats parties of up to ${maxParty}.`, {
        code: 'PARTY_TOO_LARGE',
      });
    const moment = parseLocalMoment(`${req.date}T${req.time}`)!;
    const open = toDayRanges(restaurant.id, restaurant.openingHours).some(
      (r) => r.day === moment.day && r.open_minute <= moment.minute && r.close_minute > moment.minute,
    );
    if (!open)
      throw new AppError('conflict', `${restaurant.name} is closed at that time.`, {
        code: 'RESTAURANT_CLOSED',
      });
    const at = now.toISOString();
    const result = await this.bookings.insertOrExisting({
      id: this.newId('bkg'),
      user_id: userId,
      restaurant_id: restaurant.id,
      restaurant_name: restaurant.name,
      date: req.date,
      time: req.time,
      party_size: req.partySize,
      email: email ?? null,
      phone: req.phone ?? null,
      status: 'confirmed',
      created_at: at,
      updated_at: at,
    });
    return { booking: toBooking(result.row), created: result.created };
  }

  async list(caller: Caller | null, input: unknown): Promise<Page<Booking>> {
    const { userId } = requireCaller(caller);
    const { limit, cursor } = parseInput(bookingListSchema, input, 'query');
    const rows = await this.bookings.listByUser(
      userId,
      limit + 1,
      cursor ? byId.decode(cursor)[0] : undefined,
    );
    return toPage(rows, limit, toBooking, (row) => byId.encode([row.id]));
  }

  /** The caller's own booking; anyone else gets 404, so ids cannot be probed. */
  async get(caller: Caller | null, id: string): Promise<Booking> {
    const { userId } = requireCaller(caller);
    const row = await this.bookings.find(id);
    if (!row || row.user_id !== userId) throw AppError.notFound(`booking ${id}`);
    return toBooking(row);
  }

  /** Cancels the caller's booking; cancelling again answers the cancelled booking. */
  async cancel(caller: Caller | null, id: string): Promise<Booking> {
    const current = await this.get(caller, id);
    if (current.status === 'cancelled') return current;
    const row = await this.bookings.cancel(id, this.now().toISOString());
    return row ? toBooking(row) : this.get(caller, id);
  }
}
