/** Reading renderToString output in the taskpane's SSR tests: tags by test id, disabled state, and plain text. */
import { expect } from "@jest/globals";

/** Every opening tag carrying data-testid="id". */
export function tags(markup: string, id: string): string[] {
  return markup.match(new RegExp(`<[a-z]+\\b[^>]*\\bdata-testid="${id}"[^>]*>`, "g")) ?? [];
}

/** The one opening tag carrying data-testid="id" (fails the test when there are none or several). */
export function one(markup: string, id: string): string {
  const found = tags(markup, id);
  expect(found).toHaveLength(1);
  return found[0];
}

export const isDisabled = (tag: string) => /\sdisabled=""/.test(tag);

/** Text content, roughly: styles, comments and tags removed, renderToString's entities decoded. */
export function text(markup: string): string {
  return markup
    .replace(/<style[^>]*>.*?<\/style>/gs, " ")
    .replace(/<!--.*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}
