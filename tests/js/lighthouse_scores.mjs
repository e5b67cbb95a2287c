// Lighthouse (npm, pinned in package.json) over several pages with one Chromium: prints one JSON object,
// {url: {scores: {category: 0..100}, failing: [[category, audit id, score, display value], ...]}}.
// Usage: node tests/js/lighthouse_scores.mjs <mobile|desktop> <url> [<url> ...]  (CHROME_PATH picks the browser).
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import * as chromeLauncher from "chrome-launcher";

const [formFactor, ...urls] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const categories = ["performance", "accessibility", "best-practices", "seo"];
// Audits that weigh nothing in the four scores but cost time on a shared 2-core machine: the back/forward cache
// check (a second navigation) and the screenshots of the report's pictures.
const settings = {
  onlyCategories: categories, disableFullPageScreenshot: true,
  skipAudits: ["bf-cache", "screenshot-thumbnails", "final-screenshot", "valid-source-maps", "script-treemap-data"],
};
const config = formFactor === "desktop"
  ? {...desktopConfig, settings: {...desktopConfig.settings, ...settings}}
  : {extends: "lighthouse:default", settings};
const found = {};
try {
  for (const url of urls) {
    const result = await lighthouse(url, {port: chrome.port, output: "json", logLevel: "error"}, config);
    const lhr = result.lhr;
    const failing = [];
    for (const category of Object.values(lhr.categories)) {
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          failing.push([category.id, ref.id, audit.score, audit.displayValue || ""]);
        }
      }
    }
    found[url] = {
      scores: Object.fromEntries(Object.values(lhr.categories).map(c => [c.id, Math.round(c.score * 100)])),
      failing,
      runtimeError: lhr.runtimeError ? lhr.runtimeError.message : null,
    };
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(found));
