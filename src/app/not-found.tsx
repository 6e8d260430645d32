import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Page not found" };

export default async function NotFound() {
  // Rendered per request, so Next.js can put the Content-Security-Policy nonce (src/proxy.ts) on its scripts.
  await connection();
  return (
    <>
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Page not found</h1>
      <p className="mb-4">If you typed the web address, check it is correct.</p>
      <p className="mb-4">If you pasted the web address, check you copied the entire address.</p>
      <p className="mb-4">A commitment’s address never changes once it is published, so an old link to a commitment should still work.</p>
      <h2 className="text-2xl font-bold mb-4 mt-8">Find what you were looking for</h2>
      <ul className="list-disc pl-6 space-y-2">
        <li>
          <a href="/commitments">Search all commitments</a>
        </li>
        <li>
          <a href="/areas">Browse the six areas of the roadmap</a>
        </li>
        <li>
          <a href="/missed">See missed deadlines</a>
        </li>
        <li>
          <a href="/">Go to the overview</a>
        </li>
      </ul>
    </>
  );
}
