// The chat: the conversation, the typing indicator, quick replies, cards, and the composer.
import { useEffect, useRef, useState } from 'preact/hooks';
import { chat$, deliveryHints, type ProductCard, send, startOver, todayIn } from '../chat-state.js';
import { draft$, shopTimeZone } from '../checkout-draft.js';
import { ChatMessage } from '../components/chat-message.js';
import { FormAlert } from '../components/field.js';
import { navigate } from '../router.js';
import { auth$ } from '../session.js';
import { useStore } from '../store.js';

const starters = ['Red roses for my mom tomorrow', 'A quiet Italian place in Chelsea for 4 at 8pm'];

export function ChatPage() {
  const signedIn = useStore(auth$);
  const state = useStore(chat$);
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const composer = useRef<HTMLFormElement>(null);

  // The composer sticks to the bottom of the window: scroll the end of the conversation (the last reply
  // with its quick replies) to just above it, not to the window's bottom edge behind it.
  useEffect(() => {
    const marker = end.current;
    if (!marker) return;
    marker.style.scrollMarginBottom = `${composer.current?.offsetHeight ?? 0}px`;
    marker.scrollIntoView({ block: 'end' });
  }, [state.entries.length, state.typing]);

  if (!signedIn) return null;
  const say = (words: string) => {
    void send(signedIn, words);
    input.current?.focus();
  };
  const order = (card: ProductCard) => {
    draft$.set({ product: card, ...deliveryHints(state.entries, todayIn(shopTimeZone)) });
    navigate(`/checkout?product=${encodeURIComponent(card.productId)}`);
  };
  const lastBot = [...state.entries].reverse().find((e) => e.from === 'concierge');

  return (
    <section class="chat">
      <div class="chat-head">
        <h1>Chat with Concierge</h1>
        <div class="actions">
          <button
            type="button"
            class="secondary"
            onClick={() => say('same as last time')}
            disabled={state.typing}
          >
            Same as last time
          </button>
          <button type="button" class="secondary" onClick={startOver} disabled={state.typing}>
            Start over
          </button>
        </div>
      </div>
      {state.entries.length === 0 && (
        <div class="starters">
          <p>Ask for anything we deliver or a place to eat. Try:</p>
          <ul class="quick-replies">
            {starters.map((s) => (
              <li key={s}>
                <button type="button" class="chip" onClick={() => say(s)}>
                  {s}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div role="log" aria-live="polite" aria-label="Conversation">
        <ol class="messages">
          {state.entries.map((entry) => (
            <ChatMessage
              key={entry.id}
              entry={entry}
              latest={entry === lastBot}
              onReply={say}
              onOrder={order}
              onBook={(restaurant) => say(`book a table at ${restaurant.name}`)}
            />
          ))}
        </ol>
      </div>
      <p class="typing" aria-live="polite">
        {state.typing ? (
          <>
            <span class="dots" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            Concierge is typing…
          </>
        ) : (
          ''
        )}
      </p>
      <FormAlert message={state.problem?.message} requestId={state.problem?.requestId} />
      <div ref={end} />
      <form
        ref={composer}
        class="composer"
        onSubmit={(event) => {
          event.preventDefault();
          if (!text.trim()) return;
          say(text);
          setText('');
        }}
      >
        <label for="chat-input" class="visually-hidden">
          Message
        </label>
        <input
          id="chat-input"
          ref={input}
          value={text}
          onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
          placeholder="Type a message…"
          maxLength={1000}
          autoComplete="off"
        />
        <button type="submit" disabled={state.typing || !text.trim()}>
          Send
        </button>
      </form>
    </section>
  );
}
