import type { ReactNode } from "react";

/**
 * GOV.UK notification banner. `title` is the coloured strip ("Important", "Success", "Viewing a
 * past date"); `heading`, when given, is the message's own heading and names the banner, which
 * is then a status message (success) or a region (important). Without a heading, the title
 * names the banner and is its heading.
 */
export function NotificationBanner({
  type = "important",
  title,
  heading,
  id = `${type}-banner-title`,
  children,
}: {
  type?: "important" | "success";
  title: string;
  heading?: ReactNode;
  id?: string;
  children?: ReactNode;
}) {
  const tone = type === "success" ? { border: "border-success", strip: "bg-success" } : { border: "border-brand", strip: "bg-brand" };
  const Tag = heading ? "div" : "section";
  return (
    <Tag role={heading ? (type === "success" ? "status" : "region") : undefined} aria-labelledby={id} className={`border-4 ${tone.border} mb-8`}>
      {heading ? (
        <p className={`${tone.strip} text-white font-bold px-4 py-1`}>{title}</p>
      ) : (
        <h2 id={id} className={`${tone.strip} text-white font-bold px-4 py-1 text-base`}>
          {title}
        </h2>
      )}
      <div className="p-4 md:p-5">
        {heading && (
          <h2 id={id} className="text-xl md:text-2xl font-bold mb-2">
            {heading}
          </h2>
        )}
        {children}
      </div>
    </Tag>
  );
}

/** A success message, e.g. after a redirect ("Changes saved"). */
export function SuccessBanner({ heading, children }: { heading: ReactNode; children?: ReactNode }) {
  return (
    <NotificationBanner type="success" title="Success" heading={heading}>
      {children}
    </NotificationBanner>
  );
}

/** Important information the reader needs before they go on. */
export function ImportantBanner({ heading, children }: { heading: ReactNode; children?: ReactNode }) {
  return (
    <NotificationBanner type="important" title="Important" heading={heading}>
      {children}
    </NotificationBanner>
  );
}
