// The mail transports: SMTP_URL → a real SMTP server (started here) receives the message; unset →
// an `.eml` file in <RT_DATA_DIR>/outbox/ that parses back to the same message. Both carry the
// Message-ID of the outbox row, plain text and HTML, and on alerts RFC 8058's one-click headers.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simpleParser, type ParsedMail } from "mailparser";
import { buildMessage, messageIdFor, type Outgoing } from "../../src/server/mail/message";
import { emlFolder, mailTransport } from "../../src/server/mail/transport";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";

const ORIGIN = "https://roadmap-tracker.example";
const alert: Outgoing = {
  outboxId: "42",
  to: "reader@example.com",
  unsubscribeUrl: `${ORIGIN}/subscriptions/unsubscribe/abc`,
  content: {
    subject: "Digital sourcing strategy: now In progress",
    blocks: [{ text: "The status changed to In progress <on 1 May>." }, { link: `${ORIGIN}/commitments/x?version=7`, label: "See the commitment" }],
  },
};

/** A header as it was sent (mailparser folds List-* headers into an object of its own). */
const headerLine = (mail: ParsedMail, name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n\s+/g, " ");

let sink: SmtpSink;
let dataDir: string;
beforeAll(async () => {
  sink = await startSmtpSink();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "rt-mail-"));
});
afterAll(async () => {
  await sink.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe("mail transports", () => {
  it("send through SMTP_URL with the outbox row's Message-ID, plain text, HTML and the one-click unsubscribe headers", async () => {
    const transport = mailTransport({ SMTP_URL: sink.url, dataDir });
    expect(transport.where).toBe(`SMTP at ${sink.url}`);
    await transport.send(buildMessage(alert, "Roadmap Tracker <no-reply@roadmap-tracker.example>", ORIGIN));
    transport.close();
    const [mail] = await sink.until(1);
    expect(mail!.messageId).toBe("<outbox-42@roadmap-tracker.example>");
    expect(mail!.subject).toBe(alert.content.subject);
    expect(mail!.text).toContain("The status changed to In progress <on 1 May>.");
    expect(mail!.text).toContain(`See the commitment:\n${ORIGIN}/commitments/x?version=7`);
    expect(mail!.html).toContain("In progress &lt;on 1 May&gt;");
    expect(mail!.html).toContain(`<a href="${ORIGIN}/commitments/x?version=7"`);
    expect(headerLine(mail!, "list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(headerLine(mail!, "list-unsubscribe")).toBe(`List-Unsubscribe: <${ORIGIN}/subscriptions/unsubscribe/abc>`);
  });

  it("write, with no SMTP_URL, one parseable .eml file per Message-ID, replaced whole when the same message is sent again", async () => {
    const transport = mailTransport({ SMTP_URL: undefined, dataDir });
    const folder = emlFolder(dataDir);
    expect(transport.where).toBe(`.eml files in ${folder}`);
    const confirmation: Outgoing = { ...alert, outboxId: "7", unsubscribeUrl: undefined, content: { ...alert.content, subject: "Confirm" } };
    await transport.send(buildMessage(confirmation, "no-reply@localhost", ORIGIN));
    await transport.send(buildMessage(confirmation, "no-reply@localhost", ORIGIN));
    expect(await fs.readdir(folder)).toEqual(["outbox-7@roadmap-tracker.example.eml"]);
    const mail = await simpleParser(await fs.readFile(path.join(folder, "outbox-7@roadmap-tracker.example.eml")));
    expect(mail.messageId).toBe("<outbox-7@roadmap-tracker.example>");
    expect(mail.subject).toBe("Confirm");
    expect(mail.text).toContain("See the commitment:");
    // Not an alert: no unsubscribe headers.
    expect(headerLine(mail, "list-unsubscribe")).toBeUndefined();
  });

  it("derive Message-IDs from outbox row ids only", () => {
    expect(messageIdFor("9", "http://localhost:3000")).toBe("<outbox-9@localhost>");
    expect(() => messageIdFor("9@evil", ORIGIN)).toThrow();
  });
});
