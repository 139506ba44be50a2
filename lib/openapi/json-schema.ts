// zod → JSON Schema (2020-12, which OpenAPI 3.1 uses) as clients see the data: property names in
// snake_case (the wrappers convert keys at the edge), dates as ISO strings.
import { createHash } from "node:crypto";
import { z } from "zod";

type JsonSchema = Record<string, unknown>;

/** Recursive schemas' definitions, moved to `components.schemas` (a `#/$defs/…` ref would point at the document's root). */
const hoisted = new Map<string, JsonSchema>();
export const hoistedSchemas = (): Record<string, JsonSchema> => Object.fromEntries(hoisted);

const toSnake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** `io: "input"` for what clients send (bodies, query strings), `"output"` for what they receive. */
export function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const converted = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
    override: (ctx) => {
      const type = (ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def.type;
      if (type === "date") Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
      if (type === "bigint") Object.assign(ctx.jsonSchema, { type: "integer" });
    },
  }) as JsonSchema;
  delete converted.$schema;
  return hoistDefinitions(snakeProperties(converted) as JsonSchema);
}

function hoistDefinitions(schema: JsonSchema): JsonSchema {
  const defs = schema.$defs as Record<string, JsonSchema> | undefined;
  if (!defs) return schema;
  delete schema.$defs;
  const names = new Map(Object.entries(defs).map(([local, def]) => [local, `Recursive_${createHash("sha256").update(local + JSON.stringify(def)).digest("hex").slice(0, 10)}`]));
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== "object") return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        const local = key === "$ref" && typeof value === "string" && value.startsWith("#/$defs/") ? names.get(value.slice(8)) : undefined;
        return [key, local ? `#/components/schemas/${local}` : rewrite(value)];
      }),
    );
  };
  for (const [local, def] of Object.entries(defs)) hoisted.set(names.get(local)!, rewrite(def) as JsonSchema);
  return rewrite(schema) as JsonSchema;
}

function snakeProperties(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(snakeProperties);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" && value && typeof value === "object") {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, inner]) => [toSnake(name), snakeProperties(inner)]));
    } else if (key === "required" && Array.isArray(value)) {
      out.required = value.map((name) => (typeof name === "string" ? toSnake(name) : name));
    } else if (key === "default" || key === "const" || key === "enum" || key === "examples") {
      out[key] = value;
    } else {
      out[key] = snakeProperties(value);
    }
  }
  return out;
}
