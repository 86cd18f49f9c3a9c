/**
 * A two-interview project small enough to compute every analysis result by hand. Offsets are found
 * from the quoted phrases, so the expectations in the tests read as text.
 *
 * a.md — Ana, sector housing, age 25, interviewed 2024-01-10
 *   Q: How was it?
 *   Ana: I felt unheard at work. The pay was low. My family helped.
 *     s1 dana Invalidation  "I felt unheard at work. The pay"
 *     s2 dana Pay           "The pay was low."
 *     s3 sam  Family        "My family helped."
 *     s4 sam  Pay/Low pay   "pay was low"
 * b.md — Ben, sector advocacy, age 40, interviewed 2023-12-01
 *   Interviewer: Tell me.
 *   Ben: Nobody listened to me. Money was short. We moved a lot.
 *     s5 dana Invalidation  "Nobody listened to me."
 *     s6 sam  Pay           "Money was short."
 */
import type { AnalysisProject, AnalysisSegment } from '../../../src/core/analysis';

export const A_TEXT = 'Q: How was it?\nAna: I felt unheard at work. The pay was low. My family helped.\n';
export const B_TEXT = 'Interviewer: Tell me.\nBen: Nobody listened to me. Money was short. We moved a lot.\n';

function segment(id: string, transcript: string, text: string, coder: string, code: string, phrase: string): AnalysisSegment {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`fixture: "${phrase}" not in ${transcript}`);
  return { id, transcript, coder, codes: [code], start, end: start + phrase.length };
}

function turn(text: string, speaker: string, from: string) {
  const start = text.indexOf(from);
  return { speaker, start, end: text.indexOf('\n', start), textStart: start + from.length + 1 };
}

export function fixtureProject(): AnalysisProject {
  return {
    codes: [
      { id: 'inv', name: 'Invalidation', parent: null },
      { id: 'pay', name: 'Pay', parent: null },
      { id: 'low', name: 'Low pay', parent: 'pay' },
      { id: 'fam', name: 'Family', parent: null },
    ],
    transcripts: [
      {
        path: 'a.md',
        participant: 'Ana',
        attributes: { sector: 'housing', age: 25, interview_date: '2024-01-10' },
        text: A_TEXT,
        turns: [turn(A_TEXT, 'Q', 'Q:'), turn(A_TEXT, 'Ana', 'Ana:')],
      },
      {
        path: 'b.md',
        participant: 'Ben',
        attributes: { sector: 'advocacy', age: 40, interview_date: '2023-12-01' },
        text: B_TEXT,
        turns: [turn(B_TEXT, 'Interviewer', 'Interviewer:'), turn(B_TEXT, 'Ben', 'Ben:')],
      },
    ],
    segments: [
      segment('s1', 'a.md', A_TEXT, 'dana', 'inv', 'I felt unheard at work. The pay'),
      segment('s2', 'a.md', A_TEXT, 'dana', 'pay', 'The pay was low.'),
      segment('s3', 'a.md', A_TEXT, 'sam', 'fam', 'My family helped.'),
      segment('s4', 'a.md', A_TEXT, 'sam', 'low', 'pay was low'),
      segment('s5', 'b.md', B_TEXT, 'dana', 'inv', 'Nobody listened to me.'),
      segment('s6', 'b.md', B_TEXT, 'sam', 'pay', 'Money was short.'),
    ],
  };
}
