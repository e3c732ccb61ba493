// Operators: messages that ran out of retries, per queue, with replay (back to the queue) and discard.
import type { components } from '@concierge/sdk';
import { useEffect, useState } from 'preact/hooks';
import { FormAlert } from '../../components/field.js';
import { toast } from '../../components/toast.js';
import { when } from '../../format.js';
import { type Problem, problemOf } from '../../problem.js';
import { auth$ } from '../../session.js';
import { useStore } from '../../store.js';

type DeadLetter = components['schemas']['DeadLetter'];
const queues = ['orders.placed', 'notifications.deliver'];

export function OperatorDlqPage() {
  const signedIn = useStore(auth$);
  const [queue, setQueue] = useState(queues[0] ?? '');
  const [letters, setLetters] = useState<DeadLetter[]>();
  const [problem, setProblem] = useState<Problem>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!signedIn) return;
    setLetters(undefined);
    void signedIn.api
      .GET('/v1/admin/queues/{queue}/dead-letters', { params: { path: { queue }, query: { limit: 50 } } })
      .then(({ data, error, response }) => {
        if (data) setLetters(data.items);
        else setProblem(problemOf(error, response.status));
      });
  }, [signedIn, queue, version]);
  if (!signedIn) return null;

  const act = async (letter: DeadLetter, action: 'replay' | 'discard') => {
    const path = { queue, messageId: letter.messageId };
    const { error, response } =
      action === 'replay'
        ? await signedIn.api.POST('/v1/admin/queues/{queue}/dead-letters/{messageId}/replay', {
            params: { path },
          })
        : await signedIn.api.DELETE('/v1/admin/queues/{queue}/dead-letters/{messageId}', {
            params: { path },
          });
    if (!response.ok) setProblem(problemOf(error, response.status));
    else
      toast(
        action === 'replay'
          ? `Message ${letter.messageId} requeued.`
          : `Message ${letter.messageId} discarded.`,
      );
    setVersion((v) => v + 1);
  };

  return (
    <section>
      <h1>Dead letters</h1>
      <p>Messages that failed every retry. Replay one once its cause is fixed, or discard it.</p>
      <div class="field inline">
        <label for="dlq-queue">Queue</label>
        <select
          id="dlq-queue"
          value={queue}
          onChange={(e) => setQueue((e.currentTarget as HTMLSelectElement).value)}
        >
          {queues.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
      </div>
      <FormAlert message={problem?.message} requestId={problem?.requestId} />
      {letters === undefined && <p aria-live="polite">Loading…</p>}
      {letters?.length === 0 && <p>No dead letters in {queue}.</p>}
      {letters && letters.length > 0 && (
        <ul class="letters">
          {letters.map((l) => (
            <li key={l.messageId} class="card letter">
              <h2>
                {l.eventType ?? 'message'} · <code>{l.messageId}</code>
              </h2>
              <p>
                {l.attempts} {l.attempts === 1 ? 'attempt' : 'attempts'}, last at {when(l.lastFailedAt)}
              </p>
              <p class="error-text">{l.lastError}</p>
              <details>
                <summary>Payload</summary>
                <pre>{JSON.stringify(l.payload, null, 2)}</pre>
              </details>
              <div class="actions">
                <button type="button" onClick={() => act(l, 'replay')} aria-label={`Replay ${l.messageId}`}>
                  Replay
                </button>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => act(l, 'discard')}
                  aria-label={`Discard ${l.messageId}`}
                >
                  Discard
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
