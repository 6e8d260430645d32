// How long a published change takes to appear on the public page: an editor proposes a status
// update, a second editor approves it in the real forms (Chromium), and the commitment's public
// page (served from the whole-page cache, warmed beforehand) is polled until the note appears.
import { approve, commitmentsOf, createAccount, launchBrowser, proposeStatusUpdate, signedInPage } from "../app-under-test";

const ORGANISATION = "government-digital-service";

/** Milliseconds from "approved" (the approval's response) until the public page shows the change. */
export async function waitUntilVisible(base: string, path: string, text: string, limitMs = 10_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    const html = await (await fetch(base + path)).text();
    if (html.includes(text)) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 10));
  }
  return Number.POSITIVE_INFINITY;
}

export async function measurePublishVisibility(
  settings: { env: NodeJS.ProcessEnv; databaseUrl: string; dataDir: string },
  base: string,
  rounds: number,
): Promise<number[]> {
  const author = createAccount(settings, "bench-author@example.gov.uk", ORGANISATION);
  const reviewer = createAccount(settings, "bench-reviewer@example.gov.uk", ORGANISATION);
  const commitments = await commitmentsOf(settings.databaseUrl, ORGANISATION);
  const browser = await launchBrowser();
  try {
    const [authorPage, reviewerPage] = await Promise.all([signedInPage(browser, base, author), signedInPage(browser, base, reviewer)]);
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const slug = commitments[(i * 13) % commitments.length]!;
      const path = `/commitments/${slug}`;
      await fetch(base + path); // cached before the change, as a busy public page would be
      const note = `Benchmark publish ${i + 1} at ${Date.now()}: progress confirmed.`;
      const id = await proposeStatusUpdate(authorPage!, slug, note, `https://www.gov.uk/bench/${Date.now()}/${i}`);
      await approve(reviewerPage!, id);
      times.push(await waitUntilVisible(base, path, note));
    }
    return times;
  } finally {
    await browser.close();
  }
}
