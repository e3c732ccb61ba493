// The cover page: what Concierge does, and the ways in.
import { ProviderButtons } from '../components/providers.js';
import { Link } from '../router.js';
import { auth$ } from '../session.js';
import { useStore } from '../store.js';

export function CoverPage() {
  const signedIn = useStore(auth$);
  return (
    <>
      <section class="hero">
        <h1>Flowers, gifts and a table for tonight — just ask.</h1>
        <p class="lead">
          Tell Concierge what you need in plain English: “red roses for my mom tomorrow” or “a quiet Italian
          place in Chelsea for 4 at 8pm”. It finds the products and restaurants, you order in a tap, and it
          tells you the moment your order is confirmed.
        </p>
        {signedIn ? (
          <p>
            <Link href="/chat" class="button">
              Open the chat
            </Link>
          </p>
        ) : (
          <div class="actions">
            <Link href="/signup" class="button">
              Create an account
            </Link>
            <Link href="/signin" class="button secondary">
              Sign in
            </Link>
            <ProviderButtons />
          </div>
        )}
      </section>
      <section class="features" aria-label="What Concierge does">
        <article>
          <h2>Shop by chat</h2>
          <p>Bouquets, chocolates and gifts picked for the occasion, the colour and your budget.</p>
        </article>
        <article>
          <h2>Dine out</h2>
          <p>Restaurant suggestions by cuisine, neighbourhood and party size — or “the same as last time”.</p>
        </article>
        <article>
          <h2>Know where your order is</h2>
          <p>Checkout takes seconds; confirmation arrives live on the page and by e-mail.</p>
        </article>
      </section>
    </>
  );
}
