import { apiRoute } from "@/lib/http/route";
import { idSchema, parseInput } from "@/lib/http/validation";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { deleteStrategy, getStrategy, updateStrategy } from "@/lib/settings/strategies";
import { updateStrategySchema } from "@/lib/settings/schemas";
import { strategyResponse } from "@/lib/settings/responses";
import { z } from "zod";

export const GET = apiRoute({ summary: "Get a strategy", response: strategyResponse, auth: "user" }, async ({ ctx, params }) => getStrategy(scoped(ownAccount(ctx)), parseInput(idSchema, params.id)));
const update = apiRoute({ summary: "Update a strategy", response: strategyResponse, auth: "user", body: updateStrategySchema, permission: "write" }, async ({ ctx, params, body }) =>
  updateStrategy(scoped(ownAccount(ctx)), ctx, parseInput(idSchema, params.id), body),
);
export const PUT = update;
export const PATCH = update;
export const DELETE = apiRoute({ summary: "Delete a strategy", response: z.null(), auth: "user", permission: "write" }, async ({ ctx, params }) => {
  await deleteStrategy(scoped(ownAccount(ctx)), ctx, parseInput(idSchema, params.id));
  return null;
});
