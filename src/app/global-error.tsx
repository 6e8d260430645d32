"use client";

// Replaces the whole document when even the layout fails, so it carries its own minimal styles
// (global styles do not load here).
export default function GlobalError({ error }: { error: unknown }) {
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <html lang="en-GB">
      <body style={{ margin: 0, fontFamily: "Arial, sans-serif", color: "#0b0c0c", background: "#fff", lineHeight: 1.4 }}>
        <title>Sorry, there is a problem with the service – Roadmap Tracker</title>
        <header style={{ background: "#0b0c0c", color: "#fff", padding: "12px 16px", borderBottom: "10px solid #1d70b8" }}>
          <a href="/" style={{ color: "#fff", fontWeight: 700, fontSize: "1.25rem" }}>
            Roadmap Tracker
          </a>
        </header>
        <main style={{ maxWidth: "60rem", margin: "0 auto", padding: "32px 16px" }}>
          <h1 style={{ fontSize: "2rem" }}>Sorry, there is a problem with the service</h1>
          <p>Try again later. Nothing you did caused this.</p>
          <p>
            <a href="/" style={{ color: "#1d70b8" }}>
              Go to the overview
            </a>
          </p>
          {digest && <p style={{ color: "#505a5f" }}>If you report this problem, quote reference {digest}.</p>}
        </main>
      </body>
    </html>
  );
}
