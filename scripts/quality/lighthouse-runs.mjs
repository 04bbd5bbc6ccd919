// Lighthouse (mobile preset) on several addresses with one Chromium and one Node process:
// node scripts/quality/lighthouse-runs.mjs <chromium> <out.json> <url> [<url> ...]
// Called by scripts/quality/audit.py; starting Node, Lighthouse and Chromium once instead of once
// per address saves about three seconds a run on a two-core machine.
// Writes, per address and in order: the four category scores (0-1), each category's
// weighted audits that did not pass, the render-blocking resources and three metrics.
import { writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const [chromePath, outPath, ...urls] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const out = [];
try {
  for (const url of urls) {
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      // Screenshots are for people reading a report; the scores do not use them.
      disableFullPageScreenshot: true,
      // bf-cache navigates away and back again to test the back/forward cache: seconds per
      // run for an audit that carries no weight in any category score.
      skipAudits: ["screenshot-thumbnails", "final-screenshot", "bf-cache"],
    });
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audits = lhr.audits;
    const result = { url, scores: {}, failing: {}, blocking: [], metrics: {} };
    for (const [name, category] of Object.entries(lhr.categories)) {
      result.scores[name] = category.score ?? 0;
      result.failing[name] = category.auditRefs
        .filter((ref) => ref.weight && (audits[ref.id].score ?? 0) < 1)
        .map((ref) => ref.id);
    }
    const blocking = audits["render-blocking-resources"]?.details?.items ?? [];
    result.blocking = blocking.map((item) => item.url);
    for (const id of ["total-blocking-time", "largest-contentful-paint", "speed-index"]) {
      result.metrics[id] = Math.round(audits[id]?.numericValue ?? 0);
    }
    out.push(result);
  }
} finally {
  await chrome.kill();
}
writeFileSync(outPath, JSON.stringify(out));
