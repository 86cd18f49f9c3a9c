/**
 * Writes the demo project's coding files (demo/.grounded/coding/**) from the plan below.
 * Run with `npx tsx scripts/generate-demo-coding.ts`. The output is deterministic: segment ids are
 * derived from transcript, coder and phrase, so running it again reproduces the same files.
 *
 * Each plan line is `coder | codes (by name, separated by ;) | exact phrase | optional comment`,
 * under a `# <transcript path>` line. A phrase must occur exactly once in its transcript.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PLAN = `
# interviews/p01-amara.md
dana | Barriers | When I finally left, I didn't know that there was anything like this centre. I thought, if you are not from here, there is nothing for you.
dana | Agency and control | I just thought, I am a person. I took my bag and I walked out while they were having lunch.
dana | Peer support | She was the one who said, go to the drop-in, they don't ask for papers at the door.
dana | Agency and control | My employer had my passport, she always said it was "for safekeeping".
dana | Fear of authorities; Mistrust | So when somebody says "services", in my head I hear "police", I hear "immigration". It's the same door for me.
dana | Trusted professionals | She took me in and made me tea and she didn't ask me anything for maybe half an hour.
dana | Trusted professionals; Agency and control | When you have been controlled for a long time, somebody waiting for you is, um, it's a big thing.
dana | Practical help | A phone, a proper phone with my own number
dana | Bureaucracy | So many forms, and every form asks the same questions in a different way.
dana | Mistrust | And then you feel like they think you are lying because you can't say the date. | Not being believed: coded as Mistrust for now; discuss whether it needs a code of its own.
dana | Bureaucracy; Agency and control | That waiting, it's its own kind of, um, prison is too strong. But a waiting room. You live in a waiting room.
dana | Housing insecurity | The first night I just locked and unlocked the door, many times.
dana | Peer support | I don't have to prove anything in that room.
dana | Bureaucracy | Every time a new person, I tell the whole story again from the beginning.
dana | Language | It's not a crime to write simple.
dana | Work and self-worth | I know what I'm worth now. Before, I didn't.
dana | Hope; Peer support | I can sit with her and make the tea. Like Joy did for me. That gives me hope. That it goes around.
sam | Barriers | I thought, if you are not from here, there is nothing for you. You are on your own.
sam | Shame | The lady shouted at me in front of her friends.
sam | Fear of authorities | And she told me many times that if I went to anybody official they would put me on a plane the same day.
sam | Fear of authorities | It's the same door for me.
sam | Trusted professionals | The second time a volunteer was outside smoking and she said hello, like it was normal, like I was normal.
sam | Mistrust | Because everybody before wanted something from me.
sam | Practical help | Food vouchers. A warm coat, finally.
sam | Trusted professionals; Bureaucracy | she helped me with the forms for the national referral
sam | Agency and control; Mistrust | It felt like being back in the kitchen, with somebody deciding if I am good enough.
sam | Bureaucracy | Eleven months of checking the post every day.
sam | Housing insecurity | I had to take two buses to come to the group on Thursdays.
sam | Peer support | When I say to them, my employer said this and this, nobody asks me "are you sure?".
sam | Trusted professionals | Maybe, one person. One person who stays.
sam | Language; Bureaucracy | the letters from the Home Office, even my English teacher couldn't understand them
sam | Hope; Work and self-worth | I want to work in a care home, with old people.
sam | Trusted professionals | Just be there when she comes back.
sam | Trusted professionals | She took me in and made me tea
sam | Peer support | I don't have to prove anything in that room.
sam | Bureaucracy | every form asks the same questions in a different way
sam | Work and self-worth | I know what I'm worth now.

# interviews/p02-tomasz.md
dana | Agency and control | Everything included, and then everything taken out of the wage.
dana | Agency and control | The debt was like — how do you say — like water in a boat.
dana | Housing insecurity | Eleven men in one house. Three bedrooms. Mattresses on the floor.
dana | Peer support | some of the men there were very good friends to me
dana | Shame | In my head a man who is in this situation is stupid. I was ashamed. I didn't want my brother at home to know.
dana | Shame; Agency and control | It took me a long time to understand it wasn't my mistake.
dana | Hope; Agency and control | I kept the card in my sock for two weeks.
dana | Language; Trusted professionals | Hearing my language from somebody who is on my side.
dana | Mistrust; Hope | Maybe sixty percent. But sixty was enough.
dana | Fear of authorities | My whole body said run.
dana | Bureaucracy | So I need a document to get a document.
dana | Trusted professionals | With her there, different face, different voice. Suddenly it's possible.
dana | Housing insecurity; Agency and control | That was a big moment, to sign my name.
dana | Work and self-worth | I'm proud of what I can do with my hands.
dana | Trusted professionals | You have to hear the bigger thing behind the small question.
sam | Agency and control | He said, this is the debt for the ticket, you pay it back and then it's better.
sam | Housing insecurity | Mattresses on the floor. It was, uh, it was not a good place.
sam | Peer support; Hope | we will get out, we will get out, like a song
sam | Language; Agency and control | the boss has my ID card "for the payroll", my English at that time was maybe fifty words
sam | Shame | And I'm a man, you know? Forty years old.
sam | Shame | Somebody made a plan, and I walked into the plan. That's different.
sam | Practical help | she gave me a little card, with a number
sam | Language | the first person didn't speak Polish, and I almost put the phone down
sam | Fear of authorities; Mistrust | He said nobody will arrest you for this. At the time I didn't believe him one hundred percent.
sam | Fear of authorities | police is not your friend
sam | Bureaucracy | So many organisations. The charity, the council, the job centre, the solicitor.
sam | Practical help; Trusted professionals | She had a big folder for me, with everything, all copies, colours, very organised.
sam | Language; Mistrust | When I am alone, they see a foreign worker with bad English.
sam | Work and self-worth; Mistrust | I check every payslip very carefully. | Checking every payslip: a habit left by years of wage theft.
sam | Peer support | But it's good to have someone who knows without explaining.
sam | Trusted professionals; Fear of authorities | Let the first door be somebody with tea.
sam | Agency and control; Hope | But now I can choose, and before I couldn't choose anything.
sam | Shame | I was ashamed.
sam | Bureaucracy | So I need a document to get a document.
sam | Work and self-worth | I'm proud of what I can do with my hands.
sam | Fear of authorities | My whole body said run.

# interviews/p03-lucia.md
dana | Housing insecurity | Six of us in a caravan for four.
dana | Peer support | But the women in my caravan, we became like a family.
dana | Agency and control | It's not a job. It's a trap with a job inside.
dana | Fear of authorities | And I was scared of the police because the manager said, your visa is connected to us
dana | Mistrust | Nobody tells you what is true.
dana | Language; Practical help | She gave us leaflets in Spanish, in Bulgarian, in Romanian.
dana | Language | But when you read it in your own language, written by someone who is not the boss, suddenly the world is different.
dana | Trusted professionals; Shame | She said, you did nothing wrong. Three times she said it.
dana | Mistrust | Some people, um, they look at you like a number.
dana | Bureaucracy | Each office sends you to the other office.
dana | Language; Mistrust | My story didn't change. My English changed. | Strong quote for the findings: language difficulty read as inconsistency.
dana | Peer support; Agency and control | I tell new people, your English is not your story.
dana | Shame | I didn't want her to feel guilty, because the money was for her.
dana | Hope | I want to be an interpreter, for the courts, for the hospitals.
dana | Peer support | Nobody from outside could do that step for us.
sam | Mistrust | The agency in my country was very professional, with a website, a nice office.
sam | Peer support | she knew everything — which supervisor was okay, which one you avoid
sam | Agency and control | if you go you pay the agency fee, two thousand pounds
sam | Fear of authorities | your visa is connected to us, if you make problems, the visa finishes and you are illegal
sam | Trusted professionals | A woman from there came to the supermarket car park on a Sunday, pretending to be shopping.
sam | Peer support; Hope | We read them with a torch like teenagers.
sam | Agency and control | That the fee was illegal. That they cannot take your passport. That you can change employer.
sam | Bureaucracy; Housing insecurity | They said I'm not eligible, I need a form from the Home Office, the Home Office said I need a letter from the housing.
sam | Hope | She said, you are the brave one in the family.
sam | Work and self-worth | I'm working in a hotel, in the laundry, with a real contract.
sam | Trusted professionals | Go to the supermarket car park on Sunday.
sam | Mistrust; Trusted professionals | It costs nothing to believe someone.
sam | Housing insecurity | Six of us in a caravan for four. Cold at night, even in June.
sam | Bureaucracy | Each office sends you to the other office.
sam | Language | My story didn't change. My English changed.
sam | Peer support | Nobody from outside could do that step for us.

# interviews/p04-kwame.md
dana | Agency and control | Seven days, twelve hours, standing in water.
dana | Housing insecurity | I lived in a room above the shop with four other guys.
dana | Shame | I thought I was just unlucky.
dana | Shame | I told my mother on the phone I was working in a garage, a mechanic.
dana | Fear of authorities | I thought, that's it, I'm finished, they'll send me back with nothing
dana | Trusted professionals | She sat on the floor with us — on the floor, in her good trousers.
dana | Mistrust | I thought she was a trick, to make us talk.
dana | Trusted professionals | After maybe ten small promises, I started to believe the big one.
dana | Peer support; Hope | I'm proof that it ends.
dana | Fear of authorities | So the fear isn't crazy. It's information.
dana | Housing insecurity | You can't heal in a hostel with forty guys shouting all night.
dana | Work and self-worth; Bureaucracy | For a man who defines himself by work, that's — you're taking the last thing he has.
dana | Peer support | Only we can make those jokes.
dana | Work and self-worth | Work is dignity.
sam | Agency and control | The owner kept my passport and paid us in cash when he felt like it.
sam | Shame | She was proud. I couldn't tell her I was washing cars for nothing.
sam | Fear of authorities; Mistrust | I gave them a fake name.
sam | Shame | Victim? Me? I'm a grown man.
sam | Trusted professionals | Trust is like that. You build it with bricks, not in one day.
sam | Peer support; Practical help | I go with them to appointments, I explain what the letters mean
sam | Peer support | Professionals can say "it will be okay". I can show it.
sam | Mistrust | Some guys think I'm working for the police
sam | Fear of authorities | Everything comes back to that.
sam | Housing insecurity | I've seen men go back to exploiters because the exploiter at least gave them a bed.
sam | Bureaucracy | One of my guys waited fourteen months for his decision.
sam | Peer support | there's a peer group for us mentors, we meet every two weeks
sam | Work and self-worth | It's just what he's owed.
sam | Work and self-worth; Bureaucracy | Let people work while they wait.
sam | Shame; Hope | Properly proud, of the true thing.
sam | Shame | I told my mother on the phone I was working in a garage
sam | Housing insecurity | You can't heal in a hostel
sam | Peer support | I'm proof that it ends.
sam | Work and self-worth; Agency and control | Work is dignity. Work is how you stop being a victim and start being a person again.

# interviews/p05-mei.md
dana | Agency and control | After six years I still owed him. Every year the number was bigger, never smaller.
dana | Housing insecurity | Above the restaurant, in the storage room. With the rice bags and the oil.
dana | Agency and control | On the day the restaurant was closed, I cleaned the restaurant.
dana | Language | The English world was like a television with no sound.
dana | Trusted professionals; Language | Nobody had asked me a real question for six years.
dana | Practical help | She wrote it inside the box for my medicine.
dana | Fear of authorities | they will put you in prison because your visa is finished a long time ago
dana | Emotions | So I was afraid for my son more than for myself.
dana | Language | A woman answered in Mandarin. That was the first good thing.
dana | Agency and control; Trusted professionals | she said, you decide, and you can take your time
dana | Practical help; Language | with a drawing, a diagram, like a map
dana | Language; Bureaucracy | The inconsistencies were the interpreter!
dana | Trusted professionals | The lawyer asked for a second interview, with a person in the room, a woman.
dana | Peer support | But I know they know. It's enough.
dana | Hope | For the first time, I have a future to feel about.
dana | Barriers | Quiet is not the same as okay.
`;

const CODERS: Record<string, { id: string; name: string }> = {
  dana: { id: 'dana-reyes', name: 'Dana Reyes' },
  sam: { id: 'sam-okafor', name: 'Sam Okafor' },
};
const CONTEXT_LENGTH = 32;
const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // lowercase Crockford base32
const DEMO = join(dirname(fileURLToPath(import.meta.url)), '..', 'demo');

interface PlannedSegment {
  transcript: string;
  coder: string;
  codeNames: string[];
  phrase: string;
  comment?: string;
}

function readPlan(plan: string): PlannedSegment[] {
  const segments: PlannedSegment[] = [];
  let transcript: string | undefined;
  for (const [index, raw] of plan.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('# ')) {
      transcript = line.slice(2).trim();
      continue;
    }
    const [coder, codes, phrase, comment, ...rest] = line.split(' | ').map((part) => part.trim());
    if (transcript === undefined || phrase === undefined || rest.length > 0 || CODERS[coder] === undefined) {
      throw new Error(`Plan line ${index}: expected "coder | codes | phrase | comment?" under a "# transcript" line: ${line}`);
    }
    segments.push({ transcript, coder, codeNames: codes.split(';').map((c) => c.trim()), phrase, ...(comment ? { comment } : {}) });
  }
  return segments;
}

function readCodeIds(): Map<string, string> {
  const folder = join(DEMO, '.grounded', 'codes');
  const ids = new Map<string, string>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
    const code = JSON.parse(readFileSync(join(folder, file), 'utf8')) as { id: string; name: string };
    ids.set(code.name, code.id);
  }
  return ids;
}

/** The transcript as the core sees it: LF line endings, no byte-order mark. */
function readTranscript(path: string): string {
  return readFileSync(join(DEMO, path), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function findOnce(text: string, phrase: string, where: string): number {
  const first = text.indexOf(phrase);
  if (first === -1) throw new Error(`${where}: phrase not found: "${phrase}"`);
  if (text.indexOf(phrase, first + 1) !== -1) throw new Error(`${where}: phrase occurs more than once: "${phrase}"`);
  return first;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Up to CONTEXT_LENGTH code units either side, shortened rather than cutting an emoji in half. */
function contextAround(text: string, start: number, end: number): { prefix: string; suffix: string } {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd--;
  return { prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) };
}

/** 60 bits of a hash of what identifies the segment, as 12 base32 characters. */
function segmentId(transcript: string, coderId: string, phrase: string): string {
  const digest = createHash('sha256').update(`${transcript}\n${coderId}\n${phrase}`).digest();
  let bits = digest.readBigUInt64BE(0) >> 4n;
  let id = '';
  for (let i = 0; i < 12; i++, bits >>= 5n) id = ID_ALPHABET[Number(bits & 31n)] + id;
  return `s-${id}`;
}

function toRecord(planned: PlannedSegment, text: string, codeIds: Map<string, string>): Record<string, unknown> {
  const where = `${planned.transcript} (${planned.coder})`;
  const codes = [...new Set(planned.codeNames.map((name) => {
    const id = codeIds.get(name);
    if (id === undefined) throw new Error(`${where}: no code named "${name}"`);
    return id;
  }))].sort();
  const start = findOnce(text, planned.phrase, where);
  const end = start + planned.phrase.length;
  return {
    id: segmentId(planned.transcript, CODERS[planned.coder].id, planned.phrase),
    codes,
    start,
    end,
    exact: text.slice(start, end),
    ...contextAround(text, start, end),
    ...(planned.comment !== undefined ? { comment: planned.comment } : {}),
  };
}

function codingFileText(coder: { id: string; name: string }, records: Record<string, unknown>[]): string {
  const sorted = [...records].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].id === sorted[i - 1].id) throw new Error(`Duplicate segment ${String(sorted[i].id)} for ${coder.id}`);
  }
  const header = { format: 'grounded-coding', version: 1, coder: { id: coder.id, name: coder.name } };
  return [header, ...sorted].map((line) => JSON.stringify(line)).join('\n') + '\n';
}

function main(): void {
  const codeIds = readCodeIds();
  const byFile = new Map<string, { coder: string; transcript: string; records: Record<string, unknown>[] }>();
  const texts = new Map<string, string>();
  for (const planned of readPlan(PLAN)) {
    if (!texts.has(planned.transcript)) texts.set(planned.transcript, readTranscript(planned.transcript));
    const key = `${planned.transcript}\n${planned.coder}`;
    const entry = byFile.get(key) ?? { coder: planned.coder, transcript: planned.transcript, records: [] };
    entry.records.push(toRecord(planned, texts.get(planned.transcript) ?? '', codeIds));
    byFile.set(key, entry);
  }
  const codingRoot = join(DEMO, '.grounded', 'coding');
  rmSync(codingRoot, { recursive: true, force: true });
  for (const { coder, transcript, records } of byFile.values()) {
    const folder = join(codingRoot, ...transcript.split('/'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${CODERS[coder].id}.jsonl`), codingFileText(CODERS[coder], records));
    console.log(`${transcript} ${CODERS[coder].id}: ${records.length} segments`);
  }
}

main();
