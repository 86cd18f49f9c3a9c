import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parseTranscript } from '../../../src/core/markdown';

interface Rule {
  match?: string;
  name?: string;
  captures?: Record<string, { name?: string; patterns?: { include: string }[] }>;
}
interface InjectionGrammar {
  scopeName: string;
  injectionSelector: string;
  patterns: { include: string }[];
  repository: Record<string, Rule>;
}

const grammar = JSON.parse(
  readFileSync(new URL('../../../syntaxes/transcript.injection.tmLanguage.json', import.meta.url), 'utf8'),
) as InjectionGrammar;

/**
 * The grammar is written for Oniguruma. Apart from `\G` (the anchor where the enclosing Markdown
 * paragraph began, which at the start of a line is the same place as `^`), everything it uses
 * means the same in JavaScript with the `u` flag, so JavaScript can check it.
 */
function compile(ruleName: string): RegExp {
  const source = grammar.repository[ruleName]?.match;
  assert.ok(source, `rule ${ruleName} has a match`);
  return new RegExp(source.replaceAll('(?:^|\\G)', '^'), 'gu');
}

/** The text of each capture that the rule gives `scope`, in order of appearance. */
function captured(ruleName: string, line: string, scope: string): string[] {
  const rule = grammar.repository[ruleName];
  const found: string[] = [];
  for (const m of line.matchAll(compile(ruleName))) {
    if (rule.name?.includes(scope)) found.push(m[0]);
    for (const [group, capture] of Object.entries(rule.captures ?? {})) {
      const text = m[Number(group)];
      if (text !== undefined && capture.name?.split(' ').some((s) => s.startsWith(scope))) found.push(text);
    }
  }
  return found;
}

const speakerOf = (line: string): string[] => [
  ...captured('speaker-label-emphasised', line, 'entity.name.tag.speaker'),
  ...captured('speaker-label-plain', line, 'entity.name.tag.speaker'),
];

describe('transcript injection grammar', () => {
  it('injects into Markdown paragraphs, with every included rule defined', () => {
    assert.match(grammar.injectionSelector, /^L:text\.html\.markdown\b/);
    for (const { include } of grammar.patterns) assert.ok(grammar.repository[include.slice(1)], include);
  });

  it('has regexes that compile', () => {
    for (const name of Object.keys(grammar.repository)) assert.doesNotThrow(() => compile(name), name);
  });

  it('scopes speaker labels in every recognised form', () => {
    assert.deepEqual(speakerOf('**Interviewer:** How are you?'), ['Interviewer']);
    assert.deepEqual(speakerOf('__Amara__: Fine.'), ['Amara']);
    assert.deepEqual(speakerOf('[00:12:03] **Lucía:** Sí.'), ['Lucía']);
    assert.deepEqual(speakerOf('Maria de la Cruz: Yes.'), ['Maria de la Cruz']);
    assert.deepEqual(speakerOf('INT: Thanks.'), ['INT']);
    assert.deepEqual(speakerOf('P1: (00:01:02) Okay.'), ['P1']);
    // In bold the name may be lower case, and a space may come before the colon.
    assert.deepEqual(speakerOf('**zoe:** Yes.'), ['zoe']);
    assert.deepEqual(speakerOf('**Zoe :** Oui.'), ['Zoe']);
    assert.deepEqual(speakerOf('**Zoe** : Oui.'), ['Zoe']);
  });

  it('leaves notes and sentences with colons alone', () => {
    for (const line of ['Note: recorder on.', '**Note:** paused.', '**note :** paused.', "So here's the thing: no.", 'the manager: he shouted.', 'Amara:no space']) {
      assert.deepEqual(speakerOf(line), [], line);
    }
  });

  it('scopes timestamps in brackets or parentheses', () => {
    const line = '[00:12:03] **Mei:** at (12:03) and [1:02:03.250], not [12] or 12:03';
    assert.deepEqual(captured('timestamp', line, 'constant.numeric.timestamp'), ['00:12:03', '12:03', '1:02:03.250']);
    assert.deepEqual(captured('speaker-label-emphasised', line, 'constant.numeric.timestamp'), []);
  });

  it('scopes transcription marks but not links or other brackets', () => {
    const line = 'Yes [inaudible] [Crosstalk] [laughs softly] [long pause] [pause, 5 seconds] [in Polish] […] [link](x) [Amara]';
    assert.deepEqual(captured('transcription-mark', line, 'comment.transcription-mark'), [
      '[inaudible]', '[Crosstalk]', '[laughs softly]', '[long pause]', '[pause, 5 seconds]', '[in Polish]', '[…]',
    ]);
  });

  it('finds every label the parser finds in the fixtures, with the same name', () => {
    const fixtures = new URL('../../fixtures/markdown/', import.meta.url);
    for (const folder of readdirSync(fixtures)) {
      const text = readFileSync(new URL(`${folder}/input.md`, fixtures), 'utf8');
      for (const turn of parseTranscript(text).turns) {
        // The Markdown grammar hands the injection each line after block-quote and list markers.
        const line = text.slice(turn.range.start, text.indexOf('\n', turn.range.start));
        assert.deepEqual(speakerOf(line), [turn.speaker], `${folder}: ${line}`);
      }
    }
  });
});
