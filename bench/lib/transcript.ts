import type { TextRange } from '../../src/core/model';
import type { Random } from './random';
import { COMPLEMENTS, FILLERS, OBJECTS, QUESTIONS, SHORT_ANSWERS, STOCK_SENTENCES, SUBJECTS, VERBS } from './vocabulary';

export interface Transcript {
  text: string;
  /** The participant's answers: where segments are coded. */
  answers: TextRange[];
  /** Every paragraph (turn), including its speaker label, without the blank line after it. */
  paragraphs: TextRange[];
}

/** A Markdown interview of about `words` words: speaker turns, hesitations, repeated phrases. */
/** `subjects`: who the sentences are about (a list with personal names, for pseudonymisation). */
export function generateTranscript(random: Random, words: number, speaker = 'P07', subjects: readonly string[] = SUBJECTS): Transcript {
  const answers: TextRange[] = [];
  const paragraphs: TextRange[] = [];
  let text = `# Interview ${speaker}\n\n`;
  let count = 0;
  while (count < words) {
    const question = `**Interviewer:** ${random.pick(QUESTIONS)}`;
    paragraphs.push({ start: text.length, end: text.length + question.length });
    text += `${question}\n\n`;
    const label = `**${speaker}:** `;
    const answer = answerText(random, subjects);
    paragraphs.push({ start: text.length, end: text.length + label.length + answer.length });
    answers.push({ start: text.length + label.length, end: text.length + label.length + answer.length });
    text += `${label}${answer}\n\n`;
    count += wordCount(question) + wordCount(answer) + 1;
  }
  return { text: text.slice(0, -1), answers, paragraphs };
}

export function answerText(random: Random, subjects: readonly string[] = SUBJECTS): string {
  if (random.chance(0.08)) return random.pick(SHORT_ANSWERS);
  const sentences: string[] = [];
  const target = random.int(2, 12);
  for (let i = 0; i < target; i++) sentences.push(random.chance(0.12) ? random.pick(STOCK_SENTENCES) : sentence(random, subjects));
  return sentences.join(' ');
}

function sentence(random: Random, subjects: readonly string[]): string {
  const parts: string[] = [];
  if (random.chance(0.35)) parts.push(random.pick(FILLERS));
  parts.push(random.pick(subjects), random.pick(VERBS));
  if (random.chance(0.25)) parts.push(random.pick(FILLERS));
  parts.push(random.pick(OBJECTS));
  if (random.chance(0.6)) parts.push(random.pick(COMPLEMENTS));
  if (random.chance(0.3)) parts.push(random.chance(0.5) ? 'and' : 'but', random.pick(subjects), random.pick(VERBS), random.pick(OBJECTS));
  const words = parts.join(' ');
  const ending = random.chance(0.1) ? '...' : random.chance(0.1) ? ' — you know?' : '.';
  return words.charAt(0).toUpperCase() + words.slice(1) + ending;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
