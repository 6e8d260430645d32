import zlib from "node:zlib";

/** Script files a page loads, with raw and gzip sizes. */
export async function pageScripts(base: string, path: string): Promise<{ files: Map<string, number>; gzipBytes: number; rawBytes: number }> {
  const html = await (await fetch(base + path)).text();
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  const files = new Map<string, number>();
  let raw = 0;
  for (const src of new Set(sources)) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    const gz = zlib.gzipSync(body, { level: 9 }).length;
    files.set(src, gz);
    raw += body.length;
  }
  // Inline scripts (React Server Components payload) are part of the HTML, not counted here.
  return { files, gzipBytes: [...files.values()].reduce((a, b) => a + b, 0), rawBytes: raw };
}

/** Gzip bytes of scripts a page loads that the framework-only baseline page does not. */
export async function projectScriptBytes(base: string, path: string, baselinePath: string) {
  const page = await pageScripts(base, path);
  const baseline = await pageScripts(base, baselinePath);
  let extra = 0;
  for (const [src, size] of page.files) if (!baseline.files.has(src)) extra += size;
  return { totalGzip: page.gzipBytes, frameworkGzip: baseline.gzipBytes, projectGzip: extra };
}
