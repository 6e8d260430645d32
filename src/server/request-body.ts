// Reading a request's body before Next.js does, and handing Next.js the same bytes: the
// production server (scripts/server/serve.ts) checks server-action bodies first
// (src/server/action-body.ts). No framework imports.
import { IncomingMessage } from "node:http";

/** The whole body, or null as soon as it passes `limit` bytes (chunked bodies have no Content-Length to refuse by). */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off("data", onData);
        request.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.once("end", () => resolve(Buffer.concat(chunks)));
    request.once("error", reject);
  });
}

/** A request like `request` (same socket, method, URL and headers) whose body is `body`, already read. */
export function replayRequest(request: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = new IncomingMessage(request.socket);
  replay.method = request.method;
  replay.url = request.url;
  replay.httpVersion = request.httpVersion;
  replay.httpVersionMajor = request.httpVersionMajor;
  replay.httpVersionMinor = request.httpVersionMinor;
  replay.headers = request.headers;
  replay.rawHeaders = request.rawHeaders;
  replay.trailers = request.trailers;
  replay.rawTrailers = request.rawTrailers;
  replay.complete = true;
  if (body.length) replay.push(body);
  replay.push(null);
  return replay;
}
