/**
 * Harder things that happen to a coded transcript than typo fixes: it is transcribed again (fillers
 * dropped, words misheard, punctuation and speaker labels changed), pseudonymised, reworded,
 * reordered. Each edit goes through a TrackedText, so the fate of every original character is known.
 */
import type { Random } from './random';
import type { TextEdit, TrackedText } from './tracked-text';

/** Personal names said in the interview, and what pseudonymisation replaces them with. */
export const PSEUDONYMS: readonly [string, string][] = [
  ['Amara', 'Beatriz'],
  ['Petrova', '[surname 2]'],
  ['Okafor', 'N.'],
  ['Daniel', '[cousin]'],
  ['Fatima', 'Rosa'],
  ['Haddad', '[employer]'],
  ['Ines', 'Participant 9'],
  ['Tomasz', 'T.'],
  ['P07', 'R-14'],
];

/** Who sentences are about when the interview names people. */
export const NAMED_SUBJECTS: readonly string[] = [
  'I', 'we', 'my mother', 'my father', 'my sister', 'the neighbours', 'the teacher', 'the landlord', 'my husband',
  'the kids', 'everyone', 'people here', 'the social worker', 'my friend Amara', 'Amara', 'Mrs Petrova',
  'Dr Okafor', 'my cousin Daniel', 'Daniel', 'Fatima', 'Mr Haddad', 'Ines', 'Tomasz', 'Fatima and Ines',
];

/** Words a second transcriber hears differently. */
const MISHEARD: Record<string, string> = {
  the: 'a', and: 'an', then: 'them', said: 'set', felt: 'fell', worked: 'walked', papers: 'paper', visa: 'visit',
  rent: 'rant', church: 'search', market: 'markets', kids: 'kid', moved: 'move', asked: 'ask', winter: 'window',
  money: 'many', were: 'where', they: 'there', helped: 'help', waited: 'weighted', lost: 'last', cried: 'tried',
};

/** Rewordings: a word or phrase and what an editor writes instead. */
const SYNONYMS: Record<string, string> = {
  said: 'told us', thought: 'believed', felt: 'was feeling', decided: 'made up our minds', wanted: 'hoped for',
  tried: 'attempted', noticed: 'saw', worried: 'was anxious about', worked: 'laboured', asked: 'inquired about',
  explained: 'described', started: 'began', stopped: 'quit', found: 'discovered', missed: 'longed for',
  'the apartment': 'the flat', 'the papers': 'the documents', 'the job at the factory': 'the factory work',
  'the money': 'the cash', 'the forms': 'the paperwork', 'the kids': 'the children', 'the winter': 'the cold months',
  'back then': 'at that time', 'every single day': 'daily', 'in the end': 'finally', 'for a long time': 'for ages',
};
const ADVERBS = ['really ', 'just ', 'honestly ', 'probably ', 'also '];

/** Every personal name replaced throughout, whole words only, as a find-and-replace would. */
export function pseudonymise(edited: TrackedText): void {
  const text = edited.text;
  const edits: TextEdit[] = [];
  const names = new Map(PSEUDONYMS);
  for (const match of text.matchAll(/[A-Z][A-Za-z0-9]+/g)) {
    const replacement = names.get(match[0]);
    if (replacement !== undefined) edits.push({ start: match.index, end: match.index + match[0].length, text: replacement });
  }
  edited.rewrite(edits);
}

/**
 * The interview transcribed again by someone else: most fillers dropped, a word in 60 misheard, a
 * third of the commas lost, a sentence in ten run on into the next, speaker labels written plainly.
 */
export function retranscribe(random: Random, edited: TrackedText): void {
  const text = edited.text;
  const edits: TextEdit[] = [];
  const taken = (start: number): boolean => edits.length > 0 && edits[edits.length - 1].end > start;
  const tokens = /\*\*([^*\n]+):\*\* |\b(?:[Uu]m|[Uu]h|[Yy]ou know|[Ll]ike), |[A-Za-z]+|, |\. (?=[A-Z])/g;
  for (const match of text.matchAll(tokens)) {
    const start = match.index;
    const token = match[0];
    const end = start + token.length;
    if (taken(start)) continue;
    if (match[1] !== undefined) edits.push({ start, end, text: `${match[1].toUpperCase()}: ` });
    else if (token.endsWith(', ') && token.length > 2) dropFiller(random, text, start, end, edits);
    else if (token === ', ') {
      if (random.chance(0.33)) edits.push({ start, end: start + 1, text: '' });
    } else if (token === '. ') {
      if (random.chance(0.1)) edits.push({ start, end: start + 1, text: ',', substitute: true }, { start: end, end: end + 1, text: text[end].toLowerCase(), substitute: true });
    } else if (random.chance(1 / 60)) {
      const heard = MISHEARD[token] ?? (token.length >= 5 ? token.slice(0, -2) + token[token.length - 1] + token[token.length - 2] : undefined);
      if (heard !== undefined) edits.push({ start, end, text: heard });
    }
  }
  edited.rewrite(edits);
}

function dropFiller(random: Random, text: string, start: number, end: number, edits: TextEdit[]): void {
  if (!random.chance(0.85)) return;
  edits.push({ start, end, text: '' });
  // A filler that began the sentence hands its capital letter on.
  const first = text[start];
  if (first === first.toUpperCase() && /[a-z]/.test(text[end] ?? '')) edits.push({ start: end, end: end + 1, text: text[end].toUpperCase(), substitute: true });
}

/** A share of the participant's sentences reworded: a word or phrase replaced, one added, one left out. */
export function reword(random: Random, edited: TrackedText, share: number): void {
  const text = edited.text;
  const edits: TextEdit[] = [];
  for (const sentence of answerSentences(text)) {
    if (!random.chance(share)) continue;
    const words = [...text.slice(sentence.start, sentence.end).matchAll(/[A-Za-z']+/g)].map((m) => ({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length }));
    if (words.length < 4) continue;
    const local: TextEdit[] = [];
    const phrase = Object.keys(SYNONYMS).find((key) => text.slice(sentence.start, sentence.end).includes(` ${key} `) && random.chance(0.7));
    if (phrase !== undefined) {
      const at = text.indexOf(` ${phrase} `, sentence.start) + 1;
      local.push({ start: at, end: at + phrase.length, text: SYNONYMS[phrase] });
    }
    const dropped = random.pick(words.slice(1));
    if (!local.some((e) => e.start < dropped.end + 1 && dropped.start < e.end)) local.push({ start: dropped.start, end: dropped.end + 1, text: '' });
    const before = random.pick(words.slice(1));
    if (!local.some((e) => e.start <= before.start && before.start < e.end)) local.push({ start: before.start, end: before.start, text: random.pick(ADVERBS) });
    edits.push(...local.sort((a, b) => a.start - b.start || a.end - b.end));
  }
  edited.rewrite(edits);
}

/** Sentences of the participant's answers (not the interviewer's questions, not speaker labels). */
function answerSentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n\n', at);
    if (end === -1) end = text.length;
    const label = /^(?:\*\*)?([^*\n:]+):(?:\*\*)? /.exec(text.slice(at, end));
    if (label && !/interviewer/i.test(label[1])) {
      const body = at + label[0].length;
      let start = body;
      for (const stop of text.slice(body, end).matchAll(/[.?!](?= |$)/g)) {
        out.push({ start, end: body + stop.index + 1 });
        start = body + stop.index + 2;
      }
    }
    at = end + 2;
  }
  return out.filter((s) => s.end > s.start);
}

/** `count` answers (with the blank line after them) moved elsewhere, each to another paragraph start. */
export function moveParagraphs(random: Random, edited: TrackedText, count: number): void {
  for (let i = 0; i < count; i++) {
    const starts = paragraphStarts(edited.text);
    const from = random.int(2, starts.length - 2);
    const start = starts[from];
    const end = starts[from + 1];
    const remaining = paragraphStarts(edited.text.slice(0, start) + edited.text.slice(end));
    let to = remaining[random.int(1, remaining.length - 1)];
    if (to === start) to = remaining[Math.max(1, remaining.indexOf(to) - 3)];
    edited.move(start, end, to);
  }
}

function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n\n'); i !== -1; i = text.indexOf('\n\n', i + 2)) starts.push(i + 2);
  return starts;
}
