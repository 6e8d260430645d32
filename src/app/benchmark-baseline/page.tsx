// A prerendered page with no data, used by `npm run bench` as the framework's own ceiling:
// what the same Next.js production server does with a static page of similar size.
// Built only with RT_BENCHMARK_BASELINE=1 (the bench sets it): a normal production build answers 404.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { appConfig } from "@/runtime/env";

export const dynamic = "force-static";
export const metadata: Metadata = { title: "Benchmark baseline", robots: { index: false, follow: false } };

const WORDS = "government digital services commitment deadline progress confirmed evidence source department roadmap".split(" ");

function paragraph(n: number): string {
  return Array.from({ length: 60 }, (_, i) => WORDS[(n * 7 + i * 3) % WORDS.length]).join(" ");
}

export default function BenchmarkBaselinePage() {
  if (!appConfig().benchmarkBaseline) notFound();
  return (
    <>
      <h1 className="text-3xl font-bold mb-4">Benchmark baseline</h1>
      <p className="mb-4">A static page of about the size of the overview page, used only to measure the server&apos;s ceiling.</p>
      <table className="w-full">
        <caption className="sr-only">Filler rows</caption>
        <tbody>
          {Array.from({ length: 40 }, (_, n) => (
            <tr key={n}>
              <th scope="row" className="text-left">
                Row {n + 1}
              </th>
              <td>{paragraph(n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
