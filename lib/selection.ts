/**
 * The file system side of the file selection (core/selection.ts): reads ignore
 * files and configs for the walks of the CLI and the language server, which
 * both use this reader, so they select the same files.
 */
import * as fs from 'node:fs';
import * as configCore from '../core/config.js';
import { MAX_IGNORE_FILE_BYTES, type SelectionReader } from '../core/selection.js';
import { allRules } from '../rules/index.js';

export interface SelectionReaderOptions {
  /** A config file used for every folder instead of the nearest `.partnerlintrc.*` (the CLI's `--config`). */
  configFile?: string;
}

/** A `SelectionReader` on the local file system. Each config file is read once. */
export function fileSelectionReader(options: SelectionReaderOptions = {}): SelectionReader {
  const configs = new Map<string, { file: string; ignores: readonly string[] }>();
  return {
    readText(file) {
      try {
        const stat = fs.statSync(file);
        if (!stat.isFile() || stat.size > MAX_IGNORE_FILE_BYTES) return undefined;
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    exists(file) {
      try {
        fs.statSync(file);
        return true;
      } catch {
        return false;
      }
    },
    config(folder) {
      const file = options.configFile ?? configCore.findConfigFile(folder);
      if (!file) return undefined;
      let known = configs.get(file);
      if (!known) {
        // Problems in the file are reported where documents are linted with it.
        known = { file, ignores: configCore.loadConfigFile(file, allRules).config.ignores };
        configs.set(file, known);
      }
      return known;
    },
  };
}
