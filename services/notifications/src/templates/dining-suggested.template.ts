// Restaurant suggestions the dining concierge chose (the assignment's suggestion e-mail / SMS).
import type { DiningSuggested } from '../events/event-data.types.js';
import { html } from './escape-html.js';
import { page } from './format.js';
import type { Template } from './message.types.js';

/** "italian" → "Italian", "middle-eastern" → "Middle Eastern": the cuisine as people write it. */
const cuisineName = (slug: string) =>
  slug.replace(/[-_]+/g, ' ').replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());

const dayFormat = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** "2026-12-01" → "Tue, Dec 1" (the request's own calendar day, whatever the server's zone). */
function describeDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? date : dayFormat.format(d);
}

/** "13:00" → "1pm", "19:30" → "7:30pm". */
function describeTime(time: string): string {
  const m = /^(\d\d):(\d\d)$/.exec(time);
  if (!m) return time;
  const h = Number(m[1]);
  if (h === 12 && m[2] === '00') return 'noon';
  return `${h % 12 === 0 ? 12 : h % 12}${m[2] === '00' ? '' : `:${m[2]}`}${h < 12 ? 'am' : 'pm'}`;
}

const intro = (d: DiningSuggested) =>
  `${cuisineName(d.cuisine)} suggestions in ${d.area} for ${d.partySize} on ${describeDay(d.date)} at ${describeTime(d.time)}`;

/** "1. Trattoria Sole, 12 Main St (not open at 1pm that day)". */
const line = (s: DiningSuggested['suggestions'][number], i: number) =>
  `${i + 1}. ${s.name}, ${s.address}${s.note ? ` (${s.note})` : ''}`;

export const diningSuggestedTemplate: Template<DiningSuggested> = {
  name: 'conversation.dining_suggested',
  email: (d) => ({
    subject: `Your ${cuisineName(d.cuisine)} suggestions in ${d.area}`,
    text: [`Here are my ${intro(d)}:`, ...d.suggestions.map(line)].join('\n'),
    html: page(
      html`<p>Here are my ${intro(d)}:</p>` +
        `<ol>${d.suggestions
          .map((s) => html`<li><b>${s.name}</b>, ${s.address}${s.note ? ` (${s.note})` : ''}</li>`)
          .join('')}</ol>`,
    ),
  }),
  sms: (d) => ({
    text: `Concierge: ${intro(d)}: ${d.suggestions.map(line).join('; ')}`,
  }),
};
