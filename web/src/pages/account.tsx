// The account: profile, API keys for developers (the value shown once), and signing out.
import type { components } from '@concierge/sdk';
import { useEffect, useState } from 'preact/hooks';
import { Field, FormAlert } from '../components/field.js';
import { toast } from '../components/toast.js';
import { when } from '../format.js';
import { type Problem, problemOf } from '../problem.js';
import { navigate } from '../router.js';
import { auth$, signOut } from '../session.js';
import { useStore } from '../store.js';

type ApiKey = components['schemas']['ApiKey'];

function ApiKeys() {
  const signedIn = useStore(auth$);
  const [keys, setKeys] = useState<ApiKey[]>();
  const [created, setCreated] = useState<{ name: string; value: string }>();
  const [problem, setProblem] = useState<Problem>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!signedIn) return;
    void signedIn.api.GET('/v1/me/api-keys').then(({ data, error, response }) => {
      if (data) setKeys(data.items);
      else setProblem(problemOf(error, response.status));
    });
  }, [signedIn, version]);
  if (!signedIn) return null;

  const create = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const f = new FormData(form);
    const name = String(f.get('name') ?? '').trim();
    const plan = String(f.get('plan')) as 'basic' | 'standard';
    const { data, error, response } = await signedIn.api.POST('/v1/me/api-keys', { body: { name, plan } });
    setProblem(data ? undefined : problemOf(error, response.status));
    if (data) {
      setCreated({ name: data.key.name, value: data.value });
      form.reset();
      setVersion((v) => v + 1);
    }
  };
  const revoke = async (key: ApiKey) => {
    const { error, response } = await signedIn.api.DELETE('/v1/me/api-keys/{keyId}', {
      params: { path: { keyId: key.id } },
    });
    if (!response.ok) setProblem(problemOf(error, response.status));
    else toast(`Key “${key.name}” revoked.`);
    setVersion((v) => v + 1);
  };

  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      <p>
        Call the API from your own programs with an <code>x-api-key</code> header.
      </p>
      <FormAlert message={problem?.message} requestId={problem?.requestId} />
      {created && (
        <div class="notice" role="status">
          <p>Your new key “{created.name}”. Copy it now: it is not shown again.</p>
          <p>
            <code class="secret">{created.value}</code>
          </p>
        </div>
      )}
      <form onSubmit={create} class="inline" noValidate>
        <Field id="key-name" label="Key name" error={problem?.fields.name}>
          {(x) => <input {...x} name="name" maxLength={64} required />}
        </Field>
        <Field id="key-plan" label="Usage plan" error={problem?.fields.plan}>
          {(x) => (
            <select {...x} name="plan">
              <option value="basic">Basic (5 req/s, 10 000 a day)</option>
              <option value="standard">Standard (20 req/s, 100 000 a day)</option>
            </select>
          )}
        </Field>
        <button type="submit">Create key</button>
      </form>
      {keys && keys.length > 0 && (
        <table>
          <caption class="visually-hidden">Your API keys</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Plan</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{k.plan.name}</td>
                <td>{k.revokedAt ? 'revoked' : k.lastUsedAt ? when(k.lastUsedAt) : 'never'}</td>
                <td>
                  {!k.revokedAt && (
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => revoke(k)}
                      aria-label={`Revoke ${k.name}`}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function AccountPage() {
  const signedIn = useStore(auth$);
  if (!signedIn) return null;
  const { user } = signedIn;
  return (
    <div class="narrow wide">
      <h1>Your account</h1>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">Profile</h2>
        <dl class="facts">
          {user.name && (
            <>
              <dt>Name</dt>
              <dd>{user.name}</dd>
            </>
          )}
          <dt>E-mail</dt>
          <dd>
            {user.email} {user.emailVerified ? '(verified)' : '(not verified)'}
          </dd>
          <dt>Roles</dt>
          <dd>{user.roles.join(', ')}</dd>
          <dt>Member since</dt>
          <dd>{when(user.createdAt)}</dd>
        </dl>
        <button
          type="button"
          class="secondary"
          onClick={async () => {
            await signOut();
            navigate('/');
          }}
        >
          Sign out
        </button>
      </section>
      <ApiKeys />
    </div>
  );
}
