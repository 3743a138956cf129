import { comingScreen } from "./ui.js";

export async function render(main) {
  await comingScreen(main, {
    title: "Variants and brand", prefix: "/v1/variants", issue: "variants, brand and diff API, issue 13",
    what: "List and create variants of a page with a small mutation editor (selector, action, value) and a selector picker that shows matches on the screenshot; control and variant side by side with their diff; the brand profile (palette with evidence, fonts, logo, CTAs).",
  });
}
