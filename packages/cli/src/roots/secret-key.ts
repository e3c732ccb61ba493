// Secrets made at first start into the data folder (never in the repository), readable by the owner only.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Returns the 32-byte key stored at `<dataDir>/keys/<name>`, creating it on first use. */
export function loadSecretKey(dataDir: string, name: string): Buffer {
  const file = path.join(dataDir, 'keys', name);
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  fs.writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  return key;
}
