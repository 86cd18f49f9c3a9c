import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { writeTranscriptMarkdown } from '../../../../src/core/interchange/transcripts';
import { parseTranscript } from '../../../../src/core/markdown';
import { expectedTurns, parsedTurns, unlabelledParagraphs } from './round-trip';
import { fixtureCases, FIXTURES, importCase } from './fixture-cases';

// Each folder holds input.vtt|.srt|.txt, the Markdown we expect from it, and optionally
// options.json ({ "timestamps": true, "mapping": { … } }). Run with UPDATE=1 to rewrite the
// expectations from the current importers, then review the diff before committing it.
const update = process.env.UPDATE === '1';
const cases = fixtureCases();

describe('transcript import fixtures', () => {
  it('has fixtures to run', () => {
    assert.ok(cases.length >= 10, `expected the fixture folders in ${FIXTURES.pathname}`);
  });

  for (const c of cases) {
    describe(c.name, () => {
      const markdown = (): string => writeTranscriptMarkdown(importCase(c), { timestamps: c.timestamps }).markdown;

      it('writes the expected Markdown', () => {
        const expectedFile = new URL('expected.md', c.dir);
        if (update) {
          writeFileSync(expectedFile, markdown());
          return;
        }
        assert.ok(existsSync(expectedFile), `${c.name}/expected.md is missing: run with UPDATE=1`);
        assert.equal(markdown(), readFileSync(expectedFile, 'utf8'));
      });

      it('is clean text: LF, final newline, no trailing spaces, no tabs', () => {
        const text = markdown();
        assert.ok(!text.includes('\r') && !text.includes('\t'));
        assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
        assert.deepEqual(text.split('\n').filter((line) => line !== line.trimEnd()), []);
      });

      it('reads back with parseTranscript as exactly the imported turns and front matter', () => {
        const imported = importCase(c);
        const written = writeTranscriptMarkdown(imported, { timestamps: c.timestamps });
        const parsed = parseTranscript(written.markdown);
        assert.equal(parsed.frontMatter?.error, undefined);
        assert.equal(parsed.frontMatter?.data.source, c.inputName);
        assert.equal(parsed.frontMatter?.data.imported_from, imported.format);
        assert.deepEqual(parsedTurns(written.markdown, parsed), expectedTurns(imported, written.labels, c.timestamps));
        assert.deepEqual(unlabelledParagraphs(written.markdown, parsed), expectedTurns(imported, written.labels, c.timestamps, 'unlabelled'));
        assert.deepEqual(parsed.headings, []);
      });
    });
  }
});
