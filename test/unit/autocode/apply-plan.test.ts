import assert from 'node:assert/strict';
import { normaliseText } from '../../../src/core/anchoring';
import { makeQuote } from '../../../src/core/anchoring';
import { searchTranscript } from '../../../src/core/analysis/text-search';
import { mergeRanges, planAutocode, type ChosenPassage } from '../../../src/core/autocode/apply-plan';
import { previewPieces, previewSearch } from '../../../src/core/autocode/search-preview';

const A = '**Amara:** The rent was too high. We paid rent late. I was scared of the landlord.\n\n**Interviewer:** And then?\n';
const B = '**Jo:** Nobody asked about rent. The rent office closed.\n';
const texts: Record<string, string> = { 'a.md': A, 'b.md': B };
const now = (path: string) => (texts[path] === undefined ? undefined : { text: texts[path], placed: new Map() });

function passage(transcript: string, phrase: string, occurrence = 0): ChosenPassage {
  const text = texts[transcript];
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(phrase, start + 1);
  assert.ok(start >= 0, phrase);
  const range = { start, end: start + phrase.length };
  return { transcript, range, quote: makeQuote(text, range) };
}

const words = (plan: ReturnType<typeof planAutocode>) => plan.transcripts.flatMap((t) => t.targets.map((x) => `${t.transcript}:${x.quote.exact}`));

describe('autocode plan across transcripts', () => {
  it('merges repeated and overlapping passages into one, keeps touching ones apart, per transcript', () => {
    const chosen = [
      passage('b.md', 'The rent office closed.'),
      passage('a.md', 'The rent was too high.'),
      passage('a.md', 'The rent was too high.'), // the same passage twice (two searches)
      passage('a.md', 'too high. We paid'), // overlaps both sentences
      passage('a.md', 'We paid rent late.'),
      passage('a.md', 'I was scared'), // touches nothing: its own segment
      passage('b.md', 'Nobody asked about rent.'), // touches the next sentence only through a space
    ];
    const plan = planAutocode(chosen, now);
    assert.deepEqual(words(plan), ['a.md:The rent was too high. We paid rent late.', 'a.md:I was scared', 'b.md:Nobody asked about rent.', 'b.md:The rent office closed.']);
    assert.equal(plan.passages, 4);
    assert.deepEqual(plan.lost, []);
    for (const t of plan.transcripts) for (const x of t.targets) assert.deepEqual(x.quote, makeQuote(texts[t.transcript], x.range), 'quotes are made on the current text');
  });

  it('keeps ranges that only touch apart and drops empty ones', () => {
    assert.deepEqual(mergeRanges([{ start: 5, end: 9 }, { start: 0, end: 5 }, { start: 3, end: 3 }, { start: 7, end: 12 }]), [{ start: 0, end: 5 }, { start: 5, end: 12 }]);
  });

  it('finds a passage again by its quote when the transcript was edited since the preview, and counts the ones whose words are gone', () => {
    const chosen = [passage('a.md', 'We paid rent late.'), passage('a.md', 'I was scared of the landlord.'), { ...passage('b.md', 'Nobody'), transcript: 'gone.md' }];
    const edited = `**Interviewer:** Something said first, before anything else.\n\n${A.replace('scared of the landlord', 'afraid of the owner')}`;
    const plan = planAutocode(chosen, (path) => (path === 'a.md' ? { text: edited, placed: new Map() } : undefined));
    assert.deepEqual(plan.transcripts[0].targets.map((t) => edited.slice(t.range.start, t.range.end)), ['We paid rent late.']);
    assert.deepEqual(plan.lost.map((p) => p.quote?.exact), ['I was scared of the landlord.', 'Nobody']);
  });

  it('widens matches to sentences on a CRLF file the same as on its LF text, and anchors on the normalised text', () => {
    const raw = '\ufeff**Amara:** First line.\r\nThe rent was high. Then we moved.\r\n\r\n**Amara:** Rent again!\r\n';
    const text = normaliseText(raw);
    const hits = searchTranscript('c.md', text, { text: 'rent', unit: 'sentence' });
    assert.deepEqual(hits.map((h) => text.slice(h.range.start, h.range.end)), ['The rent was high.', 'Rent again!']);
    const plan = planAutocode(hits.map((h) => ({ transcript: 'c.md', range: h.range, quote: makeQuote(text, h.range) })), () => ({ text, placed: new Map() }));
    assert.deepEqual(plan.transcripts[0].targets.map((t) => t.quote.exact), ['The rent was high.', 'Rent again!']);
    assert.ok(plan.transcripts[0].targets.every((t) => !t.quote.prefix.includes('\r') && !t.quote.suffix.includes('\r')));
  });

  it('counts emoji as two code units in every offset, and never cuts one in half in the preview', () => {
    const text = `**Ana:** 😀😀 ${'🙂'.repeat(60)} the pay 💸 was late. ${'🙂'.repeat(60)} Pay went up 📈.\n`;
    const hits = searchTranscript('e.md', text, { text: 'pay', unit: 'sentence' });
    assert.deepEqual(hits.map((h) => text.slice(h.range.start, h.range.end)), [`😀😀 ${'🙂'.repeat(60)} the pay 💸 was late.`, `${'🙂'.repeat(60)} Pay went up 📈.`]);
    const preview = previewPieces(text, hits[0].range, hits[0].matches);
    assert.deepEqual(preview.filter((p) => p.mark).map((p) => p.text), ['pay']);
    assert.ok(preview[0].text.startsWith('…') && preview[0].text.length < 100, 'the long lead-in is shortened');
    for (const piece of preview) assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(piece.text), `no half emoji in ${JSON.stringify(piece.text)}`);
    const plan = planAutocode(hits.map((h) => ({ transcript: 'e.md', range: h.range, quote: makeQuote(text, h.range) })), () => ({ text, placed: new Map() }));
    assert.equal(plan.transcripts[0].targets[1].quote.exact, `${'🙂'.repeat(60)} Pay went up 📈.`);
    assert.ok(!/[\ud800-\udbff]$/.test(plan.transcripts[0].targets[1].quote.prefix), 'the quote context keeps whole emoji');
  });
});

describe('search preview', () => {
  const transcripts = [
    { path: 'a.md', text: A, participant: 'Amara', segments: [{ coderId: 'dana', codes: ['c-rent'], range: { start: A.indexOf('The rent'), end: A.indexOf('landlord.') + 9 } }] },
    { path: 'b.md', text: B, participant: 'Jo', segments: [{ coderId: 'sam', codes: ['c-rent'], range: { start: 0, end: B.length } }] },
  ];

  it('lists every passage with transcript, speaker and the match marked, and marks those the coder has coded already', () => {
    const preview = previewSearch(transcripts, { text: 'rent', unit: 'sentence' }, { code: 'c-rent', coderId: 'dana' });
    assert.equal(preview.total, 4);
    assert.equal(preview.transcripts, 2);
    assert.deepEqual(preview.hits.map((h) => [h.participant, h.speaker, h.preview.map((p) => (p.mark ? `[${p.text}]` : p.text)).join(''), h.coded]), [
      ['Amara', 'Amara', 'The [rent] was too high.', true],
      ['Amara', 'Amara', 'We paid [rent] late.', true],
      ['Jo', 'Jo', 'Nobody asked about [rent].', false], // another coder's segment does not count
      ['Jo', 'Jo', 'The [rent] office closed.', false],
    ]);
    assert.deepEqual(previewSearch(transcripts, { text: 'rent', unit: 'sentence' }, { coderId: 'dana', limit: 1 }).hits.length, 1);
  });

  it('marks several matches merged into one passage, and a markup-looking quote stays plain text', () => {
    const text = '**P:** <b>rent</b> and [rent](javascript:x) too.\n';
    const preview = previewSearch([{ path: 'x.md', text, participant: 'P', segments: [] }], { text: 'rent', unit: 'sentence' }, { coderId: 'd' });
    assert.deepEqual(preview.hits[0].preview, [{ text: '<b>' }, { text: 'rent', mark: true }, { text: '</b> and [' }, { text: 'rent', mark: true }, { text: '](javascript:x) too.' }]);
  });
});
