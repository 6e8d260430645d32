import { Choices, type ChoicesProps } from "./choices";

/** GOV.UK radios: one choice. */
export function Radios({ value, ...props }: ChoicesProps & { value: string }) {
  return <Choices {...props} type="radio" selected={[value]} />;
}
