// One chat message: text (always as text, never HTML), a product card, a restaurant card or quick replies.
import type { Entry, ProductCard, RestaurantCard } from '../chat-state.js';

const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

function Stars({ rating }: { rating: number }) {
  return (
    <>
      <span class="stars" aria-hidden="true">
        ★&nbsp;{rating.toFixed(1)}
      </span>
      <span class="visually-hidden">rated {rating.toFixed(1)} out of 5</span>
    </>
  );
}

function Product({ card, onOrder }: { card: ProductCard; onOrder: (card: ProductCard) => void }) {
  return (
    <article class="card product">
      <img src={card.imageUrl} alt="" width={160} height={120} loading="lazy" />
      <div>
        <h3>{card.name}</h3>
        <p class="price">{card.quantity ? `${card.quantity} \u00d7 ${card.price}` : card.price}</p>
        <button
          type="button"
          onClick={() => onOrder(card)}
          aria-label={card.quantity ? `Order ${card.quantity} of ${card.name}` : `Order ${card.name}`}
        >
          {card.buttonLabel || 'Order'}
        </button>
      </div>
    </article>
  );
}

function Restaurant({ card, onBook }: { card: RestaurantCard; onBook: (card: RestaurantCard) => void }) {
  return (
    <article class="card restaurant">
      {card.imageUrl && <img src={card.imageUrl} alt="" width={120} height={120} loading="lazy" />}
      <div>
        <h3>{card.name}</h3>
        <p>
          {card.cuisine} · {card.area} · <span aria-hidden="true">{'$'.repeat(card.priceLevel)}</span>
          <span class="visually-hidden">price level {card.priceLevel} of 4</span> ·{' '}
          <Stars rating={card.rating} />
        </p>
        {card.address && <p class="muted">{card.address}</p>}
        <button type="button" onClick={() => onBook(card)} aria-label={`Book a table at ${card.name}`}>
          Book
        </button>
      </div>
    </article>
  );
}

interface Props {
  entry: Entry;
  /** Quick replies answer only the latest question. */
  latest: boolean;
  onReply: (text: string) => void;
  onOrder: (card: ProductCard) => void;
  onBook: (card: RestaurantCard) => void;
}

export function ChatMessage({ entry, latest, onReply, onOrder, onBook }: Props) {
  const at = new Date(entry.at);
  const who = entry.from === 'me' ? 'You' : 'Concierge';
  return (
    <li class={`message ${entry.from}`}>
      <p class="meta">
        <span class="who">{who}</span>{' '}
        <time dateTime={entry.at}>{Number.isNaN(at.getTime()) ? '' : time.format(at)}</time>
      </p>
      {entry.kind === 'text' && <p class="bubble">{entry.text}</p>}
      {entry.kind === 'product' && <Product card={entry.card} onOrder={onOrder} />}
      {entry.kind === 'restaurant' && <Restaurant card={entry.card} onBook={onBook} />}
      {entry.kind === 'quick_replies' && (
        <>
          <p class="bubble">{entry.text}</p>
          {latest && (
            <ul class="quick-replies" aria-label="Suggested answers">
              {entry.replies.options.map((o) => (
                <li key={o.label}>
                  <button type="button" class="chip" onClick={() => onReply(o.text)}>
                    {o.label}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </li>
  );
}
