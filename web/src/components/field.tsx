// A labelled form control with its error announced and tied to it (aria-invalid, aria-describedby).
import type { ComponentChildren } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (a11y: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ComponentChildren;
}

export function Field({ id, label, error, hint, children }: FieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({
        id,
        'aria-invalid': Boolean(error),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The form-level message: what went wrong, with the request id to quote. */
export function FormAlert({
  message,
  requestId,
}: {
  message?: string | undefined;
  requestId?: string | undefined;
}) {
  if (!message) return null;
  return (
    <div class="alert" role="alert">
      <p>{message}</p>
      {requestId && <p class="muted">Request {requestId}</p>}
    </div>
  );
}
