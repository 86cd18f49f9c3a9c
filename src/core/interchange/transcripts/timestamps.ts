/** WebVTT: `hh:mm:ss.ttt` or `mm:ss.ttt`, hours of two or more digits, exactly three decimals. */
const WEBVTT_TIME = /^(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})$/;
/** SRT: `hh:mm:ss,ttt`; players also accept a full stop and fewer decimals, so we do too. */
const SRT_TIME = /^(\d{1,3}):(\d{2}):(\d{2})[,.](\d{1,3})$/;
/** A timestamp written by a person: `1:02`, `01:02:03`, `[00:01:02.5]`. */
const SPOKEN_TIME = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/;

export function parseWebVttTime(text: string): number | undefined {
  return toSeconds(WEBVTT_TIME.exec(text));
}

export function parseSrtTime(text: string): number | undefined {
  return toSeconds(SRT_TIME.exec(text));
}

export function parseSpokenTime(text: string): number | undefined {
  return toSeconds(SPOKEN_TIME.exec(text));
}

/** Minutes and seconds above 59 are not a time: `00:61:00` is a typo or a corrupt file. */
function toSeconds(m: RegExpExecArray | null): number | undefined {
  if (m === null) return undefined;
  const [hours, minutes, seconds] = [m[1], m[2], m[3]].map((part) => (part === undefined ? 0 : Number(part)));
  if (minutes > 59 || seconds > 59) return undefined;
  const fraction = m[4] === undefined ? 0 : Number(`0.${m[4]}`);
  return hours * 3600 + minutes * 60 + seconds + fraction;
}

/**
 * `[hh:mm:ss]` as the transcript parser reads it, rounded down to the second. Undefined past
 * 99:59:59, which the parser's two-digit hours cannot hold.
 */
export function formatTurnTimestamp(seconds: number): string | undefined {
  const whole = Math.floor(seconds);
  const hours = Math.floor(whole / 3600);
  if (hours > 99) return undefined;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(hours)}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
}
