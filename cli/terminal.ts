/**
 * Writing for a terminal: whether to colour, how wide the lines may be, word wrapping by
 * display width, and making text from documents and file names safe to print.
 */

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  underline: '\u001b[4m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  green: '\u001b[32m',
  cyan: '\u001b[36m',
} as const;

export type Style = keyof typeof ANSI;
export type Paint = (text: string, ...styles: Style[]) => string;

export function painter(color: boolean): Paint {
  if (!color) return (text) => text;
  return (text, ...styles) => (styles.length && text ? styles.map((s) => ANSI[s]).join('') + text + ANSI.reset : text);
}

/**
 * Colours: forced by --color / --no-color; else off when NO_COLOR is set (not empty); else on
 * when FORCE_COLOR is set (not empty, 0 or false); else on when stdout is a terminal.
 */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, stdout: { isTTY?: boolean }): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  return stdout.isTTY === true;
}

/** Output narrower than this is not attempted: messages still get this many columns. */
export const MIN_WIDTH = 40;
/** Lines are wrapped to this many columns when stdout is not a terminal. */
export const DEFAULT_WIDTH = 80;

/** The width to wrap to: COLUMNS when set to a whole number, else the terminal's width, else 80. */
export function terminalWidth(env: NodeJS.ProcessEnv, stdout: { isTTY?: boolean; columns?: number }): number {
  const setting = env.COLUMNS?.trim();
  const fromEnv = setting && /^\d+$/.test(setting) ? Number(setting) : 0;
  const columns = fromEnv || (stdout.isTTY && stdout.columns) || DEFAULT_WIDTH;
  return Math.max(MIN_WIDTH, columns);
}

/**
 * Control characters (C0 but tab and newline, DEL, C1) and the bidirectional overrides that can
 * reorder what a terminal shows. A file name or a document can hold any of them.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a document or a file name made safe to print: escape sequences and other control
 * characters are shown as `\x1B` (`\u202E`) instead of reaching the terminal; tabs become spaces.
 * Newlines are kept only with `keepNewlines` (messages of several lines on stderr).
 */
export function terminalText(text: string, options: { keepNewlines?: boolean } = {}): string {
  const safe = text.replace(/\t/g, ' ').replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`;
  });
  return options.keepNewlines ? safe.replace(/\r\n?/g, '\n') : safe.replace(/\s*[\r\n]+\s*/g, ' ');
}

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

/** Columns a character takes: 0 for combining marks and format characters, 2 for wide ones (East Asian, emoji), else 1. */
function charWidth(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code < 0x300) return 1;
  if (ZERO_WIDTH.test(ch)) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Columns the text takes on a terminal (no escape sequences in it). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/**
 * Word-wraps text to lines of at most `width` columns; a word longer than that is cut. The
 * first line may have less room (`firstWidth`), e.g. when a label precedes it.
 */
export function wrap(text: string, width: number, firstWidth = width): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const room = (): number => (lines.length === 0 ? firstWidth : width);
  const flush = (): void => {
    lines.push(line);
    line = '';
    lineWidth = 0;
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    let restWidth = displayWidth(word);
    if (lineWidth > 0 && lineWidth + 1 + restWidth > room()) flush();
    if (lineWidth > 0) {
      line += ' ';
      lineWidth++;
    }
    // A word wider than a whole line is cut where the line ends.
    while (lineWidth + restWidth > room()) {
      let cut = '';
      let cutWidth = 0;
      for (const ch of rest) {
        const w = charWidth(ch);
        if (lineWidth + cutWidth + w > room() && (cut || lineWidth > 0)) break;
        cut += ch;
        cutWidth += w;
      }
      line += cut;
      flush();
      rest = rest.slice(cut.length);
      restWidth -= cutWidth;
    }
    line += rest;
    lineWidth += restWidth;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
