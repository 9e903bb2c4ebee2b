import type { Pause } from '../calendar/index.js';

/** Minute arithmetic in business or calendar time, bound to one calendar. */
export interface ClockMath {
  add(start: Date, minutes: number, pauses?: readonly Pause[]): Date;
  between(from: Date, to: Date): number;
}

/**
 * One SLA clock of a ticket. It counts minutes only while running: `elapsed` holds the minutes
 * counted before `runningSince`, so pauses and target changes keep the time already used.
 */
export interface Timer {
  target: number;
  elapsed: number;
  runningSince: string | null;
  dueAt: string;
  warnAt: string;
  stoppedAt: string | null;
  warnedAt: string | null;
  breachedAt: string | null;
}

function deadlines(
  target: number,
  elapsed: number,
  from: string,
  warningMinutes: number,
  math: ClockMath,
) {
  const start = new Date(from);
  const remaining = Math.max(0, target - elapsed);
  return {
    dueAt: math.add(start, remaining).toISOString(),
    warnAt: math.add(start, Math.max(0, remaining - warningMinutes)).toISOString(),
  };
}

/** Starts a clock at `at` with a target in minutes. */
export function startTimer(
  target: number,
  at: string,
  warningMinutes: number,
  math: ClockMath,
): Timer {
  return {
    target,
    elapsed: 0,
    runningSince: at,
    ...deadlines(target, 0, at, warningMinutes, math),
    stoppedAt: null,
    warnedAt: null,
    breachedAt: null,
  };
}

function counted(timer: Timer, at: string, math: ClockMath): number {
  if (!timer.runningSince || at <= timer.runningSince) return timer.elapsed;
  return timer.elapsed + math.between(new Date(timer.runningSince), new Date(at));
}

/** Returns whether a clock is counting now. */
export function isRunning(timer: Timer | null): timer is Timer {
  return timer !== null && timer.runningSince !== null;
}

/**
 * Stops the clock from counting, keeping the minutes used. A clock stopped after its
 * deadline records the breach at the deadline, so a late reply between sweeps still counts.
 */
export function pauseTimer(timer: Timer, at: string, math: ClockMath): Timer {
  if (timer.runningSince === null) return timer;
  const breachedAt = timer.breachedAt ?? (at > timer.dueAt ? timer.dueAt : null);
  return { ...timer, elapsed: counted(timer, at, math), runningSince: null, breachedAt };
}

/** Stops a clock for good (met, or no longer applicable). */
export function stopTimer(timer: Timer, at: string, math: ClockMath): Timer {
  return { ...pauseTimer(timer, at, math), stoppedAt: timer.stoppedAt ?? at };
}

/** Starts a paused or stopped clock again from `at`; its deadline moves by the time it was off. */
export function resumeTimer(
  timer: Timer,
  at: string,
  warningMinutes: number,
  math: ClockMath,
): Timer {
  if (timer.runningSince !== null) return timer;
  return {
    ...timer,
    runningSince: at,
    stoppedAt: null,
    ...deadlines(timer.target, timer.elapsed, at, warningMinutes, math),
  };
}

/**
 * Gives a running clock a new target and arithmetic at `at`: minutes used so far are counted
 * with the old arithmetic, the new deadline with the new one. A stopped clock keeps its result.
 */
export function retargetTimer(
  timer: Timer,
  target: number,
  at: string,
  warningMinutes: number,
  math: { before: ClockMath; after: ClockMath },
): Timer {
  if (timer.runningSince === null) return { ...timer, target };
  const paused = pauseTimer(timer, at, math.before);
  return resumeTimer({ ...paused, target }, at, warningMinutes, math.after);
}
