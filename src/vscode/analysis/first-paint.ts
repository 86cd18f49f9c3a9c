/**
 * How a panel's first paint went, for the benchmarks: the host's steps and the page's own marks
 * (`PageMarks`, sent with `rendered`), all as wall-clock milliseconds, which the two processes share.
 */
import type { PageMarks } from '../../protocol';

/** A panel's first paint: milliseconds from being asked for, and when each step ended after that. */
export interface FirstPaint {
  /** Until the page had laid its first result out (by its own clock), else until the host heard so. */
  ms: number;
  steps: Record<string, number>;
}

/** When the host finished its steps, in wall-clock milliseconds. */
export interface HostMarks {
  answered?: number;
  posted?: number;
}

export function wallClock(): number {
  return performance.timeOrigin + performance.now();
}

/** `heard`: milliseconds from the panel being asked for until the host heard it had drawn. */
export function firstPaint(heard: number, host: HostMarks, page: PageMarks | undefined): FirstPaint {
  const asked = wallClock() - heard;
  const at = { answered: host.answered, posted: host.posted, pageLoad: page?.navigation, scriptFetchStart: page?.scriptFetchStart, scriptFetched: page?.scriptFetched, scriptBegan: page?.scriptBegan, pageScript: page?.script, loaded: page?.loaded, received: page?.received, built: page?.built, drawn: page?.drawn };
  const steps: Record<string, number> = {};
  // The page's marks come from the page: only finite numbers are taken.
  for (const [name, time] of Object.entries(at)) if (typeof time === 'number' && Number.isFinite(time)) steps[name] = Math.round(time - asked);
  // The page says when it drew; the host hears of it only when it next has a moment.
  steps.heard = Math.round(heard);
  const drawn = steps.drawn;
  return { ms: drawn !== undefined && drawn > 0 && drawn <= heard ? drawn : heard, steps };
}
