// Issues and checks the e-mailed codes: 24 h validity, a few attempts, then the code is gone.
import { AppError } from '@concierge/platform';
import type { CodePurpose, CodeRepository } from './code.repository.js';
import { codeMatches, hashCode, newCode } from './verification-code.js';

export interface CodeServiceOptions {
  ttlMs: number;
  maxAttempts: number;
  now: () => Date;
}

export class CodeService {
  constructor(
    private readonly codes: CodeRepository,
    private readonly options: CodeServiceOptions,
  ) {}

  /** A fresh code replacing any pending one; only its hash is stored. */
  async issue(accountId: string, purpose: CodePurpose): Promise<string> {
    const code = newCode();
    await this.codes.replace({
      account_id: accountId,
      purpose,
      code_hash: hashCode(accountId, purpose, code),
      expires_at: new Date(this.options.now().getTime() + this.options.ttlMs).toISOString(),
      attempts: 0,
    });
    return code;
  }

  /** Throws 400 unless `code` is the pending one; a correct code is used up. */
  async consume(accountId: string | undefined, purpose: CodePurpose, code: string): Promise<void> {
    const row = accountId === undefined ? undefined : await this.codes.find(accountId, purpose);
    if (!accountId || !row) throw mismatch();
    if (row.expires_at <= this.options.now().toISOString()) {
      await this.codes.delete(accountId, purpose);
      throw new AppError('invalid', 'The code has expired; ask for a new one', {
        code: 'CODE_EXPIRED',
        details: [{ field: 'body.code', message: 'has expired' }],
      });
    }
    if (row.attempts >= this.options.maxAttempts) {
      await this.codes.delete(accountId, purpose);
      throw new AppError('invalid', 'Too many wrong codes; ask for a new one', {
        code: 'CODE_ATTEMPTS_EXCEEDED',
        details: [{ field: 'body.code', message: 'too many attempts' }],
      });
    }
    if (!codeMatches(row.code_hash, accountId, purpose, code)) {
      await this.codes.countAttempt(accountId, purpose);
      throw mismatch();
    }
    await this.codes.delete(accountId, purpose);
  }
}

function mismatch(): AppError {
  return new AppError('invalid', 'The code is not correct', {
    code: 'CODE_MISMATCH',
    details: [{ field: 'body.code', message: 'does not match' }],
  });
}
