// Keys that sign oidc-provider's cookies, kept in `<dataDir>/keys/cookies.json` (mode 0600) so sessions survive restarts.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** The keys, newest first; generated on first start. */
export async function loadCookieKeys(dataDir: string): Promise<string[]> {
  const file = path.join(dataDir, 'keys', 'cookies.json');
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as string[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keys = [randomBytes(32).toString('base64url')];
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await fs.writeFile(file, JSON.stringify(keys), { mode: 0o600, flag: 'wx' }).catch(async (error) => {
    // Another process created it first: use theirs so both sign alike.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  });
  return JSON.parse(await fs.readFile(file, 'utf8')) as string[];
}
