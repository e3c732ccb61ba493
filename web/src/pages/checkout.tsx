// Checkout: prefilled from the chat (product, day, recipient) and the last order (address); checked before
// it is sent, and the API's 400 details land, in the same plain words, next to the fields they name.
import { type components, toE164 } from '@concierge/sdk';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { addDays, todayIn } from '../chat-state.js';
import { deliveryWindowDays, draft$, shopTimeZone } from '../checkout-draft.js';
import { checkoutLabels, checkoutProblems, plainServerErrors } from '../checkout-form.js';
import { Field, FormAlert } from '../components/field.js';
import { toast } from '../components/toast.js';
import { money } from '../format.js';
import { type Problem, problemFromException, problemOf } from '../problem.js';
import { Link, navigate, useLocation } from '../router.js';
import { auth$ } from '../session.js';
import { useStore } from '../store.js';

type Product = { productId: string; name: string; price: string; imageUrl: string };
type DeliveryAddress = components['schemas']['DeliveryAddress'];

const sandboxCards = [
  ['tok_visa', 'Visa ending 4242 (sandbox, approved)'],
  ['tok_mastercard', 'Mastercard ending 4444 (sandbox, approved)'],
  ['tok_chargeDeclined', 'Visa ending 0002 (sandbox, declined)'],
];
const countries = [
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['GB', 'United Kingdom'],
];

export function CheckoutPage() {
  const signedIn = useStore(auth$);
  const location = useLocation();
  const draft = useStore(draft$);
  const productId = location.searchParams.get('product') ?? draft?.product.productId ?? '';
  const [product, setProduct] = useState<Product | undefined>(
    draft && draft.product.productId === productId ? draft.product : undefined,
  );
  const [lastAddress, setLastAddress] = useState<DeliveryAddress>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const alert = useRef<HTMLDivElement>(null);
  const idempotencyKey = useMemo(() => crypto.randomUUID(), [productId]);
  const today = todayIn(shopTimeZone);
  const last = addDays(today, deliveryWindowDays);

  useEffect(() => {
    if (!signedIn || !productId || product) return;
    void signedIn.api
      .GET('/v1/products/{productId}', { params: { path: { productId } } })
      .then(({ data }) => {
        if (data)
          setProduct({
            productId: data.id,
            name: data.name,
            price: money(data.price),
            imageUrl: data.imageUrl,
          });
      });
  }, [signedIn, productId, product]);

  useEffect(() => {
    if (!signedIn) return;
    void signedIn.api.GET('/v1/orders', { params: { query: { limit: 1 } } }).then(({ data }) => {
      const previous = data?.items[0]?.deliveryAddress;
      if (previous && typeof previous === 'object') setLastAddress(previous);
    });
  }, [signedIn]);

  if (!signedIn) return null;
  if (!productId) {
    return (
      <section class="narrow">
        <h1>Checkout</h1>
        <p>
          Pick something in the <Link href="/chat">chat</Link> first, then tap Order.
        </p>
      </section>
    );
  }

  const error = (name: string) => problem?.fields[name];
  const id = (name: string) => `checkout-${name.replace(/\./g, '-')}`;
  /** Shows what to fix and moves the focus to the first field to fix (or to the message when none is named). */
  const show = (found: Problem) => {
    setProblem(found);
    const first = Object.keys(found.fields)[0];
    requestAnimationFrame(() => {
      const target = first ? document.getElementById(id(first)) : null;
      (target ?? alert.current)?.focus();
    });
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(f.get(name) ?? '').trim();
    const days = { today, last };
    const country = text('deliveryAddress.country');
    const invalid = checkoutProblems(text, days);
    if (Object.keys(invalid).length > 0) {
      show({ message: 'Some details need fixing before we can place the order.', fields: invalid });
      return;
    }
    const phone = toE164(text('recipient.phone'));
    const line2 = text('deliveryAddress.line2');
    const message = text('cardMessage');
    const contactEmail = text('contact.email');
    setBusy(true);
    try {
      const {
        data,
        error: failure,
        response,
      } = await signedIn.api.POST('/v1/checkout', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body: {
          productId,
          quantity: Number(text('quantity') || '1'),
          deliveryAddress: {
            line1: text('deliveryAddress.line1'),
            ...(line2 ? { line2 } : {}),
            city: text('deliveryAddress.city'),
            state: text('deliveryAddress.state'),
            postalCode: text('deliveryAddress.postalCode'),
            country,
          },
          deliveryDate: text('deliveryDate'),
          recipient: { name: text('recipient.name'), ...(phone ? { phone } : {}) },
          ...(message ? { cardMessage: message } : {}),
          ...(contactEmail ? { contact: { email: contactEmail } } : {}),
          paymentToken: text('paymentToken'),
        },
      });
      if (!data) {
        const found = problemOf(failure, response.status);
        const fields = plainServerErrors(found.fields, days, country);
        show(
          Object.keys(fields).length > 0
            ? { ...found, message: 'Some details need fixing before we can place the order.', fields }
            : found,
        );
        return;
      }
      draft$.set(null);
      toast('Order placed — we will confirm it shortly.');
      navigate(`/orders/${encodeURIComponent(data.orderId)}`);
    } catch (err) {
      show(problemFromException(err));
    } finally {
      setBusy(false);
    }
  };

  const fieldErrors = Object.entries(problem?.fields ?? {});
  const a = lastAddress;
  return (
    <section class="narrow wide">
      <h1>Checkout</h1>
      {product && (
        <div class="card product summary">
          <img src={product.imageUrl} alt="" width={120} height={90} />
          <div>
            <h2>{product.name}</h2>
            <p class="price">{product.price}</p>
          </div>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <div ref={alert} tabIndex={-1}>
          <FormAlert message={problem?.message} requestId={problem?.requestId} />
          {fieldErrors.length > 0 && (
            <ul class="error-summary">
              {fieldErrors.map(([name, text]) => (
                <li key={name}>
                  <a href={`#${id(name)}`}>
                    {checkoutLabels[name] ?? name}: {text}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
        <fieldset>
          <legend>Delivery</legend>
          <Field
            id={id('deliveryDate')}
            label="Delivery date"
            hint={`Between today and ${last} (shop time, New York).`}
            error={error('deliveryDate')}
          >
            {(x) => (
              <input
                {...x}
                name="deliveryDate"
                type="date"
                min={today}
                max={last}
                defaultValue={draft?.date ?? today}
                required
              />
            )}
          </Field>
          <Field
            id={id('deliveryAddress.line1')}
            label="Street address"
            error={error('deliveryAddress.line1')}
          >
            {(x) => (
              <input
                {...x}
                name="deliveryAddress.line1"
                autoComplete="address-line1"
                defaultValue={a?.line1}
                required
              />
            )}
          </Field>
          <Field
            id={id('deliveryAddress.line2')}
            label="Apartment, suite (optional)"
            error={error('deliveryAddress.line2')}
          >
            {(x) => (
              <input
                {...x}
                name="deliveryAddress.line2"
                autoComplete="address-line2"
                defaultValue={a?.line2}
              />
            )}
          </Field>
          <div class="row">
            <Field id={id('deliveryAddress.city')} label="City" error={error('deliveryAddress.city')}>
              {(x) => (
                <input
                  {...x}
                  name="deliveryAddress.city"
                  autoComplete="address-level2"
                  defaultValue={a?.city}
                  required
                />
              )}
            </Field>
            <Field id={id('deliveryAddress.state')} label="State" error={error('deliveryAddress.state')}>
              {(x) => (
                <input
                  {...x}
                  name="deliveryAddress.state"
                  autoComplete="address-level1"
                  defaultValue={a?.state}
                  required
                />
              )}
            </Field>
          </div>
          <div class="row">
            <Field
              id={id('deliveryAddress.postalCode')}
              label="ZIP / postal code"
              error={error('deliveryAddress.postalCode')}
            >
              {(x) => (
                <input
                  {...x}
                  name="deliveryAddress.postalCode"
                  autoComplete="postal-code"
                  defaultValue={a?.postalCode}
                  required
                />
              )}
            </Field>
            <Field
              id={id('deliveryAddress.country')}
              label="Country"
              error={error('deliveryAddress.country')}
            >
              {(x) => (
                <select {...x} name="deliveryAddress.country">
                  {countries.map(([code, name]) => (
                    <option key={code} value={code} selected={code === (a?.country ?? 'US')}>
                      {name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>Recipient and card</legend>
          <Field id={id('recipient.name')} label="Recipient's name" error={error('recipient.name')}>
            {(x) => (
              <input {...x} name="recipient.name" defaultValue={draft?.recipient} maxLength={120} required />
            )}
          </Field>
          <Field
            id={id('recipient.phone')}
            label="Recipient's phone (optional)"
            hint="A US number as you write it, e.g. (212) 555-0123; others with their country code."
            error={error('recipient.phone')}
          >
            {(x) => <input {...x} name="recipient.phone" type="tel" autoComplete="tel" />}
          </Field>
          <Field id={id('cardMessage')} label="Card message (optional)" error={error('cardMessage')}>
            {(x) => <textarea {...x} name="cardMessage" rows={3} maxLength={500} />}
          </Field>
          <Field
            id={id('contact.email')}
            label="Send order updates to"
            hint="We e-mail you when the order is confirmed."
            error={error('contact.email')}
          >
            {(x) => (
              <input
                {...x}
                name="contact.email"
                type="email"
                autoComplete="email"
                defaultValue={signedIn.user.email}
              />
            )}
          </Field>
          <Field id={id('quantity')} label="Quantity" error={error('quantity')}>
            {(x) => (
              <input
                {...x}
                name="quantity"
                type="number"
                min={1}
                max={100}
                defaultValue={(draft?.product.productId === productId && draft.product.quantity) || 1}
                inputMode="numeric"
              />
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Payment</legend>
          <Field
            id={id('paymentToken')}
            label="Card"
            hint="Sandbox cards: no money moves."
            error={error('paymentToken')}
          >
            {(x) => (
              <select {...x} name="paymentToken">
                {sandboxCards.map(([token, label]) => (
                  <option key={token} value={token}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        <button type="submit" disabled={busy}>
          {busy ? 'Placing your order…' : 'Place order'}
        </button>
      </form>
    </section>
  );
}
