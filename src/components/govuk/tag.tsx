import type { HTMLAttributes, ReactNode } from "react";
import { publicStatusDefinition, type PublicStatusCode, type StatusTone } from "../../domain/status";

const TONES: Record<StatusTone, string> = {
  grey: "bg-tag-grey text-tag-grey-ink",
  blue: "bg-tag-blue text-tag-blue-ink",
  orange: "bg-tag-orange text-tag-orange-ink",
  green: "bg-tag-green text-tag-green-ink",
  turquoise: "bg-tag-turquoise text-tag-turquoise-ink",
  red: "bg-tag-red text-tag-red-ink",
};

/** GOV.UK tag: a label in dark text on a light tint of its colour. */
export function Tag({
  tone,
  className = "",
  children,
  ...rest
}: { tone: StatusTone; className?: string; children: ReactNode } & HTMLAttributes<HTMLElement>) {
  return (
    <strong {...rest} className={`inline-block px-2 pt-0.5 pb-1 font-normal leading-tight ${TONES[tone]} ${className}`}>
      {children}
    </strong>
  );
}

/** A commitment's status as a tag, in the colour of its definition (src/domain/status.ts). */
export function StatusTag({ code, className }: { code: PublicStatusCode; className?: string }) {
  const def = publicStatusDefinition(code);
  return (
    <Tag tone={def.tone} className={className} data-status={code}>
      {def.label}
    </Tag>
  );
}
