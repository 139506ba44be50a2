// Password reset end to end through a real SMTP server: the link is read from the received mail.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as reset from "@/app/api/v1/auth/password/reset/route";
import * as confirm from "@/app/api/v1/auth/password/reset/confirm/route";
import * as me from "@/app/api/v1/auth/me/route";
import * as invitations from "@/app/api/v1/auth/invitations/route";
import { authenticate } from "@/lib/auth/service";
import { RESET_LIMIT_PER_EMAIL, RESET_REQUESTED_MESSAGE } from "@/lib/auth/password-reset";
import { rootDb } from "@/lib/db/client";
import { readFile, rm } from "node:fs/promises";
import { sendMail } from "@/lib/mail/mailer";
import { callApi, sessionCookieFor, tokenFor } from "@/tests/fixtures/api";
import { createAccount, TEST_PASSWORD } from "@/tests/fixtures/factories";
import { mailText, startSmtpServer, type SmtpCatcher } from "@/tests/fixtures/smtp";

let smtp: SmtpCatcher;
beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Studio <studio@example.test>";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});
beforeEach(() => void (smtp.messages.length = 0));

let ipSeq = 0;
const ask = (email: string, ip = `198.51.100.${++ipSeq}`) => callApi(reset.POST, { method: "POST", body: { email }, headers: { "x-socket-address": ip } });
const linkIn = (raw: string) => mailText(raw).match(/https?:\/\/\S+\/reset-password\/([A-Za-z0-9_-]+)/)?.[1];

describe("password reset", () => {
  it("mails a single-use link; the new password works, the old one and every session and token are revoked", async () => {
    const { owner } = await createAccount();
    const oldToken = await tokenFor(owner.id);
    const oldCookie = await sessionCookieFor(owner.id);
    // Issued in an earlier second than the reset (JWT times are whole seconds).
    await new Promise((r) => setTimeout(r, 1100));

    const asked = await ask(owner.email);
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ success: true, data: null, message: RESET_REQUESTED_MESSAGE });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].to).toEqual([owner.email]);
    expect(smtp.messages[0].raw).toContain("From: Studio <studio@example.test>");
    const token = linkIn(smtp.messages[0].raw)!;
    expect(token).toBeTruthy();
    const stored = await rootDb().passwordResetToken.findFirstOrThrow({ where: { userId: owner.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeLessThanOrEqual(60 * 60 * 1000 + 1000);

    const weak = await callApi(confirm.POST, { method: "POST", body: { token, password: "short" } });
    expect(weak.status).toBe(400);
    expect(weak.body.errors.password).toBeDefined();
    const done = await callApi(confirm.POST, { method: "POST", body: { token, password: "a brand new password" } });
    expect(done.status).toBe(200);

    await expect(authenticate({ email: owner.email, password: TEST_PASSWORD })).rejects.toThrow();
    expect((await authenticate({ email: owner.email, password: "a brand new password" })).id).toBe(owner.id);
    expect((await callApi(me.GET, { token: oldToken })).status).toBe(401);
    expect((await callApi(me.GET, { headers: { cookie: oldCookie } })).status).toBe(401);
    expect((await callApi(me.GET, { token: await tokenFor(owner.id) })).status).toBe(200);

    const again = await callApi(confirm.POST, { method: "POST", body: { token, password: "yet another password" } });
    expect(again.status).toBe(404);
  });

  it("answers an unknown address exactly like a known one, and sends nothing", async () => {
    const { owner } = await createAccount();
    const known = await ask(owner.email);
    const unknown = await ask(`nobody-${Date.now()}@example.test`);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(smtp.messages.map((m) => m.to[0])).toEqual([owner.email]);
  });

  it("throttles per email (silently) and per client address (429)", async () => {
    const { owner } = await createAccount();
    for (let i = 0; i < RESET_LIMIT_PER_EMAIL.limit + 2; i++) expect((await ask(owner.email)).status).toBe(200);
    expect(smtp.messages).toHaveLength(RESET_LIMIT_PER_EMAIL.limit);
    const ip = "203.0.113.9";
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await ask(`someone-${i}@example.test`, ip)).status;
    expect(last).toBe(429);
  });

  it("refuses expired, unknown and malformed tokens without changing anything", async () => {
    const { owner } = await createAccount();
    await ask(owner.email);
    const token = linkIn(smtp.messages[0].raw)!;
    await rootDb().passwordResetToken.updateMany({ where: { userId: owner.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await callApi(confirm.POST, { method: "POST", body: { token, password: "a brand new password" } })).status).toBe(404);
    expect((await callApi(confirm.POST, { method: "POST", body: { token: "x".repeat(43), password: "a brand new password" } })).status).toBe(404);
    expect((await callApi(confirm.POST, { method: "POST", body: { token: "short", password: "a brand new password" } })).status).toBe(400);
    expect((await authenticate({ email: owner.email, password: TEST_PASSWORD })).id).toBe(owner.id);
  });

  it("invitations go through the same mailer", async () => {
    const { owner } = await createAccount();
    const invited = await callApi(invitations.POST, { method: "POST", token: await tokenFor(owner.id), body: { email: "new.editor@example.test", role: "editor" } });
    expect(invited.status).toBe(201);
    expect(smtp.messages[0].to).toEqual(["new.editor@example.test"]);
    expect(mailText(smtp.messages[0].raw)).toContain(invited.body.data.invite_url);
  });

  it("without SMTP the message goes to the log and a file under the data folder", async () => {
    delete process.env.SMTP_URL;
    try {
      const delivery = await sendMail({ to: "self-hoster@example.test", subject: "Reset", text: "Open http://localhost:3000/reset-password/abc" });
      expect(delivery.via).toBe("file");
      const file = (delivery as { file: string }).file;
      expect(await readFile(file, "utf8")).toContain("reset-password/abc");
      await rm(file);
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
  });
});
