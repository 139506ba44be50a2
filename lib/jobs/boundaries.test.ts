// lib/ never imports inngest/ (the provider is registered at start-up by instrumentation.ts), nor
// the Inngest SDK: the job layer stays provider-neutral, and the old import cycle
// inngest/functions → lib services → lib/runs → inngest/functions cannot come back.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const IMPORT = /(?:from|import)\s*\(?\s*["']([^"']+)["']/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes("generated"))
    .map((f) => path.join(dir, f));
}

/** What a file imports that lives in inngest/ or is the Inngest SDK. */
function inngestImports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(IMPORT)]
    .map(([, spec]) => spec)
    .filter((spec) => {
      const target = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.relative(process.cwd(), path.join(path.dirname(file), spec)) : spec;
      return target === "inngest" || target.startsWith("inngest/") || target.startsWith("@inngest/");
    });
}

describe("lib/ and inngest/", () => {
  it("lib/ imports nothing from inngest/ nor the Inngest SDK", () => {
    const offenders = sources("lib").flatMap((file) => inngestImports(file).map((spec) => `${file}: ${spec}`));
    expect(offenders).toEqual([]);
  });

  it("the detector sees alias, relative and package imports", () => {
    expect(inngestImports("inngest/functions.ts")).toContain("inngest");
    expect(inngestImports("instrumentation.ts")).toContain("./inngest/provider");
    expect(inngestImports("app/api/inngest/route.ts")).toEqual(expect.arrayContaining(["@/inngest/client", "inngest/next"]));
  });
});
