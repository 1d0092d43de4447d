/**
 * The server's commands: their names, the checks of their arguments, and what they produce
 * (a template insert, the readiness report, the page to show). Pure: the server applies the
 * edits and shows the pages.
 */
import * as path from 'node:path';
import type { Position, TextEdit } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../../lib/index.js';
import { clampPosition } from '../convert.js';
import { insertBlockEdit } from '../edits.js';
import type { Engine } from '../engine.js';

export const COMMANDS = {
  insertTemplate: 'partnerlint.insertTemplate',
  readinessReport: 'partnerlint.readinessReport',
  lintWorkspace: 'partnerlint.lintWorkspace',
  showRuleDocs: 'partnerlint.showRuleDocs',
  fixAll: 'partnerlint.fixAll',
  openLinked: 'partnerlint.openLinkedDocument',
} as const;

/** Why the editor did not apply an edit the server asked for. */
export const CANNOT_APPLY = 'The editor cannot apply edits from the server.';

/** The outcome of an edit the server asked the editor to apply. */
export function applied(response: { applied: boolean; failureReason?: string }): { applied: boolean; reason?: string } {
  return response.applied ? { applied: true } : { applied: false, reason: response.failureReason ?? 'The editor did not apply the edit.' };
}

/** `partnerlint.insertTemplate [uri, templateId, position?]`: the document's uri, the template and the line to insert at. */
export function insertTemplateArgs(args: readonly unknown[]): { uri: unknown; templateId: unknown; position: Position | undefined } {
  const [uri, templateId, position] = args as [unknown, unknown, Position | undefined];
  return { uri, templateId, position };
}

/**
 * The edit inserting a template as its own block, its headings at the document's section level:
 * at the line of `position`, or at the end of the document.
 */
export function insertTemplateEdit(
  document: TextDocument,
  templateId: string,
  sectionLevel: number | undefined,
  position: Position | undefined,
  engine: Pick<Engine, 'renderTemplate'>,
): { label: string; edit: TextEdit } {
  const block = engine.renderTemplate(templateId, { format: 'text', headingLevel: sectionLevel ?? 2 });
  const line = position && typeof position.line === 'number' ? clampPosition(document, position).line : undefined;
  return { label: `Insert ${templateId} template`, edit: insertBlockEdit(document, block, line) };
}

/** `partnerlint.fixAll [uri, version?]`: why the command is refused for this document, or undefined. */
export function fixAllRefusal(version: unknown, document: TextDocument): string | undefined {
  if (version !== undefined && version !== null && typeof version !== 'number') return 'The version argument must be a number.';
  if (typeof version === 'number' && version !== document.version) return `The document changed (version ${document.version}, expected ${version}).`;
  return undefined;
}

/** `partnerlint.readinessReport [uri, { format?, lineCommand? }]`: the options, checked. */
export interface ReportOptions {
  html: boolean;
  /** A client command line references run (a `command:` link), when it names one. */
  lineCommand?: string;
}

export function reportOptions(arg: unknown): ReportOptions {
  const options = (typeof arg === 'object' && arg !== null ? arg : {}) as { format?: unknown; lineCommand?: unknown };
  const lineCommand = typeof options.lineCommand === 'string' && /^[\w.-]+$/.test(options.lineCommand) ? options.lineCommand : undefined;
  return { html: options.format === 'html', ...(lineCommand ? { lineCommand } : {}) };
}

/** The readiness report of a document's result: markdown, or an HTML page labelled with the file's name. */
export function readinessReport(
  uri: string,
  filePath: string | undefined,
  result: LintResult,
  options: ReportOptions,
  engine: Pick<Engine, 'readinessReport' | 'readinessReportHtml'>,
): string {
  if (options.html) {
    const { lineCommand } = options;
    const label = path.basename(filePath ?? uri);
    return engine.readinessReportHtml(result, label, {
      ...(lineCommand ? { lineLink: (_document, line) => `command:${lineCommand}?${encodeURIComponent(JSON.stringify([uri, line]))}` } : {}),
    });
  }
  if (!result.isPlan) return `# Readiness\n\nThis document is not a partnership plan: ${result.detection}\n`;
  return engine.readinessReport(result);
}

/** `partnerlint.openLinkedDocument [uri]`: the page to open, or undefined. */
export function linkedPage(args: readonly unknown[]): string | undefined {
  const uri = args[0];
  return typeof uri === 'string' && uri !== '' ? uri : undefined;
}
