// The shell: skip link, header navigation by role, the routed page, toasts, and live order updates.
import type { ComponentType } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Toasts, toast } from './components/toast.js';
import { followEvents, lastEvent$ } from './live.js';
import { AccountPage } from './pages/account.js';
import { BookingsPage } from './pages/bookings.js';
import { ChatPage } from './pages/chat.js';
import { CheckoutPage } from './pages/checkout.js';
import { CoverPage } from './pages/cover.js';
import { NotFoundPage } from './pages/not-found.js';
import { OperatorCatalogPage } from './pages/operator/catalog.js';
import { OperatorDlqPage } from './pages/operator/dlq.js';
import { OperatorOrdersPage } from './pages/operator/orders.js';
import { OrderPage } from './pages/order.js';
import { OrdersPage } from './pages/orders.js';
import { SignInPage } from './pages/sign-in.js';
import { SignUpPage } from './pages/sign-up.js';
import { Link, match, navigate, useLocation } from './router.js';
import { auth$, hasRole, signOut } from './session.js';
import { useStore } from './store.js';

type Access = 'public' | 'signed-in' | 'operator';
interface Route {
  pattern: string;
  page: ComponentType<{ params: Record<string, string> }>;
  access: Access;
}

const routes: Route[] = [
  { pattern: '/', page: CoverPage, access: 'public' },
  { pattern: '/signin', page: SignInPage, access: 'public' },
  { pattern: '/signup', page: SignUpPage, access: 'public' },
  { pattern: '/chat', page: ChatPage, access: 'signed-in' },
  { pattern: '/checkout', page: CheckoutPage, access: 'signed-in' },
  { pattern: '/orders', page: OrdersPage, access: 'signed-in' },
  { pattern: '/orders/:orderId', page: OrderPage, access: 'signed-in' },
  { pattern: '/bookings', page: BookingsPage, access: 'signed-in' },
  { pattern: '/account', page: AccountPage, access: 'signed-in' },
  { pattern: '/operator/catalog', page: OperatorCatalogPage, access: 'operator' },
  { pattern: '/operator/orders', page: OperatorOrdersPage, access: 'operator' },
  { pattern: '/operator/dlq', page: OperatorDlqPage, access: 'operator' },
];

const statusWords: Record<string, string> = {
  'order.placed': 'was placed',
  'order.confirmed': 'is confirmed',
  'order.failed': 'could not be completed',
  'order.cancelled': 'was cancelled',
};

function useLiveOrders(): void {
  const signedIn = useStore(auth$);
  useEffect(() => {
    if (!signedIn) return;
    return followEvents(signedIn.streamApi, (event) => {
      lastEvent$.set(event);
      const words = statusWords[event.type];
      if (words && event.type !== 'order.placed') toast(`Your order ${words}.`);
    });
  }, [signedIn]);
}

function Header() {
  const signedIn = useStore(auth$);
  const { pathname } = useLocation();
  const current = (href: string) => (pathname === href ? { 'aria-current': 'page' as const } : {});
  return (
    <header class="top">
      <Link href="/" class="brand">
        Concierge
      </Link>
      <nav aria-label="Main">
        <ul>
          {signedIn ? (
            <>
              <li>
                <Link href="/chat" {...current('/chat')}>
                  Chat
                </Link>
              </li>
              <li>
                <Link href="/orders" {...current('/orders')}>
                  Orders
                </Link>
              </li>
              <li>
                <Link href="/bookings" {...current('/bookings')}>
                  Bookings
                </Link>
              </li>
              <li>
                <Link href="/account" {...current('/account')}>
                  Account
                </Link>
              </li>
              {hasRole(signedIn, 'operator') && (
                <>
                  <li>
                    <Link href="/operator/catalog" {...current('/operator/catalog')}>
                      Catalog
                    </Link>
                  </li>
                  <li>
                    <Link href="/operator/orders" {...current('/operator/orders')}>
                      All orders
                    </Link>
                  </li>
                  <li>
                    <Link href="/operator/dlq" {...current('/operator/dlq')}>
                      Dead letters
                    </Link>
                  </li>
                </>
              )}
              <li>
                <button
                  type="button"
                  class="link"
                  onClick={async () => {
                    await signOut();
                    navigate('/');
                  }}
                >
                  Sign out
                </button>
              </li>
            </>
          ) : (
            <>
              <li>
                <Link href="/signin" {...current('/signin')}>
                  Sign in
                </Link>
              </li>
              <li>
                <Link href="/signup" class="button" {...current('/signup')}>
                  Sign up
                </Link>
              </li>
            </>
          )}
        </ul>
      </nav>
    </header>
  );
}

function Blank() {
  return null;
}

export function App() {
  const location = useLocation();
  const signedIn = useStore(auth$);
  const main = useRef<HTMLElement>(null);
  useLiveOrders();

  let params: Record<string, string> = {};
  const route = routes.find((r) => {
    const found = match(r.pattern, location.pathname);
    if (found) params = found;
    return found !== undefined;
  });
  const needsSignIn = route && route.access !== 'public' && !signedIn;
  const forbidden = route?.access === 'operator' && signedIn && !hasRole(signedIn, 'operator');

  useEffect(() => {
    if (needsSignIn)
      navigate(`/signin?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  }, [needsSignIn, location]);

  // Moving to another page moves focus to its heading, so screen readers announce it and Tab continues
  // from there; the first page of a visit keeps the browser's own start (the skip link comes first).
  const firstPage = useRef(true);
  useEffect(() => {
    const heading = main.current?.querySelector('h1');
    if (heading) {
      document.title = `${heading.textContent} · Concierge`;
      if (!firstPage.current) {
        heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
      }
    }
    firstPage.current = false;
  }, [location.pathname]);

  const Page = needsSignIn ? Blank : route && !forbidden ? route.page : NotFoundPage;
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" ref={main} tabIndex={-1}>
        <Page params={params} />
      </main>
      <Toasts />
    </>
  );
}
