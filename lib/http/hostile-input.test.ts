import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { camelKeys, snakeKeys } from "./case";
import { assertJsonDepth, assertSafeParameters, findHostileValue, MAX_INPUT_DEPTH } from "./hostile-input";
import { parseInput } from "./validation";

const fieldErrors = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected a ValidationError");
};

describe("hostile input", () => {
  it("names the field holding a NUL character or a lone surrogate, keys included", () => {
    expect(findHostileValue({ name: "a\u0000b" })?.path).toEqual(["name"]);
    expect(findHostileValue({ config: { list: ["ok", "\ud800x"] } })?.path).toEqual(["config", "list", 1]);
    expect(findHostileValue({ ok: "\ud83d\ude00 emoji pairs are fine" })).toBeNull();
    expect(findHostileValue({ "a\u0000": 1 })?.message).toMatch(/field names/i);
  });

  it("parseInput refuses them before the schema, for routes and server actions alike", () => {
    const schema = z.object({ name: z.string(), settings: z.record(z.string(), z.unknown()) });
    expect(fieldErrors(() => parseInput(schema, { name: "a\u0000b", settings: {} }))).toEqual({ name: [expect.stringMatching(/NUL/)] });
    expect(Object.keys(fieldErrors(() => parseInput(schema, { name: "x", settings: { apiKey: "\udc00" } })))).toEqual(["settings.apiKey"]);
  });

  it("bounds nesting without recursion, in values and in raw JSON text", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(findHostileValue(deep)?.message).toMatch(/nested too deeply/i);
    expect(() => assertJsonDepth("[".repeat(20_000) + "]".repeat(20_000))).toThrow(ValidationError);
    expect(() => assertJsonDepth(`{"s":"${"[".repeat(500)}"}`)).not.toThrow(); // brackets inside strings do not count
    expect(() => assertJsonDepth("[".repeat(MAX_INPUT_DEPTH) + "]".repeat(MAX_INPUT_DEPTH))).not.toThrow();
  });

  it("camelKeys and snakeKeys do not overflow the stack and keep key order", () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 50_000; i++) deep = (deep.a_b = {}) as Record<string, unknown>;
    expect(() => snakeKeys(camelKeys(root))).not.toThrow();
    expect(Object.keys(snakeKeys({ zA: 1, aB: 2, mC: { xY: new Date(0) } }) as object)).toEqual(["z_a", "a_b", "m_c"]);
    expect(camelKeys({ site_id: 1, list: [{ sector_id: 2 }] })).toEqual({ siteId: 1, list: [{ sectorId: 2 }] });
  });

  it("names the query or path parameter", () => {
    expect(fieldErrors(() => assertSafeParameters(new URLSearchParams("page=1&search=%00"), "query parameter"))).toEqual({ search: [expect.stringMatching(/NUL/)] });
  });
});
