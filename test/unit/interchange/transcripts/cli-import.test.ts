import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { importCommand, parseMapEntry } from '../../../../src/cli/commands/import';
import { parseTranscript } from '../../../../src/core/markdown';
import { buildDocx } from './docx-builder';

const ZOOM = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nDana Reyes: How did it start?\n\n2\n00:00:04.000 --> 00:00:09.000\nAmara Osei: With a job offer.\n';
const SRT = '1\n00:00:01,000 --> 00:00:02,000\nINT: Ready?\n\n2\n00:00:02,500 --> 00:00:04,000\nP1: Yes.\n\n3\n00:00:05,000 --> 00:00:06,000\nINT: Go on.\n\n4\n00:00:06,000 --> 00:00:07,000\nP1: Well.\n';
const TEXT = 'Interviewer: Ready?\nMei: Yes.\nInterviewer: Good.\nMei: Fine.\n';

interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs `grounded import <args>` in-process, parsing arguments as main() does. */
async function runImport(args: string[], cwd: string): Promise<Run> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: importCommand.options, strict: true });
  let out = '';
  let err = '';
  const code = await importCommand.run(positionals, values, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

describe('grounded import', () => {
  let dir: string;
  const write = (name: string, content: string | Uint8Array): void => writeFileSync(join(dir, name), content);
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  const files = (sub = '.'): string[] => readdirSync(join(dir, sub)).sort();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-import-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes <out>/<basename>.md for WebVTT, SRT, text and Word files, and says what it wrote', async () => {
    write('zoom call.vtt', ZOOM);
    write('p02.srt', SRT);
    write('p05.txt', TEXT);
    write('p03.docx', buildDocx([['Interviewer: ', '**Ready?**', '\n', 'Lucía: Yes.'], ['Interviewer: Good.'], ['Lucía: Start.']]));
    const run = await runImport(['zoom call.vtt', 'p02.srt', 'p05.txt', 'p03.docx', '--out', 'interviews'], dir);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(files('interviews'), ['p02.md', 'p03.md', 'p05.md', 'zoom call.md']);
    assert.match(run.out, /^wrote interviews\/zoom call\.md \(2 turn\(s\), 2 speaker\(s\)\)$/m);
    assert.equal(run.out.trim().split('\n').length, 4);
    const docx = parseTranscript(read('interviews/p03.md'));
    assert.deepEqual(docx.frontMatter?.data, { source: 'p03.docx', imported_from: 'docx' });
    assert.deepEqual(docx.turns.map((t) => t.speaker), ['Interviewer', 'Lucía', 'Interviewer', 'Lucía']);
    assert.equal(read('interviews/zoom call.md'), '---\nsource: zoom call.vtt\nimported_from: webvtt\n---\n\n**Dana Reyes:** How did it start?\n\n**Amara Osei:** With a job offer.\n');
  });

  it('writes to the current folder by default, with timestamps when asked', async () => {
    write('call.vtt', ZOOM);
    const run = await runImport(['call.vtt', '--timestamps'], dir);
    assert.equal(run.code, 0, run.err);
    assert.match(read('call.md'), /\n\[00:00:01\] \*\*Dana Reyes:\*\* How did it start\?\n\n\[00:00:04\] \*\*Amara Osei:\*\*/);
  });

  it('imports lower-case and French-spaced labels as speakers the transcript reads back, and warns about a dialogue it cannot read', async () => {
    write('lower.txt', 'interviewer: How did it start?\ninterviewee: With a job offer.\ninterviewer: And then?\ninterviewee: I went.\n');
    write('fr.txt', 'Intervieweuse1 : Bonjour.\nInterviewé : Bonjour.\nIntervieweuse1 : Alors ?\nInterviewé : Oui.\n');
    write('odd.txt', 'Researcher (Dana): hi\nParticipant (P1): hello\nResearcher (Dana): fine\n');
    const run = await runImport(['lower.txt', 'fr.txt', 'odd.txt'], dir);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(parseTranscript(read('lower.md')).turns.map((t) => t.speaker), ['Interviewer', 'Interviewee', 'Interviewer', 'Interviewee']);
    assert.deepEqual(parseTranscript(read('fr.md')).turns.map((t) => t.speaker), ['Intervieweuse1', 'Interviewé', 'Intervieweuse1', 'Interviewé']);
    assert.match(run.out, /^wrote lower\.md \(4 turn\(s\), 2 speaker\(s\)\)$/m);
    assert.match(run.err, /^odd\.txt:1: warning: no speaker was recognised, although 3 lines look like labels \(line 1: "Researcher \(Dana\): hi"/m);
    assert.doesNotMatch(run.err, /lower\.txt|fr\.txt/);
  });

  it('applies --map and --speakers-file, --map winning', async () => {
    write('call.vtt', ZOOM);
    write('speakers.json', JSON.stringify({ 'Dana Reyes': { name: 'Dana', role: 'interviewer' }, 'Amara Osei': { name: 'Ama', role: 'participant' } }));
    const run = await runImport(['call.vtt', '--speakers-file', 'speakers.json', '--map', 'Amara Osei=Amara:participant'], dir);
    assert.equal(run.code, 0, run.err);
    const parsed = parseTranscript(read('call.md'));
    assert.deepEqual(parsed.frontMatter?.data, { source: 'call.vtt', imported_from: 'webvtt', participant: 'Amara', interviewer: 'Dana' });
    assert.deepEqual(parsed.turns.map((t) => t.speaker), ['Dana', 'Amara']);
  });

  it('notes a --map label that matches no speaker, and a renamed label', async () => {
    write('call.vtt', ZOOM.replace('Amara Osei', 'amara'));
    const run = await runImport(['call.vtt', '--map', 'Dana Reyess=Interviewer:interviewer'], dir);
    assert.equal(run.code, 0, run.err);
    assert.match(run.err, /--map "Dana Reyess=Interviewer:interviewer" matched no speaker \(speakers: Dana Reyes, amara\)/);
    assert.match(run.err, /^call\.vtt: note: speaker "amara" is written as "Amara"/m);
  });

  it('matches --map labels whatever their Unicode normalisation, listing speakers in NFC', async () => {
    const decomposed = 'Lucía Pérez'.normalize('NFD');
    write('call.vtt', ZOOM.replace('Amara Osei', decomposed));
    const run = await runImport(['call.vtt', '--map', `${'Lucía Pérez'.normalize('NFC')}=Zoë:participant`, '--map', 'Nobody=Zed:other'], dir);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(parseTranscript(read('call.md')).turns.map((t) => t.speaker), ['Dana Reyes', 'Zoë']);
    assert.doesNotMatch(run.err, /Zoë:participant" matched no speaker/);
    assert.ok(run.err.includes(`matched no speaker (speakers: Dana Reyes, ${'Lucía Pérez'.normalize('NFC')})`), run.err);
  });

  it('refuses to overwrite unless --force, writing nothing', async () => {
    write('a.vtt', ZOOM);
    write('b.txt', TEXT);
    write('b.md', 'mine\n');
    const refused = await runImport(['a.vtt', 'b.txt'], dir);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /b\.md already exists; use --force to overwrite\ngrounded import: nothing written/);
    assert.equal(read('b.md'), 'mine\n');
    assert.ok(!existsSync(join(dir, 'a.md')));
    const forced = await runImport(['a.vtt', 'b.txt', '--force'], dir);
    assert.equal(forced.code, 0, forced.err);
    assert.match(read('b.md'), /^---\nsource: b\.txt\n/);
  });

  it('writes nothing at all when any input is bad, naming each bad file and line', async () => {
    write('good.vtt', ZOOM);
    write('notvtt.vtt', 'Hello\n');
    write('latin1.txt', Buffer.from([0x41, 0x3a, 0x20, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
    write('fake.docx', 'not a zip');
    const run = await runImport(['good.vtt', 'notvtt.vtt', 'latin1.txt', 'missing.srt', 'fake.docx', 'notes.pdf'], dir);
    assert.equal(run.code, 1);
    assert.match(run.err, /^notvtt\.vtt:1: not a WebVTT file/m);
    assert.match(run.err, /^latin1\.txt:2: not valid UTF-8/m);
    assert.match(run.err, /^missing\.srt: no such file$/m);
    assert.match(run.err, /^fake\.docx: not a Word document/m);
    assert.match(run.err, /^notes\.pdf: cannot import this kind of file/m);
    assert.match(run.err, /nothing written \(5 of 6 file\(s\) could not be imported\)/);
    assert.deepEqual(files(), ['fake.docx', 'good.vtt', 'latin1.txt', 'notvtt.vtt']);
  });

  it('writes no transcript when a REFI-QDA file given with it cannot be imported', async () => {
    write('good.vtt', ZOOM);
    write('broken.qdpx', 'not a zip');
    const run = await runImport(['good.vtt', 'broken.qdpx'], dir);
    assert.notEqual(run.code, 0);
    assert.match(run.err, /broken\.qdpx/);
    assert.ok(!existsSync(join(dir, 'good.md')));
  });

  it('reports a Word file that is a ZIP but not a document', async () => {
    write('broken.docx', buildDocx([]).subarray(0, 40));
    const run = await runImport(['broken.docx'], dir);
    assert.equal(run.code, 1);
    assert.match(run.err, /^broken\.docx: the Word document could not be read/m);
  });

  it('exits 2 on usage mistakes, writing nothing', async () => {
    write('a.vtt', ZOOM);
    write('a.srt', SRT);
    write('bad.json', '{ nope');
    const cases: [string[], RegExp][] = [
      [[], /name at least one file/],
      [['a.vtt', '--map', 'no equals sign'], /expected "Label=Name:role"/],
      [['a.vtt', '--map', 'Dana Reyes=Dana:boss'], /the role must be one of interviewer, participant, other, not "boss"/],
      [['a.vtt', '--map', 'Dana Reyes=dana:interviewer'], /"dana" cannot be a speaker label: it must start with a capital letter/],
      [['a.vtt', '--speakers-file', 'none.json'], /--speakers-file none\.json: cannot be read/],
      [['a.vtt', 'a.srt'], /a\.vtt and a\.srt would both be written to a\.md/],
    ];
    for (const [args, message] of cases) {
      const run = await runImport(args, dir);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.err, message);
    }
    assert.deepEqual(files(), ['a.srt', 'a.vtt', 'bad.json']);
  });

  it('exits 1 on a speakers file that is not valid, naming its line, writing nothing', async () => {
    write('a.vtt', ZOOM);
    write('bad.json', '{ nope');
    const run = await runImport(['a.vtt', '--speakers-file', 'bad.json'], dir);
    assert.equal(run.code, 1);
    assert.match(run.err, /--speakers-file bad\.json:1: not valid JSON at column 3/);
    assert.deepEqual(files(), ['a.vtt', 'bad.json']);
  });

  it('leaves no temporary files behind', async () => {
    write('a.vtt', ZOOM);
    mkdirSync(join(dir, 'out'));
    assert.equal((await runImport(['a.vtt', '-o', 'out'], dir)).code, 0);
    assert.deepEqual(files('out'), ['a.md']);
  });

  it('parses --map entries', () => {
    assert.deepEqual(parseMapEntry('Zoom Name=Amara:participant'), { label: 'Zoom Name', name: 'Amara', role: 'participant' });
    assert.deepEqual(parseMapEntry('Dr Smith = Interviewer : interviewer'), { label: 'Dr Smith', name: 'Interviewer', role: 'interviewer' });
    assert.deepEqual(parseMapEntry('x=Y'), { label: 'x', name: 'Y', role: 'other' });
  });

  describe('through main()', () => {
    const main = fileURLToPath(new URL('../../../../src/cli/main.ts', import.meta.url));
    // The child resolves nothing from its temporary folder: hand it tsx by absolute URL.
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const grounded = async (args: string[], cwd: string): Promise<Run> => {
      try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', tsx, main, ...args], { cwd });
        return { code: 0, out: stdout, err: stderr };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, out: failed.stdout, err: failed.stderr };
      }
    };

    it('lists import in the help and runs it with exit codes 0, 1 and 2', async function () {
      this.timeout(60_000); // each child compiles the CLI with tsx
      write('call.vtt', ZOOM);
      write('bad.srt', '1\nno timing\n');
      const [help, ok, bad, usage] = await Promise.all([
        grounded(['help'], dir),
        grounded(['import', 'call.vtt', '--out', 'md', '--map', 'Amara Osei=Amara:participant'], dir),
        grounded(['import', 'bad.srt'], dir),
        grounded(['import', 'call.vtt', '--bogus'], dir),
      ]);
      assert.match(help.out, /^ {2}import <files…> \[--out dir\]/m);
      assert.equal(ok.code, 0, ok.err);
      assert.match(ok.out, /^wrote md\/call\.md/);
      assert.match(read('md/call.md'), /participant: Amara/);
      assert.equal(bad.code, 1);
      assert.match(bad.err, /^bad\.srt:2: expected a timing line/);
      assert.equal(usage.code, 2);
      assert.match(usage.err, /Unknown option '--bogus'/);
    });
  });
});
