/**
 * Text edits the server builds itself: inline-control comments (disable a rule
 * for a line or for the file) and template insertions. Only placement
 * mechanics, no analysis.
 */
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { dominantEol, trailingLineEndings, type TextEdit as OffsetEdit } from '../lib/index.js';

const NEXT_LINE_COMMENT = /^(\s*)<!--\s*partnerlint-disable-next-line\b([^>]*?)\s*-->\s*$/;
const FILE_COMMENT = /^(\s*)<!--\s*partnerlint-disable\b(?!-)([^>]*?)\s*-->\s*$/;

export function lineText(document: TextDocument, line: number): string {
  if (line < 0 || line >= document.lineCount) return '';
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/\r?\n$|\r$/, '');
}

/** 0-based line after the closing front-matter fence, or 0 without front matter. */
export function frontMatterEndLine(document: TextDocument): number {
  if (!/^---[ \t]*$/.test(lineText(document, 0))) return 0;
  for (let line = 1; line < document.lineCount; line++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lineText(document, line))) return line + 1;
  }
  return 0;
}

function ruleList(existing: string): string[] {
  return existing.trim().split(/[\s,]+/).filter((id) => id !== '');
}

const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const HEADING = /^ {0,3}#{1,6}(\s|$)/;
const LINE_COMMENT_AT_END = /<!--\s*partnerlint-disable-line\b([^>]*?)\s*-->\s*$/;

/** First and last line of the block (run of non-blank lines) holding `line`. */
function blockAround(document: TextDocument, line: number): { first: number; last: number } {
  let first = line;
  while (first > 0 && lineText(document, first - 1).trim() !== '') first--;
  let last = line;
  while (last + 1 < document.lineCount && lineText(document, last + 1).trim() !== '') last++;
  return { first, last };
}

export interface DisableEdit {
  /** What the edit silences the rule for: the line, or the table holding it. */
  scope: 'line' | 'table';
  edits: TextEdit[];
}

/**
 * Silences `ruleId` for one line without changing how the markdown renders:
 * - a line that starts a block gets `<!-- partnerlint-disable-next-line RULE -->` on its own
 *   line above it (indented like it; an existing comment there is extended);
 * - a line inside a paragraph or list (a comment line there would split the block) gets
 *   `<!-- partnerlint-disable-line RULE -->` at its end;
 * - a table row (a comment line would end the table) gets a disable/enable pair around the table.
 * Returns null inside the front matter, or when the rule is already named there.
 */
export function disableForLineEdit(document: TextDocument, line: number, ruleId: string): DisableEdit | null {
  const fmEnd = frontMatterEndLine(document);
  if (line < fmEnd || line < 0 || line >= document.lineCount) return null;
  const eol = dominantEol(document.getText());
  const current = lineText(document, line);
  const block = blockAround(document, line);
  const first = Math.max(block.first, fmEnd);
  const blockLines: string[] = [];
  for (let l = first; l <= block.last; l++) blockLines.push(lineText(document, l));

  if (current.includes('|') && blockLines.some((l) => l.includes('|') && TABLE_DELIMITER.test(l) && l.includes('-'))) {
    const lastText = lineText(document, block.last);
    return {
      scope: 'table',
      edits: [
        { range: { start: { line: first, character: 0 }, end: { line: first, character: 0 } }, newText: `<!-- partnerlint-disable ${ruleId} -->${eol}` },
        {
          range: { start: { line: block.last, character: lastText.length }, end: { line: block.last, character: lastText.length } },
          newText: `${eol}<!-- partnerlint-enable ${ruleId} -->`,
        },
      ],
    };
  }

  const above = line > fmEnd ? lineText(document, line - 1) : '';
  const existing = NEXT_LINE_COMMENT.exec(above);
  if (existing) {
    const ids = ruleList(existing[2]);
    if (ids.length === 0 || ids.includes(ruleId)) return null;
    return {
      scope: 'line',
      edits: [
        {
          range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: above.length } },
          newText: `${existing[1]}<!-- partnerlint-disable-next-line ${[...ids, ruleId].join(' ')} -->`,
        },
      ],
    };
  }

  const startsBlock = line === first || HEADING.test(current) || HEADING.test(above) || /^\s*<!--.*-->\s*$/.test(above);
  if (startsBlock) {
    const indent = /^[ \t]*/.exec(current)?.[0] ?? '';
    return {
      scope: 'line',
      edits: [
        { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- partnerlint-disable-next-line ${ruleId} -->${eol}` },
      ],
    };
  }

  const atEnd = LINE_COMMENT_AT_END.exec(current);
  if (atEnd) {
    const ids = ruleList(atEnd[1]);
    if (ids.length === 0 || ids.includes(ruleId)) return null;
    const start = atEnd.index;
    return {
      scope: 'line',
      edits: [
        {
          range: { start: { line, character: start }, end: { line, character: current.length } },
          newText: `<!-- partnerlint-disable-line ${[...ids, ruleId].join(' ')} -->`,
        },
      ],
    };
  }
  // Before any trailing spaces, so a hard line break stays one.
  const end = current.replace(/\s+$/, '').length;
  return {
    scope: 'line',
    edits: [{ range: { start: { line, character: end }, end: { line, character: end } }, newText: ` <!-- partnerlint-disable-line ${ruleId} -->` }],
  };
}

/** `<!-- partnerlint-disable RULE -->` right after the front matter (or at the top); extends one already there. */
export function disableFileEdit(document: TextDocument, ruleId: string): TextEdit | null {
  const line = frontMatterEndLine(document);
  const current = lineText(document, line);
  const existing = FILE_COMMENT.exec(current);
  if (existing && line < document.lineCount) {
    const ids = ruleList(existing[2]);
    if (ids.length === 0 || ids.includes(ruleId)) return null;
    return {
      range: { start: { line, character: 0 }, end: { line, character: current.length } },
      newText: `<!-- partnerlint-disable ${[...ids, ruleId].join(' ')} -->`,
    };
  }
  const eol = dominantEol(document.getText());
  if (line >= document.lineCount) {
    // The front matter closes on the last line, with no line break after it.
    const last = document.lineCount - 1;
    const end = { line: last, character: lineText(document, last).length };
    return { range: { start: end, end }, newText: `${eol}<!-- partnerlint-disable ${ruleId} -->${eol}` };
  }
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `<!-- partnerlint-disable ${ruleId} -->${eol}`,
  };
}

/**
 * Inserts a rendered template as its own block at the start of `line` (or at the end of the
 * document when no line is given), with blank lines around it as markdown needs.
 */
export function insertBlockEdit(document: TextDocument, block: string, line?: number): TextEdit {
  const text = document.getText();
  const eol = dominantEol(text);
  const body = block.replace(/\r\n|\r|\n/g, eol).replace(/(\r?\n)+$/, '');
  if (line === undefined || line >= document.lineCount) {
    const end = document.positionAt(text.length);
    const breaks = trailingLineEndings(text);
    const lead = text.length === 0 ? '' : eol.repeat(Math.max(0, 2 - breaks));
    return { range: { start: end, end }, newText: `${lead}${body}${eol}` };
  }
  const target = Math.max(0, line);
  const before = target > 0 ? lineText(document, target - 1) : '';
  const at = lineText(document, target);
  const lead = target > 0 && before.trim() !== '' ? eol : '';
  const tail = at.trim() !== '' ? eol + eol : eol;
  return {
    range: { start: { line: target, character: 0 }, end: { line: target, character: 0 } },
    newText: `${lead}${body}${tail}`,
  };
}

/** Edits of one document as a workspace edit: versioned `documentChanges` when the client takes them, else `changes`. */
export function workspaceEdit(uri: string, version: number | null, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  if (documentChanges) return { documentChanges: [{ textDocument: { uri, version }, edits }] };
  return { changes: { [uri]: edits } };
}

/** The engine's offset edits as LSP edits of the document they were computed for. */
export function toLspEdits(document: TextDocument, edits: readonly OffsetEdit[]): TextEdit[] {
  return edits.map((edit) => ({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText }));
}
