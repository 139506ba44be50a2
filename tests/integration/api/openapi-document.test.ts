// The OpenAPI document covers every route file under app/api/v1 and is a valid OpenAPI 3.1 document.
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { apiRouteFiles } from "@/lib/generated/api-routes";
import { buildOpenApiDocument, HTTP_METHODS, openApiDocument, pathOf, type RouteModule } from "@/lib/openapi/document";

// Discovered here on their own (not through the generated index), so a new route file is covered
// without anyone remembering to add it.
const discovered = import.meta.glob<Record<string, unknown>>("/app/api/v1/**/route.ts");
const files = Object.keys(discovered).map((key) => key.replace(/^\/app\/api\/v1\//, "")).sort();

async function loadRoutes(): Promise<RouteModule[]> {
  return Promise.all(files.map(async (file) => ({ file, module: await discovered[`/app/api/v1/${file}`]() })));
}

describe("OpenAPI document", () => {
  it("every route file and method is in it, with a summary and a response schema", async () => {
    const routes = await loadRoutes();
    const { document, undocumented } = buildOpenApiDocument(routes);
    const problems = undocumented.map(
      ({ file, method, missing }) =>
        `app/api/v1/${file} ${method}: ` +
        (missing.includes("apiRoute") ? "wrap the handler in apiRoute() (lib/http/route.ts)" : `add ${missing.join(" and ")} to its apiRoute options (see lib/http/route-meta.ts)`),
    );
    expect(problems, "routes the API description cannot describe").toEqual([]);
    const paths = document.paths as Record<string, Record<string, unknown>>;
    for (const { file, module } of routes) {
      const methods = HTTP_METHODS.filter((m) => m in module).map((m) => m.toLowerCase());
      expect(methods.length, `app/api/v1/${file} exports no handler`).toBeGreaterThan(0);
      expect(Object.keys(paths[pathOf(file)] ?? {}).sort(), `app/api/v1/${file}`).toEqual(methods.sort());
    }
    expect(Object.keys(paths).length).toBe(files.length);
  });

  it("the served document is built from every route file (the generated index is current)", async () => {
    expect(apiRouteFiles.map((r) => r.file), "run `node scripts/openapi/generate.mjs` (npm run dev / build / postinstall do it)").toEqual(files);
    const served = (await openApiDocument()) as { paths: Record<string, unknown> };
    expect(Object.keys(served.paths).sort()).toEqual(files.map(pathOf).sort());
  });

  it("validates as OpenAPI 3.1 with a real validator", async () => {
    const document = await openApiDocument();
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect((document as { openapi: string }).openapi).toBe("3.1.0");
  });
});
