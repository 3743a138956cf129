import { comingScreen } from "./ui.js";

export async function render(main) {
  await comingScreen(main, {
    title: "Monitors", prefix: "/v1/monitors", issue: "monitors API, issue 15",
    what: "The monitors of your projects, a timeline of the changes each one found, and the last diff.",
  });
}
