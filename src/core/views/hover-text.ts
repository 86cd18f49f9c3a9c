import type { Codebook } from '../codebook';
import type { PlacedSegment } from '../transcript-session';
import { escapeMarkdown } from './untrusted-text';

/**
 * The hover over coded text, as Markdown: one line per segment at the cursor with its codes (by
 * path, with a colour swatch), the coder, how it was placed when not exactly, and its comment.
 */
export function hoverMarkdown(segments: readonly PlacedSegment[], codebook: Codebook): string {
  const lines = segments.map((p) => {
    const codes = p.segment.codes.map((id) => {
      const code = codebook.get(id);
      if (!code) return `*unknown code ${escapeMarkdown(id)}*`;
      return `<span style="color:${code.color};">■</span> **${escapeMarkdown(codebook.path(id).join(' / '))}**`;
    });
    const placement = p.status === 'fuzzy' ? ' · *placed by approximate match: needs review*' : '';
    const comment = p.segment.comment ? `  \n💬 ${escapeMarkdown(p.segment.comment)}` : '';
    return `${codes.join(', ')} — ${escapeMarkdown(p.coder.name)}${placement}${comment}`;
  });
  return lines.join('\n\n---\n\n');
}
