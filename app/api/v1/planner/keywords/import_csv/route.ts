import { z } from "zod";
import { scoped } from "@/lib/db/scoped";
import { ValidationError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { idSchema, parseInput } from "@/lib/http/validation";
import { camelKeys } from "@/lib/http/case";
import { importFromRequest } from "@/lib/planner/import-request";
import { csvImportResponse } from "@/lib/planner/responses";

const placementSchema = z.object({ siteId: idSchema, sectorId: idSchema });

/**
 * The CSV as the raw body (text/csv, with ?site_id=&sector_id=) or as multipart form data (`file`,
 * `site_id`, `sector_id`). With `Accept: application/x-ndjson` the answer streams progress events.
 */
export const POST = apiRoute({ summary: "Import keywords from CSV", response: csvImportResponse, auth: "user", requestBody: { contentType: "text/csv", description: "The CSV as the body (with `?site_id=&sector_id=`), or multipart form data with `file`, `site_id` and `sector_id`" } }, async ({ ctx, request }) => {
  const isMultipart = request.headers.get("content-type")?.includes("multipart/form-data");
  let fields: Record<string, unknown> = Object.fromEntries(request.nextUrl.searchParams);
  let body: ReadableStream<Uint8Array> | null = request.body;
  if (isMultipart) {
    const form = await request.formData();
    const file = form.get("file");
    if (!(file instanceof File)) throw new ValidationError("Attach the CSV as a `file` field.", { file: ["Choose a CSV file."] });
    fields = { ...fields, ...Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) };
    body = file.stream();
  }
  if (!body) throw new ValidationError("The request has no CSV body.");
  const placement = parseInput(placementSchema, camelKeys(fields));
  return importFromRequest(scoped(ctx), ctx, { ...placement, body, streamProgress: request.headers.get("accept")?.includes("application/x-ndjson") ?? false });
});
