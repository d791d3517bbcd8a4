import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far; 0 when unavailable. */
export function cpuSecondsOfPid(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Busy and total jiffies of the whole machine (all cores), from /proc/stat. */
export function machineJiffies(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    const total = values.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** Pids whose command line contains every one of `parts` (e.g. the Temporal dev server by its port). */
export function findPids(...parts: string[]): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (parts.every((p) => cmdline.includes(p))) pids.push(Number(entry));
    } catch {
      // the process went away
    }
  }
  return pids;
}

/** Measures CPU used by named processes and the machine between `start()` and `stop()`. */
export function cpuMeter(sources: Record<string, () => number[]>) {
  let startCpu: Record<string, number> = {};
  let startMachine = machineJiffies();
  let startAt = Date.now();
  const read = () =>
    Object.fromEntries(
      Object.entries(sources).map(([name, pids]) => [
        name,
        pids().reduce((n, pid) => n + cpuSecondsOfPid(pid), 0),
      ]),
    );
  return {
    start() {
      startCpu = read();
      startMachine = machineJiffies();
      startAt = Date.now();
    },
    /**
     * Cores used per process on average over the window, the machine's busy share (0-1), and the
     * cores other processes on the machine used meanwhile (a shared machine skews the figures).
     */
    stop(): { cores: Record<string, number>; machineBusy: number; otherCores: number; seconds: number } {
      const seconds = Math.max(0.001, (Date.now() - startAt) / 1000);
      const now = read();
      const machine = machineJiffies();
      const cores = Object.fromEntries(
        Object.entries(now).map(([name, value]) => [
          name,
          Math.round(((value - (startCpu[name] ?? 0)) / seconds) * 100) / 100,
        ]),
      );
      const total = machine.total - startMachine.total;
      const machineBusy =
        total > 0 ? Math.round(((machine.busy - startMachine.busy) / total) * 100) / 100 : 0;
      const ours = Object.values(cores).reduce((a, b) => a + b, 0);
      const otherCores = Math.max(0, Math.round((machineBusy * cpus().length - ours) * 100) / 100);
      return { cores, machineBusy, otherCores, seconds: Math.round(seconds * 10) / 10 };
    },
  };
}

/**
 * Waits until the named processes together use less than `maxCores` over one `windowMs` window
 * (up to `timeoutMs`), so a phase does not start while the server still digests the last one.
 * Returns how long it waited and the cores they used in the last window.
 */
export async function settle(
  pids: () => number[],
  { maxCores = 0.1, windowMs = 1_000, timeoutMs = 60_000 } = {},
): Promise<{ waitedMs: number; cores: number }> {
  const started = Date.now();
  const used = () => pids().reduce((n, pid) => n + cpuSecondsOfPid(pid), 0);
  for (;;) {
    const before = used();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const cores = (used() - before) / (windowMs / 1000);
    if (cores < maxCores || Date.now() - started >= timeoutMs) {
      return { waitedMs: Date.now() - started, cores: Math.round(cores * 100) / 100 };
    }
  }
}
