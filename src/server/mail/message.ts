// One builder for every email the tracker sends (issue 13): plain text and HTML from the same
// paragraphs, a Message-ID derived from the outbox row (so a retry after a crash repeats the same
// message, and a receiving server or reader can see it is one), and, on alerts, RFC 8058's
// one-click unsubscribe headers. The transport (transport.ts) only delivers what this builds.
import type Mail from "nodemailer/lib/mailer";
import { escapeHtml } from "../open-data/html";

/** A paragraph of the email: words, or a link with its words (shown as "words: address" in plain text). */
type MailBlock = { text: string } | { link: string; label: string };

type MailContent = { subject: string; blocks: MailBlock[] };

export type Outgoing = {
  /** The outbox row the message is sent for: its Message-ID. */
  outboxId: string;
  to: string;
  content: MailContent;
  /** Alerts: the one-click unsubscribe address (List-Unsubscribe, List-Unsubscribe-Post). */
  unsubscribeUrl?: string;
};

/** `<outbox-42@roadmap-tracker.example>`: the same outbox row always gives the same Message-ID. */
export function messageIdFor(outboxId: string, origin: string): string {
  if (!/^\d+$/.test(outboxId)) throw new Error("an outbox row's id is a whole number");
  return `<outbox-${outboxId}@${new URL(origin).hostname}>`;
}

function plainText(blocks: MailBlock[]): string {
  return `${blocks.map((b) => ("link" in b ? `${b.label}:\n${b.link}` : b.text)).join("\n\n")}\n`;
}

function html(subject: string, blocks: MailBlock[]): string {
  const body = blocks
    .map((b) =>
      "link" in b
        ? `<p style="margin:0 0 16px"><a href="${escapeHtml(b.link)}" style="color:#1d70b8">${escapeHtml(b.label)}</a></p>`
        : `<p style="margin:0 0 16px">${escapeHtml(b.text)}</p>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;font-size:19px;line-height:1.3;color:#0b0c0c;max-width:640px;margin:0 auto;padding:16px">
${body}
</body></html>
`;
}

/** The message as nodemailer takes it. */
export function buildMessage(outgoing: Outgoing, from: string, origin: string): Mail.Options {
  const { content } = outgoing;
  const headers: Record<string, string> = {};
  if (outgoing.unsubscribeUrl) {
    headers["List-Unsubscribe"] = `<${outgoing.unsubscribeUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return {
    from,
    to: outgoing.to,
    subject: content.subject,
    messageId: messageIdFor(outgoing.outboxId, origin),
    text: plainText(content.blocks),
    html: html(content.subject, content.blocks),
    headers,
  };
}
