/** REFI-QDA codes and users as Grounded codes and coders, with ids derived from their GUIDs. */
import { nextColor } from '../../codebook';
import type { Code, Coder } from '../../model';
import { coderIdFromName } from '../../storage/format';
import { base32Id, idOfGuid } from './guid';
import type { RefiCode, RefiModel } from './import-model';

export interface ImportedCodebook {
  codes: Code[];
  /** Code GUID → Grounded code id. */
  ids: Map<string, string>;
}

export function importCodes(refiCodes: readonly RefiCode[], warn: (message: string) => void): ImportedCodebook {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  // A GUID carrying a Grounded id (our own export) gives that id back, so the import merges with
  // the project it came from; first come, first served should a file repeat one.
  for (const code of refiCodes) {
    const carried = idOfGuid('code', code.guid);
    if (carried !== undefined && !used.has(carried)) {
      used.add(carried);
      ids.set(code.guid, carried);
    }
  }
  for (const code of refiCodes) if (!ids.has(code.guid)) ids.set(code.guid, uniqueId('c-', `code:${code.guid}`, used));
  const codes: Code[] = [];
  for (const refi of refiCodes) {
    const color = normaliseColor(refi.color) ?? nextColor(codes, refi.parent === null ? null : ids.get(refi.parent)!);
    codes.push({
      id: ids.get(refi.guid)!,
      name: refi.name === '' ? 'Unnamed code' : refi.name,
      parent: refi.parent === null ? null : ids.get(refi.parent)!,
      color,
      description: refi.description,
    });
  }
  const folders = refiCodes.filter((c) => !c.codable).length;
  if (folders > 0) warn(`${folders} code(s) are marked not codable (folders); Grounded imports them as ordinary codes`);
  return { codes, ids };
}

/** `#RRGGBB` or `#RGB`, any case, as Grounded's lowercase `#rrggbb`; undefined when not a colour. */
export function normaliseColor(color: string | undefined): string | undefined {
  if (color === undefined) return undefined;
  const value = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(value)) return value;
  if (/^#[0-9a-f]{3}$/.test(value)) return `#${[...value.slice(1)].map((d) => d + d).join('')}`;
  return undefined;
}

/** `prefix` + 12 base32 characters hashed from `key`, re-hashed on the (unlikely) collision. */
export function uniqueId(prefix: string, key: string, used: Set<string>): string {
  let id = `${prefix}${base32Id(key)}`;
  for (let n = 2; used.has(id); n++) id = `${prefix}${base32Id(`${key}#${n}`)}`;
  used.add(id);
  return id;
}

/**
 * Coders by user GUID: named after the user (its name, else its id), with file-name-safe ids made
 * unique. A Coding whose user is unknown falls back to its selection's, the source's and the
 * project's creating user, and finally to one "Imported" coder.
 */
export class CoderDirectory {
  private readonly byGuid = new Map<string, Coder>();
  private readonly taken = new Set<string>();
  private readonly unknown = new Set<string>();
  private fallback: Coder | undefined;

  constructor(
    private readonly model: RefiModel,
    private readonly warn: (message: string) => void,
  ) {}

  coderOf(...users: (string | undefined)[]): Coder {
    for (const guid of [...users, this.model.creatingUser]) {
      if (guid === undefined) continue;
      const known = this.byGuid.get(guid);
      if (known) return known;
      const user = this.model.users.get(guid);
      if (user) return this.register(guid, user.name ?? user.id ?? `User ${guid.slice(0, 8)}`);
      if (!this.unknown.has(guid)) {
        this.unknown.add(guid);
        this.warn(`user ${guid} is not among the file's users; its coding is attributed to the next known user`);
      }
    }
    this.fallback ??= this.newCoder('Imported');
    return this.fallback;
  }

  private register(guid: string, name: string): Coder {
    const coder = this.newCoder(name);
    this.byGuid.set(guid, coder);
    return coder;
  }

  private newCoder(name: string): Coder {
    const base = coderIdFromName(name);
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return { id, name };
  }
}
