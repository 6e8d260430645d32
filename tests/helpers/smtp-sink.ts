// A real SMTP server for the mail tests (the `smtp-server` package, on a loopback port of its
// own): it accepts every message and keeps each one parsed by `mailparser`, with the raw headers.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

export type SmtpSink = { url: string; messages: ParsedMail[]; until(count: number, limitMs?: number): Promise<ParsedMail[]>; close(): Promise<void> };

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push(parsed);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async until(count, limitMs = 10_000) {
      const started = Date.now();
      while (messages.length < count) {
        if (Date.now() - started > limitMs) throw new Error(`${messages.length} of ${count} messages arrived within ${limitMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
