/**
 * Where each kind of file lives in a project, and the shapes of the ids that name them.
 * All paths are project-relative POSIX paths.
 */
import type { CodeId, SegmentId } from '../../model';

export const GROUNDED_DIR = '.grounded';
export const PROJECT_FILE = '.grounded/project.json';
export const CODES_DIR = '.grounded/codes';
export const CODING_DIR = '.grounded/coding';
export const CACHE_DIR = '.grounded/cache';
/** Keeps the rebuildable cache out of version control. */
export const GITIGNORE_FILE = '.grounded/.gitignore';
export const GITIGNORE_CONTENT = 'cache/\n';

/** `c-` + 12 characters of lowercase Crockford base32 (no i, l, o, u). */
export const CODE_ID_PATTERN = /^c-[0-9a-hjkmnp-tv-z]{12}$/;
/** `s-` + 12 characters of lowercase Crockford base32. */
export const SEGMENT_ID_PATTERN = /^s-[0-9a-hjkmnp-tv-z]{12}$/;
/** Lowercase ASCII letters and digits in runs joined by single hyphens: safe in any file system. */
export const CODER_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** `#rrggbb`; files may use either case, Grounded writes lowercase. */
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

const CODE_FILE_SUFFIX = '.json';
const CODING_FILE_SUFFIX = '.jsonl';
/** Long names are cut so a coder's file name stays far below file-system limits. */
const MAX_CODER_ID_LENGTH = 64;
const FALLBACK_CODER_ID = 'coder';

export function isCodeId(value: unknown): value is CodeId {
  return typeof value === 'string' && CODE_ID_PATTERN.test(value);
}

export function isSegmentId(value: unknown): value is SegmentId {
  return typeof value === 'string' && SEGMENT_ID_PATTERN.test(value);
}

export function isCoderId(value: unknown): value is string {
  return typeof value === 'string' && CODER_ID_PATTERN.test(value);
}

/** A relative POSIX path without empty, `.` or `..` segments: it cannot escape the project. */
export function isProjectRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

export function codeFilePath(id: CodeId): string {
  if (!isCodeId(id)) throw new Error(`Not a code id: ${JSON.stringify(id)}`);
  return `${CODES_DIR}/${id}${CODE_FILE_SUFFIX}`;
}

/** The code id a code file's path names, or undefined when the path is not a code file's. */
export function parseCodeFilePath(path: string): CodeId | undefined {
  const prefix = `${CODES_DIR}/`;
  if (!path.startsWith(prefix) || !path.endsWith(CODE_FILE_SUFFIX)) return undefined;
  const id = path.slice(prefix.length, -CODE_FILE_SUFFIX.length);
  return isCodeId(id) ? id : undefined;
}

export function codingFilePath(transcript: string, coderId: string): string {
  if (!isProjectRelativePath(transcript)) {
    throw new Error(`Not a project-relative transcript path: ${JSON.stringify(transcript)}`);
  }
  if (!isCoderId(coderId)) throw new Error(`Not a coder id: ${JSON.stringify(coderId)}`);
  return `${CODING_DIR}/${transcript}/${coderId}${CODING_FILE_SUFFIX}`;
}

/** The transcript and coder a coding file's path names, or undefined when it is not a coding file's. */
export function parseCodingFilePath(path: string): { transcript: string; coderId: string } | undefined {
  const prefix = `${CODING_DIR}/`;
  if (!path.startsWith(prefix) || !path.endsWith(CODING_FILE_SUFFIX)) return undefined;
  const rest = path.slice(prefix.length, -CODING_FILE_SUFFIX.length);
  const slash = rest.lastIndexOf('/');
  if (slash < 0) return undefined;
  const transcript = rest.slice(0, slash);
  const coderId = rest.slice(slash + 1);
  if (!isProjectRelativePath(transcript) || !isCoderId(coderId)) return undefined;
  return { transcript, coderId };
}

/** Letters that Unicode does not decompose into a base letter plus accents. */
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h',
};

/**
 * A file-name-safe coder id from a display name: `Dana Reyes` → `dana-reyes`, `Zoë Ólafsdóttir`
 * → `zoe-olafsdottir`. Never empty: a name with no usable letters becomes `coder`.
 */
export function coderIdFromName(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþıħ]/g, (letter) => LETTER_FOLDS[letter] ?? letter);
  const slug = folded
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_CODER_ID_LENGTH)
    .replace(/-+$/, '');
  return slug === '' ? FALLBACK_CODER_ID : slug;
}
