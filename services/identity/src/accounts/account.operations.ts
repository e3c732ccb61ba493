// The identity service's account operations, one line of rules each; the services hold the logic.
import { AppError, type OperationHandler, type OperationRequest, ok } from '@concierge/platform';
import { InputReader } from './account.input.js';
import type { AccountService } from './account.service.js';
import type { SessionService } from './session.service.js';

const noStore = { 'cache-control': 'no-store' };
const done = (status: number) => ({ status });

function read<T>(request: OperationRequest, pick: (input: InputReader) => T): T {
  const input = new InputReader(request.body);
  const value = pick(input);
  input.done();
  return value;
}

/** Handlers by operationId for `signUp` … `getMe`. */
export function accountOperations(
  accounts: AccountService,
  sessions: SessionService,
): Record<string, OperationHandler> {
  return {
    signUp: async (r) => {
      const body = read(r, (i) => ({
        email: i.email(),
        password: i.newPassword('password'),
        name: i.optional('name', /^[\s\S]{1,120}$/, 'must be 1 to 120 characters'),
        phone: i.optional('phone', /^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number such as +12125550123'),
      }));
      return ok(await accounts.signUp(body), 201);
    },
    confirmSignUp: async (r) => {
      const body = read(r, (i) => ({ email: i.email(), code: i.code() }));
      await accounts.confirmSignUp(body.email, body.code);
      return done(204);
    },
    signIn: async (r) => {
      const body = read(r, (i) => ({ email: i.email(), password: i.password() }));
      return { status: 200, body: await sessions.signIn(body.email, body.password), headers: noStore };
    },
    refreshSession: async (r) => {
      const token = read(r, (i) => i.token('refreshToken'));
      return { status: 200, body: await sessions.refresh(token), headers: noStore };
    },
    signOut: async (r) => {
      await sessions.signOut(read(r, (i) => i.token('refreshToken')));
      return done(204);
    },
    forgotPassword: async (r) => {
      await accounts.forgotPassword(read(r, (i) => i.email()));
      return done(202);
    },
    resetPassword: async (r) => {
      const body = read(r, (i) => ({
        email: i.email(),
        code: i.code(),
        password: i.newPassword('newPassword'),
      }));
      await accounts.resetPassword(body.email, body.code, body.password);
      return done(204);
    },
    getMe: async (r) => {
      if (!r.caller)
        throw new AppError('unauthenticated', 'Sign in to call this operation', { code: 'UNAUTHORIZED' });
      return ok(await accounts.profile(r.caller.userId));
    },
  };
}
