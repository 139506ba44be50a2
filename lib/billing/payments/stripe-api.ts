// A minimal Stripe REST client on fetch: form-encoded bodies (Stripe's `a[b][0]=c` notation),
// bearer auth, idempotency keys on creates, and Stripe's error message on failure.
import { PaymentProviderError } from "./types";

type FormValue = string | number | boolean | null | undefined | FormValue[] | { [key: string]: FormValue };

/** `{ line_items: [{ price: "p", quantity: 1 }] }` → `line_items[0][price]=p&line_items[0][quantity]=1`. */
export function formEncode(value: Record<string, FormValue>): string {
  const params = new URLSearchParams();
  const add = (key: string, v: FormValue) => {
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) v.forEach((item, i) => add(`${key}[${i}]`, item));
    else if (typeof v === "object") for (const [k, inner] of Object.entries(v)) add(`${key}[${k}]`, inner);
    else params.append(key, String(v));
  };
  for (const [key, v] of Object.entries(value)) add(key, v);
  return params.toString();
}

export type StripeApiOptions = { secretKey: string; apiBase: string; timeoutMs?: number };

export function stripeApi({ secretKey, apiBase, timeoutMs = 20_000 }: StripeApiOptions) {
  async function request<T>(method: "GET" | "POST", path: string, body?: Record<string, FormValue>, idempotencyKey?: string): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${secretKey}` };
    if (body) headers["content-type"] = "application/x-www-form-urlencoded";
    if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
    let response: Response;
    try {
      response = await fetch(new URL(path, apiBase), { method, headers, body: body ? formEncode(body) : undefined, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new PaymentProviderError(`Stripe could not be reached: ${(error as Error).message}`);
    }
    const json = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    if (!response.ok) throw new PaymentProviderError(`Stripe refused the request: ${json.error?.message ?? `HTTP ${response.status}`}`);
    return json as T;
  }
  return {
    get: <T>(path: string) => request<T>("GET", path),
    post: <T>(path: string, body: Record<string, FormValue>, idempotencyKey?: string) => request<T>("POST", path, body, idempotencyKey),
  };
}
