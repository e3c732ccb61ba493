// "Sign in with …" buttons for the outside OpenID Connect providers this deployment trusts (none: nothing).
import { config$ } from '../session.js';
import { useStore } from '../store.js';

export function ProviderButtons() {
  const { providers } = useStore(config$);
  if (providers.length === 0) return null;
  return (
    <div class="providers">
      {providers.map((p) => (
        // A full-page navigation: the gateway redirects to the provider and back with the tokens.
        <a
          class="button secondary"
          key={p.name}
          href={`/v1/auth/federated/${encodeURIComponent(p.name)}/start`}
        >
          Sign in with {p.label ?? p.name}
        </a>
      ))}
    </div>
  );
}
