// Chromium flags shared by the browser-driven checks: no sandbox (root in a container), no GPU,
// no network other than the local code-server, nothing from a user profile.
// (playwright adds --headless and a fresh --user-data-dir per launch.)
export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];
