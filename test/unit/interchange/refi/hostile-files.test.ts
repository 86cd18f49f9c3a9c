import assert from 'node:assert/strict';
import { RefiImportError, importRefi } from '../../../../src/core/interchange/refi';
import { zipEntries } from './refi-test-project';

const PROJECT = (sources = '', extra = ''): string => `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Probe">
  <CodeBook><Codes><Code guid="22222222-2222-4222-8222-222222222222" name="Trust" isCodable="true"/></Codes></CodeBook>
  <Sources>${sources}</Sources>${extra}
</Project>`;

const SOURCE = (selection: string): string => `<TextSource guid="44444444-4444-4444-8444-444444444444" name="a" plainTextPath="internal://a.txt">${selection}</TextSource>`;

const CODED = (target: string): string =>
  SOURCE(`<PlainTextSelection guid="55555555-5555-4555-8555-555555555555" startPosition="0" endPosition="2"><Coding guid="66666666-6666-4666-8666-666666666666"><CodeRef targetGUID="${target}"/></Coding></PlainTextSelection>`);

function refused(bytes: Uint8Array, pattern: RegExp): void {
  assert.throws(() => importRefi(bytes), (error: unknown) => {
    assert.ok(error instanceof RefiImportError, String(error));
    assert.match(error.message, pattern);
    return true;
  });
}

/** The archive with the central directory's uncompressed size of `name` replaced: a lie a zip bomb tells. */
function declareSize(archive: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = archive.slice();
  const view = new DataView(bytes.buffer);
  for (let i = 0; i + 46 < bytes.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    if (new TextDecoder().decode(bytes.subarray(i + 46, i + 46 + nameLength)) === name) view.setUint32(i + 24, size, true);
  }
  return bytes;
}

describe('REFI-QDA import of hostile or broken files', () => {
  it('refuses what is neither a zip archive nor XML', () => {
    refused(new TextEncoder().encode('Just some notes, not a project.'), /neither a zip archive \(\.qdpx\) nor XML/);
    refused(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), /neither a zip archive/);
  });

  it('refuses a damaged archive', () => {
    const archive = zipEntries({ 'project.qde': PROJECT(), 'sources/a.txt': 'ab' });
    refused(archive.subarray(0, archive.length - 30), /not a readable zip archive/);
  });

  it('refuses entries that would land outside the folder they are extracted to', () => {
    refused(zipEntries({ 'project.qde': PROJECT(), '../evil.txt': 'x' }), /"\.\.\/evil\.txt" climbs out of the archive/);
    refused(zipEntries({ 'project.qde': PROJECT(), 'sources/..\\..\\evil.txt': 'x' }), /climbs out of the archive/);
    refused(zipEntries({ 'project.qde': PROJECT(), '/tmp/evil.txt': 'x' }), /is an absolute path/);
  });

  it('refuses a zip bomb by its declared sizes, before inflating anything', () => {
    const archive = zipEntries({ 'project.qde': PROJECT(SOURCE('')), 'sources/a.txt': 'ab' });
    refused(declareSize(archive, 'sources/a.txt', 0x7fffffff), /more than 200 MB.*"sources\/a\.txt".*zip bomb/);
    const zeros = zipEntries({ 'project.qde': PROJECT(SOURCE('')), 'sources/a.txt': new Uint8Array(3 * 1024 * 1024) });
    assert.ok(zeros.length < 100 * 1024);
    assert.throws(() => importRefi(zeros, { limits: { maxTotalBytes: 1024 * 1024, maxEntries: 10 } }), /zip bomb/);
  });

  it('refuses XML with a DOCTYPE or ENTITY declaration, and undefined entities', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>`;
    refused(zipEntries({ 'project.qde': xxe }), /project\.qde contains a DOCTYPE declaration/);
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><CodeBook>&lol2;</CodeBook>`;
    refused(new TextEncoder().encode(laughs), /DOCTYPE/);
    refused(new TextEncoder().encode('<CodeBook><!ENTITY x "y"><Codes/></CodeBook>'), /declares an ENTITY/);
    refused(zipEntries({ 'project.qde': PROJECT().replace('name="Probe"', 'name="&xxe;"') }), /undefined entity &xxe;/);
  });

  it('refuses XML that is not well-formed, saying where', () => {
    refused(zipEntries({ 'project.qde': '<Project name="x"><Sources></Project>' }), /project\.qde is not well-formed XML: .*\(line 1, column \d+\)/);
    refused(new TextEncoder().encode('<Notebook/>'), /root element is <Notebook>/);
  });

  it('refuses dangling references: a code, a note, a source or a variable the file does not contain', () => {
    const archive = (xml: string): Uint8Array => zipEntries({ 'project.qde': xml, 'sources/a.txt': 'ab' });
    refused(archive(PROJECT(CODED('99999999-9999-4999-8999-999999999999'))), /the code 99999999-9999-4999-8999-999999999999, which the file does not contain/);
    refused(archive(PROJECT(SOURCE('<NoteRef targetGUID="88888888-8888-4888-8888-888888888888"/>'))), /the note 88888888-8888-4888-8888-888888888888/);
    refused(archive(PROJECT(SOURCE(''), '<Notes/>').replace('<Sources>', '<Cases><Case guid="77777777-7777-4777-8777-777777777777"><SourceRef targetGUID="12345678-1234-4234-8234-123456789abc"/></Case></Cases><Sources>')), /the source 12345678-1234-4234-8234-123456789abc/);
    const value = '<VariableValue><VariableRef targetGUID="abababab-abab-4bab-8bab-abababababab"/><TextValue>x</TextValue></VariableValue>';
    refused(archive(PROJECT(SOURCE(value))), /the variable abababab-abab-4bab-8bab-abababababab/);
  });

  it('accepts the same reference in another case and with braces', () => {
    const xml = PROJECT(CODED('{22222222-2222-4222-8222-222222222222}'.toUpperCase()));
    assert.equal(importRefi(zipEntries({ 'project.qde': xml, 'sources/a.txt': 'ab' })).report.counts.segments, 1);
  });

  it('refuses an archive without a project file, or with several', () => {
    refused(zipEntries({ 'sources/a.txt': 'ab' }), /holds no \.qde file/);
    refused(zipEntries({ 'one.qde': PROJECT(), 'two.qde': PROJECT() }), /several project files/);
  });

  // PROJECT puts <Sources> on line 4, so a source and everything in it starts on that line.
  it('names the line of project.qde where damaged content is', () => {
    const qdpx = (sources: string, extra = ''): Uint8Array => zipEntries({ 'project.qde': PROJECT(sources, extra), 'sources/a.txt': 'ab' });
    refused(qdpx(CODED('99999999-9999-4999-8999-999999999999')), /The <CodeRef> at line 4 of project\.qde refers to the code 99999999-.*dangling/);
    refused(qdpx(SOURCE('<PlainTextSelection guid="55555555-5555-4555-8555-555555555555" startPosition="0" endPosition="2"><Coding guid="6"/></PlainTextSelection>')), /The <Coding> at line 4 of project\.qde has no <CodeRef>/);
    refused(qdpx(SOURCE('<PlainTextSelection guid="55555555-5555-4555-8555-555555555555" startPosition="x" endPosition="2"/>')), /The <PlainTextSelection> at line 4 of project\.qde has no valid startPosition \("x"\)/);
    const duplicate = PROJECT('', '').replace('</Codes>', '\n<Code guid="22222222-2222-4222-8222-222222222222" name="Again" isCodable="true"/></Codes>');
    refused(zipEntries({ 'project.qde': duplicate, 'sources/a.txt': 'ab' }), /share one GUID \(the second at line 4 of project\.qde\)/);
  });
});
