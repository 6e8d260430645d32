export type Crumb = { href: string; label: string };

/** GOV.UK breadcrumbs: the path to the current page (the current page itself is not listed). */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-6 -mt-4 text-sm md:text-base no-print">
      <ol className="flex flex-wrap items-center gap-y-1">
        {items.map((item, i) => (
          <li key={item.href} className="flex items-center">
            {i > 0 && (
              <span aria-hidden="true" className="mx-2 text-secondary-ink">
                ›
              </span>
            )}
            <a href={item.href} className="text-ink visited:text-ink">
              {item.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
