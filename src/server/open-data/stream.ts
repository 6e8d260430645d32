// Turning async iterables into web streams for Response bodies, pulling one chunk at a time so
// nothing runs ahead of the client (backpressure), and stopping the source if the client leaves.
import { logFor } from "../log";

const encoder = new TextEncoder();

export function toWebStream(source: AsyncIterable<string | Uint8Array>): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<string | Uint8Array> | undefined;
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        iterator ??= source[Symbol.asyncIterator]();
        try {
          const { value, done } = await iterator.next();
          if (cancelled) return; // the client left while this chunk was being read
          if (done) controller.close();
          else
            controller.enqueue(typeof value === "string" ? encoder.encode(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
        } catch (error) {
          if (cancelled) return;
          logFor("open-data").error({ err: error }, "a download stream failed");
          controller.error(error);
        }
      },
      async cancel() {
        cancelled = true;
        await iterator?.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

/** Joins small strings into chunks of about `size` characters, so a stream is not one write per row. */
export async function* inChunks(source: AsyncIterable<string>, size = 16_384): AsyncGenerator<string> {
  let buffer = "";
  for await (const piece of source) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

export async function* mapAsync<T, U>(source: AsyncIterable<T>, map: (value: T) => U): AsyncGenerator<U> {
  for await (const value of source) yield map(value);
}
