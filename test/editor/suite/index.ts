/**
 * Entry point of the editor tests, in the shape VS Code's test runner expects
 * (`extensionTestsPath`): exports run(), which runs every *.test.js next to it
 * with mocha inside the extension host.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: 90_000,
    reporter: process.env.PARTNERLINT_EDITOR_REPORTER || 'spec',
    grep: process.env.PARTNERLINT_EDITOR_GREP || undefined,
  });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} editor test(s) failed.`)) : resolve()));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
