/**
 * Text a name must not be replaced in, because it points at a file: `interviews/p01-amara.md` in a
 * memo's front matter or in a Markdown link. Replacing the name there would break the link (the
 * file keeps its name); such paths are reported instead, so the researcher can rename the files.
 */
import type { TextRange } from '../model';

/** Front-matter keys of a memo whose values are references (paths and ids), not prose. */
const MEMO_LINK_KEYS = /^(code|transcript|segment|coder)[ \t]*:/;
const FRONT_MATTER = /^---\n([\s\S]*?\n)?---(?:\n|$)/;
/** `[text](destination "title")` and `![alt](destination)`: the destination. */
const INLINE_LINK_DESTINATION = /\]\(\s*(<[^>\n]*>|[^\s)]+)/g;
/** `[label]: destination` reference definitions. */
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*(\S+)/gm;
/** `<https://…>` autolinks. */
const AUTOLINK = /<[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*>/g;

export function protectedRanges(text: string, kind: 'transcript' | 'memo'): TextRange[] {
  const ranges: TextRange[] = [...linkDestinations(text)];
  if (kind === 'memo') ranges.push(...memoLinkValues(text));
  return ranges.sort((a, b) => a.start - b.start);
}

function linkDestinations(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  for (const pattern of [INLINE_LINK_DESTINATION, REFERENCE_DEFINITION]) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index + match[0].length - match[1].length;
      ranges.push({ start, end: start + match[1].length });
    }
  }
  for (const match of text.matchAll(AUTOLINK)) ranges.push({ start: match.index, end: match.index + match[0].length });
  return ranges;
}

/** The lines of `code:`, `transcript:`, `segment:` and `coder:`, with any list lines under them. */
function memoLinkValues(text: string): TextRange[] {
  const block = FRONT_MATTER.exec(text);
  if (!block) return [];
  const ranges: TextRange[] = [];
  let offset = 4;
  let inLink = false;
  for (const line of (block[1] ?? '').split('\n')) {
    // List items may sit at the key's indentation (`transcript:` then `- interviews/p01.md`).
    const topLevel = line !== '' && !/^[ \t]|^-[ \t]/.test(line);
    if (topLevel) inLink = MEMO_LINK_KEYS.test(line);
    if (inLink) ranges.push({ start: offset, end: offset + line.length });
    offset += line.length + 1;
  }
  return ranges;
}
