import { apiRoute } from "@/lib/http/route";
import { idSchema, parseInput } from "@/lib/http/validation";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { deleteStrategy, getStrategy, updateStrategy } from "@/lib/settings/strategies";
import { updateStrategySchema } from "@/lib/settings/schemas";

export const GET = apiRoute({ auth: "user" }, async ({ ctx, params }) => getStrategy(scoped(ownAccount(ctx)), parseInput(idSchema, params.id)));
const update = apiRoute({ auth: "user", body: updateStrategySchema, permission: "write" }, async ({ ctx, params, body }) =>
  updateStrategy(scoped(ownAccount(ctx)), ctx, parseInput(idSchema, params.id), body),
);
export const PUT = update;
export const PATCH = update;
export const DELETE = apiRoute({ auth: "user", permission: "write" }, async ({ ctx, params }) => {
  await deleteStrategy(scoped(ownAccount(ctx)), ctx, parseInput(idSchema, params.id));
  return null;
});
