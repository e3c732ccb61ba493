// Bounded re-prompts: after three failed answers to one question, a helpful way out instead of a loop.
import type { Reply } from './dialog.types.js';
import { describeDate, describeTime } from './local-time.js';
import { quickReplies, say } from './replies.js';
import type { Turn, TurnResult } from './turn.types.js';

export const maxReprompts = 3;

export const mainMenu: [string, string][] = [
  ['Find a restaurant', 'find a restaurant'],
  ['Gift ideas', 'I need a gift'],
  ['Help', 'help'],
];

export function resetFlow(t: Turn): void {
  Object.assign(t.state, {
    flow: 'none',
    dining: {},
    gift: {},
    awaiting: undefined,
    reprompts: 0,
    booking: undefined,
    // What was shown before is not what "the first one" means after "start over".
    offered: undefined,
    shown: [],
    focusProduct: undefined,
    focusQuantity: undefined,
    seenProducts: undefined,
    suggested: undefined,
  });
}

/** Re-asks with `replies`, or gives up on the flow once the question failed `maxReprompts` times. */
export function reprompt(t: Turn, replies: Reply[]): TurnResult {
  t.state.reprompts += 1;
  if (t.state.reprompts <= maxReprompts) return { state: t.state, replies };
  // Only the contact is missing: the search is kept, and the ways to finish it (or cancel) are spelt out.
  if (t.state.flow === 'dining' && t.state.awaiting === 'contact') {
    t.state.reprompts = 0;
    const own = t.caller.email;
    const text =
      "Sorry, I'm not getting this right. I have everything else; to finish, type an e-mail address " +
      `like name@example.com or a phone number with its area code${own ? `, or use ${own}` : ''}. Or say cancel.`;
    return {
      state: t.state,
      replies: [
        quickReplies(text, [...(own ? [[`Use ${own}`, own] as [string, string]] : []), ['Cancel', 'cancel']]),
      ],
    };
  }
  // A search that has values already keeps them: the question that failed is asked again, with the way out.
  const kept = t.state.flow === 'dining' && t.state.awaiting !== 'confirm' ? keptValues(t) : [];
  if (kept.length > 0) {
    t.state.reprompts = 0;
    const ask = replies.at(-1);
    return {
      state: t.state,
      replies: [
        say(
          `Sorry, I'm not getting this right. I still have ${kept.join(', ')}; let's finish that, or say cancel to start over.`,
        ),
        ...(ask ? [ask] : []),
      ],
    };
  }
  resetFlow(t);
  return {
    state: t.state,
    replies: [
      say(
        "Sorry, I'm not getting this right. Let's start again: you can tell me everything at once, " +
          'like "Italian in Chelsea for 4 tomorrow at 8pm, send them to name@example.com".',
      ),
      quickReplies('Or pick one:', mainMenu),
    ],
  };
}

/** What a dining search has so far, as said back: "Italian", "SoHo", "for 2", "tomorrow", "at 8pm". */
function keptValues(t: Turn): string[] {
  const d = t.state.dining;
  return [
    ...(d.restaurant && !d.picked ? [d.restaurant.name] : []),
    ...(d.cuisine && !(d.restaurant && !d.picked) ? [t.lexicon.cuisineName(d.cuisine)] : []),
    ...(d.area && !(d.restaurant && !d.picked) ? [t.lexicon.areaName(d.area)] : []),
    ...(d.partySize ? [`for ${d.partySize}`] : []),
    ...(d.date ? [describeDate(d.date, t.today.date)] : []),
    ...(d.time ? [`at ${describeTime(d.time)}`] : []),
  ];
}
