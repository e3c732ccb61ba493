// Short notices (an order changed, a key was created) announced politely and dismissed after a while.
import { store, useStore } from '../store.js';

interface Toast {
  id: number;
  text: string;
}

const toasts$ = store<Toast[]>([]);
let next = 1;

export function toast(text: string, ms = 8000): void {
  const id = next++;
  toasts$.set([...toasts$.get(), { id, text }]);
  setTimeout(() => dismiss(id), ms);
}

function dismiss(id: number): void {
  toasts$.set(toasts$.get().filter((t) => t.id !== id));
}

export function Toasts() {
  const toasts = useStore(toasts$);
  return (
    <div class="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div class="toast" key={t.id}>
          <span>{t.text}</span>
          <button type="button" class="link" onClick={() => dismiss(t.id)} aria-label="Dismiss notice">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
