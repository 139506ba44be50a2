import { z } from "zod";
import { MAX_REFERENCE_CSV_BYTES, referenceKindSchema } from "@/lib/admin/schemas";
import { ValidationError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { importReferenceCsv } from "@/lib/reference/csv";
import { referenceImportResponse } from "@/lib/admin/responses";

/** Body: the CSV itself (text/csv) or multipart form data with a `file` field. */
export const POST = apiRoute({ summary: "Import reference data from CSV (developers)", response: referenceImportResponse, params: z.object({ kind: referenceKindSchema }), auth: "user", permission: "administer", requestBody: { contentType: "text/csv", description: "The CSV as the body, or multipart form data with a `file` field" } }, async ({ params, request }) => {
  const kind = parseInput(referenceKindSchema, params.kind);
  const isMultipart = request.headers.get("content-type")?.includes("multipart/form-data");
  const text = isMultipart ? await ((await request.formData()).get("file") as File | null)?.text() : await request.text();
  if (!text?.trim()) throw new ValidationError("Send the CSV as the request body or as a `file` form field.");
  if (text.length > MAX_REFERENCE_CSV_BYTES) throw new ValidationError("The file is larger than 5 MB.");
  return importReferenceCsv(kind, text);
});
