// Restaurant suggestions the dining concierge chose (the assignment's suggestion e-mail / SMS).
import type { DiningSuggested } from '../events/event-data.types.js';
import { html } from './escape-html.js';
import { page } from './format.js';
import type { Template } from './message.types.js';

const intro = (d: DiningSuggested) =>
  `${d.cuisine} suggestions in ${d.area} for ${d.partySize} on ${d.date} at ${d.time}`;

export const diningSuggestedTemplate: Template<DiningSuggested> = {
  name: 'conversation.dining_suggested',
  email: (d) => ({
    subject: `Your ${d.cuisine} suggestions in ${d.area}`,
    text: [
      `Here are my ${intro(d)}:`,
      ...d.suggestions.map((s, i) => `${i + 1}. ${s.name}, ${s.address}`),
    ].join('\n'),
    html: page(
      html`<p>Here are my ${intro(d)}:</p>` +
        `<ol>${d.suggestions.map((s) => html`<li><b>${s.name}</b>, ${s.address}</li>`).join('')}</ol>`,
    ),
  }),
  sms: (d) => ({
    text: `Concierge: ${intro(d)}: ${d.suggestions.map((s, i) => `${i + 1}. ${s.name}, ${s.address}`).join('; ')}`,
  }),
};
