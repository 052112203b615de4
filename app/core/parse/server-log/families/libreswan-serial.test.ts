import { describe, expect, it } from 'vitest';
import { lastState } from './libreswan-serial';

/** The reading lastState stands for: the last match of the regex, whatever name it is given as already known. */
const reference = (text: string): string | undefined => text.match(/(STATE_[A-Z0-9_]+)/g)?.at(-1);

const PIECES = ['STATE_', 'STATE_MAIN_R1', 'STATE_MAIN_R2', 'STATE_QUICK_I1', 'MAIN_R1', 'XSTATE_MAIN_R1', 'STATE_STATE_', '_', 'A', '9', ' ', ': ', '#3: ', '"c"[1] ', 'sent MR1, expecting MI2', 'STATE_V2_PARENT_I1', 'state_main_r1'];

describe('lastState', () => {
  it('finds the last STATE_ name as the regex does, with or without a known name', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const known = [undefined, 'STATE_MAIN_R1', 'STATE_MAIN_R', 'STATE_MAIN_R12', 'STATE_QUICK_I1', 'STATE_'];
    for (let i = 0; i < 4000; i++) {
      let text = '';
      for (let k = rnd(7); k >= 0; k--) text += PIECES[rnd(PIECES.length)];
      for (const name of known) expect(lastState(text, name), JSON.stringify([text, name])).toBe(reference(text));
    }
  });

  it('gives the known name itself when the text names it', () => {
    const known = ` ${'STATE_MAIN_R1'}`.slice(1);
    expect(lastState('Jan  1 00:00:01 vpn1 pluto[1000]: "l2tp-psk"[0] 198.51.0.0 #0: STATE_MAIN_R1: sent MR1, expecting MI2', known)).toBe(known);
  });
});
