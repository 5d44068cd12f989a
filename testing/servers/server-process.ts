// A test server run as a child process on a free 127.0.0.1 port, with its files in a temp
// directory: started (again on a new port if another process took it), killed at once as a crash
// would, restarted on the same port and directory, and closed with its directory removed. If the
// test process ends without closing it, the server goes down with it.

import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { freePort, startOnFreePort, waitForPort } from './free-port';

export interface ServerProcessSpec {
  /** For error messages: "Apache", "armadietto". */
  name: string;
  /** The temp directory the server keeps its files in; removed on close or when it can't start. */
  root: string;
  /** Writes the server's configuration for this port. */
  configure(port: number): void;
  command: string;
  args: string[];
  /**
   * Runs it in its own process group and kills the whole group (Apache's workers hold the port
   * until they exit).
   */
  processGroup?: boolean;
  /** More to say when it fails to start (a log file it writes). */
  startupLog?(): string;
}

export interface ServerProcess {
  readonly port: number;
  /** Stops the server at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory. */
  restart(): Promise<void>;
  /** Stops it and deletes the temp directory. */
  close(): Promise<void>;
}

export async function startServerProcess(spec: ServerProcessSpec): Promise<ServerProcess> {
  let port = 0;
  let child: ChildProcess | null = null;
  let exited = true;

  const killNow = (proc: ChildProcess): void => {
    try {
      if (spec.processGroup) process.kill(-proc.pid!, 'SIGKILL');
      else proc.kill('SIGKILL');
    } catch {
      proc.kill('SIGKILL');
    }
  };

  const start = async (): Promise<void> => {
    const proc = spawn(spec.command, spec.args, { stdio: ['ignore', 'ignore', 'pipe'], detached: spec.processGroup ?? false });
    let stderr = '';
    proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    exited = false;
    const killOnExit = (): void => killNow(proc);
    process.once('exit', killOnExit);
    proc.once('exit', () => {
      exited = true;
      process.removeListener('exit', killOnExit);
    });
    child = proc;
    try {
      await waitForPort(port, () => !exited);
    } catch (error) {
      throw new Error(`${spec.name} didn't start: ${(error as Error).message}\n${stderr}${spec.startupLog?.() ?? ''}`);
    }
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    child = null;
    if (!proc || exited) return;
    const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    killNow(proc);
    await gone;
    if (spec.processGroup) await waitForGroupGone(spec.name, proc.pid!);
  };

  const configure = async (): Promise<void> => {
    port = await freePort();
    spec.configure(port);
  };
  try {
    await startOnFreePort(configure, start);
  } catch (error) {
    rmSync(spec.root, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    kill: stop,
    restart: async () => {
      await stop();
      await start();
    },
    close: async () => {
      await stop();
      rmSync(spec.root, { recursive: true, force: true });
    },
  };
}

/** Waits until no process of the group is left. */
async function waitForGroupGone(name: string, pgid: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${name}'s processes (group ${pgid}) did not exit`);
}
