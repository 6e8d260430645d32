"use client";

// Shown when a page fails unexpectedly (for example, the database is unreachable). No details of
// the error are shown: the digest lets us find it in the server logs.
export default function ErrorPage({ error }: { error: unknown }) {
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <>
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Sorry, there is a problem with the service</h1>
      <p className="mb-4">Try again later. Nothing you did caused this.</p>
      <p className="mb-4">
        You can <a href="">reload this page</a>, or go to the <a href="/">overview</a> or <a href="/commitments">all commitments</a>.
      </p>
      {digest && <p className="text-secondary-ink text-base">If you report this problem, quote reference {digest}.</p>}
    </>
  );
}
