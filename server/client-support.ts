/** What the client said it can do (its capabilities) and what it asked for at start (`initializationOptions`). */
import { MarkupKind, type ClientCapabilities } from 'vscode-languageserver/node.js';

export interface ClientSupport {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  codeLensRefresh: boolean;
  configuration: boolean;
  dynamicConfiguration: boolean;
  dynamicWatchedFiles: boolean;
  showDocument: boolean;
  workDoneProgress: boolean;
  documentChanges: boolean;
  applyEdit: boolean;
  snippets: boolean;
  markdownHover: boolean;
  workspaceFolders: boolean;
}

export function readSupport(c: ClientCapabilities): ClientSupport {
  return {
    pullDiagnostics: c.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: c.workspace?.diagnostics?.refreshSupport === true,
    codeLensRefresh: c.workspace?.codeLens?.refreshSupport === true,
    configuration: c.workspace?.configuration === true,
    dynamicConfiguration: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    dynamicWatchedFiles: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    showDocument: c.window?.showDocument?.support === true,
    workDoneProgress: c.window?.workDoneProgress === true,
    documentChanges: c.workspace?.workspaceEdit?.documentChanges === true,
    applyEdit: c.workspace?.applyEdit === true,
    snippets: c.textDocument?.completion?.completionItem?.snippetSupport === true,
    markdownHover: (c.textDocument?.hover?.contentFormat ?? [MarkupKind.Markdown]).includes(MarkupKind.Markdown),
    workspaceFolders: c.workspace?.workspaceFolders === true,
  };
}

/** Options a client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /** Settings used when the client cannot answer `workspace/configuration` (`partnerlint` is accepted too, as Helix sends its `config` table). */
  settings?: unknown;
  partnerlint?: unknown;
  /** Command the readiness CodeLens runs (default `partnerlint.readinessReport`, handled by this server). */
  readinessCommand?: string;
  /** Send `partnerlint/readiness` after each analysis (the score, kind and summary as data, for a status bar). */
  readinessNotifications?: boolean;
  /**
   * Command the "Show documentation" action runs, with `[ruleId, docsUrl]` (default
   * `partnerlint.showRuleDocs`, handled by this server: it asks the client to show the page).
   */
  ruleDocsCommand?: string;
}
