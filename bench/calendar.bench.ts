// Measures deadline arithmetic on a split-day calendar across the spring daylight-saving change
// in Europe/Berlin (2025-03-30). Run with: node --import tsx bench/calendar.bench.ts
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

import {
  addBusinessMinutes,
  businessMinutesBetween,
  calendarSchema,
  compileCalendar,
} from '../functions/domain/calendar/index.js';

const COMMAND = 'node --import tsx bench/calendar.bench.ts';
const DEADLINES = 100_000;
const TARGETS_MINUTES = [30, 60, 240, 480, 1440];

const calendar = calendarSchema.parse({
  name: 'Berlin split day',
  timezone: 'Europe/Berlin',
  hours: {
    mon: [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ],
    tue: [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ],
    wed: [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ],
    thu: [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ],
    fri: [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ],
  },
  holidays: [{ date: '2025-12-25', recurring: true }],
});

// Start times step by 17 seconds from Monday 2025-03-24, so they cover about 20 days and the
// deadlines of the first week cross the change.
const firstStartMs = Date.UTC(2025, 2, 24, 0, 0);
const starts = Array.from(
  { length: DEADLINES },
  (_, index) => new Date(firstStartMs + index * 17_000),
);

function measure(label: string, run: (start: Date, index: number) => unknown): void {
  const began = performance.now();
  for (let index = 0; index < DEADLINES; index += 1) {
    run(starts[index]!, index);
  }
  const elapsedMs = performance.now() - began;
  const perCallUs = (elapsedMs * 1000) / DEADLINES;
  console.log(
    `${label}: ${elapsedMs.toFixed(0)} ms for ${DEADLINES} calls (${perCallUs.toFixed(2)} µs each)`,
  );
}

console.log(`command: ${COMMAND}`);
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, one thread`);

// The first call on a calendar validates it and converts the local times of each date it visits
// through Luxon; later calls read the converted dates from the cache.
const coldBegan = performance.now();
addBusinessMinutes({ ...calendar, name: 'Berlin split day, cold' }, starts[0]!, 240);
console.log(`first deadline on a new calendar: ${(performance.now() - coldBegan).toFixed(2)} ms`);

const compiled = compileCalendar(calendar);
const targetOf = (index: number): number => TARGETS_MINUTES[index % TARGETS_MINUTES.length]!;

measure('addBusinessMinutes, calendar object', (start, index) =>
  addBusinessMinutes(calendar, start, targetOf(index)),
);
measure('addBusinessMinutes, compiled calendar', (start, index) =>
  addBusinessMinutes(compiled, start, targetOf(index)),
);
measure('addBusinessMinutes with a pause, compiled calendar', (start, index) =>
  addBusinessMinutes(compiled, start, targetOf(index), [
    { from: new Date(start.getTime() + 3_600_000), to: new Date(start.getTime() + 7_200_000) },
  ]),
);
measure('businessMinutesBetween over 3 days, compiled calendar', (start) =>
  businessMinutesBetween(compiled, start, new Date(start.getTime() + 3 * 86_400_000)),
);
