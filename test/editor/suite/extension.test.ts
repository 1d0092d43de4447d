/**
 * The extension in a real VS Code (or code-server) extension host: activation,
 * diagnostics with rule codes and exact UTF-16 ranges, a quick fix, the
 * readiness CodeLens and status bar, the commands, and a setting.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CLIENT_COMMANDS,
  EXTENSION_ID,
  type ExtensionApi,
  fixtureText,
  fixtureUri,
  hasRule,
  lacksRule,
  openUntitledMarkdown,
  readinessLens,
  ruleOf,
  scoreInReport,
  setUserSetting,
  showFile,
  waitForDiagnostics,
  waitForEvent,
} from './helpers';

const RULE_ID = /^[a-z]+(-[a-z]+)*$/;

interface BundledTemplates {
  templates: Array<{ id: string; title: string; wholePlan?: boolean; rendered: Record<'snippet' | 'text', Record<string, string>> }>;
}

suite('Partnerlint extension', function () {
  this.timeout(90_000);

  const planUri = fixtureUri('reseller-plan.md');
  let api: ExtensionApi;
  let extension: vscode.Extension<ExtensionApi>;

  suiteSetup(async () => {
    const found = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is installed`);
    extension = found;
  });

  suiteTeardown(async () => {
    await setUserSetting('rules', undefined);
  });

  test('activates by itself when a markdown plan is opened, and lints it', async () => {
    if (!vscode.workspace.textDocuments.some((d) => d.languageId === 'markdown')) {
      assert.equal(extension.isActive, false, 'not active before any markdown document is open');
    }
    await showFile(planUri);
    // Diagnostics can only come from the extension's server: they prove it activated on markdown.
    const diagnostics = await waitForDiagnostics(planUri, hasRule('exit-criteria'), 'the exit-criteria finding');
    assert.equal(extension.isActive, true);
    api = extension.exports;
    await api.ready;
    for (const d of diagnostics) assert.match(ruleOf(d) ?? '', RULE_ID, 'every diagnostic carries its rule id as code');
    const commands = await vscode.commands.getCommands(true);
    for (const command of Object.values(CLIENT_COMMANDS)) assert.ok(commands.includes(command), `${command} is registered`);
  });

  test('diagnostics sit on the text that caused them, in UTF-16 columns', async () => {
    const diagnostics = await waitForDiagnostics(planUri, hasRule('margin-range'), 'the margin-range finding');
    const margin = diagnostics.find((d) => ruleOf(d) === 'margin-range');
    assert.ok(margin);
    const lines = fixtureText('reseller-plan.md').split('\n');
    const line = lines.findIndex((l) => l.includes('🚀'));
    const start = lines[line].indexOf('45%'); // UTF-16 index: the emoji counts as two
    assert.deepEqual(
      [margin.range.start.line, margin.range.start.character, margin.range.end.line, margin.range.end.character],
      [line, start, line, start + 3],
    );
    assert.equal(margin.severity, vscode.DiagnosticSeverity.Warning);
    const exit = diagnostics.find((d) => ruleOf(d) === 'exit-criteria');
    assert.ok(exit);
    const title = lines.findIndex((l) => l.startsWith('# '));
    assert.equal(exit.range.start.line, title, 'a missing topic sits on the plan title');
    const code = exit.code as { value: string; target: vscode.Uri };
    assert.equal(typeof code, 'object', 'the code links to the rule documentation');
    assert.match(code.target.toString(), /exit-criteria\.md$/);
  });

  test('the readiness CodeLens shows the score of the report, and so does the status bar', async () => {
    const editor = await showFile(planUri);
    await waitForDiagnostics(planUri, (d) => d.length > 0, 'diagnostics');
    const found = await readinessLens(planUri);
    assert.ok(found, 'a readiness lens on the plan title');
    const title = fixtureText('reseller-plan.md').split('\n').findIndex((l) => l.startsWith('# '));
    assert.equal(found.lens.range.start.line, title);
    assert.equal(found.lens.command?.command, CLIENT_COMMANDS.showReadinessReport, 'clicking the lens opens the report');

    const report = await vscode.commands.executeCommand<string>(CLIENT_COMMANDS.showReadinessReport, editor.document.uri);
    assert.equal(typeof report, 'string');
    assert.equal(scoreInReport(report), found.score, 'lens and report agree');
    const tabLabels = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
    await waitForEvent(
      vscode.window.tabGroups.onDidChangeTabs,
      () => tabLabels().some((label) => label.includes('Readiness report - reseller-plan')),
      'the report to open in the markdown preview',
    ).catch((error: Error) => assert.fail(`${error.message}; tabs: ${tabLabels().join(' | ')}`));

    await vscode.window.showTextDocument(editor.document);
    await waitForEvent(api.readiness.onDidChangeScore, () => api.readiness.scoreOf(planUri) === found.score, 'the status bar score');
    assert.equal(api.readiness.shownText, `$(checklist) Readiness ${found.score}/100`);
  });

  test('a quick fix from the server applies and clears its finding', async () => {
    const editor = await openUntitledMarkdown(fixtureText('reseller-plan.md'));
    const uri = editor.document.uri;
    assert.equal(uri.scheme, 'untitled');
    const diagnostics = await waitForDiagnostics(uri, hasRule('exit-criteria'), 'exit-criteria on the untitled copy');
    const finding = diagnostics.find((d) => ruleOf(d) === 'exit-criteria');
    assert.ok(finding);
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        finding.range,
        vscode.CodeActionKind.QuickFix.value,
      )) ?? [];
    // (Code actions returned by executeCodeActionProvider do not carry their diagnostics: pick by title.)
    // On the title, several missing sections are offered as one "Insert N missing sections" entry.
    const fix = actions.find((a) => a.edit && (/exit criteria/i.test(a.title) || /^Insert \d+ missing sections$/.test(a.title)) && !/^(Disable|Show documentation)/.test(a.title));
    assert.ok(
      fix?.edit,
      `an exit-criteria fix among: ${actions.map((a) => `${a.title}${a.edit ? '' : ' (no edit)'}`).join(' | ')}`,
    );
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.match(editor.document.getText(), /^#{2,} Exit criteria$/m);
    await waitForDiagnostics(uri, lacksRule('exit-criteria'), 'exit-criteria to go away after the fix');
  });

  test('Fix All applies every safe fix of the active plan', async () => {
    const editor = await openUntitledMarkdown(fixtureText('reseller-plan.md'));
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => hasRule('exit-criteria')(d) && hasRule('deal-reg-sla')(d), 'the fixable findings');
    const result = await vscode.commands.executeCommand<{ applied: boolean; fixes: number }>(CLIENT_COMMANDS.fixAll);
    assert.ok(result?.applied, 'fixes applied');
    assert.ok(result.fixes >= 2, `at least the two safe fixes (got ${result.fixes})`);
    await waitForDiagnostics(
      uri,
      (d) => lacksRule('exit-criteria')(d) && !hasRule('deal-reg-sla')(d),
      'exit-criteria and deal-reg-sla to go away',
    );
    assert.ok(hasRule('margin-range')(await waitForDiagnostics(uri, (d) => d.length > 0, 'the rest')), 'unfixable findings stay');
  });

  test('Insert Template inserts the template at the cursor, at the level of the sections', async () => {
    const original = '# Plan\n\n### Owner\n\nDana runs the program full-time.\n\n### Pilot\n\nSix partners for 120 days.\n';
    const editor = await openUntitledMarkdown(original);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    const inserted = await vscode.commands.executeCommand<string>(CLIENT_COMMANDS.insertTemplate, 'exit-criteria');
    assert.equal(inserted, 'exit-criteria');

    const bundled = JSON.parse(
      fs.readFileSync(path.join(extension.extensionPath, 'dist', 'templates.json'), 'utf8'),
    ) as BundledTemplates;
    const template = bundled.templates.find((t) => t.id === 'exit-criteria');
    assert.ok(template);
    const expected = template.rendered.text['3'];
    assert.match(expected, /^### /, 'rendered for level-3 sections');
    assert.equal(editor.document.getText(), `${original}\n${expected}\n`);
    // Inserted as a snippet: the first placeholder is selected.
    const selected = editor.document.getText(editor.selection);
    const firstPlaceholder = /\$\{1:([^}]*)\}/.exec(template.rendered.snippet['3']);
    assert.ok(firstPlaceholder, 'the template has a first placeholder');
    assert.equal(selected, firstPlaceholder[1]);
  });

  test('New Partnership Plan opens an untitled plan for the archetype and stage, and it is linted', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>(CLIENT_COMMANDS.newPlan, 'referral', 'scale');
    assert.ok(document);
    assert.equal(document.uri.scheme, 'untitled');
    assert.equal(document.languageId, 'markdown');
    const text = document.getText();
    const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(text);
    assert.ok(frontMatter, 'starts with front matter');
    assert.match(frontMatter[1], /^type: partnership-plan$/m);
    assert.match(frontMatter[1], /^archetypes: \[referral\]$/m);
    assert.match(frontMatter[1], /^stage: scale$/m);
    assert.match(text, /^# .*Referral/m, 'the full referral plan template');
    const lens = await readinessLens(document.uri);
    assert.ok(lens, 'the server analysed the untitled plan');
  });

  test('the partnerlint.rules setting turns a rule off and on again', async () => {
    await showFile(planUri);
    await waitForDiagnostics(planUri, hasRule('exit-criteria'), 'exit-criteria before the setting');
    await setUserSetting('rules', { 'exit-criteria': 'off' });
    const after = await waitForDiagnostics(planUri, lacksRule('exit-criteria'), 'exit-criteria to be switched off');
    assert.ok(hasRule('margin-range')(after), 'the other rules still run');
    await setUserSetting('rules', undefined);
    await waitForDiagnostics(planUri, hasRule('exit-criteria'), 'exit-criteria back after the setting is removed');
  });

  test('a document that is not a plan gets no findings, no lens and no score', async () => {
    const notesUri = fixtureUri('notes.md');
    const editor = await showFile(notesUri);
    const report = await vscode.commands.executeCommand<string>(CLIENT_COMMANDS.showReadinessReport, notesUri);
    assert.match(report ?? '', /not a partner(ship)? (program )?plan/i);
    assert.deepEqual(vscode.languages.getDiagnostics(notesUri).filter((d) => d.source === 'partnerlint'), []);
    assert.equal(await readinessLens(notesUri), undefined);
    await vscode.window.showTextDocument(editor.document);
    assert.equal(api.readiness.scoreOf(notesUri), null);
    assert.equal(api.readiness.shownText, undefined);
  });

  test('Lint Workspace lints every markdown file of the folder', async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || !fs.existsSync(path.join(folder.uri.fsPath, 'reseller-plan.md'))) {
      this.skip(); // needs the fixture folder opened as the workspace
      return;
    }
    const result = await vscode.commands.executeCommand<{ files: number; plans: number; findings: number; cancelled: boolean }>(
      CLIENT_COMMANDS.lintWorkspace,
    );
    assert.ok(result);
    assert.equal(result.cancelled, false);
    assert.ok(result.files >= 2, `files: ${result.files}`);
    assert.ok(result.plans >= 1, `plans: ${result.plans}`);
    assert.ok(result.findings > 0);
  });
});
