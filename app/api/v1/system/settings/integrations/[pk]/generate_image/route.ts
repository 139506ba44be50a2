import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { generateTestImage } from "@/lib/settings/connection";
import { testImageResponse } from "@/lib/settings/responses";

export const POST = apiRoute({ summary: "Generate a test image", response: testImageResponse, auth: "user", permission: "manageAccount", body: z.object({ prompt: z.string().trim().min(3).max(500).optional() }).strict() }, async ({ ctx, body }) =>
  generateTestImage(scoped(ownAccount(ctx)), ctx, body.prompt),
);
