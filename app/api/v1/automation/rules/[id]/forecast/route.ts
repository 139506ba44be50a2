import { assertValidId } from "@/lib/auth/service";
import { forecastSavedRule } from "@/lib/automation/service";
import { forecastResponse } from "@/lib/automation/responses";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute({ summary: "What an automation rule's next executions would pick, cost and publish", response: forecastResponse, auth: "user" }, async ({ ctx, params }) => forecastSavedRule(scoped(ctx), assertValidId(params.id)));
