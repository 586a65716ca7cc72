/**
 * Main-thread metrics of one page for bench/lens-cost.ts, read through CDP
 * in both of Chromium's time domains: `threadTicks` gives CPU time (what the
 * lens costs, whatever else the machine runs) and `timeTicks` wall time.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface Sample {
  /** Script / task time on the main thread, CPU ms (thread ticks). */
  scriptCpu: number;
  taskCpu: number;
  /** Script / task time, wall ms. */
  scriptWall: number;
  taskWall: number;
  /** performance.now() of the bench when read. */
  at: number;
}

export type Reader = () => Promise<Sample>;

export async function metricsOf(context: BrowserContext, page: Page): Promise<Reader> {
  const cpu = await context.newCDPSession(page);
  const wall = await context.newCDPSession(page);
  await cpu.send('Performance.enable', { timeDomain: 'threadTicks' });
  await wall.send('Performance.enable', { timeDomain: 'timeTicks' });
  const get = async (session: typeof cpu) => {
    const { metrics } = await session.send('Performance.getMetrics');
    const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1_000;
    return { script: value('ScriptDuration'), task: value('TaskDuration') };
  };
  return async () => {
    const [c, w] = await Promise.all([get(cpu), get(wall)]);
    return {
      scriptCpu: c.script,
      taskCpu: c.task,
      scriptWall: w.script,
      taskWall: w.task,
      at: performance.now(),
    };
  };
}

/** b − a, field by field. */
export function between(a: Sample, b: Sample): Sample {
  return {
    scriptCpu: b.scriptCpu - a.scriptCpu,
    taskCpu: b.taskCpu - a.taskCpu,
    scriptWall: b.scriptWall - a.scriptWall,
    taskWall: b.taskWall - a.taskWall,
    at: b.at - a.at,
  };
}

export const median = (values: readonly number[]): number =>
  [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? Number.NaN;
