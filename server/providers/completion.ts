/**
 * Completion on a heading line: the section templates the document lacks (every template when
 * it is not a plan), and whole-plan templates as the title of an otherwise empty document.
 * Pure: from the document, its analysis and the client's support to LSP data.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../../lib/index.js';
import { clampPosition } from '../convert.js';
import { lineText } from '../edits.js';
import type { Engine } from '../engine.js';

const HEADING_LINE = /^(#{1,6})(?:[ \t]+(.*))?$/;

/** The heading being typed at the cursor. */
export interface HeadingContext {
  /** 0-based line of the heading. */
  line: number;
  /** The `#` marks. */
  marks: string;
  /** What follows the marks, trimmed and lower-cased. */
  typed: string;
  /** The whole line: a template replaces it. */
  replace: Range;
  /** The heading is all the document holds. */
  emptyDocument: boolean;
}

/** The heading at the position (clamped to the document), when the cursor is past its marks; undefined elsewhere. */
export function headingAt(document: TextDocument, at: Position): HeadingContext | undefined {
  const position = clampPosition(document, at);
  const line = lineText(document, position.line);
  const heading = HEADING_LINE.exec(line);
  if (!heading || position.character < heading[1].length) return undefined;
  return {
    line: position.line,
    marks: heading[1],
    typed: (heading[2] ?? '').trim().toLowerCase(),
    replace: { start: { line: position.line, character: 0 }, end: { line: position.line, character: line.length } },
    emptyDocument: document.getText().trim() === line.trim(),
  };
}

export interface CompletionOptions {
  engine: Pick<Engine, 'templates' | 'templatesMissingFrom' | 'renderTemplate'>;
  /** The client takes snippets (tab stops in the inserted section). */
  snippets: boolean;
}

/**
 * The templates offered at the heading, given the document's result (undefined when there is
 * none, as for an empty document): a section template only for a section the document lacks.
 */
export function completions(heading: HeadingContext, result: LintResult | undefined, options: CompletionOptions): CompletionItem[] {
  const { engine, snippets } = options;
  const level = heading.marks.length;
  // The heading being typed is not a section the document already has.
  const has = (result?.topics ?? []).filter((t) => t.line !== heading.line + 1).map((t) => t.topic);
  const available = result?.isPlan ? engine.templatesMissingFrom(has) : engine.templates;
  // Sections at any level; whole-plan templates only as the title of an otherwise empty document.
  const offered = available.filter((t) => (t.wholePlan ? level === 1 && heading.emptyDocument : true));
  const items: CompletionItem[] = [];
  for (const template of offered) {
    const preview = engine.renderTemplate(template.id, { format: 'text', headingLevel: level });
    if (!/^#{1,6} /.test(preview)) continue; // a line to add to a section, not a section
    const newText = snippets ? engine.renderTemplate(template.id, { format: 'snippet', headingLevel: level }) : preview;
    const preferred = heading.typed !== '' && template.title.toLowerCase().startsWith(heading.typed);
    items.push({
      label: template.title,
      kind: CompletionItemKind.Snippet,
      detail: template.description,
      documentation: { kind: MarkupKind.Markdown, value: preview },
      filterText: `${heading.marks} ${template.title}`,
      sortText: `${preferred ? 0 : 1}${template.title}`,
      preselect: preferred || undefined,
      insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range: heading.replace, newText },
      data: { templateId: template.id },
    });
  }
  return items;
}
