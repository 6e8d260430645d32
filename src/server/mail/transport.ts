// Where email goes (README "Configuration", docs/operations.md "Email"): SMTP_URL set → that SMTP
// server through nodemailer; unset (the two-command default) → each message written whole as an
// `.eml` file in `<RT_DATA_DIR>/outbox/`, named by its Message-ID, so a developer can open it and
// a repeated send overwrites the same file. A file is written under a temporary name and renamed,
// so a reader never sees half a message.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import type { Env } from "../../runtime/env";

export type MailTransport = {
  /** Which one (recorded with each attempt in mail_attempt). */
  name: "smtp" | "eml";
  /** Delivers the message or throws (the outbox worker retries it). */
  send(message: Mail.Options): Promise<void>;
  /** For the start-up log: the SMTP server (without its password) or the folder. */
  where: string;
  close(): void;
};

/** The outbox folder of the `.eml` default. */
export const emlFolder = (dataDir: string) => path.join(dataDir, "outbox");

/** A file name from a Message-ID: `<outbox-42@host>` → `outbox-42@host.eml`. */
function emlName(messageId: string): string {
  return `${messageId.replace(/^<|>$/g, "").replace(/[^A-Za-z0-9@._-]/g, "_")}.eml`;
}

/** Where mail goes, for the start-up log: the SMTP server (never its password) or the folder. */
export function mailDestination(env: Pick<Env, "SMTP_URL" | "dataDir">): string {
  if (!env.SMTP_URL) return `.eml files in ${emlFolder(env.dataDir)}`;
  const url = new URL(env.SMTP_URL);
  return `SMTP at ${url.protocol}//${url.host}`;
}

function emlTransport(folder: string): MailTransport {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    name: "eml",
    where: `.eml files in ${folder}`,
    async send(message) {
      const info = await transport.sendMail(message);
      await fs.mkdir(folder, { recursive: true });
      const file = path.join(folder, emlName(info.messageId));
      const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
      await fs.writeFile(temporary, info.message as Buffer);
      await fs.rename(temporary, file);
    },
    close: () => transport.close(),
  };
}

function smtpTransport(url: string): MailTransport {
  const transport = nodemailer.createTransport(url);
  return {
    name: "smtp",
    where: mailDestination({ SMTP_URL: url, dataDir: "" }),
    async send(message) {
      const info = await transport.sendMail(message);
      if (info.rejected.length > 0) throw new Error(`the SMTP server refused the recipient (${info.response})`);
    },
    close: () => transport.close(),
  };
}

export function mailTransport(env: Pick<Env, "SMTP_URL" | "dataDir">): MailTransport {
  return env.SMTP_URL ? smtpTransport(env.SMTP_URL) : emlTransport(emlFolder(env.dataDir));
}
