import { readMisread } from './code-page-misreadings';
import { labelKey, stripLeaderTail } from './ipconfig-labels';
import { hasLostLetters, lostLetterKey, LostLetterIndex } from './lost-letters';

/**
 * The words of ipconfig's values that the parser reads as states: yes/no ("DHCP Enabled", "Autoconfiguration
 * Enabled") and the media state of a disconnected adapter, in the languages of ipconfig-labels.ts. Each is
 * read as printed, by its shape when letters were lost (lost-letters.ts), or re-read when it was shown in
 * the wrong code page (code-page-misreadings.ts).
 */

const YES_WORDS = ['yes', 'ja', 'tak', 'si', 'sí', 'да', '是', 'oui', 'sim', 'はい'];
const NO_WORDS = ['no', 'nein', 'nie', 'нет', '否', 'non', 'nee', 'não', 'いいえ'];
const YES = YES_WORDS.map(labelKey);
const NO = NO_WORDS.map(labelKey);

const LOST_LETTER_YES_NO = new LostLetterIndex<boolean>({ minAsciiLetters: 0 });
for (const [words, yes] of [[YES_WORDS, true], [NO_WORDS, false]] as const) for (const w of words) LOST_LETTER_YES_NO.add(w, yes);

export function parseYesNo(value: string): boolean | undefined {
  return yesNo(value) ?? readMisread(value, yesNo)?.value;
}

function yesNo(value: string): boolean | undefined {
  const k = labelKey(value);
  if (YES.includes(k)) return true;
  if (NO.includes(k)) return false;
  return hasLostLetters(value) ? LOST_LETTER_YES_NO.get(lostLetterKey(value, stripLeaderTail)) : undefined;
}

const DISCONNECTED_PHRASES = [
  'Media disconnected', 'Medium getrennt', 'Nośnik odłączony', 'medios desconectados',
  'Среда передачи недоступна', '媒体已断开连接', '媒体已断开', 'Média déconnecté', 'Medium niet verbonden',
  'Supporto disconnesso', 'Mídia desconectada', 'メディアは接続されていません',
];
const DISCONNECTED = DISCONNECTED_PHRASES.map(labelKey);
const CONNECTED_PHRASES = ['Media connected', 'Medium verbunden'];
const CONNECTED = CONNECTED_PHRASES.map(labelKey);

const LOST_LETTER_STATES = new LostLetterIndex<boolean>();
for (const [states, connected] of [[DISCONNECTED_PHRASES, false], [CONNECTED_PHRASES, true]] as const) for (const p of states) LOST_LETTER_STATES.add(p, connected);

export function parseMediaState(value: string): boolean | undefined {
  return mediaState(value) ?? readMisread(value, mediaState)?.value;
}

function mediaState(value: string): boolean | undefined {
  const k = labelKey(value);
  if (DISCONNECTED.includes(k)) return false;
  if (CONNECTED.includes(k)) return true;
  return hasLostLetters(value) ? LOST_LETTER_STATES.get(lostLetterKey(value, stripLeaderTail)) : undefined;
}
