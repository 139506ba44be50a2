// The interactive API reference pages: Swagger UI (/api/docs) and Redoc (/api/redoc), both from
// their npm packages and served from our own origin (no CDN), reading /api/v1/openapi.json.
import { readFile } from "node:fs/promises";
import path from "node:path";

const SPEC_URL = "/api/v1/openapi.json";

/** Files the pages load, by the name they are served under (/api/docs/assets/<name>). */
const ASSETS: Record<string, { file?: string; text?: string; type: string }> = {
  "swagger-ui.css": { file: "node_modules/swagger-ui-dist/swagger-ui.css", type: "text/css; charset=utf-8" },
  "swagger-ui-bundle.js": { file: "node_modules/swagger-ui-dist/swagger-ui-bundle.js", type: "text/javascript; charset=utf-8" },
  "redoc.standalone.js": { file: "node_modules/redoc/bundles/redoc.standalone.js", type: "text/javascript; charset=utf-8" },
  "swagger-init.js": {
    text: `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(SPEC_URL)}, dom_id: "#swagger-ui", deepLinking: true, persistAuthorization: true, tryItOutEnabled: false });\n`,
    type: "text/javascript; charset=utf-8",
  },
};

export async function docsAsset(name: string): Promise<Response> {
  const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (!asset) return new Response("Not found", { status: 404 });
  const body = asset.text ?? (await readFile(path.join(process.cwd(), asset.file!)));
  return new Response(body as BodyInit, { headers: { "content-type": asset.type, "cache-control": "public, max-age=86400" } });
}

function page(title: string, head: string, body: string): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<link rel="icon" href="/favicon.ico" sizes="any">
${head}
</head>
<body style="margin:0">
${body}
</body>
</html>
`;
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=300" } });
}

export function swaggerPage(): Response {
  return page(
    "Content Studio API",
    '<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">',
    '<div id="swagger-ui"></div>\n<script src="/api/docs/assets/swagger-ui-bundle.js"></script>\n<script src="/api/docs/assets/swagger-init.js"></script>',
  );
}

export function redocPage(): Response {
  return page("Content Studio API (Redoc)", "", `<redoc spec-url="${SPEC_URL}" hide-hostname="true"></redoc>\n<script src="/api/docs/assets/redoc.standalone.js"></script>`);
}
