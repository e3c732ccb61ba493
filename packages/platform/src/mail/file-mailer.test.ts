import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it, vi } from 'vitest';
import { createFileMailer } from './file-mailer.js';

describe('createFileMailer', () => {
  it('writes each message as a readable .eml and logs where', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'outbox-'));
    const logger = { info: vi.fn() };
    const sut = createFileMailer({ dir: path.join(dir, 'outbox'), from: 'no-reply@localhost', logger });
    await sut.check();
    const receipt = await sut.send({ to: 'ann@example.com', subject: 'Your code', text: 'Code: 654321' });
    const files = await fs.readdir(path.join(dir, 'outbox'));
    expect(files).toHaveLength(1);
    const parsed = await simpleParser(await fs.readFile(path.join(dir, 'outbox', files[0]!)));
    expect(parsed.subject).toBe('Your code');
    expect(parsed.text?.trim()).toBe('Code: 654321');
    expect(parsed.messageId).toBe(receipt.messageId);
    expect(logger.info).toHaveBeenCalledWith(
      expect.objectContaining({ to: 'ann@example.com', file: expect.stringMatching(/\.eml$/) }),
      'mail written to outbox',
    );
    await fs.rm(dir, { recursive: true });
  });

  it('recreates the outbox folder when someone deleted it while running', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'outbox-'));
    const outbox = path.join(dir, 'outbox');
    const sut = createFileMailer({ dir: outbox, from: 'no-reply@localhost' });
    await sut.send({ to: 'ann@example.com', subject: 'One', text: '1' });
    await fs.rm(outbox, { recursive: true });
    await sut.send({ to: 'ann@example.com', subject: 'Two', text: '2' });
    expect(await fs.readdir(outbox)).toHaveLength(1);
    await fs.rm(dir, { recursive: true });
  });
});
