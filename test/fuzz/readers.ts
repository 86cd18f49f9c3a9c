/**
 * Every reader of untrusted files, driven through the `grounded` command line in-process on a
 * temporary folder, with a damaged version of one file per case. Shared by the in-suite fuzz test
 * (a few hundred cases per reader) and `npm run fuzz` (thousands, before a release).
 *
 * What every case must show: exit 0 or 1 (never a crash, never 2), on 1 a message naming the
 * damaged file, the project folder unchanged byte for byte, and a bounded time.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/run-cli';
import { zipSync } from 'fflate';

export interface Reader {
  name: string;
  /** The damaged file, relative to the case folder. */
  file: string;
  /** The file's valid content, which mutations start from. */
  seed: Uint8Array;
  /** Wraps the mutated bytes when the reader takes a container (a .docx, a .qdpx). */
  pack?: (inner: Uint8Array) => Uint8Array;
  /** Other files of the case folder. */
  context: Record<string, string>;
  /** The command run; `out` is a folder outside the case folder. */
  command(folder: string, out: string): string[];
}

const CODE_ID = 'c-7k2m9q4xw1ab';
const TRANSCRIPT = [
  '---',
  'participant: Amara',
  'age: 34',
  '---',
  '',
  '**Interviewer:** How did it start?',
  '',
  '**Amara:** With a job offer. It sounded *good* at first.',
  '',
].join('\n');
const quoteAt = (exact: string): { start: number; end: number; exact: string; prefix: string; suffix: string } => {
  const start = TRANSCRIPT.indexOf(exact);
  return { start, end: start + exact.length, exact, prefix: TRANSCRIPT.slice(Math.max(0, start - 16), start), suffix: TRANSCRIPT.slice(start + exact.length, start + exact.length + 16) };
};
const segment = (id: string, exact: string): string => JSON.stringify({ id, codes: [CODE_ID], ...quoteAt(exact) });

const PROJECT_FILES: Record<string, string> = {
  '.grounded/project.json': `${JSON.stringify({ format: 'grounded-project', version: 1, name: 'Fuzz', transcripts: ['interviews/**/*.md'], memos: 'memos' }, null, 2)}\n`,
  [`.grounded/codes/${CODE_ID}.json`]: `${JSON.stringify({ format: 'grounded-code', version: 1, id: CODE_ID, name: 'Work', parent: null, color: '#4e79a7', description: '' }, null, 2)}\n`,
  '.grounded/coding/interviews/p01.md/dana-reyes.jsonl': [
    JSON.stringify({ format: 'grounded-coding', version: 1, coder: { id: 'dana-reyes', name: 'Dana Reyes' } }),
    segment('s-4bphf0s0wzvf', 'With a job offer.'),
    segment('s-7wfkk7hakvze', 'It sounded *good* at first.'),
    '',
  ].join('\n'),
  '.grounded/attributes.json': `${JSON.stringify({ format: 'grounded-attributes', version: 1, attributes: [{ name: 'age', type: 'number' }, { name: 'participant', type: 'text' }] }, null, 2)}\n`,
  'interviews/p01.md': TRANSCRIPT,
  'memos/on-work.md': `---\ntitle: On work\ncodes: [${CODE_ID}]\n---\n\n# Work *offers*\n\nSee [[interviews/p01.md]].\n`,
};

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const withoutFile = (files: Record<string, string>, path: string): Record<string, string> => Object.fromEntries(Object.entries(files).filter(([p]) => p !== path));

function projectReader(name: string, file: string, command: (folder: string, out: string) => string[] = (folder) => ['validate', folder]): Reader {
  return { name, file, seed: text(PROJECT_FILES[file]), context: withoutFile(PROJECT_FILES, file), command };
}

const VTT = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nDana Reyes: How did it start?\n\n2\n00:00:04.000 --> 00:00:09.000\nAmara Osei: With a job offer.\n';
const SRT = '1\n00:00:01,000 --> 00:00:02,000\nINT: Ready?\n\n2\n00:00:02,500 --> 00:00:04,000\nP1: Yes.\n';
const PLAIN = 'Interviewer: Ready?\nMei: Yes, I think so.\nInterviewer: Good.\nMei: Fine.\n';
const SPEAKERS = `${JSON.stringify({ 'Dana Reyes': { name: 'Dana', role: 'interviewer' }, 'Amara Osei': { name: 'Amara', role: 'participant' } }, null, 2)}\n`;
const DOCUMENT_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
  '<w:p><w:r><w:t xml:space="preserve">Interviewer: Ready?</w:t></w:r></w:p><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Lucía:</w:t></w:r><w:r><w:t xml:space="preserve"> Yes.</w:t></w:r></w:p>' +
  '</w:body></w:document>';
const QDC =
  '<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Fuzz">\n  <Codes>\n' +
  '    <Code guid="c0de0000-0000-4000-8000-000000000001" name="Support" isCodable="true" color="#4E79A7">\n      <Description>Help.</Description>\n' +
  '      <Code guid="c0de0000-0000-4000-8000-000000000002" name="Peer support" isCodable="true"/>\n    </Code>\n  </Codes>\n</CodeBook>\n';

const DOCX_PARTS: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
};

/** A Word document whose body part holds exactly these bytes. */
function docx(documentXml: Uint8Array): Uint8Array {
  const parts = Object.fromEntries(Object.entries(DOCX_PARTS).map(([p, v]) => [p, text(v)]));
  return zipSync({ ...parts, 'word/document.xml': documentXml });
}

function qdpxFixture(): Record<string, Uint8Array> {
  const root = new URL('../fixtures/refi/nvivo-like/', import.meta.url);
  const files: Record<string, Uint8Array> = {};
  const walk = (folder: string): void => {
    for (const entry of readdirSync(new URL(folder, root), { withFileTypes: true })) {
      if (entry.isDirectory()) walk(`${folder}${entry.name}/`);
      else files[`${folder}${entry.name}`] = new Uint8Array(readFileSync(new URL(`${folder}${entry.name}`, root)));
    }
  };
  walk('');
  return files;
}

/** Every reader, with the command that exercises it. */
export function readers(): Reader[] {
  const qdpx = qdpxFixture();
  const importTo = (file: string, extra: string[] = []) => (folder: string, out: string) => ['import', join(folder, file), '--out', out, ...extra];
  return [
    projectReader('coding', '.grounded/coding/interviews/p01.md/dana-reyes.jsonl'),
    projectReader('code', `.grounded/codes/${CODE_ID}.json`),
    projectReader('project', '.grounded/project.json'),
    projectReader('attributes', '.grounded/attributes.json'),
    projectReader('transcript', 'interviews/p01.md', (folder) => ['stats', folder]),
    projectReader('memo', 'memos/on-work.md', (folder, out) => ['export', 'qdpx', folder, '--out', join(out, 'study.qdpx')]),
    { name: 'speakers', file: 'speakers.json', seed: text(SPEAKERS), context: { 'call.vtt': VTT }, command: importTo('call.vtt', ['--speakers-file', 'speakers.json']) },
    { name: 'vtt', file: 'call.vtt', seed: text(VTT), context: {}, command: importTo('call.vtt') },
    { name: 'srt', file: 'call.srt', seed: text(SRT), context: {}, command: importTo('call.srt') },
    { name: 'text', file: 'notes.txt', seed: text(PLAIN), context: {}, command: importTo('notes.txt') },
    { name: 'docx', file: 'talk.docx', seed: text(DOCUMENT_XML), pack: docx, context: {}, command: importTo('talk.docx') },
    { name: 'qdpx', file: 'pilot.qdpx', seed: qdpx['project.qde'], pack: (inner) => zipSync({ ...qdpx, 'project.qde': inner }), context: {}, command: importTo('pilot.qdpx') },
    { name: 'qdc', file: 'codes.qdc', seed: text(QDC), context: {}, command: importTo('codes.qdc') },
  ];
}

export interface CaseResult {
  code: number | 'thrown';
  output: string;
  ms: number;
  /** Files of the case folder whose bytes changed, appeared or vanished. */
  changed: string[];
}

/** A folder per reader, reused across cases: only the damaged file is rewritten each time. */
export class CaseFolder {
  readonly root = mkdtempSync(join(tmpdir(), 'grounded-fuzz-'));
  readonly folder = join(this.root, 'case');
  readonly out = join(this.root, 'out');

  constructor(readonly reader: Reader) {
    for (const [path, content] of Object.entries(reader.context)) this.put(path, text(content));
  }

  async run(bytes: Uint8Array): Promise<CaseResult> {
    rmSync(this.out, { recursive: true, force: true });
    mkdirSync(this.out, { recursive: true });
    this.put(this.reader.file, this.reader.pack ? this.reader.pack(bytes) : bytes);
    const before = snapshot(this.folder);
    let output = '';
    const io = { out: (t: string) => void (output += t), err: (t: string) => void (output += t), cwd: this.folder };
    const started = performance.now();
    let code: number | 'thrown';
    try {
      code = await main(this.reader.command(this.folder, this.out), io);
    } catch (error) {
      code = 'thrown';
      output += error instanceof Error ? `${error.stack}` : String(error);
    }
    const ms = performance.now() - started;
    const after = snapshot(this.folder);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((p) => before.get(p) !== after.get(p));
    return { code, output, ms, changed };
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  private put(path: string, bytes: Uint8Array): void {
    const full = join(this.folder, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, bytes);
  }
}

function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name)).toString('base64'));
  }
  return files;
}

/** What is wrong with a case's outcome, or undefined when it behaved. */
export function misbehaviour(reader: Reader, result: CaseResult, limitMs: number): string | undefined {
  if (result.code === 'thrown' || (result.code !== 0 && result.code !== 1)) return `exit ${result.code}: ${result.output.slice(0, 2000)}`;
  if (result.changed.length > 0) return `the case folder changed: ${result.changed.join(', ')}`;
  const fileName = reader.file.slice(reader.file.lastIndexOf('/') + 1);
  if (result.code === 1 && !result.output.includes(fileName)) return `exit 1 without naming ${reader.file}: ${result.output.slice(0, 1000)}`;
  if (result.ms > limitMs) return `took ${Math.round(result.ms)} ms (limit ${limitMs} ms)`;
  return undefined;
}
