import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { selectSectorsSchema } from "@/lib/sites/schemas";
import { selectSectors } from "@/lib/sites/service";

export const POST = apiRoute({ auth: "user", body: selectSectorsSchema }, async ({ ctx, params, body }) =>
  selectSectors(scoped(ctx), ctx, assertValidId(params.id), body),
);
