/**
 * A vitest reporter for scripts/test.mjs: appends one line per test file started or ended and
 * per test finished to the file named by ZUSAMMEN_TEST_PROGRESS, so that `npm test` can tell a
 * run that stalls (no test finishes for minutes) from a slow one, and name the files then running.
 */
import { appendFileSync } from "node:fs";

const file = process.env.ZUSAMMEN_TEST_PROGRESS;
const write = (line) => {
  if (file) appendFileSync(file, `${line}\n`);
};

export default class TestProgress {
  onTestModuleQueued(module) {
    write(`start ${module.moduleId}`);
  }
  onTestCaseResult() {
    write("test");
  }
  onTestModuleEnd(module) {
    write(`end ${module.moduleId}`);
  }
}
