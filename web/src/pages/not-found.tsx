// Any path the app does not know, or a page the caller's role may not open.
import { Link } from '../router.js';

export function NotFoundPage() {
  return (
    <section class="narrow">
      <h1>Page not found</h1>
      <p>There is nothing here, or it is not for your account.</p>
      <p>
        <Link href="/">Back to the start</Link>
      </p>
    </section>
  );
}
