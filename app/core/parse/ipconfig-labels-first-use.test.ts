import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * ipconfig-labels.ts makes its tables from the vocabulary on first use, not when it loads (every CLI
 * start loads it; issue 16.2). Each test imports a fresh copy of the module, so the table it asks
 * for first is built then, in whatever order the lines of a real file ask for them.
 */
const fresh = async () => {
  vi.resetModules();
  return import('./ipconfig-labels');
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ipconfig label tables on first use', () => {
  it('loading the module keys no phrase of the vocabulary (no NFD of its accented labels)', async () => {
    const normalize = vi.spyOn(String.prototype, 'normalize');
    const labels = await fresh();
    expect(normalize).not.toHaveBeenCalled();
    // the first lookup of an accented label builds the table, and finds it
    expect(labels.lookupLabel('   Passerelle par défaut. . . . . . . . ')).toBe('defaultGateway');
    expect(normalize).toHaveBeenCalled();
  });

  it('a label with lost letters asked first (its table reads the label table) is found', async () => {
    const labels = await fresh();
    expect(labels.lookupLabel('   Direcci?n IPv4. . . . . . . . . . ')).toBe('ipv4Address');
    expect(labels.lookupLabel('   Configuraci?n autom?tica habilitada ')).toBe('info');
  });

  it('a header with lost letters asked first is read with its phrase given back', async () => {
    const labels = await fresh();
    expect(labels.parseHeader('Carte r?seau sans fil Wi-Fi:')).toEqual({ header: 'Carte réseau sans fil Wi-Fi', name: 'Wi-Fi' });
  });

  it('a title, a header and a name-first header each asked first in a fresh module', async () => {
    expect((await fresh()).isTitle('Configuración IP de Windows')).toBe(true);
    expect((await fresh()).parseHeader('Adaptador de LAN inalámbrica Wi-Fi:')).toEqual({ header: 'Adaptador de LAN inalámbrica Wi-Fi', name: 'Wi-Fi' });
    expect((await fresh()).parseHeader('Подключение по локальной сети 2 - Ethernet адаптер:')).toEqual({ header: 'Подключение по локальной сети 2 - Ethernet адаптер', name: 'Подключение по локальной сети 2' });
  });
});
