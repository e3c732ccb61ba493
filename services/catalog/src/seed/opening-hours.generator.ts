// Plausible weekly opening hours: a few service patterns, some closed days, some nights past midnight.
import type { Cuisine } from '../restaurants/cuisines.js';
import type { OpeningHours } from '../restaurants/restaurant.types.js';
import type { Rng } from './prng.js';

type Span = [open: string, close: string];

const patterns: Span[][] = [
  [
    ['11:30', '15:00'],
    ['17:30', '22:00'],
  ],
  [['11:00', '22:00']],
  [['17:00', '23:00']],
  [
    ['10:00', '15:00'],
    ['17:00', '22:30'],
  ],
];

/** Cuisines whose places often serve past midnight in New York. */
const lateNight = new Set<Cuisine>(['korean', 'japanese', 'american', 'mexican', 'chinese']);

export function generateOpeningHours(cuisine: Cuisine, rng: Rng): OpeningHours[] {
  const spans = rng.pick(patterns);
  const closed = rng.chance(0.4) ? new Set([rng.pick([0, 1, 2])]) : new Set<number>();
  const allNight = lateNight.has(cuisine) && rng.chance(0.3);
  const lateWeekend = rng.chance(0.3);
  const hours: OpeningHours[] = [];
  for (let day = 0; day < 7; day++) {
    if (closed.has(day)) continue;
    if (allNight) {
      hours.push({ day, open: '12:00', close: day === 5 || day === 6 ? '04:00' : '02:00' });
      continue;
    }
    spans.forEach(([open, close], i) => {
      const last = i === spans.length - 1;
      const weekend = day === 5 || day === 6;
      hours.push({ day, open, close: last && weekend && lateWeekend ? '01:00' : close });
    });
  }
  return hours;
}
