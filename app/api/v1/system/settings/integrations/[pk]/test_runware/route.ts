import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { testConnection } from "@/lib/settings/connection";
import { providerTestResponse } from "@/lib/settings/responses";

const provider = z.enum(["openai", "runware"], { error: "Only openai and runware can be tested." });

export const POST = apiRoute({ summary: "Test the Runware connection", response: providerTestResponse, auth: "user", permission: "manageAccount" }, async ({ ctx, params }) => testConnection(scoped(ownAccount(ctx)), ctx, parseInput(provider, params.pk)));
