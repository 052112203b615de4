/**
 * The field labels of a Windows event as Event Viewer's "Copy details as text" and `wevtutil qe
 * /f:text` print them, in the languages seen in pasted events or assumed from Windows'
 * translations (the Russian, Chinese and Polish ones from ../shared/corpus; the Japanese ones from an
 * event copied into a Microsoft Learn troubleshooting page, ja-jp, index file id 5294252587: ログ名,
 * ソース, 日付, イベント ID, 説明; the German ones as Microsoft's de-de Learn pages quote copied events, `Protokollname:`,
 * `Quelle:`, `Datum:`, `Ereignis-ID:`, `Beschreibung:` (index file ids 22194289493, 36265008750); the Spanish ones as its es-es
 * pages do, `Nombre de registro:`, `Origen:`, `Fecha:`, `ID. de evento:`, `Descripción:` (index file id 191884142); the
 * others, Korean among them, assumed):
 * each an alternation for a regex, without capture groups. Read by the RasClient event parser
 * (wevtutil.ts) and the server-log event blocks (server-log/families/windows-event-block.ts).
 * Plain string literals, not String.raw: the CLI bundle is written in ASCII, and esbuild cannot
 * escape a String.raw that holds other text (test/cli-bundle.test.ts caught it).
 */
export const EVENT_ID_WORDS = 'event ?id|ereignis-?id|gebeurtenis-?id|id de l.?(?:é|e)v(?:é|e)nement|id\\.? (?:del? )?evento|код события|事件 ?id|identyfikator zdarzenia|イベント ?id|이벤트 ?id';
export const SOURCE_WORDS = 'source|quelle|bron|origine|origen|fuente|источник|来源|źródło|ソース|원본';
export const DATE_WORDS = 'date|datum|fecha|data|дата|日期|日付|날짜';
export const DESCRIPTION_WORDS = 'description|beschreibung|beschrijving|descripción|descrizione|описание|描述|opis|説明|설명';
