/**
 * The file selection (core/selection.ts): gitignore semantics checked against
 * git itself, config `ignores` globs, `.partnerlintignore` over `.gitignore`,
 * and patterns that would make a regular expression backtrack.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IgnoreGlobs, IgnoreRules, Selection, fileSelectionReader, parseConfigText, type SelectionReader } from '../../lib/index.js';

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnerlint-selection-')));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function write(dir: string, rel: string, text = '# x\n'): void {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** Every file a walk from `root` selects, relative to `root`, sorted; `all` also takes files of any extension that are not ignored. */
function selected(root: string, reader: SelectionReader = fileSelectionReader(), all = false): string[] {
  const out: string[] = [];
  const visit = (dir: string, parent?: Selection): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    const names = entries.map((e) => e.name);
    const selection = parent ? parent.enter(path.basename(dir), names) : Selection.start(dir, reader, names);
    for (const e of entries) {
      if (e.isDirectory()) {
        if (selection.includes(e.name, true)) visit(path.join(dir, e.name), selection);
      } else if (all ? !selection.ignored(e.name, false) : selection.includes(e.name, false)) {
        out.push(path.relative(root, path.join(dir, e.name)).split(path.sep).join('/'));
      }
    }
  };
  visit(root);
  return out.sort();
}

const GIT = spawnSync('git', ['--version']).status === 0;

test('.gitignore files are read as git reads them (checked against git ls-files)', { skip: !GIT && 'git is not installed' }, (t) => {
  const dir = tempDir(t);
  const files = [
    'plan.md', 'top.md', 'a.draft.md', 'keep.draft.md', 'sub/keep.draft.md', 'sub/other.draft.md',
    'build/plan.md', 'src/build/plan.md', 'src/build.md', 'docs/a.md', 'docs/keep.md', 'docs/deep/a.md',
    'a/deep.md', 'a/x/y/deep.md', 'b/deep.md', 'gen/x.md', 'src/gen/x.md', 'note1.md', 'notea.md', 'x.md', 'xy.md',
    '#hash.md', 'trail.md', 'dir/a.md', 'dir/keep.md', 'dir/sub/a.md', 'nested/a.md', 'nested/important.md',
    'nested/inner/important.md', 'nested/inner/b.md', 'ex/a.md', 'ex/keep.md', 'p/q/r/s.md', 'p/r/s.md', 'cls/a-b.md', 'cls/]x.md',
    'cls/!x.md', 'cls/z.md', 'star/abc.md', 'star/a.md', '.hidden/plan.md', 'Upper/Plan.md', 'space .md', 'open[.md',
    'top2/x.md', 'sub/top2/x.md', 'esc/*.md', 'esc/ab.md', 'reinc/deep/a.md', 'reinc/other/a.md',
  ];
  for (const f of files) write(dir, f);
  write(dir, '.gitignore', [
    '# a comment',
    '',
    'build/',
    '*.draft.md',
    '!keep.draft.md',
    '/top.md',
    'a/**/deep.md',
    '**/gen/',
    'docs/*.md',
    '!docs/keep.md',
    'note[0-9].md',
    '/?.md',
    '\\#hash.md',
    'trail.md   ',
    'dir/**',
    '!dir/keep.md',
    'ex/',
    'p/**/s.md',
    'cls/[!a-y]*.md',
    'cls/[]!]x.md',
    'star/a*c.md',
    '.hidden',
    'upper/',
    'space\\ .md',
    'open[.md',
    '/top2',
    'esc/\\*.md',
    'reinc/deep/',
    'reinc/other/',
  ].join('\n') + '\n');
  write(dir, 'sub/.gitignore', '!other.draft.md\n');
  write(dir, 'nested/.gitignore', '*.md\n!important.md\n');
  write(dir, 'nested/inner/.gitignore', '!b.md\n');
  write(dir, 'ex/.gitignore', '!keep.md\n');
  write(dir, 'reinc/.gitignore', '!deep/\n');
  const env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(dir, 'no-gitconfig') };
  assert.equal(spawnSync('git', ['init', '-q', '.'], { cwd: dir, env }).status, 0);
  const git = spawnSync('git', ['-c', 'core.ignorecase=false', 'ls-files', '--others', '--exclude-standard', '-z'], { cwd: dir, env, encoding: 'utf8' });
  assert.equal(git.status, 0, git.stderr);
  const byGit = git.stdout.split('\0').filter((f) => f.endsWith('.md')).sort();
  assert.deepEqual(selected(dir), byGit);
  // The cases above really do leave files out and bring some back.
  assert.ok(byGit.includes('keep.draft.md') && byGit.includes('sub/other.draft.md') && byGit.includes('docs/keep.md') && byGit.includes('dir/keep.md'));
  assert.ok(!byGit.includes('build/plan.md') && !byGit.includes('a.draft.md') && !byGit.includes('ex/keep.md'));
});

test('.partnerlintignore comes before .gitignore: it ignores more, and its ! lines bring back what .gitignore excludes', (t) => {
  const dir = tempDir(t);
  fs.mkdirSync(path.join(dir, '.git'));
  write(dir, '.gitignore', 'generated/\n*.draft.md\n');
  write(dir, '.partnerlintignore', 'vendor-docs/\n!generated/\ngenerated/tmp/\n!wanted.draft.md\n');
  for (const f of ['plan.md', 'a.draft.md', 'wanted.draft.md', 'vendor-docs/x.md', 'generated/plan.md', 'generated/tmp/x.md', 'generated/b.draft.md']) write(dir, f);
  assert.deepEqual(selected(dir), ['generated/plan.md', 'plan.md', 'wanted.draft.md']);
});

test('a walk that starts in a subfolder reads the ignore files above it up to the repository root, and walks the folder it was given', (t) => {
  const dir = tempDir(t);
  fs.mkdirSync(path.join(dir, '.git'));
  write(dir, '.gitignore', '*.draft.md\nplans/\n');
  write(dir, '.partnerlintignore', 'old.md\n');
  for (const f of ['plans/a.md', 'plans/a.draft.md', 'plans/old.md']) write(dir, f);
  assert.deepEqual(selected(path.join(dir, 'plans')), ['a.md']);
  // Outside a repository only the folder's own ignore files count.
  const loose = tempDir(t);
  write(loose, '.gitignore', '*.draft.md\n');
  for (const f of ['sub/a.md', 'sub/a.draft.md']) write(loose, f);
  assert.deepEqual(selected(path.join(loose, 'sub')), ['a.draft.md', 'a.md']);
});

test('node_modules and .git are never walked, whatever the ignore files say; only markdown files are selected', (t) => {
  const dir = tempDir(t);
  write(dir, '.partnerlintignore', '!node_modules/\n');
  for (const f of ['node_modules/x.md', 'a/node_modules/y.md', '.git/notes.md', 'a/b.markdown', 'a/c.txt', 'a/d.MD', 'a/e.mdown']) write(dir, f);
  assert.deepEqual(selected(dir), ['a/b.markdown', 'a/d.MD', 'a/e.mdown']);
  assert.deepEqual(selected(dir, fileSelectionReader(), true), ['.partnerlintignore', 'a/b.markdown', 'a/c.txt', 'a/d.MD', 'a/e.mdown']);
});

test('config ignores: globs relative to the config file, the nearest config in each folder, --config everywhere', (t) => {
  const dir = tempDir(t);
  write(dir, '.partnerlintrc.json', JSON.stringify({ ignores: ['docs/**', '**/*.wip.md', 'drafts/', 'fixtures/{a,b}.md'] }));
  for (const f of ['plan.md', 'docs/x.md', 'docs/deep/y.md', 'p/z.wip.md', 'drafts/a.md', 'fixtures/a.md', 'fixtures/b.md', 'fixtures/c.md', 'team/docs/x.md', 'team/q.wip.md', 'team/plan.md'])
    write(dir, f);
  // team/ has its own config: the root's globs no longer apply there, its own do (relative to team/).
  write(dir, 'team/.partnerlintrc.yaml', 'ignores:\n  - plan.md\n');
  assert.deepEqual(selected(dir), ['fixtures/c.md', 'plan.md', 'team/docs/x.md', 'team/q.wip.md']);
  // Walking team/ alone gives the same answer for its files.
  assert.deepEqual(selected(path.join(dir, 'team')), ['docs/x.md', 'q.wip.md']);
  // An explicit config applies everywhere; its globs are relative to its own folder.
  write(dir, 'conf/explicit.json', JSON.stringify({ ignores: ['../docs/**', 'x.md'] }));
  write(dir, 'conf/x.md');
  const explicit = fileSelectionReader({ configFile: path.join(dir, 'conf', 'explicit.json') });
  assert.deepEqual(selected(dir, explicit), [
    'docs/deep/y.md', 'docs/x.md', 'drafts/a.md', 'fixtures/a.md', 'fixtures/b.md', 'fixtures/c.md', 'p/z.wip.md', 'plan.md',
    'team/docs/x.md', 'team/plan.md', 'team/q.wip.md',
  ]);
});

test('invalid ignores are reported with the file, the key and the problem; the valid globs still apply', () => {
  const loaded = parseConfigText(
    JSON.stringify({ ignores: ['docs/**', '', '!keep.md', '/abs/**', '+(a|b).md', '{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}.md', 42, 'x'.repeat(1100)] }),
    '/repo/.partnerlintrc.json',
  );
  assert.deepEqual(loaded.config.ignores, ['docs/**']);
  const problems = loaded.problems.map((p) => `${p.file}: ${p.keyPath}: ${p.message}`);
  assert.equal(problems.length, 7, problems.join('\n'));
  assert.match(problems[0], /^\/repo\/\.partnerlintrc\.json: ignores\[1\]: an empty pattern/);
  assert.match(problems[1], /ignores\[2\]: "!keep\.md": "!" patterns are not supported in ignores; put "!keep\.md" in a \.partnerlintignore file/);
  assert.match(problems[2], /ignores\[3\]: "\/abs\/\*\*" is absolute/);
  assert.match(problems[3], /ignores\[4\]: .*extglobs/);
  assert.match(problems[4], /ignores\[5\]: .*expands to more than 64 patterns/);
  assert.match(problems[5], /ignores\[6\]: expected a glob \(a string\)/);
  assert.match(problems[6], /ignores\[7\]: a pattern of 1100 characters; at most 1024/);
  const notArray = parseConfigText('ignores: docs/**\n', '/repo/.partnerlintrc.yaml');
  assert.deepEqual(notArray.problems.map((p) => [p.keyPath, p.message, p.line]), [['ignores', 'expected an array of globs, e.g. ["docs/**"]', 1]]);
  assert.deepEqual(notArray.config.ignores, []);
});

test('globs: * stays in a segment, ** spans folders, a folder glob covers what is inside, braces expand', () => {
  const globs = IgnoreGlobs.compile(['docs/**', '*.tmp.md', 'a/**/z.md', 'only-dir/', '{x,y}/*.md']);
  const m = (p: string, folder = false) => globs.matches(p, folder);
  assert.ok(m('docs', true) && m('docs/a/b.md') && m('n.tmp.md') && m('a/z.md') && m('a/b/c/z.md') && m('only-dir', true) && m('x/a.md') && m('y/b.md'));
  assert.ok(!m('sub/n.tmp.md') && !m('only-dir') && !m('z/a.md') && !m('x/deep/a.md') && !m('doc/a.md'));
});

test('no pattern makes matching backtrack: hostile patterns against long names and deep paths stay fast', () => {
  const longName = 'a'.repeat(250);
  const deepPath = Array(1000).fill('a').join('/');
  const started = process.hrtime.bigint();
  const rules = IgnoreRules.parse(['*a*a*a*a*a*a*a*a*a*a*b', '**/a/**/a/**/a/**/a/**/b', 'a*a*a*a*a*a*/**/a*a*a*a*b', '?*?*?*?*?*?*?*?*b'].join('\n'));
  assert.equal(rules.decide(longName, false), undefined);
  assert.equal(rules.decide(deepPath, false), undefined);
  const globs = IgnoreGlobs.compile(['**/*a*a*a*a*a*a*a*b', '**/a/**/a/**/a/**/a/**/b', '{a,aa}{a,aa}{a,aa}{a,aa}{a,aa}*b']);
  assert.equal(globs.matches(longName, false), false);
  assert.equal(globs.matches(deepPath, false), false);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
});
