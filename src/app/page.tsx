import Link from "next/link";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const areas = await getDb().area.findMany({
    orderBy: { position: "asc" },
    include: { commitments: { orderBy: { title: "asc" }, select: { slug: true, title: true } } },
  });
  return (
    <>
      <h1 className="text-3xl md:text-5xl font-bold mb-6">Is government delivering its digital roadmap?</h1>
      {areas.map((area) => (
        <section key={area.slug} aria-labelledby={`area-${area.slug}`} className="mb-8">
          <h2 id={`area-${area.slug}`} className="text-2xl font-bold mb-2">{area.title}</h2>
          <ul className="list-disc pl-6">
            {area.commitments.map((c) => (
              <li key={c.slug}><Link href={`/commitments/${c.slug}`}>{c.title}</Link></li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
