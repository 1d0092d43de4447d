/**
 * Transport entry of the Partnerlint language server. The transport is picked
 * from the command line: `--stdio`, `--node-ipc` (VS Code), `--socket=N` or
 * `--pipe=NAME`; stdio when none is given. Nothing but the protocol is ever
 * written to stdout.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createServer } from './server.js';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.slice(2).some((arg) => TRANSPORTS.some((t) => arg === t || arg.startsWith(`${t}=`)))) {
  process.argv.push('--stdio');
}

const connection = createConnection(ProposedFeatures.all);

// Anything printed by a dependency goes to the client's log, never into the protocol stream.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(' '));
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
console.debug = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));

process.on('uncaughtException', (error) => {
  connection.console.error(`Partnerlint server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
process.on('unhandledRejection', (reason) => {
  connection.console.error(`Partnerlint server: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});

createServer(connection);
connection.listen();
