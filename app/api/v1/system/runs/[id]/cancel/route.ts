import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { runIdSchema } from "@/lib/runs/schemas";
import { cancelRun } from "@/lib/runs/service";

export const POST = apiRoute({ auth: "user", permission: "write" }, async ({ ctx, params }) => cancelRun(scoped(ownAccount(ctx)), ctx, parseInput(runIdSchema, params.id)));
