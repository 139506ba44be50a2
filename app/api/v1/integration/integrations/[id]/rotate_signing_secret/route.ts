import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute, withMessage } from "@/lib/http/route";
import { rotateSigningSecret } from "@/lib/integration/webhooks";
import { signingSecretResponse } from "@/lib/publishing/responses";

export const POST = apiRoute({ summary: "Rotate a webhook integration's signing secret (shown once)", response: signingSecretResponse, auth: "user", permission: "manageAccount" }, async ({ ctx, params }) =>
  withMessage(await rotateSigningSecret(scoped(ctx), ctx, assertValidId(params.id)), "Copy this signing secret now: it will not be shown again. The old one stopped working."),
);
