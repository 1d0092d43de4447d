/**
 * What the server keeps per document: the open documents and their versions, the last
 * finished analysis of each, the analysis under way, and the settings each was read with.
 * No analysis and no connection here: the server (server.ts) fills and reads this state.
 */
import { TextDocuments, type Diagnostic, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../lib/index.js';
import type { PartnerlintSettings } from './settings.js';

/** One analysis of one document version. */
export interface Analysis {
  /** Unique to this analysis (pull diagnostics' result id). */
  id: number;
  version: number;
  /** Settings/config generation the analysis was made under. */
  generation: number;
  /** null when the document was not analysed (disabled, too large, failed). */
  result: LintResult | null;
  diagnostics: Diagnostic[];
  text: string;
  settings: PartnerlintSettings;
  /** Resolves once `result` holds its sections, benchmarks, topics and outline (see analysis.ts): true, or false when they will not come. */
  complete?: Promise<boolean>;
}

export interface DocState {
  /** Bumped on each change; a debounced run whose generation is old does nothing. */
  changeGeneration: number;
  timer?: NodeJS.Timeout;
  /** The last finished analysis. */
  analysis?: Analysis;
  running?: { version: number; text: string; generation: number; promise: Promise<Analysis | undefined> };
  settings?: Promise<PartnerlintSettings>;
  lastSettings?: PartnerlintSettings;
  openedVersion?: number;
  /** Set by the open event, cleared by the content event that follows it. */
  opening?: boolean;
  loggedFailure?: string;
}

/**
 * True when the analysis is of the document as it is now: the same version
 * and the same text. A client may send a change without raising the
 * version, so the version alone does not say the text is the same.
 */
export function isCurrent(analysis: { version: number; text: string }, document: TextDocument | undefined): document is TextDocument {
  return document !== undefined && analysis.version === document.version && analysis.text === document.getText();
}

/** The open documents (as the client sent them) and the state kept for each. */
export class DocumentStore {
  readonly documents: TextDocuments<TextDocument>;
  private readonly states = new Map<string, DocState>();

  /**
   * `onEdit` sees each change as the client sent it, or null when a change could not be
   * applied (whoever mirrors the text then needs it whole).
   */
  constructor(onEdit: (uri: string, changes: TextDocumentContentChangeEvent[] | null) => void) {
    this.documents = new TextDocuments<TextDocument>({
      create: TextDocument.create,
      update(document, changes, version) {
        let updated: TextDocument;
        try {
          updated = TextDocument.update(document, changes, version);
        } catch (error) {
          onEdit(document.uri, null);
          throw error;
        }
        onEdit(document.uri, changes);
        return updated;
      },
    });
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  /** The document's state, created empty on first use. */
  state(uri: string): DocState {
    let st = this.states.get(uri);
    if (!st) {
      st = { changeGeneration: 0 };
      this.states.set(uri, st);
    }
    return st;
  }

  /** The document's state when there is one. */
  existing(uri: string): DocState | undefined {
    return this.states.get(uri);
  }

  /** Drops everything kept for the document (a pending debounce included). */
  forget(uri: string): void {
    const st = this.states.get(uri);
    if (st?.timer) clearTimeout(st.timer);
    this.states.delete(uri);
  }

  /** Forgets every finished analysis (settings or config changed). */
  dropAnalyses(): void {
    for (const st of this.states.values()) st.analysis = undefined;
  }

  /** Forgets every document's settings: the next request reads them again. */
  dropSettings(): void {
    for (const st of this.states.values()) st.settings = undefined;
  }

  /** Stops every pending debounce (shutdown). */
  stopTimers(): void {
    for (const st of this.states.values()) if (st.timer) clearTimeout(st.timer);
  }

  /**
   * The document's settings, read once with `read` and kept until `dropSettings`; the last
   * ones read stay in `lastSettings` for decisions that cannot wait (debounce, run mode).
   */
  settingsFor(uri: string, read: () => Promise<PartnerlintSettings>): Promise<PartnerlintSettings> {
    const st = this.state(uri);
    if (!st.settings) {
      st.settings = read().then((settings) => {
        st.lastSettings = settings;
        return settings;
      });
    }
    return st.settings;
  }
}
