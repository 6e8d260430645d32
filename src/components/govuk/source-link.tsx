import { longDate } from "../../domain/dates";

/** publishedLabel is the publication date as the source gives it ("January 2026"), when it is not a day. */
export type Source = { url: string; title: string; publisher: string; publishedOn: string; publishedLabel?: string | null };

const publishedWhen = (source: Source) => source.publishedLabel ?? longDate(source.publishedOn);

/**
 * A cited source: "Source: <title>" (the title a link), then who published it and when. `showUrl`, for
 * a value in a summary list, puts the title, publisher and date on lines of their own and also prints the
 * full address, for editors checking a proposal's evidence before it is published (a title can
 * hide where a link goes; such links are also marked nofollow).
 */
export function SourceLink({ source, label = "Source", showUrl = false }: { source: Source; label?: string; showUrl?: boolean }) {
  const link = (
    <a
      href={source.url}
      rel={showUrl ? "noopener noreferrer nofollow" : "noopener noreferrer"}
      data-source-link=""
      className={showUrl ? "break-all" : undefined}
    >
      {source.title}
    </a>
  );
  if (showUrl) {
    return (
      <>
        {link}
        <span className="block text-secondary-ink">
          {source.publisher}, {publishedWhen(source)}
        </span>
        <span className="block text-secondary-ink text-sm break-all">{source.url}</span>
      </>
    );
  }
  return (
    <p className="text-base">
      {label}: {link} ({source.publisher}, {publishedWhen(source)})
    </p>
  );
}
