// One order, its status kept current by the live event stream (the toast comes from the shell).
import type { components } from '@concierge/sdk';
import { useEffect, useState } from 'preact/hooks';
import { FormAlert } from '../components/field.js';
import { address, day, money, when } from '../format.js';
import { lastEvent$ } from '../live.js';
import { type Problem, problemOf } from '../problem.js';
import { Link } from '../router.js';
import { auth$ } from '../session.js';
import { useStore } from '../store.js';
import { StatusBadge } from './orders.js';

type Order = components['schemas']['Order'];

export function OrderPage({ params }: { params: Record<string, string> }) {
  const signedIn = useStore(auth$);
  const event = useStore(lastEvent$);
  const orderId = params.orderId ?? '';
  const [order, setOrder] = useState<Order>();
  const [problem, setProblem] = useState<Problem>();
  const concernsThis = event?.data.orderId === orderId;

  useEffect(() => {
    if (!signedIn) return;
    void signedIn.api
      .GET('/v1/orders/{orderId}', { params: { path: { orderId } } })
      .then(({ data, error, response }) => {
        if (data) setOrder(data);
        else setProblem(problemOf(error, response.status));
      });
  }, [signedIn, orderId, concernsThis ? event : null]);

  return (
    <section class="narrow wide">
      <h1>Order {order ? `· ${order.productName}` : ''}</h1>
      <FormAlert message={problem?.message} requestId={problem?.requestId} />
      {order && (
        <>
          <p class="status-line" aria-live="polite">
            Status: <StatusBadge status={order.status} />
            {order.status === 'pending' && (
              <span class="muted"> — waiting for the payment; this page updates by itself.</span>
            )}
          </p>
          <dl class="facts">
            <dt>Order number</dt>
            <dd>{order.id}</dd>
            {order.confirmationNumber && (
              <>
                <dt>Confirmation</dt>
                <dd>{order.confirmationNumber}</dd>
              </>
            )}
            {order.failureReason && (
              <>
                <dt>Why it failed</dt>
                <dd>{order.failureReason}</dd>
              </>
            )}
            <dt>Total</dt>
            <dd>
              {money(order.amount)} ({order.quantity} × {order.productName})
            </dd>
            <dt>Delivery</dt>
            <dd>
              {day(order.deliveryDate)} to {address(order.deliveryAddress)}
            </dd>
            {order.recipient && (
              <>
                <dt>Recipient</dt>
                <dd>{order.recipient.name}</dd>
              </>
            )}
            {order.cardMessage && (
              <>
                <dt>Card message</dt>
                <dd class="pre">{order.cardMessage}</dd>
              </>
            )}
            <dt>Placed</dt>
            <dd>{when(order.createdAt)}</dd>
          </dl>
        </>
      )}
      <p>
        <Link href="/orders">All your orders</Link>
      </p>
    </section>
  );
}
