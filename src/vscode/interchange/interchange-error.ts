import * as vscode from 'vscode';
import { notice, showError } from '../ui/notifications';

/** Why an import or export cannot go ahead, worded for the researcher. Nothing has been written. */
export class InterchangeError extends Error {
  override readonly name = 'InterchangeError';
}

/** What a command returns when it stopped on a problem (the message was shown too). */
export interface CommandFailure {
  error: string;
}

/**
 * Runs a command: a problem it reports is shown as an error and returned, so callers (and tests)
 * can tell a refusal from a cancellation (undefined). Anything unexpected is logged in full.
 */
export async function reportingFailures<T>(log: vscode.LogOutputChannel, run: () => Promise<T | undefined>): Promise<T | CommandFailure | undefined> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof InterchangeError ? error.message : `Grounded: something went wrong: ${error instanceof Error ? error.message : String(error)}`;
    if (!(error instanceof InterchangeError)) log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    void showError(notice`${message}`);
    return { error: message };
  }
}
