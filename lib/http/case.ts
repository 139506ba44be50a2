// REST speaks snake_case (the reference's field names); our code speaks camelCase.

const toSnake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const toCamel = (key: string) => key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isDecimal(value: unknown): value is { toNumber(): number } {
  return typeof value === "object" && value !== null && typeof (value as { toNumber?: unknown }).toNumber === "function" && "d" in value;
}

/**
 * Copies plain objects and arrays with renamed keys and mapped leaves. Iterative (an explicit
 * stack), so a deeply nested value cannot overflow the call stack.
 */
function mapDeep(root: unknown, renameKey: (key: string) => string, mapLeaf: (value: unknown) => unknown): unknown {
  const box: { value?: unknown } = {};
  const stack: { source: unknown; target: Record<string | number, unknown>; key: string | number }[] = [{ source: root, target: box as Record<string, unknown>, key: "value" }];
  while (stack.length) {
    const { source, target, key } = stack.pop()!;
    let copy: Record<string | number, unknown> | unknown[];
    if (Array.isArray(source)) {
      copy = new Array(source.length);
      for (let i = source.length - 1; i >= 0; i--) stack.push({ source: source[i], target: copy as unknown as Record<number, unknown>, key: i });
    } else if (isPlainObject(source)) {
      copy = {};
      const entries = Object.entries(source);
      for (const [name] of entries) define(copy, renameKey(name), undefined); // keeps the key order
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ source: entries[i][1], target: copy, key: renameKey(entries[i][0]) });
    } else {
      define(target, key, mapLeaf(source));
      continue;
    }
    define(target, key, copy);
  }
  return box.value;
}

/** Assignment that treats "__proto__" as an ordinary key. */
function define(target: Record<string | number, unknown>, key: string | number, value: unknown) {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function toJsonLeaf(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return Number(value);
  if (isDecimal(value)) return value.toNumber();
  return value;
}

export function snakeKeys(value: unknown): unknown {
  return mapDeep(value, toSnake, toJsonLeaf);
}

export function camelKeys(value: unknown): unknown {
  return mapDeep(value, toCamel, (leaf) => leaf);
}

export function snakeFieldErrors(errors: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([key, list]) => [key.split(".").map(toSnake).join("."), list]));
}
