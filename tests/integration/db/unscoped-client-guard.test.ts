import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const SCANNED = ["app", "components", "lib", "inngest"];
const IMPORT = /(?:from|import)\s*\(?\s*["']([^"']+)["']/g;

/** Whether a file imports lib/db/client, by alias or by a relative path that resolves to it. */
function importsRootClient(file: string): boolean {
  const source = readFileSync(path.join(ROOT, file), "utf8");
  return [...source.matchAll(IMPORT)].some(([, spec]) => {
    const target = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.join(path.dirname(file), spec) : spec;
    return target === "lib/db/client";
  });
}

function files(dir: string): string[] {
  const full = path.join(ROOT, dir);
  try {
    statSync(full);
  } catch {
    return [];
  }
  return readdirSync(full, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes("generated") && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f));
}

function namedPlaces(): string[] {
  const readme = readFileSync(path.join(ROOT, "lib/db/README.md"), "utf8");
  return [...readme.matchAll(/^\| `([^`]+\.ts)` \|/gm)].map((m) => m[1]);
}

describe("the unscoped client", () => {
  it("is imported only from the named places listed in lib/db/README.md", () => {
    const allowed = new Set(namedPlaces());
    expect(allowed.size).toBeGreaterThan(3);
    expect(importsRootClient("lib/auth/service.ts")).toBe(true); // the detector itself works
    expect(importsRootClient("lib/sites/service.ts")).toBe(false);
    const offenders = SCANNED.flatMap(files).filter((file) => file !== "lib/db/client.ts" && importsRootClient(file) && !allowed.has(file));
    expect(offenders).toEqual([]);
  });
});
