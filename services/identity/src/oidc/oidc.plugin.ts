// Mounts the OpenID provider on a Fastify app: our login interaction routes, then everything else to oidc-provider.
import { AppError, httpStatusOf, isAppError } from '@concierge/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';
import { normalizeEmail } from '../accounts/email.js';
import type { SessionService } from '../accounts/session.service.js';
import { pageHeaders, renderErrorPage, renderLoginPage } from './login.page.js';

export interface OidcMountOptions {
  /** The provider, or a function making it on the first OpenID request (called once). */
  provider: Provider | (() => Promise<Provider>);
  sessions: Pick<SessionService, 'checkPassword'>;
  /** Must match the issuer's path; `/oidc` by default. */
  mountPath?: string;
  /** Clients that skip the consent screen; `concierge-web` by default. */
  firstPartyClients?: string[];
}

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

/**
 * Registers `<mountPath>/*` on `app`.
 * @example await registerOidc(app, { provider, sessions: identity.sessions });
 */
export async function registerOidc(app: FastifyInstance, options: OidcMountOptions): Promise<void> {
  const mountPath = options.mountPath ?? '/oidc';
  const firstParty = new Set(options.firstPartyClients ?? ['concierge-web']);
  let made: Promise<Provider> | undefined;
  const provider = (): Promise<Provider> => {
    if (made) return made;
    const given = options.provider;
    const making = typeof given === 'function' ? given() : Promise.resolve(given);
    // A failed start is not kept: the next request tries again.
    making.catch(() => {
      if (made === making) made = undefined;
    });
    made = making;
    return making;
  };
  let callback: ReturnType<Provider['callback']> | undefined;

  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16_384 },
      (_r, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );

    scope.get(`${mountPath}/interaction/:uid`, async (request, reply) => {
      const op = await provider();
      const details = await interaction(op, request, reply);
      if (details.prompt.name === 'login') return loginPage(reply, details, 200);
      if (details.prompt.name === 'consent' && firstParty.has(String(details.params.client_id))) {
        return finish(op, reply, { consent: { grantId: await grantAll(op, details) } });
      }
      return reply
        .code(403)
        .headers(pageHeaders)
        .send(renderErrorPage('access_denied', 'This client needs consent, which is not offered.'));
    });

    scope.post(`${mountPath}/interaction/:uid/login`, async (request, reply) => {
      const op = await provider();
      const details = await interaction(op, request, reply);
      const form = (request.body ?? {}) as Record<string, string | undefined>;
      const email = normalizeEmail(form.email) ?? '';
      try {
        if (!email || !form.password) throw AppError.invalid('Enter your e-mail and password');
        const account = await options.sessions.checkPassword(email, form.password);
        if (!account.emailVerified)
          throw new AppError('forbidden', 'Confirm your e-mail address before signing in');
        return finish(op, reply, { login: { accountId: account.id } });
      } catch (error) {
        if (!isAppError(error)) throw error;
        if (error.headers) reply.headers(error.headers);
        return loginPage(reply, details, httpStatusOf[error.kind], email, error.message);
      }
    });
  });

  await app.register(async (scope) => {
    // oidc-provider reads its own bodies, so Fastify must leave the stream untouched.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      callback ??= (await provider()).callback();
      reply.hijack();
      // Koa sees the path below the mount point; oidc-provider rebuilds absolute URLs from originalUrl.
      const raw = request.raw as typeof request.raw & { originalUrl?: string };
      raw.originalUrl = raw.url;
      raw.url = (raw.url ?? '').slice(mountPath.length) || '/';
      callback(raw, reply.raw);
    };
    scope.all(`${mountPath}/*`, handler);
  });
}

/** The pending interaction; a missing or foreign one (expired, other browser) is a 400, not a crash. */
async function interaction(
  provider: Provider,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Interaction> {
  try {
    return await provider.interactionDetails(request.raw, reply.raw);
  } catch (cause) {
    throw new AppError('invalid', 'This sign-in has expired or belongs to another browser; start again', {
      code: 'INTERACTION_EXPIRED',
      cause,
    });
  }
}

async function grantAll(provider: Provider, details: Interaction): Promise<string> {
  const grant = details.grantId
    ? ((await provider.Grant.find(details.grantId)) ?? newGrant(provider, details))
    : newGrant(provider, details);
  const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  return grant.save();
}

function newGrant(provider: Provider, details: Interaction) {
  return new provider.Grant({
    accountId: details.session?.accountId as string,
    clientId: String(details.params.client_id),
  });
}

async function finish(provider: Provider, reply: FastifyReply, result: InteractionResults): Promise<void> {
  reply.hijack();
  await provider.interactionFinished(reply.request.raw, reply.raw, result, { mergeWithLastSubmission: true });
}

function loginPage(
  reply: FastifyReply,
  details: Interaction,
  status: number,
  email?: string,
  error?: string,
) {
  return reply
    .code(status)
    .headers(pageHeaders)
    .send(
      renderLoginPage({
        action: `${reply.request.routeOptions.url?.split('/interaction/')[0]}/interaction/${details.uid}/login`,
        clientName: String(details.params.client_id),
        ...(email ? { email } : {}),
        ...(error ? { error } : {}),
      }),
    );
}
