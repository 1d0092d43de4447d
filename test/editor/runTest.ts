/**
 * Runs the editor tests in a desktop VS Code with @vscode/test-electron.
 *
 * VS Code itself must be available: set VSCODE_EXECUTABLE_PATH to an
 * installed `code` binary, or set PARTNERLINT_VSCODE_DOWNLOAD=1 (optionally
 * PARTNERLINT_VSCODE_VERSION) on a machine that may download it from
 * update.code.visualstudio.com. Without either, the run stops at once and says
 * so. (The same suite runs inside code-server; see the README.)
 *
 * The fixture folder is copied to a temporary directory and opened as the
 * workspace, so the tests never change files in the repository.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

// out/test-editor/runTest.js -> repository root
const root = path.resolve(__dirname, '..', '..');

function fail(message: string): never {
  console.error(`test:electron: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const bundle = path.join(root, 'dist', 'extension.cjs');
  if (!fs.existsSync(bundle) || !fs.existsSync(path.join(root, 'dist', 'server.cjs'))) {
    fail('dist/extension.cjs or dist/server.cjs is missing; run `npm run bundle` first.');
  }
  const executable = process.env.VSCODE_EXECUTABLE_PATH;
  const mayDownload = process.env.PARTNERLINT_VSCODE_DOWNLOAD === '1';
  if (executable && !fs.existsSync(executable)) fail(`VSCODE_EXECUTABLE_PATH=${executable} does not exist.`);
  if (!executable && !mayDownload) {
    fail(
      [
        'no VS Code to run the tests in.',
        '  Set VSCODE_EXECUTABLE_PATH=/path/to/code to use an installed VS Code, or',
        '  set PARTNERLINT_VSCODE_DOWNLOAD=1 where downloading VS Code from update.code.visualstudio.com is allowed.',
        '  (This machine may only reach the npm registry; run the same suite in code-server instead.)',
      ].join('\n'),
    );
  }

  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerlint-editor-'));
  const workspace = path.join(temp, 'workspace');
  fs.cpSync(path.join(root, 'test', 'editor', 'fixtures', 'workspace'), workspace, { recursive: true });
  try {
    const code = await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version: process.env.PARTNERLINT_VSCODE_VERSION || 'stable' }),
      extensionDevelopmentPath: root,
      // With the file extension: VS Code 1.9x imports the test entry as an ES module when the package is "type": "module".
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      extensionTestsEnv: { PARTNERLINT_EDITOR_FIXTURES: workspace },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(temp, 'user-data')}`,
      ],
    });
    process.exitCode = code;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    fail(
      mayDownload && !executable
        ? `could not download or start VS Code (${message}). Is update.code.visualstudio.com reachable from here?`
        : `the editor tests failed: ${message}`,
    );
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

void main();
