// Render an HTML report to a PNG in headless Chromium, as a person would see it, so a change
// to the report's layout can be looked at (not a test: scripts/screenshot-report.sh runs it).
//
// Usage: node tests/browser/screenshot.mjs REPORT.html OUT.png [WIDTH]   (default width 1280)
import { chromium } from "playwright-core";
import path from "node:path";
import { mkdirSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [input, output, width = "1280"] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node tests/browser/screenshot.mjs REPORT.html OUT.png [WIDTH]");
  process.exit(2);
}
mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, locale: "en-GB" });
  await page.goto(pathToFileURL(path.resolve(input)).href);
  // Anything wider than the window would scroll sideways: say so.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.screenshot({ path: output, fullPage: true });
  // And the page in window-high parts (OUT-1.png, OUT-2.png ...), easier to read than one tall image.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const w = Number(width);
  for (let y = 0, i = 1; y < height; y += 1200, i++) {
    const part = output.replace(/\.png$/, `-${i}.png`);
    await page.screenshot({ path: part, fullPage: true, clip: { x: 0, y, width: w, height: Math.min(1200, height - y) } });
  }
  console.log(`${output}: ${width} px wide${overflow > 0 ? `, ${overflow} px too wide` : ""}`);
} finally {
  await browser.close();
}
