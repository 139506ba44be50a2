// The one way the app sends email: nodemailer over SMTP_URL. Without SMTP (zero-config) a message
// is printed to the server log and written to <APP_DATA_DIR>/mail/ as an .eml file, so a
// self-hoster can still open a password-reset or invitation link.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/config/env";
import { DATA_DIR } from "@/lib/config/paths";
import { log } from "@/lib/log";

export type MailMessage = { to: string; subject: string; text: string; html?: string };
export type MailDelivery = { via: "smtp"; messageId: string } | { via: "file"; file: string };

const transports = new Map<string, Transporter>();

function smtp(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) transports.set(url, (transport = nodemailer.createTransport(url)));
  return transport;
}

export const MAIL_DIR = () => path.join(DATA_DIR, "mail");

export async function sendMail(message: MailMessage): Promise<MailDelivery> {
  const mail = { from: env.MAIL_FROM, to: message.to, subject: message.subject, text: message.text, ...(message.html ? { html: message.html } : {}) };
  if (env.SMTP_URL) {
    const info = await smtp(env.SMTP_URL).sendMail(mail);
    log.info("mail sent", { to: message.to, subject: message.subject, messageId: info.messageId });
    return { via: "smtp", messageId: info.messageId };
  }
  const raw = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }).sendMail(mail);
  await mkdir(MAIL_DIR(), { recursive: true });
  const file = path.join(MAIL_DIR(), `${new Date().toISOString().replace(/[:.]/g, "-")}-${message.to.replace(/[^a-z0-9@._-]/gi, "_")}.eml`);
  await writeFile(file, raw.message as Buffer, { mode: 0o600 });
  // Zero-config: the log is where a self-hoster looks first, so the message text goes there too.
  log.info("mail not sent (no SMTP_URL): written to file", { to: message.to, subject: message.subject, file, text: message.text });
  return { via: "file", file };
}
