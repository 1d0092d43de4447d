#!/usr/bin/env node
// Partnerlint language server. Usage: partnerlint-server [--stdio | --node-ipc | --socket=PORT]
const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  const { VERSION } = await import('../out/lib/index.js');
  process.stdout.write(`${VERSION}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    'Usage: partnerlint-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\n' +
      'Starts the Partnerlint language server (stdio by default). Editors start it for you;\n' +
      'see the README for VS Code, Neovim and Helix.\n',
  );
} else {
  await import('../out/server/main.js');
}
