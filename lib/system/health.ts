import { appVersion } from "@/lib/config/env";
import { rootDb } from "@/lib/db/client";

export type Health = { status: "ok" | "degraded"; app: { status: "ok"; version: string; uptimeSeconds: number }; database: { status: "ok" | "error"; latencyMs?: number; error?: string } };

export async function checkHealth(): Promise<Health> {
  const app = { status: "ok" as const, version: appVersion(), uptimeSeconds: Math.round(process.uptime()) };
  const started = Date.now();
  try {
    await rootDb().$queryRaw`SELECT 1`;
    return { status: "ok", app, database: { status: "ok", latencyMs: Date.now() - started } };
  } catch (error) {
    return { status: "degraded", app, database: { status: "error", error: (error as Error).message.split("\n")[0] } };
  }
}
