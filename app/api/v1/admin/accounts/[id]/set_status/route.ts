import { z } from "zod";
import { setAccountStatus } from "@/lib/admin/accounts";
import { ACCOUNT_STATUSES } from "@/lib/admin/schemas";
import { assertValidId } from "@/lib/auth/service";
import { apiRoute } from "@/lib/http/route";
import { accountResponse } from "@/lib/billing/responses";

export const POST = apiRoute({ summary: "Suspend, reactivate or cancel an account (developers)", response: accountResponse, auth: "user", permission: "administer", body: z.object({ status: z.enum(ACCOUNT_STATUSES) }) }, async ({ params, body }) =>
  setAccountStatus(assertValidId(params.id), body.status),
);
