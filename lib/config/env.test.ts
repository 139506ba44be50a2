import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { env, EnvError, validateEnv } from "./env";
import { withEnvTable } from "./env-table";

const root = path.resolve(import.meta.dirname, "../..");
const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

describe("env", () => {
  it("parses typed values with defaults", () => {
    delete process.env.DATABASE_POOL_SIZE;
    expect(env.DATABASE_POOL_SIZE).toBe(10);
    process.env.DATABASE_POOL_SIZE = "25";
    expect(env.DATABASE_POOL_SIZE).toBe(25);
    process.env.S3_FORCE_PATH_STYLE = "false";
    expect(env.S3_FORCE_PATH_STYLE).toBe(false);
  });

  it("names the variable and what it expects when a value is bad", () => {
    process.env.DATABASE_POOL_SIZE = "lots";
    expect(() => env.DATABASE_POOL_SIZE).toThrow(EnvError);
    expect(() => validateEnv()).toThrow(/DATABASE_POOL_SIZE="lots" \(expected a whole number\)/);
    process.env.DATABASE_POOL_SIZE = "10";
    process.env.OPENAI_BASE_URL = "not a url";
    process.env.PORT = "99999";
    const error = (() => {
      try {
        validateEnv();
      } catch (e) {
        return e as EnvError;
      }
    })();
    expect(error?.problems.map((p) => p.name)).toEqual(["PORT", "OPENAI_BASE_URL"]);
  });

  it("the README's configuration table is the generated one", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    expect(withEnvTable(readme), "run `npm run docs:env`").toBe(readme);
  });

  it("nothing outside lib/config/env.ts reads process.env", () => {
    // server.mjs and next.config.mjs run as plain Node before TypeScript is loaded.
    const allowed = new Set(["lib/config/env.ts", "server.mjs", "next.config.mjs"]);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(path.join(root, dir))) {
        const rel = path.join(dir, name);
        if (name === "generated" || name === "node_modules") continue;
        if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
        else if (/\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) && !allowed.has(rel)) {
          if (/process\.env\b/.test(readFileSync(path.join(root, rel), "utf8"))) offenders.push(rel);
        }
      }
    };
    for (const dir of ["app", "lib", "components", "inngest"]) walk(dir);
    // instrumentation.ts may read NEXT_RUNTIME only: Next.js inlines that literal at build time.
    const withoutRuntime = (source: string) => source.replaceAll("process.env.NEXT_RUNTIME", "");
    for (const file of ["proxy.ts", "instrumentation.ts"]) if (/process\.env\b/.test(withoutRuntime(readFileSync(path.join(root, file), "utf8")))) offenders.push(file);
    expect(offenders).toEqual([]);
  });
});
