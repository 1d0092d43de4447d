/**
 * Transport entry of the Partnerlint language server. The transport is picked
 * from the command line: `--stdio`, `--node-ipc` (VS Code), `--socket=N` or
 * `--pipe=NAME`; stdio when none is given. Nothing but the protocol is ever
 * written to stdout. Framing, lifecycle and end-of-input checks: ./transport.ts.
 */
import './v8-flags.js';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startAnalysisThreadEarly } from './analysis.js';
import { createServer } from './server.js';
import { Lifecycle, openTransport } from './transport.js';
import { markProcessStart, watchMessages } from './timing.js';

markProcessStart();
// Loading the analysis thread overlaps the rest of the start-up (see analysis.ts).
startAnalysisThreadEarly();

const transport = openTransport(process.argv.slice(2), (reason) => {
  process.stderr.write(`Partnerlint server: refused its input (${reason}); exiting.\n`);
  // Messages read before the bad one are answered first.
  setTimeout(() => process.exit(1), 200);
});
watchMessages(transport.reader, transport.writer);
const lifecycle = new Lifecycle(transport.writer);
const connection = createConnection(ProposedFeatures.all, transport.reader, transport.writer, { messageStrategy: lifecycle });
// The client closed the input or went away: nothing more can arrive.
transport.onEnd(() => process.exit(lifecycle.shutdownReceived ? 0 : 1));

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

createServer(connection, { analysisThread: true });
connection.listen();
