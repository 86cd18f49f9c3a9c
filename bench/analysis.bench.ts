/**
 * Analysis queries over a large project: 1,000 transcripts, 100,000 segments by two coders, 60
 * codes in a two-level hierarchy, participants with sector, lens and age. Prints the slowest of a
 * crosstab, a co-occurrence table and a boolean/proximity query as `bench query.ms_100k`.
 * Run: npx tsx bench/analysis.bench.ts
 */
import { AnalysisContext, coOccurrence, crosstab, parseCodeExpression, runExpression, type AnalysisProject } from '../src/core/analysis';
import { Random } from './lib/random';
import { timeMs } from './lib/timing';
import { answerText } from './lib/transcript';

const TRANSCRIPTS = 1000;
const SEGMENTS_PER_CODER = 50;
const PARENTS = 10;
const CHILDREN = 5;

function generateProject(random: Random): AnalysisProject {
  const codes: AnalysisProject['codes'] = [];
  for (let p = 0; p < PARENTS; p++) {
    codes.push({ id: `p${p}`, name: `Parent ${p}`, parent: null });
    for (let c = 0; c < CHILDREN; c++) codes.push({ id: `p${p}c${c}`, name: `Child ${p}.${c}`, parent: `p${p}` });
  }
  const sectors = ['anti-trafficking', 'youth housing', 'advocacy'];
  const transcripts: AnalysisProject['transcripts'] = [];
  const segments: AnalysisProject['segments'] = [];
  for (let t = 0; t < TRANSCRIPTS; t++) {
    const path = `interviews/t${String(t).padStart(4, '0')}.md`;
    let text = '';
    const turns: AnalysisProject['transcripts'][number]['turns'] = [];
    for (let turn = 0; turn < 40; turn++) {
      const speaker = turn % 2 === 0 ? 'Interviewer' : `P${t}`;
      const start = text.length;
      text += `${speaker}: ${answerText(random)}\n\n`;
      turns.push({ speaker, start, end: text.length - 2, textStart: start + speaker.length + 2 });
    }
    transcripts.push({ path, participant: `P${t}`, attributes: { sector: random.pick(sectors), lens: random.pick(['collectivist', 'individualistic']), age: random.int(22, 64) }, text, turns });
    for (const coder of ['dana', 'sam']) {
      for (let s = 0; s < SEGMENTS_PER_CODER; s++) {
        const start = random.int(0, text.length - 400);
        const end = start + random.int(40, 380);
        const code = random.chance(0.3) ? `p${random.int(0, PARENTS - 1)}` : `p${random.int(0, PARENTS - 1)}c${random.int(0, CHILDREN - 1)}`;
        segments.push({ transcript: path, coder, id: `${coder}-${t}-${s}`, codes: [code], start, end });
      }
    }
  }
  return { codes, transcripts, segments };
}

const project = generateProject(new Random(7));
console.log(`# ${project.transcripts.length} transcripts, ${project.segments.length} segments, ${project.codes.length} codes`);
const expression = parseCodeExpression('(Parent 1/** AND Parent 2/**) OR (Child 3.1 NEAR/TURN Child 4.2) OR (Parent 5 AND NOT Parent 6/**)');

// The context is the analysis side of the project index: built once, with every transcript's word
// index, and kept while the project is open. Queries are timed against it.
let context = new AnalysisContext(project);
const contextMs = timeMs(3, () => {
  context = new AnalysisContext(project);
  for (const t of project.transcripts) context.words(t.path);
});
console.log(`# context (built once per project state): ${contextMs.toFixed(1)} ms`);
const parents = project.codes.filter((c) => c.parent === null).map((c) => c.id);
// Each query cold: what one query kept for the next is dropped before every run.
const cold = (action: () => void) => () => {
  context.dropQueryCaches();
  action();
};
const figures = {
  crosstab: timeMs(5, cold(() => crosstab(context, 'sector'))),
  coOccurrence: timeMs(5, cold(() => coOccurrence(context, { codes: parents }))),
  query: timeMs(5, cold(() => runExpression(context, expression))),
};
for (const [name, ms] of Object.entries(figures)) console.log(`# ${name}: ${ms.toFixed(1)} ms`);
console.log(`bench query.ms_100k ${Math.max(figures.crosstab, figures.coOccurrence, figures.query).toFixed(1)} ms`);
