// Input that no schema should ever see: NUL characters (PostgreSQL text and jsonb cannot store
// them), lone UTF-16 surrogates (not valid UTF-8, refused by jsonb), and nesting deeper than any
// real request needs (recursive code would overflow the stack). Refused as a 400 naming the field.
import { ValidationError } from "@/lib/errors";

/** Deepest nesting of objects and arrays accepted in a JSON body or a form/action input. */
export const MAX_INPUT_DEPTH = 64;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a piece of text cannot be accepted, or null when it can. */
export function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "Must not contain NUL (\\u0000) characters.";
  if (LONE_SURROGATE.test(text)) return "Must not contain unpaired UTF-16 surrogates.";
  return null;
}

type Path = (string | number)[];
const fieldName = (path: Path) => (path.length ? path.join(".") : "_");

/** The first hostile string (value or key) or too-deep container, walking iteratively. */
export function findHostileValue(root: unknown, maxDepth = MAX_INPUT_DEPTH): { path: Path; message: string } | null {
  const stack: { value: unknown; path: Path }[] = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      const problem = textProblem(value);
      if (problem) return { path, message: problem };
      continue;
    }
    if (value === null || typeof value !== "object" || value instanceof Date || value instanceof Blob) continue;
    if (path.length >= maxDepth) return { path, message: `Nested too deeply (at most ${maxDepth} levels).` };
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, inner] = entries[i];
      if (typeof key === "string") {
        const problem = textProblem(key);
        if (problem) return { path: [...path, key.replace(/[\u0000\uD800-\uDFFF]/g, "\uFFFD")], message: `Field names: ${problem.toLowerCase()}` };
      }
      stack.push({ value: inner, path: [...path, key] });
    }
  }
  return null;
}

/** Throws a 400 naming the field when the input holds something hostile. */
export function assertSafeInput(input: unknown): void {
  const found = findHostileValue(input);
  if (found) throw new ValidationError(`Invalid input: ${fieldName(found.path)}: ${found.message}`, { [fieldName(found.path)]: [found.message] });
}

/** Query strings and path parameters: a 400 naming the parameter. */
export function assertSafeParameters(entries: Iterable<[string, string | string[]]>, what: "query parameter" | "path parameter"): void {
  for (const [name, value] of entries) {
    const problem = textProblem(name) ?? textProblem(Array.isArray(value) ? value.join("/") : String(value));
    if (problem) {
      const safeName = name.replace(/[\u0000\uD800-\uDFFF]/g, "\uFFFD");
      throw new ValidationError(`Invalid ${what} \`${safeName}\`: ${problem}`, { [safeName]: [problem] });
    }
  }
}

/** Linear scan of JSON text: refuses nesting beyond `maxDepth` before JSON.parse builds it. */
export function assertJsonDepth(text: string, maxDepth = MAX_INPUT_DEPTH): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > maxDepth) throw new ValidationError(`The request body is nested too deeply (at most ${maxDepth} levels).`, { _: [`Nested too deeply (at most ${maxDepth} levels).`] });
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
}
