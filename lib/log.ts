// Structured JSON logs, one line each, carrying the request id when there is one.
import { env } from "@/lib/config/env";

type Fields = Record<string, unknown>;
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

function enabled(level: Level): boolean {
  let min: keyof typeof ORDER = "info";
  try {
    min = env.LOG_LEVEL !== "silent" && env.LOG_DEBUG ? "debug" : env.LOG_LEVEL;
  } catch {
    // A bad LOG_LEVEL is reported by the start-up check; logging goes on at the default level.
  }
  return ORDER[level] >= ORDER[min];
}

function write(level: Level, msg: string, fields: Fields = {}) {
  if (!enabled(level)) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg, ...fields }, (_key, value) =>
    value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value,
  );
  (level === "error" ? console.error : console.log)(line);
}

export const log = {
  debug: (msg: string, fields?: Fields) => write("debug", msg, fields),
  info: (msg: string, fields?: Fields) => write("info", msg, fields),
  warn: (msg: string, fields?: Fields) => write("warn", msg, fields),
  error: (msg: string, fields?: Fields) => write("error", msg, fields),
};
