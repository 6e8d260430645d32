import { statusDefinition, type StatusCode, type StatusTone } from "../domain/status";

const TONE_CLASSES: Record<StatusTone, string> = {
  grey: "bg-tag-grey text-tag-grey-ink",
  blue: "bg-tag-blue text-tag-blue-ink",
  orange: "bg-tag-orange text-tag-orange-ink",
  green: "bg-tag-green text-tag-green-ink",
  turquoise: "bg-tag-turquoise text-tag-turquoise-ink",
  red: "bg-tag-red text-tag-red-ink",
};

/** GOV.UK tag: the status label in dark text on a light tint of its colour. */
export function StatusTag({ code, className = "" }: { code: StatusCode; className?: string }) {
  const def = statusDefinition(code);
  return (
    <strong className={`inline-block px-2 pt-0.5 pb-1 font-normal leading-tight ${TONE_CLASSES[def.tone]} ${className}`} data-status={code}>
      {def.label}
    </strong>
  );
}

export const BAR_CLASSES: Record<StatusTone, string> = {
  grey: "bg-bar-grey",
  blue: "bg-bar-blue",
  orange: "bg-bar-orange",
  green: "bg-bar-green",
  turquoise: "bg-bar-turquoise",
  red: "bg-bar-red",
};
