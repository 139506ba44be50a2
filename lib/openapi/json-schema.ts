// zod → JSON Schema (2020-12, which OpenAPI 3.1 uses) as clients see the data: property names in
// snake_case (the wrappers convert keys at the edge), dates as ISO strings.
import { z } from "zod";

type JsonSchema = Record<string, unknown>;

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
  return snakeProperties(converted) as JsonSchema;
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
