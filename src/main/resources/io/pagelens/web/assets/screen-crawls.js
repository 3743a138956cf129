import { comingScreen } from "./ui.js";

export async function render(main) {
  await comingScreen(main, {
    title: "Crawls", prefix: "/v1/crawls", issue: "crawl API, issue 12",
    what: "Start a crawl of a project's site, watch it live (found, done, failed and skipped by reason) with a gallery of page thumbnails by page type that grows as it runs, and cancel or resume it.",
  });
}
