// The caller's orders, newest first; re-read when a live event says one changed.
import type { components } from '@concierge/sdk';
import { useEffect, useState } from 'preact/hooks';
import { FormAlert } from '../components/field.js';
import { day, money, statusLabel } from '../format.js';
import { lastEvent$ } from '../live.js';
import { type Problem, problemOf } from '../problem.js';
import { Link } from '../router.js';
import { auth$ } from '../session.js';
import { useStore } from '../store.js';

type Order = components['schemas']['Order'];

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge ${status}`}>{statusLabel[status] ?? status}</span>;
}

export function OrdersPage() {
  const signedIn = useStore(auth$);
  const event = useStore(lastEvent$);
  const [orders, setOrders] = useState<Order[]>();
  const [problem, setProblem] = useState<Problem>();

  useEffect(() => {
    if (!signedIn) return;
    void signedIn.api
      .GET('/v1/orders', { params: { query: { limit: 50 } } })
      .then(({ data, error, response }) => {
        if (data) setOrders(data.items);
        else setProblem(problemOf(error, response.status));
      });
  }, [signedIn, event]);

  return (
    <section>
      <h1>Your orders</h1>
      <FormAlert message={problem?.message} requestId={problem?.requestId} />
      {orders === undefined && !problem && <p aria-live="polite">Loading…</p>}
      {orders?.length === 0 && (
        <p>
          No orders yet. <Link href="/chat">Ask the concierge</Link> for something to send.
        </p>
      )}
      {orders && orders.length > 0 && (
        <ul class="orders">
          {orders.map((o) => (
            <li key={o.id} class="order-row">
              <Link href={`/orders/${encodeURIComponent(o.id)}`}>{o.productName}</Link>
              <span>{money(o.amount)}</span>
              <span>{day(o.deliveryDate)}</span>
              <StatusBadge status={o.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
