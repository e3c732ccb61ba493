// The caller's table bookings (the chat makes them), newest first, each confirmed one cancellable after
// a second tap; what goes wrong is said in plain words.
import type { components } from '@concierge/sdk';
import { useEffect, useRef, useState } from 'preact/hooks';
import { FormAlert } from '../components/field.js';
import { toast } from '../components/toast.js';
import { clock, day, phoneNumber } from '../format.js';
import { type Problem, problemFromException, problemOf } from '../problem.js';
import { Link } from '../router.js';
import { auth$, type SignedIn } from '../session.js';
import { useStore } from '../store.js';
import { StatusBadge } from './orders.js';

type Booking = components['schemas']['Booking'];

/** The API's answer in words a guest understands; the request id stays for support. */
function plainProblem(error: unknown, status: number, notFound: string): Problem {
  const found = problemOf(error, status);
  const message =
    status === 404
      ? notFound
      : status === 401 || status === 403
        ? 'Your session has ended. Sign in again to see your bookings.'
        : status === 429
          ? 'Too many requests just now. Wait a moment and try again.'
          : status >= 500
            ? 'Bookings are not available right now. Try again in a minute.'
            : found.message;
  return { ...found, message };
}

function when(b: Booking): string {
  return `${day(b.date)} at ${clock(b.time)}`;
}

function BookingItem({ booking, signedIn }: { booking: Booking; signedIn: SignedIn }) {
  const [current, setCurrent] = useState(booking);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const heading = useRef<HTMLHeadingElement>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  const b = current;
  const headingId = `booking-${b.id}`;

  useEffect(() => setCurrent(booking), [booking]);
  useEffect(() => {
    // The button pressed is replaced by the next step: the focus goes along, to "Yes" or back to "Cancel".
    if (confirming) yes.current?.focus();
    else if (asked.current) ask.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const cancel = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const { data, error, response } = await signedIn.api.POST('/v1/bookings/{bookingId}/cancel', {
        params: { path: { bookingId: b.id } },
      });
      if (!data) {
        setProblem(
          plainProblem(error, response.status, 'This booking could not be found; it may have been removed.'),
        );
        return;
      }
      setCurrent(data);
      setConfirming(false);
      toast(`Your table at ${data.restaurantName} on ${when(data)} is cancelled.`);
      // The buttons are gone: keep the keyboard in this booking rather than at the top of the page.
      requestAnimationFrame(() => heading.current?.focus());
    } catch (err) {
      setProblem(problemFromException(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="booking">
      <div class="booking-head">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {b.restaurantName}
        </h2>
        <StatusBadge status={b.status} />
      </div>
      <dl class="facts">
        <dt>When</dt>
        <dd>{when(b)}</dd>
        <dt>Party</dt>
        <dd>{b.partySize === 1 ? '1 person' : `${b.partySize} people`}</dd>
        <dt>Under</dt>
        <dd>{b.email ?? (b.phone ? phoneNumber(b.phone) : 'your account')}</dd>
        <dt>Booking number</dt>
        <dd>
          <code class="reference">{b.id}</code>
        </dd>
      </dl>
      <FormAlert message={problem?.message} requestId={problem?.requestId} />
      {b.status === 'confirmed' && !confirming && (
        <button
          type="button"
          class="secondary"
          ref={ask}
          onClick={() => setConfirming(true)}
          aria-label={`Cancel booking at ${b.restaurantName}`}
        >
          Cancel booking
        </button>
      )}
      {b.status === 'confirmed' && confirming && (
        <div class="confirm">
          <p id={`${headingId}-confirm`}>
            Cancel your table for {b.partySize} at {b.restaurantName} on {when(b)}? The restaurant will no
            longer hold it.
          </p>
          <div class="actions">
            <button
              type="button"
              ref={yes}
              onClick={cancel}
              disabled={busy}
              aria-describedby={`${headingId}-confirm`}
            >
              {busy ? 'Cancelling…' : 'Yes, cancel it'}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)} disabled={busy}>
              Keep it
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

export function BookingsPage() {
  const signedIn = useStore(auth$);
  const [bookings, setBookings] = useState<Booking[]>();
  const [problem, setProblem] = useState<Problem>();

  useEffect(() => {
    if (!signedIn) return;
    signedIn.api
      .GET('/v1/bookings', { params: { query: { limit: 50 } } })
      .then(({ data, error, response }) => {
        if (data) setBookings(data.items);
        else setProblem(plainProblem(error, response.status, 'Your bookings could not be found.'));
      })
      .catch((err: unknown) => setProblem(problemFromException(err)));
  }, [signedIn]);

  if (!signedIn) return null;
  return (
    <section class="narrow wide">
      <h1>Your bookings</h1>
      <FormAlert message={problem?.message} requestId={problem?.requestId} />
      {bookings === undefined && !problem && <p aria-live="polite">Loading…</p>}
      {bookings?.length === 0 && (
        <p>
          No table bookings yet. <Link href="/chat">Ask the concierge</Link> for a place to eat and it will
          book one for you.
        </p>
      )}
      {bookings && bookings.length > 0 && (
        <ul class="bookings">
          {bookings.map((b) => (
            <BookingItem key={b.id} booking={b} signedIn={signedIn} />
          ))}
        </ul>
      )}
    </section>
  );
}
