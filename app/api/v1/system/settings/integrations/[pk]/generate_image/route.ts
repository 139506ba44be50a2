import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { generateTestImage } from "@/lib/settings/connection";

export const POST = apiRoute({ auth: "user", permission: "manageAccount", body: z.object({ prompt: z.string().trim().min(3).max(500).optional() }).strict() }, async ({ ctx, body }) =>
  generateTestImage(scoped(ownAccount(ctx)), ctx, body.prompt),
);
