import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { runIdSchema } from "@/lib/runs/schemas";
import { getRunLog } from "@/lib/runs/service";

export const GET = apiRoute({ auth: "user", permission: "manageAccount" }, async ({ ctx, params }) => getRunLog(scoped(ownAccount(ctx)), ctx, parseInput(runIdSchema, params.id)));
