import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { selectSectorsSchema } from "@/lib/sites/schemas";
import { selectSectors } from "@/lib/sites/service";
import { selectSectorsResponse } from "@/lib/sites/responses";

export const POST = apiRoute({ summary: "Choose a site's industry and sectors", response: selectSectorsResponse, auth: "user", body: selectSectorsSchema }, async ({ ctx, params, body }) =>
  selectSectors(scoped(ctx), ctx, assertValidId(params.id), body),
);
