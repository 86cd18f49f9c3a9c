// A CPU profile of the extension host while a benchmark runs, for finding where its time goes:
// set GROUNDED_BENCH_CPU_PROFILE to a file path (open the .cpuprofile in a browser's dev tools).
// Without it, nothing is recorded and nothing costs anything.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

export interface CpuProfiling {
  /** Stops recording and writes the profile (when one was asked for). */
  stop(): Promise<void>;
}

export async function startCpuProfile(suffix: string): Promise<CpuProfiling> {
  const target = process.env.GROUNDED_BENCH_CPU_PROFILE;
  if (!target) return { stop: async () => undefined };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(target.replace(/(\.cpuprofile)?$/, `-${suffix}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}
