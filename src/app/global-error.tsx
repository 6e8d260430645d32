"use client";

// Replaces the whole document when even the layout fails, so it carries its own minimal styles
// (global styles do not load here), from a stylesheet of its own: no style attributes, which the
// Content-Security-Policy would refuse.
import "./global-error.css";

export default function GlobalError({ error }: { error: unknown }) {
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <html lang="en-GB">
      <body className="rt-global-error">
        <title>Sorry, there is a problem with the service – Roadmap Tracker</title>
        <header>
          <a href="/">Roadmap Tracker</a>
        </header>
        <main>
          <h1>Sorry, there is a problem with the service</h1>
          <p>Try again later. Nothing you did caused this.</p>
          <p>
            <a href="/">Go to the overview</a>
          </p>
          {digest && <p className="reference">If you report this problem, quote reference {digest}.</p>}
        </main>
      </body>
    </html>
  );
}
