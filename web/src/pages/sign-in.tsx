// Sign in with e-mail and password (or an outside provider); then on to the page that asked for it.
import { useState } from 'preact/hooks';
import { Field, FormAlert } from '../components/field.js';
import { ProviderButtons } from '../components/providers.js';
import { type Problem, problemFromException, problemOf } from '../problem.js';
import { Link, navigate, useLocation } from '../router.js';
import { begin, publicApi } from '../session.js';

/** Only same-site paths, so a crafted link cannot send the user elsewhere after signing in. */
export function nextPath(location: URL): string {
  const next = location.searchParams.get('next') ?? '/chat';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/chat';
}

export async function signInWith(email: string, password: string): Promise<Problem | undefined> {
  try {
    const { data, error, response } = await publicApi.POST('/v1/auth/signin', { body: { email, password } });
    if (!data) return problemOf(error, response.status);
    await begin(data);
    return undefined;
  } catch (err) {
    return problemFromException(err);
  }
}

export function SignInPage() {
  const location = useLocation();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    const failed = await signInWith(String(form.get('email')), String(form.get('password')));
    setBusy(false);
    setProblem(failed);
    if (!failed) navigate(nextPath(location), { replace: true });
  };

  return (
    <section class="narrow">
      <h1>Sign in</h1>
      <form onSubmit={submit} noValidate>
        <FormAlert message={problem?.message} requestId={problem?.requestId} />
        <Field id="signin-email" label="E-mail" error={problem?.fields.email}>
          {(a11y) => <input {...a11y} name="email" type="email" autoComplete="username" required />}
        </Field>
        <Field id="signin-password" label="Password" error={problem?.fields.password}>
          {(a11y) => (
            <input {...a11y} name="password" type="password" autoComplete="current-password" required />
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <ProviderButtons />
      <p>
        New here? <Link href="/signup">Create an account</Link>
      </p>
    </section>
  );
}
