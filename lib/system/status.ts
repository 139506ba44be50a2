// The developer system status page: database, background runtime, AI provider, storage, versions.
import { statfsSync, accessSync, constants, mkdirSync } from "node:fs";
import path from "node:path";
import { rootDb } from "@/lib/db/client";
import { appVersion, env, isProduction } from "@/lib/config/env";
import { DATA_DIR } from "@/lib/config/paths";
import { accountConcurrency, usesInngestServer } from "@/lib/jobs/mode";
import { jobProvider } from "@/lib/jobs/provider";

export type StatusItem = { name: string; status: "ok" | "warning" | "error"; detail: string };

async function database(): Promise<StatusItem[]> {
  const started = Date.now();
  try {
    const [row] = await rootDb().$queryRaw<{ version: string; size: bigint; connections: bigint }[]>`
      SELECT version() AS version, pg_database_size(current_database()) AS size,
             (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()) AS connections`;
    const latency = Date.now() - started;
    return [
      { name: "Database", status: latency < 200 ? "ok" : "warning", detail: `${row.version.split(" on ")[0]} · ${(Number(row.size) / 1048576).toFixed(1)} MB · ${row.connections} connections · ${latency} ms` },
      { name: "Database mode", status: "ok", detail: env.DATABASE_URL?.includes("127.0.0.1:543") && !isProduction() ? "embedded or local PostgreSQL" : "external PostgreSQL" },
    ];
  } catch (error) {
    return [{ name: "Database", status: "error", detail: (error as Error).message.split("\n")[0] }];
  }
}

function storage(): StatusItem {
  const dir = env.STORAGE_DIR ?? path.join(DATA_DIR, "uploads");
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    const fs = statfsSync(dir);
    const freeGb = (fs.bavail * fs.bsize) / 1073741824;
    const s3 = env.S3_BUCKET ? ` · S3 bucket ${env.S3_BUCKET}` : "";
    return { name: "Storage", status: freeGb < 1 ? "warning" : "ok", detail: `${dir} writable · ${freeGb.toFixed(1)} GB free${s3}` };
  } catch (error) {
    return { name: "Storage", status: "error", detail: (error as Error).message };
  }
}

function aiProvider(): StatusItem {
  const key = Boolean(env.OPENAI_API_KEY);
  return {
    name: "AI provider",
    status: key ? "ok" : "warning",
    detail: key ? `OpenAI key set${env.OPENAI_BASE_URL ? ` · ${env.OPENAI_BASE_URL}` : ""}` : "No OPENAI_API_KEY: accounts must add their own key in Settings → Integrations",
  };
}

const QUEUE_WAIT_WARNING_MS = 10 * 60_000;

function ago(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 1 ? "under a minute" : minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}

/** Where background work runs, and the queue: runs waiting, running, and failed recently (all accounts). */
async function backgroundRuntime(now = Date.now()): Promise<StatusItem[]> {
  const inngest = usesInngestServer();
  try {
    const [groups, oldest, failed] = await Promise.all([
      rootDb().run.groupBy({ by: ["status"], where: { status: { in: ["pending", "running"] } }, _count: { _all: true } }),
      rootDb().run.findFirst({ where: { status: "pending" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
      rootDb().run.count({ where: { status: "failed", finishedAt: { gte: new Date(now - 86_400_000) } } }),
    ]);
    const count = (status: string) => groups.find((g) => g.status === status)?._count._all ?? 0;
    const waited = oldest ? now - oldest.createdAt.getTime() : 0;
    const driving = inngest ? null : jobProvider().describe().activeRuns;
    const mode = inngest
      ? `Inngest server (${env.INNGEST_BASE_URL ?? (env.INNGEST_DEV ? "dev server" : "Inngest Cloud")})${env.INNGEST_SIGNING_KEY ? "" : " · no signing key set"}`
      : `Local queue in PostgreSQL (no Inngest server configured) · driving ${driving} run${driving === 1 ? "" : "s"} in this process`;
    return [
      { name: "Background runtime", status: inngest && !env.INNGEST_SIGNING_KEY && env.NODE_ENV === "production" ? "warning" : "ok", detail: `${mode} · ${accountConcurrency()} items per account at once` },
      {
        name: "Run queue",
        status: waited > QUEUE_WAIT_WARNING_MS ? "warning" : "ok",
        detail: `${count("pending")} pending · ${count("running")} running${oldest ? ` · oldest waiting ${ago(waited)}` : ""} · ${failed} failed in the last 24 h`,
      },
    ];
  } catch (error) {
    return [{ name: "Background runtime", status: "error", detail: (error as Error).message.split("\n")[0] }];
  }
}

function payments(): StatusItem {
  if (!env.STRIPE_SECRET_KEY) return { name: "Payments", status: "ok", detail: "Stripe not configured: administrators assign plans and grant credits" };
  const live = (env.STRIPE_SECRET_KEY ?? "").startsWith("sk_live_");
  return {
    name: "Payments",
    status: env.STRIPE_WEBHOOK_SECRET ? "ok" : "warning",
    detail: `Stripe (${live ? "live" : "test"} mode)${env.STRIPE_API_BASE ? ` · ${env.STRIPE_API_BASE}` : ""} · ${env.STRIPE_WEBHOOK_SECRET ? "webhook secret set" : "no STRIPE_WEBHOOK_SECRET: plan changes and renewals are never confirmed"}`,
  };
}

/** Extra checks other modules contribute (e.g. the background runtime's queue depth). */
const contributors: (() => Promise<StatusItem[]>)[] = [];
export function registerStatusCheck(check: () => Promise<StatusItem[]>) {
  contributors.push(check);
}

export async function systemStatus() {
  const items = [...(await database()), ...(await backgroundRuntime()), storage(), aiProvider(), payments(), ...(await Promise.all(contributors.map((c) => c()))).flat()];
  const versions = {
    node: process.version,
    next: (await import("next/package.json")).version,
    prisma: (await import("@prisma/client/package.json")).version,
    app: appVersion(),
  };
  return { items, versions, uptimeSeconds: Math.round(process.uptime()) };
}
