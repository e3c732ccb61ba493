// Sign up: create the account, enter the code we e-mailed, and arrive signed in at the chat.
import { useState } from 'preact/hooks';
import { Field, FormAlert } from '../components/field.js';
import { type Problem, problemFromException, problemOf } from '../problem.js';
import { Link, navigate } from '../router.js';
import { publicApi } from '../session.js';
import { signInWith } from './sign-in.js';

interface Pending {
  email: string;
  password: string;
  destination: string;
}

export function SignUpPage() {
  const [pending, setPending] = useState<Pending>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  const create = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const email = String(form.get('email'));
    const password = String(form.get('password'));
    const name = String(form.get('name') ?? '').trim();
    setBusy(true);
    try {
      const { data, error, response } = await publicApi.POST('/v1/auth/signup', {
        body: { email, password, ...(name ? { name } : {}) },
      });
      setProblem(data ? undefined : problemOf(error, response.status));
      if (data) setPending({ email, password, destination: data.codeDeliveryDestination });
    } catch (err) {
      setProblem(problemFromException(err));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: Event) => {
    event.preventDefault();
    if (!pending) return;
    const code = String(new FormData(event.currentTarget as HTMLFormElement).get('code')).trim();
    setBusy(true);
    try {
      const { error, response } = await publicApi.POST('/v1/auth/confirm', {
        body: { email: pending.email, code },
      });
      if (!response.ok) {
        setProblem(problemOf(error, response.status));
        return;
      }
      const failed = await signInWith(pending.email, pending.password);
      setProblem(failed);
      if (!failed) navigate('/chat', { replace: true });
    } catch (err) {
      setProblem(problemFromException(err));
    } finally {
      setBusy(false);
    }
  };

  if (pending) {
    return (
      <section class="narrow">
        <h1>Check your e-mail</h1>
        <p>
          We sent a 6-digit code to <strong>{pending.destination}</strong>. Enter it to finish.
        </p>
        <form onSubmit={confirm} noValidate>
          <FormAlert message={problem?.message} requestId={problem?.requestId} />
          <Field id="signup-code" label="Confirmation code" error={problem?.fields.code}>
            {(a11y) => (
              <input
                {...a11y}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                required
              />
            )}
          </Field>
          <button type="submit" disabled={busy}>
            {busy ? 'Confirming…' : 'Confirm and sign in'}
          </button>
        </form>
      </section>
    );
  }

  return (
    <section class="narrow">
      <h1>Create your account</h1>
      <form onSubmit={create} noValidate>
        <FormAlert message={problem?.message} requestId={problem?.requestId} />
        <Field id="signup-name" label="Name (optional)" error={problem?.fields.name}>
          {(a11y) => <input {...a11y} name="name" autoComplete="name" maxLength={120} />}
        </Field>
        <Field id="signup-email" label="E-mail" error={problem?.fields.email}>
          {(a11y) => <input {...a11y} name="email" type="email" autoComplete="email" required />}
        </Field>
        <Field
          id="signup-password"
          label="Password"
          hint="At least 8 characters, with a lower-case and an upper-case letter, a digit and a symbol."
          error={problem?.fields.password}
        >
          {(a11y) => <input {...a11y} name="password" type="password" autoComplete="new-password" required />}
        </Field>
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link href="/signin">Sign in</Link>
      </p>
    </section>
  );
}
