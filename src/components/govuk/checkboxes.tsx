import { Choices, type ChoicesProps } from "./choices";

/** GOV.UK checkboxes: any number of choices. */
export function Checkboxes({ value, ...props }: ChoicesProps & { value: readonly string[] }) {
  return <Choices {...props} type="checkbox" selected={value} />;
}
