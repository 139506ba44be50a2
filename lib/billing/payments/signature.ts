// Stripe's webhook signature scheme: `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=…]`, where
// v1 is HMAC-SHA256(secret, `${t}.${raw body}`). The raw body must be verified before parsing,
// and old timestamps are refused so a captured request cannot be replayed later.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: string };

function hmac(secret: string, timestamp: number, payload: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
}

export function verifyStripeSignature(payload: string, header: string | null, secret: string, now = Date.now()): SignatureCheck {
  if (!header) return { ok: false, reason: "Missing Stripe-Signature header." };
  let timestamp = NaN;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t") timestamp = Number(value);
    else if (key === "v1" && value) signatures.push(value);
  }
  if (!Number.isInteger(timestamp) || !signatures.length) return { ok: false, reason: "Malformed Stripe-Signature header." };
  if (Math.abs(now / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: "The signature's timestamp is outside the tolerance." };
  const expected = Buffer.from(hmac(secret, timestamp, payload), "hex");
  const matches = signatures.some((s) => {
    const given = Buffer.from(s, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true, timestamp } : { ok: false, reason: "No signature matches the payload." };
}

/** The header Stripe would send for `payload` (tests and local tooling build signed events with it). */
export function signStripePayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, payload)}`;
}
