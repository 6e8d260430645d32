// Security review F10(e): a server-action request (the editor's forms, posted with a Next-Action
// header by the browser's script) whose body is malformed, nested 400,000 deep or too large gets
// a clear 4xx from the production server and changes nothing, while the real form still works.
import http from "node:http";
import { test, expect, type APIResponse } from "@playwright/test";
import { createAccount, query, signIn, uniqueSuffix, type Account } from "../helpers/e2e-editor";
import { COMMITMENT, OWNER_ORG } from "../helpers/editor-fixtures";
import { baseURL } from "../../playwright.config";

let dana: Account;

test.beforeAll(() => {
  dana = createAccount("dana.actions@example.gov.uk", "editor", [OWNER_ORG], "Dana Actions");
});

const deep = (n: number) => "[".repeat(n) + "]".repeat(n);

async function counts() {
  const [row] = await query<{ proposals: string; audits: string; updates: string }>(
    "SELECT (SELECT COUNT(*) FROM proposal) AS proposals, (SELECT COUNT(*) FROM audit_event) AS audits, (SELECT COUNT(*) FROM status_update) AS updates",
  );
  return row!;
}

/** A body sent in chunks, with no Content-Length (so only reading it shows how large it is). */
function postChunked(path: string, headers: Record<string, string>, size: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answer: { status: number; body: string } | null = null;
    const request = http.request(`${baseURL}${path}`, { method: "POST", headers: { ...headers, "Transfer-Encoding": "chunked" } }, (response) => {
      answer = { status: response.statusCode ?? 0, body: "" };
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (answer!.body += chunk));
      response.on("end", () => resolve(answer!));
      // The server closes the connection once it has answered (it has not read the rest): the
      // answer may end with the connection rather than with its last byte.
      response.on("close", () => resolve(answer!));
    });
    // The server may answer and close before everything is sent; an error before any answer is a failure.
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (answer && (error.code === "EPIPE" || error.code === "ECONNRESET")) return resolve(answer);
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") return reject(error);
    });
    request.on("close", () => (answer ? resolve(answer) : reject(new Error("the connection closed with no answer"))));
    const piece = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    const write = () => {
      while (sent < size) {
        sent += piece.length;
        if (!request.write(piece)) return void request.once("drain", write);
      }
      request.end();
    };
    write();
  });
}

async function expectClearRefusal(response: APIResponse | { status: number; body: string }, label: string, status: number | number[] = 400) {
  const code = typeof response.status === "function" ? response.status() : response.status;
  const body = "text" in response ? await response.text() : response.body;
  expect([status].flat(), `${label}: ${code} ${body.slice(0, 200)}`).toContain(code);
  expect(body, label).toMatch(/form|too large/i);
  expect(body, label).not.toMatch(/digest|stack|Error:/);
}

test("a malformed, over-deep or oversized server-action request gets a clear 4xx and changes nothing; the real form still works (security review F10e)", async ({
  page,
}) => {
  await signIn(page, dana);
  const path = `/editor/commitments/${COMMITMENT}/status-update`;
  await page.goto(path);
  // The form's own request, as the browser sends it: its action id, and that it is answered (with the form's errors).
  const [real] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    page.getByRole("button", { name: "Send for checking" }).click(),
  ]);
  await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  const actionId = real.headers()["next-action"]!;
  expect(real.headers()["content-type"]).toMatch(/^multipart\/form-data/);
  const headers = { "Next-Action": actionId, Origin: baseURL };
  const before = await counts();

  const text = (body: string) => page.request.post(path, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: body });
  const multipart = (root: string) =>
    page.request.post(path, { headers, multipart: { "0": root, "1_note": "Sent by hand.", "1_status": "in_progress" } });
  await expectClearRefusal(await text(deep(400_000)), "400,000-deep JSON as text");
  await expectClearRefusal(await text('[{"seq":'), "malformed JSON as text");
  await expectClearRefusal(await text("garbage"), "not JSON at all");
  await expectClearRefusal(await text('["$Q5"]'), "a reference to nothing");
  await expectClearRefusal(await multipart(deep(400_000)), "400,000-deep JSON in the form");
  await expectClearRefusal(await multipart('[{"seq":'), "malformed JSON in the form");
  await expectClearRefusal(await multipart('[{},"$Q1"]'), "a reference to nothing in the form");
  await expectClearRefusal(
    await page.request.post(path, { headers: { ...headers, "Content-Type": "multipart/form-data; boundary=xx" }, data: "garbage" }),
    "a multipart body that is not one",
  );
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await expectClearRefusal(
    await postChunked(path, { ...headers, Cookie: cookie, "Content-Type": "text/plain;charset=UTF-8" }, 3 * 1024 * 1024),
    "3 MB sent in chunks",
    413,
  );
  expect(await counts()).toEqual(before);

  // The editor's form, with JavaScript, still proposes an update.
  await page.getByLabel("In progress").check();
  await page.getByLabel("What happened").fill("Sent after the malformed requests were refused.");
  await page.getByLabel("Date progress was confirmed").fill("2026-06-03");
  await page.getByLabel("Link to the evidence").fill(`https://www.gov.uk/f10e-${uniqueSuffix()}`);
  await page.getByLabel("Title of the evidence").fill("Still working");
  await page.getByLabel("Who published it").fill("Cabinet Office");
  await page.getByRole("group", { name: "Date it was published" }).getByLabel("Day").fill("2026-06-03");
  await page.getByRole("button", { name: "Send for checking" }).click();
  await expect(page.getByRole("heading", { name: "Sent for checking" })).toBeVisible();
  expect(Number((await counts()).proposals)).toBe(Number(before.proposals) + 1);
});
