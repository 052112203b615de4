import type { Action } from './actions';

/** One step of a fix: what it does, and the line that tells the person reading the script's output. */
export interface ScriptStep {
  action: Action;
  /** one line for the person reading the output, e.g. "Remove the VPN default route" */
  label: string;
}
