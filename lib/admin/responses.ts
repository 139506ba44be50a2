// REST response schemas of the developer's admin tools (the API description and contract tests read them).
import { z } from "zod";
import { AccountStatusSchema, PlanModel, RequestMetricModel, UserRoleSchema } from "@/lib/generated/model-schemas";

const id = z.number().int();

export const adminAccountResponse = z.object({
  id,
  name: z.string(),
  slug: z.string(),
  status: AccountStatusSchema,
  isSystem: z.boolean(),
  credits: z.number().int(),
  plan: z.object({ id, name: z.string() }),
  ownerEmail: z.string().nullable(),
  users: z.number().int(),
  sites: z.number().int(),
  keywords: z.number().int(),
  month: z.object({ aiRequests: z.number().int(), creditsSpent: z.number().int(), costUsd: z.number() }),
  createdAt: z.date(),
});

export const adminUserResponse = z.object({
  id,
  email: z.string(),
  name: z.string(),
  role: UserRoleSchema,
  isActive: z.boolean(),
  lastLoginAt: z.date().nullable(),
  createdAt: z.date(),
  account: z.object({ id, name: z.string(), status: AccountStatusSchema }),
});

export const adminPlanResponse = PlanModel.extend({ accounts: z.number().int().optional() });

export const metricsResponse = z.object({
  recent: z.array(RequestMetricModel),
  byPath: z.array(z.object({ method: z.string(), path: z.string(), count: z.number().int(), avgMs: z.number(), maxMs: z.number(), avgCpuMs: z.number(), avgHeapMb: z.number() })),
});

export const systemStatusResponse = z.object({
  items: z.array(z.object({ name: z.string(), status: z.enum(["ok", "warning", "error"]), detail: z.string() })),
  versions: z.object({ node: z.string(), next: z.string(), prisma: z.string(), app: z.string() }),
  uptimeSeconds: z.number(),
});

export const referenceImportResponse = z.object({ created: z.number().int(), updated: z.number().int(), invalid: z.array(z.object({ line: z.number().int(), reason: z.string() })) });
