/**
 * REFI-QDA memos in all their shapes as Grounded memo files: Notes attached to a code, a source or
 * the project (or to nothing), a source's Description and the project's Description. Notes attached
 * only to selections or codings are not files: they became those segments' comments.
 */
import type { RefiModel, RefiNote } from './import-model';
import { type Memo, renderMemo } from './memo-files';
import { slugify, uniquePath } from './project-files';

export interface MemoTargets {
  /** Code GUID → Grounded code id. */
  codeIds: ReadonlyMap<string, string>;
  /** Source GUID → transcript path, for the sources imported. */
  transcripts: ReadonlyMap<string, { path: string; label: string }>;
  /** Text of a note, from its content or its file. */
  noteText(note: RefiNote): string;
  /** Notes of links imported as code relations: their text is the relation's note. */
  relationNotes?: ReadonlySet<string>;
}

export const MEMOS_FOLDER = 'memos';

export function importMemos(model: RefiModel, targets: MemoTargets, usedPaths: Set<string>): { path: string; content: string }[] {
  const memos: Omit<Memo, 'path'>[] = [];
  // A note referred to from several codes and sources is about all of them, as a memo can be.
  const codesOfNote = new Map<string, string[]>();
  const transcriptsOfNote = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, guid: string, value: string): void => {
    const values = map.get(guid) ?? [];
    if (!values.includes(value)) map.set(guid, [...values, value]);
  };
  for (const code of model.codes) for (const guid of code.noteRefs) add(codesOfNote, guid, targets.codeIds.get(code.guid)!);
  for (const source of model.sources) {
    const transcript = targets.transcripts.get(source.guid);
    if (!transcript) continue;
    for (const guid of source.noteRefs) add(transcriptsOfNote, guid, transcript.path);
    if (source.description) memos.push({ title: `${transcript.label}: description`, text: source.description, transcripts: [transcript.path] });
  }
  const onSelections = selectionNotes(model);
  for (const note of model.notes.values()) {
    const codes = codesOfNote.get(note.guid);
    const transcripts = transcriptsOfNote.get(note.guid);
    const consumed = onSelections.has(note.guid) || targets.relationNotes?.has(note.guid) === true;
    const elsewhere = model.projectNoteRefs.includes(note.guid) || !consumed;
    if (codes === undefined && transcripts === undefined && !elsewhere) continue;
    memos.push(memoOf(note, targets.noteText(note), model, codes, transcripts));
  }
  if (model.description) memos.push({ title: 'Project description', text: model.description });
  return memos.map((memo) => {
    const path = uniquePath(MEMOS_FOLDER, slugify(memo.title, 'memo'), usedPaths);
    return { path, content: renderMemo(memo) };
  });
}

function memoOf(note: RefiNote, text: string, model: RefiModel, codes: string[] | undefined, transcripts: string[] | undefined): Omit<Memo, 'path'> {
  const memo: Omit<Memo, 'path'> = { title: note.name, text: note.description ? `${note.description}\n\n${text}` : text };
  if (codes !== undefined) memo.codes = codes;
  if (transcripts !== undefined) memo.transcripts = transcripts;
  const author = note.user === undefined ? undefined : model.users.get(note.user)?.name;
  if (author !== undefined) memo.author = author;
  if (note.created !== undefined) memo.created = note.created;
  return memo;
}

/** Notes attached to selections or codings: they are imported as segment comments. */
function selectionNotes(model: RefiModel): Set<string> {
  const guids = new Set<string>();
  for (const source of model.sources) {
    for (const selection of source.selections) {
      for (const guid of selection.noteRefs) guids.add(guid);
      for (const coding of selection.codings) for (const guid of coding.noteRefs) guids.add(guid);
    }
    for (const coding of source.codings) for (const guid of coding.noteRefs) guids.add(guid);
  }
  return guids;
}
