/**
 * Where the extension gets its templates: from the language server when it
 * offers `partnerlint.listTemplates` / `partnerlint.renderTemplate`, else from
 * `dist/templates.json`, which the bundle step renders from the engine. Either
 * way the extension host itself never loads the analysis engine.
 */
import * as vscode from 'vscode';
import { SERVER_COMMANDS, type TemplateFormat, type TemplateInfo } from './protocol.js';

/** Shape of dist/templates.json (written by scripts/bundle.mjs). */
export interface BundledTemplates {
  version: string;
  /** Heading levels rendered for each template, e.g. [1, 2, 3, 4, 5, 6]. */
  headingLevels: number[];
  templates: Array<TemplateInfo & { rendered: Record<TemplateFormat, Record<string, string>> }>;
}

/** Runs a server command; undefined when the server does not offer it or fails. */
export type ServerCommandRunner = (command: string, args: unknown[]) => Promise<unknown>;

export class TemplateSource {
  private bundled: Promise<BundledTemplates | undefined> | undefined;

  constructor(
    private readonly bundleFile: vscode.Uri,
    private readonly runServerCommand: ServerCommandRunner,
    private readonly serverOffers: (command: string) => boolean,
  ) {}

  private loadBundled(): Promise<BundledTemplates | undefined> {
    this.bundled ??= (async () => {
      try {
        const bytes = await vscode.workspace.fs.readFile(this.bundleFile);
        return JSON.parse(new TextDecoder().decode(bytes)) as BundledTemplates;
      } catch {
        return undefined;
      }
    })();
    return this.bundled;
  }

  async list(): Promise<TemplateInfo[]> {
    if (this.serverOffers(SERVER_COMMANDS.listTemplates)) {
      const fromServer = await this.runServerCommand(SERVER_COMMANDS.listTemplates, []).catch(() => undefined);
      if (Array.isArray(fromServer) && fromServer.every(isTemplateInfo)) return fromServer;
    }
    const bundled = await this.loadBundled();
    if (!bundled) return [];
    return bundled.templates.map(({ rendered: _rendered, ...info }) => info);
  }

  /** The template's text at a heading level; undefined for an unknown template. */
  async render(id: string, format: TemplateFormat, headingLevel: number): Promise<string | undefined> {
    const level = Math.min(6, Math.max(1, Math.round(headingLevel)));
    if (this.serverOffers(SERVER_COMMANDS.renderTemplate)) {
      const fromServer = await this.runServerCommand(SERVER_COMMANDS.renderTemplate, [{ id, format, headingLevel: level }]).catch(
        () => undefined,
      );
      if (typeof fromServer === 'string') return fromServer;
    }
    const bundled = await this.loadBundled();
    const template = bundled?.templates.find((t) => t.id === id);
    if (!template) return undefined;
    const byLevel = template.rendered[format];
    return byLevel[String(level)] ?? byLevel['2'];
  }
}

function isTemplateInfo(value: unknown): value is TemplateInfo {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.title === 'string';
}
