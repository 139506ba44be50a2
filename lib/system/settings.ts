// System settings (the reference's SystemSettingsViewSet): default models, credit prices, feature
// switches and the maintenance banner, for the whole installation. Developers only; every change is
// recorded with who made it and each field's before/after. A named place of the unscoped client
// (the row belongs to no account). Each process keeps the values for CACHE_MS, so a change reaches
// other app processes within that time (this one at once).
import { assertCan } from "@/lib/auth/permissions";
import { CREDIT_COSTS } from "@/lib/billing/prices";
import { rootDb } from "@/lib/db/client";
import type { TenantContext } from "@/lib/db/tenant-context";
import { FeatureDisabledError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { camelOperation, MAINTENANCE_MESSAGE_REQUIRED, PRICED_OPERATIONS, type UpdateSystemSettingsInput } from "./settings-schema";
import { cacheSystemSettings, cachedSystemSettings, DEFAULT_SYSTEM_SETTINGS, type SystemSettingsValues } from "./settings-cache";

export const CACHE_MS = 15_000;
export { PRICED_OPERATIONS, updateSystemSettingsSchema, type UpdateSystemSettingsInput } from "./settings-schema";

const OPERATION_OF: Record<string, string> = Object.fromEntries(PRICED_OPERATIONS.map((op) => [camelOperation(op), op]));

type Row = { defaultModels: unknown; creditPrices: unknown; features: unknown; maintenance: unknown };

function valuesOf(row: Row | null): SystemSettingsValues {
  const d = DEFAULT_SYSTEM_SETTINGS;
  if (!row) return d;
  const obj = (v: unknown) => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});
  const models = obj(row.defaultModels);
  const features = obj(row.features);
  const maintenance = obj(row.maintenance);
  const prices = Object.fromEntries(Object.entries(obj(row.creditPrices)).filter(([, v]) => typeof v === "number")) as Record<string, number>;
  const str = (v: unknown) => (typeof v === "string" && v ? v : null);
  return {
    defaultModels: { text: str(models.text), image: str(models.image), runware: str(models.runware) },
    creditPrices: prices,
    features: { signups: features.signups !== false, imageGeneration: features.imageGeneration !== false },
    maintenance: { enabled: maintenance.enabled === true, message: typeof maintenance.message === "string" ? maintenance.message : d.maintenance.message },
  };
}

async function load(): Promise<SystemSettingsValues> {
  const values = valuesOf(await rootDb().systemSettings.findUnique({ where: { id: 1 } }));
  cacheSystemSettings(values);
  return values;
}

/** The current settings (cached for CACHE_MS per process). Never throws: defaults if the database cannot be read. */
export async function getSystemSettings(): Promise<SystemSettingsValues> {
  const cached = cachedSystemSettings();
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.values;
  try {
    return await load();
  } catch (error) {
    log.warn("system settings not read; using the last known or default values", { error });
    return cached?.values ?? DEFAULT_SYSTEM_SETTINGS;
  }
}

export async function assertFeatureEnabled(feature: keyof SystemSettingsValues["features"]): Promise<void> {
  if ((await getSystemSettings()).features[feature]) return;
  const what = { signups: "Sign-ups are closed for now. Try again later.", imageGeneration: "Image generation is turned off for now. Try again later." }[feature];
  throw new FeatureDisabledError(what);
}

export type SystemSettingsDto = SystemSettingsValues & {
  defaults: { creditPrices: Record<string, number> };
  updatedAt: Date | null;
  updatedById: number | null;
  changes: { id: number; userId: number | null; userEmail: string; changes: unknown; createdAt: Date }[];
};

async function dto(): Promise<SystemSettingsDto> {
  const [row, changes] = await Promise.all([
    rootDb().systemSettings.findUnique({ where: { id: 1 } }),
    rootDb().systemSettingsChange.findMany({ orderBy: { id: "desc" }, take: 20, select: { id: true, userId: true, userEmail: true, changes: true, createdAt: true } }),
  ]);
  const values = valuesOf(row);
  cacheSystemSettings(values);
  return {
    ...values,
    defaults: { creditPrices: Object.fromEntries(PRICED_OPERATIONS.map((op) => [op, CREDIT_COSTS[op].credits])) },
    updatedAt: row?.updatedAt ?? null,
    updatedById: row?.updatedById ?? null,
    changes,
  };
}

export async function readSystemSettings(ctx: TenantContext): Promise<SystemSettingsDto> {
  assertCan(ctx.role, "administer");
  return dto();
}

/** Applies the given fields, records who changed what (before → after), refreshes this process's cache. */
export async function updateSystemSettings(ctx: TenantContext & { user?: { email: string } | null }, input: UpdateSystemSettingsInput, requestId?: string): Promise<SystemSettingsDto> {
  assertCan(ctx.role, "administer");
  if (input.maintenance?.enabled && input.maintenance.message === "") throw new ValidationError(MAINTENANCE_MESSAGE_REQUIRED, { "maintenance.message": [MAINTENANCE_MESSAGE_REQUIRED] });
  await rootDb().$transaction(async (tx) => {
    // One writer at a time: the row is locked while the change is computed.
    await tx.$executeRaw`INSERT INTO system_settings (id, "updatedAt") VALUES (1, now()) ON CONFLICT (id) DO NOTHING`;
    await tx.$queryRaw`SELECT id FROM system_settings WHERE id = 1 FOR UPDATE`;
    const row = await tx.systemSettings.findUniqueOrThrow({ where: { id: 1 } });
    const stored: Record<string, Record<string, unknown>> = {
      defaultModels: { ...(row.defaultModels as object) },
      creditPrices: { ...(row.creditPrices as object) },
      features: { ...(row.features as object) },
      maintenance: { ...(row.maintenance as object) },
    };
    const before = valuesOf(row);
    for (const [section, fields] of Object.entries(input) as [keyof typeof stored, Record<string, unknown>][]) {
      for (const [key, value] of Object.entries(fields ?? {})) {
        const field = section === "creditPrices" ? (OPERATION_OF[key] ?? key) : key;
        if (value === null) delete stored[section][field];
        else stored[section][field] = value;
      }
    }
    const after = valuesOf(stored as Row);
    if (after.maintenance.enabled && !after.maintenance.message) throw new ValidationError(MAINTENANCE_MESSAGE_REQUIRED, { "maintenance.message": [MAINTENANCE_MESSAGE_REQUIRED] });
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const section of Object.keys(stored) as (keyof SystemSettingsValues)[]) {
      const keys = new Set([...Object.keys(before[section]), ...Object.keys(after[section])]);
      for (const key of keys) {
        const b = (before[section] as Record<string, unknown>)[key] ?? null;
        const a = (after[section] as Record<string, unknown>)[key] ?? null;
        if (JSON.stringify(b) !== JSON.stringify(a)) changes[`${section}.${key}`] = { before: b, after: a };
      }
    }
    if (!Object.keys(changes).length) return;
    await tx.systemSettings.update({ where: { id: 1 }, data: { ...(stored as Record<string, Prisma.InputJsonValue>), updatedById: ctx.userId } });
    await tx.systemSettingsChange.create({ data: { userId: ctx.userId, userEmail: ctx.user?.email ?? "", changes: changes as Prisma.InputJsonValue, requestId: requestId ?? null } });
    log.info("system settings changed", { userId: ctx.userId, fields: Object.keys(changes), requestId });
  });
  return dto();
}

/** What every signed-in page shows: the maintenance banner, if on. */
export async function maintenanceBanner(): Promise<string | null> {
  const { maintenance } = await getSystemSettings();
  return maintenance.enabled && maintenance.message ? maintenance.message : null;
}
