// `concierge users` and `concierge api-keys` run as real processes against a fresh data folder.
// Each command is a fresh process transpiled by tsx (seconds of CPU each): generous timeouts for busy machines.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(fileURLToPath(import.meta.url), '../../../..');
const main = path.join(repo, 'packages/cli/src/main.ts');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-admin-'));

function sut(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
    cwd: repo,
    env: { ...process.env, CONCIERGE_LOG_LEVEL: 'warn', CONCIERGE_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('concierge users and api-keys', { timeout: 300_000 }, () => {
  it('explains each command with --help', () => {
    expect(sut('users', '--help').stdout).toMatch(
      /list[\s\S]*show[\s\S]*create[\s\S]*confirm[\s\S]*disable[\s\S]*enable/,
    );
    expect(sut('users', 'create', '--help').stdout).toContain('--operator');
    expect(sut('api-keys', '--help').stdout).toMatch(/create[\s\S]*list[\s\S]*revoke[\s\S]*usage/);
    expect(sut('api-keys', 'create', '--help').stdout).toContain('--plan');
  });

  it('creates users, printing a generated password, and lists, shows and confirms them', () => {
    const created = sut('users', 'create', 'grace@example.com', '--operator');
    expect(created.status).toBe(0);
    expect(created.stderr).toContain('Created the confirmed account grace@example.com');
    expect(created.stderr).toMatch(/Generated password \(shown once\): \S{20}/);
    expect(sut('users', 'create', 'weak@example.com', '--password', 'short').stderr).toContain(
      'must be at least 8 characters',
    );
    expect(sut('users', 'create', 'grace@example.com').stderr).toContain('already exists');
    expect(sut('users', 'create', 'ada@example.com', '--password', 'Analytical-1843').status).toBe(0);
    const list = sut('users', 'list').stdout;
    expect(list).toMatch(/ada@example.com\tconfirmed\tcustomer\n/);
    expect(list).toMatch(/grace@example.com\tconfirmed\tcustomer,operator\n/);
    const shown = JSON.parse(sut('users', 'show', 'ada@example.com').stdout);
    expect(shown).toMatchObject({ email: 'ada@example.com', hasPassword: true });
    expect(shown.passwordHash).toBeUndefined();
    expect(sut('users', 'confirm', 'ada@example.com').stderr).toContain('already confirmed');
    expect(sut('users', 'show', 'nobody@example.com')).toMatchObject({ status: 1 });
  });

  it('disables and enables an account', () => {
    expect(sut('users', 'create', 'ivy@example.com', '--password', 'Analytical-1843').status).toBe(0);
    expect(sut('users', 'disable', 'ivy@example.com').stderr).toContain('Disabled ivy@example.com');
    expect(sut('users', 'list').stdout).toMatch(/ivy@example.com\tconfirmed,disabled\tcustomer\n/);
    expect(JSON.parse(sut('users', 'show', 'ivy@example.com').stdout).disabledAt).toEqual(expect.any(String));
    expect(sut('users', 'disable', 'ivy@example.com').stderr).toContain('already disabled');
    expect(sut('users', 'enable', 'ivy@example.com').stderr).toContain('Enabled ivy@example.com');
    expect(sut('users', 'list').stdout).toMatch(/ivy@example.com\tconfirmed\tcustomer\n/);
    expect(sut('users', 'enable', 'ivy@example.com').stderr).toContain('was not disabled');
  });

  it('creates, lists, reads the usage of and revokes an API key', () => {
    const created = sut('api-keys', 'create', 'ada@example.com', 'laptop', '--plan', 'standard');
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/^ck_\w+\n$/);
    const keyId = /Created API key (\S+)/.exec(created.stderr)?.[1];
    expect(keyId).toBeDefined();
    expect(sut('api-keys', 'list', 'ada@example.com').stdout).toContain(`${keyId}\tlaptop`);
    const usage = sut('api-keys', 'usage', keyId!);
    expect(usage.stderr).toContain('0 of 100000 requests used this day');
    expect(JSON.parse(usage.stdout).days).toHaveLength(30);
    expect(sut('api-keys', 'revoke', keyId!).stderr).toContain(`Revoked API key ${keyId}`);
    expect(sut('api-keys', 'list', 'ada@example.com').stdout).not.toContain('revoked -');
    expect(sut('api-keys', 'revoke', 'key_nope').stderr).toContain('was not found');
  });
});
