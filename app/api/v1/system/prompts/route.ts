import { apiRoute } from "@/lib/http/route";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { listPrompts } from "@/lib/settings/prompts";

export const GET = apiRoute({ auth: "user" }, async ({ ctx }) => listPrompts(scoped(ownAccount(ctx))));
