// Operators: every customer's orders, filterable by status.
import type { components } from '@concierge/sdk';
import { useEffect, useState } from 'preact/hooks';
import { FormAlert } from '../../components/field.js';
import { day, money, when } from '../../format.js';
import { lastEvent$ } from '../../live.js';
import { type Problem, problemOf } from '../../problem.js';
import { auth$ } from '../../session.js';
import { useStore } from '../../store.js';
import { StatusBadge } from '../orders.js';

type Order = components['schemas']['Order'];
type Status = Order['status'];
const statuses: Status[] = ['pending', 'confirmed', 'failed', 'cancelled'];

export function OperatorOrdersPage() {
  const signedIn = useStore(auth$);
  const event = useStore(lastEvent$);
  const [status, setStatus] = useState<Status | ''>('');
  const [orders, setOrders] = useState<Order[]>();
  const [problem, setProblem] = useState<Problem>();

  useEffect(() => {
    if (!signedIn) return;
    void signedIn.api
      .GET('/v1/admin/orders', { params: { query: { limit: 100, ...(status ? { status } : {}) } } })
      .then(({ data, error, response }) => {
        if (data) setOrders(data.items);
        else setProblem(problemOf(error, response.status));
      });
  }, [signedIn, status, event]);

  return (
    <section>
      <h1>All orders</h1>
      <div class="field inline">
        <label for="orders-status">Status</label>
        <select
          id="orders-status"
          value={status}
          onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as Status)}
        >
          <option value="">Any</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <FormAlert message={problem?.message} requestId={problem?.requestId} />
      {orders?.length === 0 && <p>No orders.</p>}
      {orders && orders.length > 0 && (
        <table>
          <caption class="visually-hidden">Orders</caption>
          <thead>
            <tr>
              <th scope="col">Placed</th>
              <th scope="col">Product</th>
              <th scope="col">Total</th>
              <th scope="col">Delivery</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id}>
                <td>{when(o.createdAt)}</td>
                <td>{o.productName}</td>
                <td>{money(o.amount)}</td>
                <td>{day(o.deliveryDate)}</td>
                <td>
                  <StatusBadge status={o.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
