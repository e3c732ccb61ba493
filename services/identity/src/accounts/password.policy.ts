// The password rules of Cognito's default policy; every broken rule is reported, not only the first.
import type { FieldProblem } from '@concierge/platform';

const rules: Array<[RegExp, string]> = [
  [/[a-z]/, 'must contain a lower-case letter'],
  [/[A-Z]/, 'must contain an upper-case letter'],
  [/[0-9]/, 'must contain a digit'],
  [/[^A-Za-z0-9]/, 'must contain a symbol'],
];

/** The problems of `password` at `field`; empty when it is acceptable. */
export function passwordProblems(password: string, field: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (password.length < 8) problems.push({ field, message: 'must be at least 8 characters long' });
  if (password.length > 128) problems.push({ field, message: 'must be at most 128 characters long' });
  for (const [pattern, message] of rules) if (!pattern.test(password)) problems.push({ field, message });
  return problems;
}
