// npm test — every check: types, lint, unit + integration tests (SQLite, and
// PostgreSQL when it answers; REQUIRE_POSTGRES=1 makes it mandatory) and the
// Playwright journeys in Chromium. Prepares the machine first (machine-setup.mjs).
// Ends with one summary line of all tests.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { ensurePackages, ensurePostgres } from "./machine-setup.mjs";
import { ensureDependencies, run } from "./run-steps.mjs";

const env = { NEXT_TELEMETRY_DISABLED: "1" };
let failure;

const step = (title, fn) => {
  if (failure) return;
  console.log(`\n━━ ${title}`);
  try {
    fn();
  } catch (err) {
    failure = `${title}: ${err.message}`;
  }
};

rmSync("test-results", { recursive: true, force: true });
step("machine (Chromium, swaks, Dovecot, PostgreSQL)", () => {
  ensurePackages();
  ensurePostgres();
});
step("dependencies", ensureDependencies);
step("typecheck (tsc --noEmit)", () => run("npx", ["tsc", "--noEmit"], { env }));
step("lint (eslint)", () => run("npx", ["eslint", ".", "--max-warnings=0"], { env }));
step("layers (dependency-cruiser: imports point down, no cycles)", () =>
  run("npm", ["run", "--silent", "lint:layers"], { env }),
);
step("unit and integration tests (vitest)", () =>
  run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"], {
    env,
  }),
);
step("end-to-end journeys (playwright, chromium)", () => run("npx", ["playwright", "test"], { env }));

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync("test-results/vitest.json")) {
  const v = JSON.parse(readFileSync("test-results/vitest.json", "utf8"));
  counts.passed += v.numPassedTests;
  counts.failed += v.numFailedTests;
  counts.skipped += v.numPendingTests + v.numTodoTests;
}
if (existsSync("test-results/playwright.json")) {
  const p = JSON.parse(readFileSync("test-results/playwright.json", "utf8")).stats;
  counts.passed += p.expected + p.flaky;
  counts.failed += p.unexpected;
  counts.skipped += p.skipped;
}
if (failure) console.error(`\n✗ ${failure}`);
console.log(
  `\ntests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`,
);
process.exit(failure || counts.failed ? 1 : 0);
