// The e-mails that carry a code: plain text first (read in any client and in the outbox files), short HTML beside it.
import type { MailMessage } from '@concierge/platform';

export type CodeMessageKind = 'verify' | 'reset';

const subjects: Record<CodeMessageKind, string> = {
  verify: 'Your Concierge verification code',
  reset: 'Your Concierge password reset code',
};

const intros: Record<CodeMessageKind, string> = {
  verify: 'Welcome to Concierge. Confirm your e-mail address with this code:',
  reset: 'Someone asked to reset the password of your Concierge account. If it was you, use this code:',
};

/** The message for `to`; the code is six digits, so it needs no HTML escaping. */
export function codeMessage(
  kind: CodeMessageKind,
  to: string,
  code: string,
  validHours: number,
): MailMessage {
  const outro = `The code is valid for ${validHours} hours. If you did not ask for it, ignore this e-mail.`;
  return {
    to,
    subject: subjects[kind],
    text: `${intros[kind]}\n\n    ${code}\n\n${outro}\n`,
    html: `<p>${intros[kind]}</p><p style="font-size:1.5em"><strong>${code}</strong></p><p>${outro}</p>`,
  };
}
