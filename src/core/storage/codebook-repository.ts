import { Codebook, isHexColor, nextColor } from '../codebook';
import type { Code, CodeId, CodeRelation, FileProblem } from '../model';
import type { FileSystem, IdSource } from '../ports';
import { StoreError } from './errors';
import { UnreadableFileError, readFileText } from './file-text';
import type { FileWriter } from './file-writer';
import type { History } from './history';
import { CODES_DIR, codeFilePath, parseCodeFile, parseCodeFilePath, serializeCodeFile } from './format';

export interface NewCode {
  name: string;
  parent?: CodeId | null;
  color?: string;
  description?: string;
  /** The coding round the code is created in. */
  round?: string;
}

export type CodePatch = Partial<Pick<Code, 'name' | 'parent' | 'color' | 'description'>> & DefinitionPatch;

/** The codebook's definition fields; `undefined` or empty text removes one. */
export type DefinitionPatch = Partial<Pick<Code, 'inclusion' | 'exclusion' | 'example'>>;

/** The codes, one file each under `.grounded/codes/`. Writes go through the shared FileWriter. */
export class CodebookRepository {
  private codes = new Map<CodeId, Code>();
  /** Problems of code files that could not be read, by path. */
  readonly problems = new Map<string, FileProblem[]>();
  private view: Codebook | undefined;

  constructor(
    private readonly fs: FileSystem,
    private readonly writer: FileWriter,
    private readonly ids: IdSource,
    private readonly history: History,
  ) {}

  async load(): Promise<void> {
    this.codes.clear();
    this.problems.clear();
    const entries = await this.fs.readDirectory(CODES_DIR);
    const paths = entries
      .filter((e) => e.kind === 'file' && e.name.endsWith('.json'))
      .map((e) => `${CODES_DIR}/${e.name}`)
      .sort();
    // Read together, taken in file-name order: the codebook's order must not depend on which read
    // finished first.
    const texts = await Promise.all(paths.map((path) => readFileText(this.fs, path)));
    paths.forEach((path, i) => this.accept(path, texts[i]));
    this.view = undefined;
  }

  codebook(): Codebook {
    this.view ??= new Codebook(this.codes.values());
    return this.view;
  }

  add(input: NewCode): Code {
    const name = validName(input.name);
    const parent = input.parent ?? null;
    if (parent !== null && !this.codes.has(parent)) throw new StoreError(`There is no parent code with id ${parent}.`);
    const color = input.color ?? nextColor(this.codes.values(), parent);
    if (!isHexColor(color)) throw new StoreError(`"${color}" is not a colour of the form #rrggbb.`);
    const code: Code = { id: this.ids.next('c-'), name, parent, color, description: input.description ?? '' };
    if (input.round !== undefined) code.round = input.round;
    this.put(code);
    return code;
  }

  update(id: CodeId, patch: CodePatch): Code {
    const code = this.require(id);
    const next: Code = { ...code, ...patch };
    if (patch.name !== undefined) next.name = validName(patch.name);
    withoutEmptyDefinitions(next);
    if (patch.color !== undefined && !isHexColor(patch.color)) {
      throw new StoreError(`"${patch.color}" is not a colour of the form #rrggbb.`);
    }
    if (patch.parent !== undefined && patch.parent !== null) {
      if (!this.codes.has(patch.parent)) throw new StoreError(`There is no parent code with id ${patch.parent}.`);
      if (this.codebook().wouldCycle(id, patch.parent)) {
        throw new StoreError(`"${code.name}" cannot be placed inside itself or one of its own sub-codes.`);
      }
    }
    this.put(next);
    return next;
  }

  /**
   * Put a whole code record in place (gathering sets and clears fields `update` does not know).
   * Only an existing code, unless `create`: un-gathering re-creates a gathered code with its id.
   */
  replace(code: Code, create = false): void {
    if (!create) this.require(code.id);
    this.put({ ...code, name: validName(code.name) });
  }

  /** Delete one code; its children move up to its parent, so no sub-code disappears with it. */
  delete(id: CodeId): { reparented: number } {
    const code = this.require(id);
    const children = this.codebook().children(id);
    for (const child of children) this.put({ ...child, parent: code.parent });
    this.set(id, undefined);
    return { reparented: children.length };
  }

  /** Replace a code's relations (theoretical coding); none leaves the key out of its file. */
  setRelations(id: CodeId, relations: CodeRelation[]): Code {
    const { relations: _previous, ...rest } = this.require(id);
    const next: Code = relations.length > 0 ? { ...rest, relations } : rest;
    this.put(next);
    return next;
  }

  /** A code file changed on disk (or its own write echoed): returns whether the codebook changed. */
  reload(path: string, content: string | undefined | UnreadableFileError): boolean {
    const before = this.snapshotOf(path);
    this.accept(path, content);
    this.view = undefined;
    return before !== this.snapshotOf(path);
  }

  require(id: CodeId): Code {
    const code = this.codes.get(id);
    if (!code) throw new StoreError(`There is no code with id ${id} (it may have been deleted).`);
    return code;
  }

  private put(code: Code): void {
    this.set(code.id, code);
  }

  /** The one place a code changes: recorded for undo, written through the FileWriter. */
  private set(id: CodeId, code: Code | undefined, record = true): void {
    const before = this.codes.get(id);
    if (before === code) return;
    if (record) this.history.record({ apply: (direction) => this.set(id, direction === 'before' ? before : code, false) });
    if (code) this.codes.set(id, code);
    else this.codes.delete(id);
    this.view = undefined;
    this.writer.schedule(codeFilePath(id), () => {
      const current = this.codes.get(id);
      return current ? serializeCodeFile(current) : null;
    });
  }

  private accept(path: string, content: string | undefined | UnreadableFileError): void {
    const id = parseCodeFilePath(path);
    this.problems.delete(path);
    if (content instanceof UnreadableFileError) {
      // Malformed like a file that does not parse: its code is left out and the file never rewritten.
      this.problems.set(path, [content.problem]);
      if (id) this.codes.delete(id);
      return;
    }
    this.writer.remember(path, content);
    if (content === undefined) {
      if (id) this.codes.delete(id);
      return;
    }
    const result = parseCodeFile(path, content);
    if (!result.ok) {
      this.problems.set(path, result.problems);
      if (id) this.codes.delete(id);
      return;
    }
    if (result.warnings.length > 0) this.problems.set(path, result.warnings);
    this.codes.set(result.value.id, result.value);
  }

  private snapshotOf(path: string): string {
    const id = parseCodeFilePath(path);
    const code = id ? this.codes.get(id) : undefined;
    return JSON.stringify([code ?? null, this.problems.get(path) ?? null]);
  }
}

function validName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '') throw new StoreError('A code needs a name.');
  return trimmed;
}

/** A definition field set to nothing is removed, so its key leaves the file. */
function withoutEmptyDefinitions(code: Code): void {
  for (const key of ['inclusion', 'exclusion'] as const) if (code[key] === undefined || code[key].trim() === '') delete code[key];
  if (code.example === undefined || code.example.text === '') delete code.example;
}
