import { spawn } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve('bin/sellerdesk.js');

/**
 * Runs `sellerdesk <args>` as a real process; resolves with its exit code and output. `watch` sees
 * the output so far after each chunk, with a way to send the process SIGINT (Ctrl+C).
 */
export function runCli(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 120_000,
  watch?: (stdout: string, interrupt: () => void) => void,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      watch?.(stdout, () => child.kill('SIGINT'));
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sellerdesk ${args.join(' ')} timed out\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
