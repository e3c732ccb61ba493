// Reads and checks operation bodies, naming every bad field; the gateway validates too, but a service trusts no hop.
import { AppError, type FieldProblem } from '@concierge/platform';
import { normalizeEmail } from './email.js';
import { passwordProblems } from './password.policy.js';

type Body = Record<string, unknown>;

export class InputReader {
  readonly problems: FieldProblem[] = [];
  private readonly body: Body;

  constructor(body: unknown) {
    this.body = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Body) : {};
    if (this.body !== body) this.problems.push({ field: 'body', message: 'must be a JSON object' });
  }

  email(name = 'email'): string {
    const email = normalizeEmail(this.body[name]);
    if (email === null) this.problems.push({ field: `body.${name}`, message: 'must be an e-mail address' });
    return email ?? '';
  }

  /** A password for signing in: any string up to 128 characters (old passwords may predate the policy). */
  password(name = 'password'): string {
    const value = this.body[name];
    if (typeof value !== 'string' || value.length === 0 || value.length > 128) {
      this.problems.push({ field: `body.${name}`, message: 'must be a string of 1 to 128 characters' });
      return '';
    }
    return value;
  }

  /** A password being chosen: the policy applies. */
  newPassword(name: string): string {
    const value = this.body[name];
    if (typeof value !== 'string') {
      this.problems.push({ field: `body.${name}`, message: 'must be a string' });
      return '';
    }
    this.problems.push(...passwordProblems(value, `body.${name}`));
    return value;
  }

  code(): string {
    const value = this.body.code;
    if (typeof value !== 'string' || !/^\d{6}$/.test(value)) {
      this.problems.push({ field: 'body.code', message: 'must be six digits' });
      return '';
    }
    return value;
  }

  token(name: string): string {
    const value = this.body[name];
    if (typeof value !== 'string' || value.length === 0 || value.length > 8192) {
      this.problems.push({ field: `body.${name}`, message: 'must be a non-empty string' });
      return '';
    }
    return value;
  }

  optional(name: string, pattern: RegExp, message: string): string | undefined {
    const value = this.body[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !pattern.test(value)) {
      this.problems.push({ field: `body.${name}`, message });
      return undefined;
    }
    return value;
  }

  /** Throws 400 with every problem found so far. */
  done(): void {
    if (this.problems.length > 0) throw AppError.invalid('The request is not valid', this.problems);
  }
}
