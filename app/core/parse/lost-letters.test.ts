import { describe, expect, it } from 'vitest';
import { lookupLabel, parseHeader, stripLeaderTail } from './ipconfig-labels';
import { parseMediaState, parseYesNo } from './ipconfig-value-words';
import { LostLetterIndex, lostLetterForm, stripLeaderKeepingLostLetters } from './lost-letters';

describe('phrases whose letters outside ASCII were lost', () => {
  it('reads a label, a header and a media state by the shape they keep', () => {
    expect(lookupLabel('   M?scara de subred . . . . . . . . . . . . ')).toBe('subnetMask');
    expect(lookupLabel('Passerelle par d\ufffdfaut. . . . . . . . . ')).toBe('defaultGateway');
    // a lost letter at the label's end is a letter, not leader filler
    expect(lookupLabel('DHCP activ?. . . . . . . . . . . . . . ')).toBe('dhcpEnabled');
    expect(parseHeader('Carte r?seau sans fil Wi-Fi :')).toEqual({ header: 'Carte réseau sans fil Wi-Fi', name: 'Wi-Fi' });
    expect(parseHeader('Adaptador de t?nel isatap.{5A0F}:')).toEqual({ header: 'Adaptador de túnel isatap.{5A0F}', name: 'isatap.{5A0F}' });
    expect(parseMediaState('M?dia d?connect?')).toBe(false);
  });

  it('leaves unread what lost too much to tell: a phrase of one script alone, one letter too many, a word of its own', () => {
    // "Основной шлюз" with every letter lost keeps only 8 + 4 marks, which other scripts' labels may share
    expect(lookupLabel('???????? ????')).toBeUndefined();
    expect(lookupLabel('M??scara de subred')).toBeUndefined();
    expect(lookupLabel('M?scara de red')).toBeUndefined();
    expect(parseHeader('Karte r?seau sans fil Wi-Fi:')).toBeUndefined();
  });

  it('keeps a label\'s lost letters when its leader is cut, and takes a lone mark between dots for filler', () => {
    expect(stripLeaderKeepingLostLetters('????? ??????? . . . . ', stripLeaderTail)).toBe('????? ???????');
    expect(stripLeaderKeepingLostLetters('Adresse IP. . . . .?. . . ', stripLeaderTail)).toBe('Adresse IP');
    expect(lookupLabel('Adresse IP. . . . . . . . .?. . . ')).toBe('ipv4Address');
    // a closed set of short words: "???" can only be "нет" or "いいえ", both no
    expect(parseYesNo('???')).toBe(false);
    expect(parseYesNo('?')).toBeUndefined();
  });

  it('drops a form two meanings share', () => {
    const index = new LostLetterIndex<string>();
    index.add('Adresse réseau', 'a');
    index.add('Adresse rèseau', 'b');
    index.add('Passerelle par défaut', 'c');
    index.add('Passerelle par défaut', 'c');
    expect(index.get(lostLetterForm('Adresse r?seau'))).toBeUndefined();
    expect(index.get(lostLetterForm('Passerelle par d?faut'))).toBe('c');
  });
});
