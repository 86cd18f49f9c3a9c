/**
 * How a candidate place for a quote is judged. All thresholds live here; docs/anchoring.md explains
 * each of them.
 */
import { CONTEXT_LENGTH, type QuoteSelector } from '../model';
import { distanceEndingAt, distanceStartingAt } from './distance';
import { endsAt, occursAt } from './text';

/** A quote's possible place in the text and the evidence for it. */
export interface Candidate {
  start: number;
  end: number;
  /** Edit distance between the stored quote and text[start, end). */
  quoteErrors: number;
  /** Edit distance between the stored prefix and the text just before `start`. */
  prefixErrors: number;
  /** Edit distance between the stored suffix and the text just after `end`. */
  suffixErrors: number;
  /** How far the context agrees beyond chance, 0 (unrelated text) … 1 (identical). */
  prefixEvidence: number;
  suffixEvidence: number;
  /**
   * The stored context was cut short by the start (end) of the text, and here it is still all there
   * is between the quote and that edge: the quote still opens (closes) the text.
   */
  prefixAtEdge?: boolean;
  suffixAtEdge?: boolean;
  /** Offset distance from the nearest place the neighbouring segments predict. */
  distance: number;
  /** The exact quote occurs only here in the whole text. */
  unique: boolean;
  /**
   * The quote is unique, but either half of it occurs elsewhere: it is made of a phrase said again
   * and again, and its only unchanged copy may be another instance of the phrase.
   */
  repeatsPhrase: boolean;
  score: number;
}

/** Fuzzy matches need at least this score (character-weighted similarity, see {@link scoreOf}). */
export const DEFAULT_MIN_FUZZY_SCORE = 0.7;
/** Shorter quotes are only ever placed where they occur exactly: a few letters match anywhere. */
export const MIN_FUZZY_QUOTE_LENGTH = 8;
/** A fuzzy match may differ from quote and context by at most this share of the quote's length. */
export const MAX_FUZZY_ERROR_RATE = 0.4;
/** Two unrelated stretches of prose still reach about this similarity under edit distance. */
export const CHANCE_SIMILARITY = 0.5;
/** An exact quote at least this long, occurring once, identifies its place even without context. */
export const DISTINCTIVE_QUOTE_LENGTH = 64;
/** An exact quote at least this long needs only one side of its context intact. */
export const ONE_SIDED_QUOTE_LENGTH = 32;
/** …or at least this long when it is also near where its neighbours predict it. */
export const MIN_ONE_SIDED_NEAR_LENGTH = 8;
/** Quotes shorter than this (a letter, a word like "so") are placed only where both sides are intact. */
export const VERY_SHORT_QUOTE_LENGTH = 4;
/** A context cut short by the start or end of the text is too little to rely on alone. */
export const MIN_INTACT_SIDE = 24;
/** Context evidence that counts as intact (a typo or two in 32 characters). */
export const INTACT_EVIDENCE = 0.9;
/** An exact quote this close to where its neighbours predict it needs only half its context. */
export const NEAR_EXPECTED = 64;
/** Share of the score given to agreeing with the position the neighbouring segments predict. */
export const POSITION_WEIGHT = 0.1;
/** Offset distance at which the position part of the score has halved. */
export const POSITION_SCALE = 256;
/** Two places for one quote whose scores are this close cannot be told apart: orphan instead. */
export const AMBIGUITY_MARGIN = 0.02;
/**
 * An exact quote with one side intact settles the search only this close to its predicted place
 * (the neighbourhood searched for exact copies first, see quote-search.ts).
 */
export const ONE_SIDED_DECISIVE_DISTANCE = 2048;
/** Context at least this good on both sides settles a candidate without looking further. */
export const DECISIVE_EVIDENCE = 0.9;
/**
 * Characters of agreement (exact quote plus context beyond chance) an exact match needs unless it is
 * distinctive on its own: a couple of letters with a little context turn up anywhere.
 */
export const MIN_EVIDENCE_CHARACTERS = 24;

/** Fill in context and score for a place of the quote whose quote distance is known. */
export function evaluate(text: string, quote: QuoteSelector, start: number, end: number, quoteErrors: number, distance: number, unique = false, repeatsPhrase = false): Candidate {
  const prefixErrors = quote.prefix.length === 0 ? 0 : prefixDistance(text, start, quote.prefix);
  const suffixErrors = quote.suffix.length === 0 ? 0 : suffixDistance(text, end, quote.suffix);
  // An empty stored context says the quote began (or ended) the text: true or not now.
  const prefixEvidence = quote.prefix.length === 0 ? (start === 0 ? 1 : 0) : evidence(prefixErrors, quote.prefix.length);
  const suffixEvidence = quote.suffix.length === 0 ? (end === text.length ? 1 : 0) : evidence(suffixErrors, quote.suffix.length);
  const candidate: Candidate = { start, end, quoteErrors, prefixErrors, suffixErrors, prefixEvidence, suffixEvidence, distance, unique, repeatsPhrase, score: 0 };
  if (quote.prefix.length < CONTEXT_LENGTH && prefixErrors === 0 && start === quote.prefix.length) candidate.prefixAtEdge = true;
  if (quote.suffix.length < CONTEXT_LENGTH && suffixErrors === 0 && end + quote.suffix.length === text.length) candidate.suffixAtEdge = true;
  candidate.score = scoreOf(candidate, quote);
  return candidate;
}

/**
 * Character-weighted similarity of quote and context, plus a little for position:
 * `0.9 · (n·q + |prefix|·p + |suffix|·s) / (n + |prefix| + |suffix|) + 0.1 · 1 / (1 + distance / 256)`
 * where q = 1 − quoteErrors / n and p, s are the context evidences. A long quote outweighs its
 * context; a short one leans on it.
 */
export function scoreOf(c: Candidate, quote: QuoteSelector): number {
  const n = quote.exact.length;
  const q = Math.max(0, 1 - c.quoteErrors / n);
  const p = Math.max(quote.prefix.length, 1);
  const s = Math.max(quote.suffix.length, 1);
  const similarity = (n * q + p * c.prefixEvidence + s * c.suffixEvidence) / (n + p + s);
  const closeness = 1 / (1 + c.distance / POSITION_SCALE);
  return (1 - POSITION_WEIGHT) * similarity + POSITION_WEIGHT * closeness;
}

/** Whether a candidate is good enough to place the segment on (before comparing with rivals). */
export function isAcceptable(c: Candidate, quote: QuoteSelector, minFuzzyScore: number): boolean {
  if (c.quoteErrors === 0) return isAcceptableExact(c, quote);
  if (quote.exact.length < MIN_FUZZY_QUOTE_LENGTH) return false;
  // Context errors count against the budget too: a match that borrows its neighbours' text
  // (the quote deleted, something similar next to it) pays for the context it breaks.
  const errors = c.quoteErrors + c.prefixErrors + c.suffixErrors;
  return errors <= MAX_FUZZY_ERROR_RATE * quote.exact.length && c.score >= minFuzzyScore;
}

/**
 * An exact quote is accepted on context agreeing on both sides; on one side only when that side is
 * intact and the quote is long enough not to be a coincidence (a quote of a few letters next to
 * intact context is as likely deleted, its neighbour's letters matching by chance).
 */
function isAcceptableExact(c: Candidate, quote: QuoteSelector): boolean {
  const n = quote.exact.length;
  // Far from its predicted place, a phrase said again and again (a stock answer after the same
  // question) may be another instance of it, its own copy edited: there it must not repeat.
  const far = c.distance > ONE_SIDED_DECISIVE_DISTANCE;
  const distinctive = c.unique && !(far && c.repeatsPhrase);
  if (n >= DISTINCTIVE_QUOTE_LENGTH && distinctive) return true;
  const weaker = Math.min(c.prefixEvidence, c.suffixEvidence);
  const near = c.distance <= NEAR_EXPECTED;
  // Far from its predicted place, one intact side may be another instance of a repeated phrase's.
  const identifiable = !far || distinctive;
  if (oneSideIntact(c, quote) && ((n >= ONE_SIDED_QUOTE_LENGTH && identifiable) || (n >= MIN_ONE_SIDED_NEAR_LENGTH && near))) return true;
  const agreeing = n + c.prefixEvidence * quote.prefix.length + c.suffixEvidence * quote.suffix.length;
  // A quote of a few characters is identified by its context alone, so both sides must hold.
  const weakest = n < VERY_SHORT_QUOTE_LENGTH ? INTACT_EVIDENCE : n < MIN_ONE_SIDED_NEAR_LENGTH ? 0.75 : 0.5;
  if (weaker < weakest || agreeing < MIN_EVIDENCE_CHARACTERS) return false;
  return (c.prefixEvidence + c.suffixEvidence) / 2 >= 0.75 || near;
}

/**
 * How surely a candidate settles the search. `both-sides`: context intact on both sides, nothing
 * could beat it. `one-side`: an exact quote with one side intact (text typed right at the
 * segment's other edge, a paragraph edge after a move), at least 32 characters long or exactly
 * where its neighbours predict it; only a copy of the quote just beside it could compete, so the
 * search stops once the neighbourhood has been looked at.
 */
export function decisiveness(c: Candidate, quote: QuoteSelector): 'both-sides' | 'one-side' | 'none' {
  const n = quote.exact.length;
  // A quote of a few letters a character or two from its place (a doubled letter, a text shifted by
  // an edit before it) still has nearly intact context there: only exact context settles it early.
  const exactContext = c.prefixErrors === 0 && c.suffixErrors === 0;
  if (Math.min(c.prefixEvidence, c.suffixEvidence) >= DECISIVE_EVIDENCE && (n >= MIN_ONE_SIDED_NEAR_LENGTH || exactContext)) return 'both-sides';
  const longEnough = n >= ONE_SIDED_QUOTE_LENGTH || (c.distance === 0 && n >= MIN_ONE_SIDED_NEAR_LENGTH);
  // Far from where its neighbours predict it, one intact side may be a repeated phrase's: an
  // edited copy near the prediction, with both sides intact, must still get its chance.
  const near = c.distance <= ONE_SIDED_DECISIVE_DISTANCE;
  // A phrase said again and again ("You know what I mean, it's just how it is.") after the same
  // stock sentence has that side intact at every copy: away from its predicted start, only a
  // quote found nowhere else, not even in part, settles the search; otherwise its own copy,
  // edited, with both sides nearly intact, gets its chance.
  const alone = (c.unique && !c.repeatsPhrase) || c.distance <= NEAR_EXPECTED;
  return c.quoteErrors === 0 && longEnough && near && alone && oneSideIntact(c, quote) ? 'one-side' : 'none';
}

/**
 * A side is intact when its context agrees and is long enough to mean something, or when it is
 * still exactly the stretch between the quote and the text's edge: the last sentence of a
 * transcript is still its last, which a few characters of context alone would not show.
 */
function oneSideIntact(c: Candidate, quote: QuoteSelector): boolean {
  return (
    (c.prefixEvidence >= INTACT_EVIDENCE && quote.prefix.length >= MIN_INTACT_SIDE) ||
    (c.suffixEvidence >= INTACT_EVIDENCE && quote.suffix.length >= MIN_INTACT_SIDE) ||
    c.prefixAtEdge === true ||
    c.suffixAtEdge === true
  );
}

/** 0 for context no closer than unrelated text, 1 for identical context. */
function evidence(errors: number, length: number): number {
  const similarity = 1 - errors / length;
  return Math.min(1, Math.max(0, (similarity - CHANCE_SIMILARITY) / (1 - CHANCE_SIMILARITY)));
}

function prefixDistance(text: string, start: number, prefix: string): number {
  return endsAt(text, start, prefix) ? 0 : distanceEndingAt(text, start, prefix);
}

function suffixDistance(text: string, end: number, suffix: string): number {
  return occursAt(text, end, suffix) ? 0 : distanceStartingAt(text, end, suffix);
}
