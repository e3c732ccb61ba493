// Adds up the vitest JSON reports of a CI run into one closing line: "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';

const [dir, ...failedSteps] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  console.log(
    `${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`,
  );
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
// A step that failed without failing a test (lint, types, a crash) still fails the run.
const stepFailures = failedSteps.filter(Boolean);
if (stepFailures.length > 0) console.log(`failed steps: ${stepFailures.join(', ')}`);
if (stepFailures.length > 0 && failed === 0) failed = stepFailures.length;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(stepFailures.length > 0 || failed > 0 ? 1 : 0);
